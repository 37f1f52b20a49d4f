"""简体中文：观察期（每个笔记本都会说明它使用了哪些日期）。"""

MESSAGES = {
    "zh": {
        "window.text.used": "使用截至 **{end:date}**（{source}）的数据；此后的购买不予考虑。",
        "window.text.holdout": (
            "校准期截至 **{calibration_end:date}**（{calibration_source}）；验证期为 {periods:g} {unit}，"
            "截至 {end:date}。"
        ),
        "window.source.data": "数据中最后一笔交易的日期",
        "window.source.study": "由研究的 window 设定",
        "window.source.notebook": "由本笔记本的参数设定",
        "window.source.argument": "调用时给定",
        "window.source.holdout_length": "观察期结束日减去验证期长度",
        "window.unit.D": "天",
        "window.unit.W": "周",
        "window.unit.M": "个月",
        "window.unit.Y": "年",
    },
}
