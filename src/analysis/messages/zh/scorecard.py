"""简体中文：笔记本 05 的 KPI 计分卡（KPI 名称、单位、结论、句子与检查）."""

#: texts that read the same in Chinese (the study's currency alone)
SAME_AS_ENGLISH = {"scorecard.unit.money"}

#: how each kind of KPI's numbers read: a value with its interval, a target, a change per period and what its
#: interval says first (a change of a share is in percentage points)
_KINDS = {
    "share": ("{estimate:.1%}（{level} 置信区间 {low:.1%} 至 {high:.1%}）", " {target:.1%}", "{slope:+.1%}", "百分点；",
              ".1%"),
    "index": ("{estimate:.1f} 分（满分 100；{level} 置信区间 {low:.1f} 至 {high:.1f}）", " {target:.1f} 分",
              "{slope:+.1f} 分", "", ".1f"),
    "rate": ("每千笔订单 {estimate:.1f} 件（{level} 置信区间 {low:.1f} 至 {high:.1f}）", "每千笔订单 {target:.1f} 件",
             "{slope:+.1f} 件/千笔订单", "", ".1f"),
    "money": ("{estimate:wan} {currency}（{level} 置信区间 {low:wan} 至 {high:wan}）", " {target:wan} {currency}",
              "{slope:+,.0f} {currency}", "", ",.0f"),
}


def _kpi_sentences() -> dict[str, str]:
    out = {}
    for kind, (value, target, change, note, fmt) in _KINDS.items():
        out[f"scorecard.text.target.{kind}"] = f"{{kpi}}（{{period}}）：{value}，目标值为{target}：{{verdict}}。"
        out[f"scorecard.text.no_target.{kind}"] = f"{{kpi}}（{{period}}）：{value}；未设定目标值。"
        change = f"每{{period}}变化 {change}（{note}{{level}} 置信区间 {{low:+{fmt}}} 至 {{high:+{fmt}}}）"
        trend = "{kpi}，最近 {n} 个完整期间的趋势："
        out[f"scorecard.text.trend_up.{kind}"] = f"{trend}上升，{change}。"
        out[f"scorecard.text.trend_down.{kind}"] = f"{trend}下降，{change}。"
        out[f"scorecard.text.trend_flat.{kind}"] = f"{trend}没有明显变化；{change}，与没有变化相符。"
    return out


MESSAGES = {
    "zh": {
        "scorecard.kpi.retention_rate": "客户留存率",
        "scorecard.kpi.churn_rate": "客户流失率",
        "scorecard.kpi.satisfaction_index": "客户满意度指数",
        "scorecard.kpi.complaint_rate": "投诉率",
        "scorecard.kpi.complaints_per_customer": "投诉客户占比",
        "scorecard.kpi.value_added_sales": "增值服务销售额",
        "scorecard.kpi.cross_sell_rate": "交叉销售率",
        "scorecard.kpi.referral_rate": "推荐率",
        "scorecard.unit.share": "比例",
        "scorecard.unit.index": "指数（0-100）",
        "scorecard.unit.rate": "每千笔订单",
        "scorecard.unit.money": "{currency}",
        "scorecard.verdict.met": "达成（整个区间都在目标值的有利一侧）",
        "scorecard.verdict.not met": "未达成（整个区间都在目标值的不利一侧）",
        "scorecard.verdict.cannot tell": "无法判断（区间包含目标值）",
        "scorecard.verdict_short.met": "达成",
        "scorecard.verdict_short.not met": "未达成",
        "scorecard.verdict_short.cannot tell": "无法判断",
        "scorecard.verdict_short.no target": "未设目标值",
        "scorecard.period.month": "月",
        "scorecard.period.quarter": "季度",
        "scorecard.period.whole": "全部数据",
        "scorecard.fig.title": "KPI 计分卡：最新值、{level} 置信区间与目标值",
        "scorecard.fig.target": "目标值",
        "scorecard.fig.estimate": "最新值（{verdict}）",
        "scorecard.text.summary": (
            "在设有目标值的 {n_target} 项 KPI 中，{met} 项达成，{not_met} 项未达成，{cannot} 项无法根据数据判断；"
            "每项结论都以其置信区间为依据。"
        ),
        "scorecard.text.no_targets": (
            "本研究没有设定目标值，因此 KPI 计分卡只列出每项 KPI 及其置信区间，不给出结论；请在研究文件的 notebooks → "
            "05_retention_loyalty → targets 下设定目标值（例如 retention_rate: 0.6）。"
        ),
        **_kpi_sentences(),
        "scorecard.check.no_data": "本研究无法计算{kpi}：{reason}",
        "scorecard.reason.retention_rate": "客户留存部分没有测得任何期间的客户留存率（需要至少两个完整期间的交易数据）。",
        "scorecard.reason.churn_rate": "它等于 1 减去客户留存率，而客户留存率没有测得。",
        "scorecard.reason.satisfaction_index": "需要一份调查，其中包含由 satisfaction_column 指定的总体满意度列。",
        "scorecard.reason.complaint_rate": "需要投诉表和交易数据。",
        "scorecard.reason.complaints_per_customer": "需要投诉表和交易数据。",
        "scorecard.reason.value_added_sales": "需要带类别的交易数据，以及列出增值服务的 value_added_categories。",
        "scorecard.reason.cross_sell_rate": "需要带类别的交易数据（category_column）。",
        "scorecard.reason.referral_rate": "需要包含 referred_by 和获客日期的客户表。",
        "scorecard.check.scale_observed": (
            "本研究既没有设定 satisfaction_scale，也没有设定笔记本 03 的量表，因此 0-100 的客户满意度指数以实际"
            "回答中的最低值和最高值（{low:g} 和 {high:g}）作为量表两端；如果量表实际更宽，指数会偏高或偏低。请设定 "
            "satisfaction_scale: [最低值, 最高值]。"
        ),
        "scorecard.check.scale_given": (
            "客户满意度指数把 {column} 从 {low:g}-{high:g} 的量表换算为 0-100（{n:,} 个回答）。"
        ),
        "scorecard.check.no_targets": (
            "本研究没有设定目标值，因此没有任何 KPI 得出结论；请在研究文件中设定目标值。"
        ),
        "scorecard.check.no_dates": (
            "{kpis}：没有趋势，因为数据中没有相应的日期（调查没有日期列，或只有总体数据）。"
        ),
    },
}
