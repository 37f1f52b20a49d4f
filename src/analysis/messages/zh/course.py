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
        "course.guide.exercise": "练习",
        "course.guide.level": "层次",
        "course.guide.topic": "课程主题",
        "course.guide.title": "标题",
        "course.guide.workbook": "练习册 {notebook}",
        "course.guide.story_story": "故事",
        "course.guide.story_notebook": "所在笔记本",
        "course.guide.story_evidence": "分析显示的结果",
        "course.guide.story_holds": "是否如预设般显现",
        "course.guide.yes": "是",
        "course.guide.no": "否",
        "course.guide.stories_seed": "课堂研究自己的企业（随机种子 {seed}），用笔记本的函数和默认参数分析：",
        "course.story.channel": "调整前看起来最好的渠道",
        "course.story.channel.evidence": (
            "{subject} 的原始到访率最高：比对照组高 {naive:+.3f}。按客户构成调整后，差异为 {estimate:+.3f}"
            "（{ci_low:+.3f} 至 {ci_high:+.3f}），低于 {benchmark_subject} 的 {benchmark:+.3f}：调整后在各渠道中排第 {rank}。"),
        "course.story.loyalty": "不赚钱的忠诚度计划",
        "course.story.loyalty.evidence": (
            "乍看之下，会员每笔订单的消费是非会员的 {naive:.2f} 倍；与相似的非会员比较后只有 {estimate:.2f} 倍"
            "（{ci_low:.2f} 至 {ci_high:.2f}）；计划的净收益为 {benchmark:,.0f}：{verdict}。"),
        "course.story.gap": "期望高于感知的维度",
        "course.story.gap.evidence": (
            "{subject}：感知减期望为 {estimate:+.2f} 分（{ci_low:+.2f} 至 {ci_high:+.2f}），平均感知 {naive:.2f}；"
            "差距第二大的是 {benchmark_subject}，为 {benchmark:+.2f}。{subject} 在总体满意度的驱动因素中排第 {rank}。"),
        "course.story.key_account": "有流失风险的大客户",
        "course.story.flag.overdue": "逾期未购",
        "course.story.flag.trend_rising": "价值上升",
        "course.story.flag.trend_falling": "价值下降",
        "course.story.flag.trend_flat": "价值持平",
        "course.story.flag.trend_short": "历史太短，无法判断趋势",
        "course.story.key_account.evidence": (
            "客户 {subject} 是排名第 {rank} 的大客户：累计消费 {estimate:,.0f}，最近 365 天消费 {naive:,.0f}，"
            "但已有 {benchmark:.0f} 天没有购买（档案标记：{verdict}）。"),
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
