"""简体中文：笔记本 05 的交叉销售、增值服务与推荐部分."""

#: texts that read the same in Chinese (a field alone)
SAME_AS_ENGLISH = {"crosssell.fig.value_added.x"}

MESSAGES = {
    "zh": {
        "crosssell.fig.adoption.title": "购买过各类别的客户占比（{level} Wilson 置信区间）",
        "crosssell.fig.adoption.x": "客户占比",
        "crosssell.fig.adoption.y": "类别",
        "crosssell.fig.value_added.title": "每{period}增值服务销售额（{level} 置信区间）",
        "crosssell.fig.value_added.x": "{period_name}",
        "crosssell.fig.value_added.y": "销售额（{currency}）",
        "crosssell.fig.value_added.partial": "尚未结束的期间",
        "crosssell.period.month": "月份",
        "crosssell.period.quarter": "季度",
        "crosssell.text.adoption": (
            "{customers:,} 位客户在 {k} 个类别中购买过。购买客户最多的类别是 {top}（占客户的 {top_share:.1%}，"
            "{level} 置信区间 {top_low:.1%} 至 {top_high:.1%}）；最少的是 {bottom}（{bottom_share:.1%}）。"
        ),
        "crosssell.text.cross_sell": (
            "交叉销售率为 {rate:.1%}：即在两个或更多类别购买过的客户所占的比例（{level} 置信区间 {low:.1%} 至 "
            "{high:.1%}；{customers:,} 位客户中的 {buyers:,} 位）。"
        ),
        "crosssell.text.rules": (
            "有 {n_rules} 条规则达到最低支持度和置信度（购物篮：{basket}）；其中 {n_sig} 条规则所关联的类别同时出现"
            "的频率超出了随机所能解释的程度（单侧 Fisher 检验，Holm 校正，显著性水平 {alpha}）。"
        ),
        "crosssell.text.no_rules": (
            "在这些购物篮（{basket}）上，没有任何类别组合同时达到最低支持度（{min_support}）和最低置信度"
            "（{min_confidence}）；降低这两个阈值即可看到较弱的规则。"
        ),
        "crosssell.text.top_rule": (
            "超出随机水平的最强规则：含有 {ante} 的购物篮中有 {conf:.1%} 同时含有 {cons}，而在全部购物篮中这一比例"
            "只有 {base:.1%}，提升度为 {lift:.2f}（支持度 {support:.1%}，{n_both:,} 个购物篮，校正后 p = {p:.2g}）。"
        ),
        "crosssell.text.no_significant_rule": (
            "没有任何规则显示类别之间的关联超出随机水平：最高的提升度为 {lift:.2f}（{ante} → {cons}，{n_both:,} 个"
            "购物篮），其校正后 p = {p:.2g}，因此不能作为这些类别会被一起购买的证据。"
        ),
        "crosssell.text.no_lift": (
            "没有任何规则的提升度高于 1：购买某一类别的客户并不比其他客户更可能购买另一类别（最高提升度为 "
            "{lift:.2f}，{ante} → {cons}，{n_both:,} 个购物篮）。客户往往只在少数几个类别购买，因此交叉销售需要"
            "主动争取客户，而不能指望顺着既有的购买习惯。"
        ),
        "crosssell.text.value_added": (
            "增值服务（{names}）在最近一个完整期间（{period}）的销售额为 {sales:wan} {currency}（{level} 置信区间 "
            "{low:wan} 至 {high:wan}），占该期间收入的 {share:.1%}。"
        ),
        "crosssell.text.referral_rate": (
            "在最近一个完整期间（{period}），{rate:.1%} 的新客户是由现有客户推荐而来的（{new:,} 位中的 {referred:,} "
            "位；{level} 置信区间 {low:.1%} 至 {high:.1%}）。"
        ),
        "crosssell.text.top_referrer": (
            "共有 {referrals:,} 位客户经推荐而来；最活跃的推荐人带来了其中 {n_top:,} 位（{share:.1%}）。"
        ),
        "crosssell.text.referral_value": (
            "以下只是描述，并非因果效应：在第一年里，每位被推荐客户带来的毛利为 {ref:,.2f} {currency}，其他客户为 "
            "{other:,.2f}（差额 {diff:,.2f}，{level} 置信区间 {low:,.2f} 至 {high:,.2f}）；被推荐客户中有 "
            "{ref_repeat:.1%}、其他客户中有 {other_repeat:.1%} 再次购买。每位被推荐客户的推荐奖励为 {reward:,.2f} "
            "{currency}，扣除后其首年毛利还剩 {net:,.2f} {currency}。"
        ),
        "crosssell.check.skipped_categories": (
            "交易数据中没有可用的 {column!s} 列（每笔购买的产品或服务类别），因此没有计算各类别的购买率、交叉销售率、"
            "关联规则和增值服务销售额；请将 category_column 设为标明每笔购买所属类别的列。"
        ),
        "crosssell.check.no_value_added": (
            "未设置 value_added_categories，因此没有计算增值服务销售额；请列出属于增值服务的类别（例如 "
            "value_added_categories: [maintenance]）。"
        ),
        "crosssell.check.unknown_value_added": (
            "value_added_categories 列出的 {names} 在任何购买记录中都没有出现；数据中的类别为 {known}。"
        ),
        "crosssell.check.no_basket": (
            "交易数据中没有 {basket!s} 列，因此没有计算关联规则；请将 basket 设为 customer_id（客户购买过的全部"
            "商品）或订单列。"
        ),
        "crosssell.check.rules_chance": (
            "在提升度高于 1 的 {n_lift:,} 条规则中，有 {n:,} 条可能只是随机结果（Holm 校正后 p 不低于 {alpha}）："
            "单凭随机就可能出现的提升度不能证明这些类别会被一起购买；只应解读标为显著的规则。"
        ),
        "crosssell.check.rules_chance_pass": (
            "提升度高于 1 的 {n_lift:,} 条规则全部超出随机水平（Holm 校正后 p 低于 {alpha}）。"
        ),
        "crosssell.check.skipped_referrals": (
            "客户表中没有 referred_by 列（每位客户由谁推荐），因此没有计算推荐率、推荐人情况和被推荐客户的价值；"
            "请在研究文件中把标明推荐人的列映射为 referred_by。"
        ),
        "crosssell.check.referral_cohort": (
            "只有 {n:,} 位被推荐客户的第一年被完整观察到，因此他们的首年毛利不够精确（少于 {minimum} 位客户）。"
        ),
        "crosssell.check.referral_cohort_pass": (
            "有 {n:,} 位被推荐客户的第一年被完整观察到，足以比较首年毛利。"
        ),
        "crosssell.check.no_referral_cohort": (
            "目前还没有被推荐客户的第一年被完整观察到，因此没有比较首年毛利。"
        ),
    },
}
