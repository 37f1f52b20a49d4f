"""简体中文：笔记本 01（客户细分）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_segmentation.champions.title": "谁是冠军客户？",
        "exercises_segmentation.champions.question": (
            "在你的课堂研究上运行笔记本 01。在 `rfm_segments` 表中，冠军客户有多少位？他们带来了多大比例的销售额？"
            "请与他们占客户总数的比例比较。"),
        "exercises_segmentation.champions.hint": "看冠军客户（`Champions`）那一行的 `customers` 和 `revenue_share` 两列。",
        "exercises_segmentation.champions.answer": (
            "冠军客户有 {customers:,} 位，占客户总数的 {customer_share:.1%}，却带来了 {revenue_share:.1%} 的销售额，"
            "是其客户占比的 {ratio:.1f} 倍：他们平均最近一次购买在 {recency:.0f} 天前，平均在 {frequency:.1f} 天有过购买。"
            "最近消费、消费频率和消费金额衡量的是客户的活跃度和贡献度；三项都高的少数客户贡献的销售额远超其人数占比，"
            "留住他们是第一位的。"),
        "exercises_segmentation.concentration.title": "价值有多集中？动手计算",
        "exercises_segmentation.concentration.question": (
            "用 pandas 把客户按价值（与笔记本 01 一样，销售额乘以毛利率）从高到低排序，计算前 20% 的客户带来的价值占总价值的比例。"
            "并与 `concentration` 表中的 `top_value_share` 核对。"),
        "exercises_segmentation.concentration.hint": (
            "`v = value.sort_values(ascending=False)`；前 20% 就是前 `round(0.2 * len(v))` 位客户；用他们的价值之和除以 `v.sum()`。"),
        "exercises_segmentation.concentration.answer": (
            "前 {top:.0%} 的客户（{n_top:,} 位）带来了 {share:.1%} 的价值，基尼系数为 {gini:.2f}。"
            "毛利率把每位客户的价值都乘以同一个数，所以不会改变这个比例。价值是集中的：少数高价值客户值得单独的服务和关注，"
            "而长尾中的大量客户则以低成本提供良好的服务。"),
        "exercises_segmentation.tier_change.title": "A 级客户从哪里划分",
        "exercises_segmentation.tier_change.question": (
            "笔记本 01 在累计价值达到 80%（A|B）和 95%（B|C）处划分客户价值分级。把 `tier_cutoffs` 设为 `[0.7, 0.9]` 后重新运行"
            "（或在练习本中调用 `value_tiers`）。现在 A 级有多少位客户？这个数字为什么这样变化？"),
        "exercises_segmentation.tier_change.hint": (
            "看 `value_tiers` 表中 `A` 一行的 `customers` 列；一个等级包含累计价值达到划分点的前几位客户（跨过划分点的那一位也算在内）。"),
        "exercises_segmentation.tier_change.answer": (
            "A 级在累计价值 {cut:.0%} 处划分时有 {after:,} 位客户（{after_share:.1%}），而在 80% 处划分时有 {before:,} 位"
            "（{before_share:.1%}）；其中价值最低的成员价值 {min_value:,.2f}。客户从价值最高的开始依次加入，直到累计价值达到划分点，"
            "所以划分点越低，停得越早，A 级的客户越少、越有价值。在哪里划分是管理上的选择（企业能为多少位客户提供 A 级服务？），"
            "而不是数据本身的性质。"),
        "exercises_segmentation.value_classes.title": "动手划分八类 RFM 价值客户",
        "exercises_segmentation.value_classes.question": (
            "计算全体客户最近消费天数、消费频率和消费金额的中位数，并动手数出重要价值客户的人数：R 高（最近一次购买比中位数更近）、"
            "F 高和 M 高（高于中位数）。再与 `rfm_value_classes` 表核对。"),
        "exercises_segmentation.value_classes.hint": (
            "R 高是 `recency_days < 中位数`，F 高和 M 高是 `> 中位数`：等于中位数的值算作低。"),
        "exercises_segmentation.value_classes.answer": (
            "重要价值客户有 {n:,} 位（{share:.1%}）：他们最近一次购买不到 {recency:g} 天，有购买的天数多于 {frequency:g} 天，"
            "消费金额高于 {monetary:,.2f}（三个中位数）。他们带来了 {revenue_share:.1%} 的销售额。等于中位数的值算作低，"
            "所以恰好有 {frequency:g} 个购买日的客户不算 F 高；另一端有 {win_back:,} 位客户三项都低（一般挽留客户），"
            "应以低成本的方式服务。"),
        "exercises_segmentation.loyal_lapsed.title": "忠诚客户却已流失？",
        "exercises_segmentation.loyal_lapsed.question": (
            "`segment_lifecycle` 表把 RFM 细分名称与客户生命周期阶段作比较。在笔记本 01 中设置 "
            "`stage_rules = dict(at_risk_days=270, lost_days=540)` 后重新运行。在忠诚客户（Loyal）一行中："
            "仅按得分规则会被称为忠诚客户的有多少位（`score_map_customers`）？其中有多少位处于流失风险或已流失"
            "（`at_risk` + `lost`）？请与默认规则比较，并解释得分上的忠诚客户为什么可能已经流失。"),
        "exercises_segmentation.loyal_lapsed.hint": (
            "得分规则把 R 得分 3-4、F 得分 4-5 的客户称为忠诚客户；看这些客户以天计的最近消费（`table[\"recency_days\"]`）。"),
        "exercises_segmentation.loyal_lapsed.answer": (
            "仅按得分会有 {n:,} 位忠诚客户；按默认的阶段规则其中 {before:,} 位处于流失风险或已流失，at_risk_days = {at_risk_days} "
            "时仍有 {after:,} 位，笔记本现在把 {named_after:,} 位客户称为忠诚客户，而不是 {named_before:,} 位。RFM 得分是客户之间的相对排名："
            "在大多数客户早已停止购买的客户群中，中等的最近消费得分可能意味着最近一次购买在 {max_recency:,} 天前。"
            "客户生命周期阶段使用以天计的界限，按这家企业客户的购买节奏设定，所以笔记本 01 只有在阶段一致时才把客户称为忠诚客户。"),
        "exercises_segmentation.below_zero.title": "负值客户的代价",
        "exercises_segmentation.below_zero.question": (
            "一对一营销要把最有价值客户和成本高于贡献的客户区分开。`one_to_one` 表中有多少位负值客户？你会怎样对待他们？"),
        "exercises_segmentation.below_zero.hint": (
            "看 `below_zero` 一行；当客户的毛利（销售额乘以毛利率）小于其服务成本（每单成本乘以订单数）时，该客户为负值客户。"),
        "exercises_segmentation.below_zero.answer": (
            "有 {n:,} 位负值客户（{share:.1%}）：他们带来的毛利不足以弥补服务成本，合计亏损 {loss:,.2f}。另一端，"
            "前 {top:.0%} 的最有价值客户带来了 {valuable_share:.1%} 的毛利。对负值客户并不是简单放弃：企业可以降低服务他们的成本"
            "（减少高成本的订单、引导自助服务），或者收取能覆盖服务成本的价格。"),
        "exercises_segmentation.key_account.title": "每个大客户都安好吗？",
        "exercises_segmentation.key_account.question": (
            "查看排名前十的大客户档案（`key_account_profiles` 表）。其中有没有正在流失的？请给出档案显示逾期、且客户生命周期阶段为"
            "流失风险或已流失的排名最靠前的大客户，以及它距最近一次购买的天数。它的客户经理应该怎么做？"),
        "exercises_segmentation.key_account.hint": (
            "看 `rank`、`overdue`、`stage` 和 `days_since_last` 几列；把 `days_since_last` 与 `usual_gap_days` 比较。"),
        "exercises_segmentation.key_account.answer": (
            "大客户 {customer_id} 排名第 {rank}，最近 {window_days} 天消费了 {window_spend:,.2f}（前一年为 {previous_spend:,.2f}），"
            "却已经 {days} 天没有购买，而它过去每 {gap:g} 天左右就下一单：它已逾期（超过通常间隔的 {factor:g} 倍），"
            "客户生命周期阶段为流失风险（超过 {at_risk_days} 天没有购买）。大客户得分回看的是过去一年，所以几个月前停止购买的客户"
            "仍排在前列；最近消费才显示出这段关系已经面临危险。它有 {complaints} 次投诉记录，客户经理应当立即联系，弄清问题所在并加以补救。"),
        "exercises_segmentation.cdnow.title": "为另一个客户群做细分：CDNOW",
        "exercises_segmentation.cdnow.question": (
            "在随附的 CDNOW 研究上运行笔记本 01（`study = \"../params/cdnow.yaml\"`）。前 20% 的客户带来了多大比例的销售额"
            "（`concentration` 表中的 `top_value_share`）？多大比例的客户已流失（`lifecycle_stages` 表）？"
            "请与你的企业比较并解释差别。"),
        "exercises_segmentation.cdnow.hint": (
            "这项研究的观察期结束于 1998-06-30；看 `lifecycle_stages` 表中 `lost` 一行的 `share` 列。"),
        "exercises_segmentation.cdnow.answer": (
            "在 CDNOW 中，前 20% 的客户带来了 {top:.1%} 的销售额（你的企业：{own_top:.1%}），{lost:.1%} 的客户已流失"
            "（你的企业：{own_lost:.1%}）；没有一位是新客户。CDNOW 的每位客户都是在 1997 年的同一个季度首次购买的，"
            "大多数再也没有回来，所以到 1998 年年中，客户生命周期阶段显示的是一个大部分已经流失的同期客户群，而你的企业还在不断获取新客户。"
            "方法相同，阶段讲述的是客户群的历史。"),
        "exercises_segmentation.clusters.title": "数据自己提出的分组",
        "exercises_segmentation.clusters.question": (
            "笔记本 01 还让聚类分析（对取对数的最近消费、消费频率和消费金额做 K 均值聚类）提出分组。它选择了多少个类"
            "（`k_selection` 表）？`k_picks` 表中的其他准则是否一致？这些类是否与获客渠道相对应："
            "`channel_agreement` 表中的调整兰德指数是多少？"),
        "exercises_segmentation.clusters.hint": (
            "看 `k_selection` 表中 `chosen` 为 True 的那一行；调整兰德指数接近 0 表示一致程度不比随机更高，等于 1 表示两种分组完全相同。"),
        "exercises_segmentation.clusters.answer": (
            "轮廓系数选择了 {k} 个类，即尝试过的最小类数；{criteria} 个准则中有 {agree} 个与之一致（Calinski-Harabasz 为 {calinski}，"
            "Davies-Bouldin 为 {davies}，间隙统计量为 {gap}）。当最佳类数是最小的那个时，客户更像是一团连续的点云，而不是彼此分开的群体："
            "这些类是对行为的概括，而不是揭示出天然的细分市场。调整兰德指数为 {ari:.3f}，接近 0："
            "这些类与获客渠道并不对应，客户行为与获客方式无关，仅凭渠道做客户细分并不可靠。"),
    },
}
