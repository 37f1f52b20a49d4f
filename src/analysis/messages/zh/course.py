"""简体中文：课程配套材料（练习的层次、课程主题、答案核对、练习册的框架）的文字。"""

MESSAGES = {
    "zh": {
        "course.level.read": "读懂结果",
        "course.level.compute": "动手计算",
        "course.level.change": "改变参数",
        "course.level.apply": "应用到新数据",
        "course.topic.customer_database": "客户数据库",
        "course.topic.value_indicators": "客户价值指标",
        "course.topic.value_tiers": "客户价值分级与分级管理",
        "course.topic.key_accounts": "大客户管理",
        "course.topic.lifecycle": "客户生命周期阶段与各阶段的管理策略",
        "course.topic.one_to_one": "一对一营销",
        "course.topic.segmentation": "市场细分与目标市场选择",
        "course.topic.clv": "客户生命周期价值",
        "course.topic.retention": "客户留存与流失",
        "course.topic.relationship_value": "关系营销的价值",
        "course.topic.satisfaction": "客户满意度：期望与感知",
        "course.topic.service_quality": "SERVQUAL 服务质量的五个维度",
        "course.topic.satisfaction_index": "客户满意度指数",
        "course.topic.loyalty": "客户忠诚与忠诚度计划",
        "course.topic.complaints": "客户投诉与服务补救",
        "course.topic.promotion": "销售促进与特别优惠",
        "course.topic.cross_selling": "交叉销售与增值服务",
        "course.topic.channels": "渠道",
        "course.topic.targets": "对照目标的评估",
        "course.check.right": "**{id}** ✓ 正确：你的答案与程序包为你的企业算出的结果一致。",
        "course.check.wrong": "**{id}** ✗ 还不对：{why}请再试一次，或用 `wb.hint(\"{id}\")` 查看提示。",
        "course.check.missing": "**{id}** 还没有答案：请在上面的单元格中写 `answer = ...` 并重新运行。",
        "course.check.off": "数值与预期不符（超出了本题的容差）。",
        "course.check.labels": "标签（键或索引）与预期不符。",
        "course.check.want_number": "这里需要一个数。",
        "course.check.want_text": "这里需要一段文字（一个名称）。",
        "course.check.want_bool": "这里需要 `True` 或 `False`。",
        "course.check.want_dict": "这里需要一个“名称 -> 数值”的 dict。",
        "course.check.want_series": "这里需要一个 pandas Series（或 dict）。",
        "course.check.want_list": "这里需要一个名称列表。",
        "course.hint": "**提示（{id}）。** {text}",
        "course.model_answer": "**参考答案（{id}，随机种子 {seed}）。** {text}",
        "course.workbook.title": "练习 · {title}",
        "course.workbook.intro": (
            "这些练习配合笔记本 **{notebook}** 使用，数据是课堂研究：一家合成的服务企业（`params/class_study.yaml`）。"
            "请把下面的 `seed` 改成老师发给你的数字，这样你的企业和你的答案都是你自己的。练习由浅入深：读懂结果、"
            "动手计算、改变参数并解释哪些结果变了、把方法应用到新数据上。\n\n"
            "每道练习：补全代码单元格，使它给 `answer` 赋值，然后运行下面的 `wb.check(...)` 单元格。"
            "`wb.hint(\"{first}\")` 给出提示，`wb.answer(\"{first}\")` 给出按你的企业算出的参考答案。"
            "`wb.tables` 是你的企业的数据表（即笔记本读入的那些表），`wb.parameters()` 是笔记本在课堂研究中的参数。"),
        "course.workbook.exercise": "## {id}　{title}\n\n*{level}：{topic}*\n\n{question}",
    },
}
