"""简体中文：RFM 八类客户价值（笔记本 01）：类别名称、每类的管理策略、图与发现。"""

MESSAGES = {
    "zh": {
        "value_classes.class.important_value": "重要价值客户",
        "value_classes.class.important_development": "重要发展客户",
        "value_classes.class.important_retention": "重要保持客户",
        "value_classes.class.important_win_back": "重要挽留客户",
        "value_classes.class.general_value": "一般价值客户",
        "value_classes.class.general_development": "一般发展客户",
        "value_classes.class.general_retention": "一般保持客户",
        "value_classes.class.general_win_back": "一般挽留客户",
        "value_classes.strategy.important_value": "重点保持：提供 VIP 服务和专人关怀，优先推送新品与优惠。",
        "value_classes.strategy.important_development": "提升购买频率：会员积分奖励、交叉销售，提醒其再次光顾。",
        "value_classes.strategy.important_retention": "主动联系，在其流失之前将其唤回。",
        "value_classes.strategy.important_win_back": "重点挽留：了解其离开的原因，提供个性化的优惠。",
        "value_classes.strategy.general_value": "提升客单价：升级、组合销售和增值服务。",
        "value_classes.strategy.general_development": "低成本培养：新客欢迎礼和常规促销。",
        "value_classes.strategy.general_retention": "低成本提醒：自动化邮件和季节性优惠。",
        "value_classes.strategy.general_win_back": "少量投入：偶尔开展低成本活动，或任其离开。",
        "value_classes.reference.median": "中位数",
        "value_classes.reference.mean": "均值",
        "value_classes.fig.title": "RFM 客户价值分类：客户与收入",
        "value_classes.axis.share": "占比（%）",
        "value_classes.axis.class": "价值类别",
        "value_classes.axis.customer_share": "客户占比",
        "value_classes.axis.revenue_share": "收入占比",
        "value_classes.finding.classes": (
            "与全体客户最近消费（{r_ref:,.0f} 天）、消费频率（{f_ref:,.1f}）和消费金额（{m_ref:,.2f}）的{reference}相比，"
            "八类客户中人数最多的是{largest}（占客户的 {largest_share:.1%}）；收入贡献最多的是{top_class}："
            "以 {top_share:.1%} 的客户贡献了 {top_revenue_share:.1%} 的收入。"),
        "value_classes.note.no_money": "RFM 八类客户价值需要金额（M）：本研究的交易记录只记录购买次数，因此跳过这一部分。",
        "value_classes.note.skipped": "已跳过 RFM 八类客户价值（`rfm_class_reference = None`）。",
    },
}
