"""简体中文：笔记本 05（客户留存与忠诚）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_retention.latest.title": "客户还会回来吗？",
        "exercises_retention.latest.question": (
            "在你的课堂研究上运行笔记本 05。在“客户留存”一节中读出最近一期的客户留存率（`retention_rate_latest` 表，"
            "或 `period_retention` 表的最后一行）：它是哪一期的？留存率是多少？客户流失率是多少？为什么数据的最后一期没有留存率？"),
        "exercises_retention.latest.hint": (
            "某一期的客户留存率是该期购买过的客户中下一期再次购买的比例；期间按表中的写法填写（例如 `\"2024Q1\"`），"
            "留存率填比例（0 到 1）。"),
        "exercises_retention.latest.answer": (
            "{period} 有 {active:,} 位客户购买，其中 {retained:,} 位在下一期再次购买：客户留存率为 {rate:.1%}"
            "（区间 {low:.1%} 至 {high:.1%}），因此客户流失率为 {churn:.1%}。每一期的留存率要看该期客户在下一期的行为，"
            "所以数据的最后一期还没有留存率。没有合同时，客户不会宣布流失：下一期没有购买的客户就算作这一期流失，即使她以后还会回来。"),
        "exercises_retention.cohort.title": "一个获客同期群，一年以后",
        "exercises_retention.cohort.question": (
            "按首次购买所在的季度把客户分组，就是获客同期群。请对你的企业的第一个同期群动手计算：在获客季度之后的第四个季度"
            "（热力图上的第 4 期）仍有购买的客户占多大比例？再与 `cohort_matrix` 表和热力图核对。这个比例与第 1 期相比如何？"),
        "exercises_retention.cohort.hint": (
            "初始代码中的 `cohort` 是每位客户首次购买的季度。取最早同期群的客户，统计在 `cohort + 4` 季度有购买的人数"
            "（`tx[\"date\"].dt.to_period(\"Q\")`），再除以同期群的人数。"),
        "exercises_retention.cohort.answer": (
            "{cohort} 同期群的 {size:,} 位客户中，有 {active:,} 位在首次购买后的第四个季度仍有购买：占 {rate:.1%}，"
            "而首次购买后的第一个季度为 {rate1:.1%}。热力图的一行跟踪一个同期群的一生：大多数客户在第一期之后马上流失，"
            "此后比例下降得较慢，因为留下来的是更忠诚的客户。因此，客户保留工作在新客户的最初几期回报最大。"),
        "exercises_retention.monthly.title": "一个月不是一个季度",
        "exercises_retention.monthly.question": (
            "把笔记本 05 参数中的 `period` 设为 `\"month\"`，重新运行客户留存一节。最近一期的月度客户留存率是多少？是哪个月？"
            "与练习 05.1 的季度留存率比较，并解释为什么客户相同、两个比率却不同。"),
        "exercises_retention.monthly.hint": (
            "使用 `analysis.retention` 中的 `period_retention(tx, period=\"month\", observation_end=...)` 和 "
            "`retention_rate_kpi`；月份写成 `\"2024-03\"` 的形式。"),
        "exercises_retention.monthly.answer": (
            "按月计算时，最近一个有留存率的期间是 {period}：{active:,} 位客户购买，客户留存率为 {rate:.1%}（客户流失率 {churn:.1%}），"
            "而按季度计算为 {before:.1%}（{before_period}，客户流失率 {before_churn:.1%}）。一个月留给客户再次购买的时间比一个季度短，"
            "所以算作留存的客户更少：不说明期间长度的客户留存率或流失率没有意义。只比较期间长度相同的比率，"
            "并按客户通常多久购买一次来选择期间。"),
        "exercises_retention.economics.title": "失去一位客户的代价是多少？",
        "exercises_retention.economics.question": (
            "在“留存的经济账”一节中，客户流失成本是现在流失的客户从下一期起本来会带来的毛利：m / (1 + d − r)，"
            "其中 m 是每位活跃客户每期的毛利，r 是最近一期的客户留存率，d 是每期的折现率。请用 `margin_per_active` 表和 "
            "`retention_rate_latest` 表动手计算（年 10% 对应的 d 已写在初始代码中），并与 `retention_economics` 表中 "
            "`cost_of_churn` 一行核对。笔记本假设的客户保留方案划算吗？"),
        "exercises_retention.economics.hint": (
            "m 是 `margin_per_active` 列，r 是 `retention_rate_latest` 表的 `estimate` 列。方案每保留一位客户的成本低于客户流失成本时才划算。"),
        "exercises_retention.economics.answer": (
            "m = {margin:,.2f}、r = {retention:.4f}、d = {discount:.4f} 时，客户流失成本为 "
            "{margin:,.2f} / (1 + {discount:.4f} − {retention:.4f}) = {cost_of_churn:,.2f}；加上本期毛利，一位活跃客户价值 "
            "{value:,.2f}。假设的方案每期每位活跃客户花费 {cost:,.2f}，使客户留存率提高 {effect_points:g} 个百分点，"
            "因此客户保留成本为每保留一位客户 {per_kept:,.2f}，高于被保留客户带来的 {cost_of_churn:,.2f}：这个方案不划算。"
            "留存率要提高 {break_even_points:.2f} 个百分点，或成本更低，它才能收支平衡。"),
        "exercises_retention.complaints.title": "客户多久投诉一次？投诉什么？",
        "exercises_retention.complaints.question": (
            "在“客户投诉与服务补救”一节中，每 1,000 笔订单有多少次投诉？哪一类投诉最多（帕累托图的第一根柱子）？"
            "最大的少数几类投诉告诉你应该从哪里入手？"),
        "exercises_retention.complaints.hint": (
            "结论中引用了投诉率（`complaint_rates` 表的 `per_1000_orders` 列）；帕累托图对投诉类别排序"
            "（`complaint_categories` 表）。类别按表中的写法填写。"),
        "exercises_retention.complaints.answer": (
            "{orders:,} 笔订单上有 {complaints:,} 次投诉，投诉率为每 1,000 笔订单 {rate:.1f} 次（精确泊松区间 {low:.1f} 至 {high:.1f}）。"
            "最大的一类 {top} 占全部投诉的 {top_share:.1%}，{n_categories} 类中最大的 {n_vital} 类合计占 {vital_share:.1%}："
            "先消除最大几类投诉的原因，就能避免最多的投诉。投诉率低只有在投诉很方便时才是好消息：大多数不满意的客户一声不响就离开了。"),
        "exercises_retention.recovery.title": "良好的服务补救能赢回客户吗？",
        "exercises_retention.recovery.question": (
            "服务补救悖论认为：投诉得到妥善解决的客户，最终可能比从未遇到问题的客户更忠诚。请读出再次购买的调整后风险比"
            "（`recovery_effects` 表的 `good_ratio` 和 `poor_ratio` 两行）。在你的企业中这个悖论成立吗？补救不力的代价是什么？"),
        "exercises_retention.recovery.hint": (
            "风险比为 1 表示与没有投诉的订单再次购买的比例相同；只有 `good_ratio` 的整个区间都在 1 以上，悖论才成立。"),
        "exercises_retention.recovery.answer": (
            "按订单的历史调整后，投诉得到妥善解决的订单中有 {good_rate:.1%} 在 {days} 天内有下一笔订单，"
            "没有投诉的订单为 {none_rate:.1%}：风险比为 {good:.2f}（区间 {good_low:.2f} 至 {good_high:.2f}）。"
            "区间并不完全在 1 以上，所以看不到服务补救悖论：良好的补救最多只是留住了客户。补救不力的代价很高："
            "只有 {poor_rate:.1%} 再次购买，风险比为 {poor:.2f}（{poor_low:.2f} 至 {poor_high:.2f}）。"
            "妥善处理投诉（道歉、立即解决、必要时补偿）之所以值得，是因为它避免了这种损失。"),
        "exercises_retention.loyalty.title": "忠诚度计划起了什么作用？",
        "exercises_retention.loyalty.question": (
            "“忠诚度计划”一节比较会员与非会员。会员每笔订单的消费比非会员多多少（`loyalty_effects` 表中 `naive` 一行的比值）？"
            "再读出 `doubly_robust` 一行的比值，它把会员与计划推出前购买历史相同的非会员相比。两个数字合起来说明了这个计划的什么？"
            "它能收回成本吗（`loyalty_economics` 表）？"),
        "exercises_retention.loyalty.hint": (
            "比值 1.25 表示每笔订单多消费 25%。看平衡性表：计划推出前，会员与非会员有什么不同？"),
        "exercises_retention.loyalty.answer": (
            "会员（{members:,} 位）每笔订单的消费是非会员（{others:,} 位）的 {naive:.2f} 倍。但与计划推出前历史相同的非会员相比，"
            "双重稳健比值只有 {dr:.2f}（区间 {dr_low:.2f} 至 {dr_high:.2f}），接近 1。朴素比较中的差异来自自选择："
            "加入的本来就是消费更多、更频繁的客户（计划推出前，会员平均每单消费 {aov_members:,.2f}、平均下单 {orders_members:.1f} 次，"
            "其他客户分别为 {aov_others:,.2f} 和 {orders_others:.1f} 次），计划本身对他们的消费几乎没有增加。经济账也是如此：增量毛利 {incremental:,.2f}，"
            "成本 {cost:,.2f}，净值为 {net:,.2f}（区间 {net_low:,.2f} 至 {net_high:,.2f}），所以这个忠诚度计划收不回成本。"),
        "exercises_retention.cross_sell.title": "动手计算交叉销售率",
        "exercises_retention.cross_sell.question": (
            "交叉销售率是购买过两个或更多类别的客户所占的比例。请用交易记录（`category` 列）动手计算，并与 `cross_sell_rate` 表核对。"
            "哪个类别的购买客户最多？哪个最少？"),
        "exercises_retention.cross_sell.hint": (
            "`tx.groupby(\"customer_id\")[\"category\"].nunique()` 统计每位客户购买的类别数；其中 2 个及以上的比例就是这个比率。"
            "`category_adoption` 表列出了各个类别。"),
        "exercises_retention.cross_sell.answer": (
            "{customers:,} 位客户中有 {cross:,} 位购买过两个或更多类别：交叉销售率为 {rate:.1%}。购买客户最多的类别是 {top}"
            "（占客户的 {top_adoption:.1%}），最少的是 {last}（{last_adoption:.1%}）。每一位只买一个类别的客户都是交叉销售的机会："
            "购买企业更多产品和服务的客户带来更多毛利，也有更多理由留下来。"),
        "exercises_retention.targets.title": "我们达到目标了吗？有多大把握？",
        "exercises_retention.targets.question": (
            "课堂研究为最近一个完整期间设定了 KPI 目标值（参数 `targets`）。在 KPI 计分卡中读出客户留存率、客户满意度指数和投诉率的判断："
            "达成、未达成或无法判断。然后把笔记本 05 参数中的 `alpha` 设为 0.2（用 80% 区间代替 95% 区间），重新运行。"
            "这三项的判断现在是什么？为什么没有一个估计值变化，判断却可能改变？区间变窄的代价是什么？"),
        "exercises_retention.targets.hint": (
            "读 KPI 计分卡（`scorecard` 表）的 `verdict` 列，把每个目标值与区间（`ci_low`、`ci_high`）比较，而不只是与估计值比较。"),
        "exercises_retention.targets.answer": (
            "目标值：客户留存率至少 {retention_target:.0%}，客户满意度指数至少 {satisfaction_target:g}，每 1,000 笔订单的投诉不超过 "
            "{complaints_target:g} 次。估计值不变，仍为 {retention:.1%}、{satisfaction:.1f} 和 {complaints:.1f}（{period} 的投诉率）；"
            "它们的 95% 区间 {retention_low:.1%} 至 {retention_high:.1%}、{satisfaction_low:.1f} 至 {satisfaction_high:.1f} 和 "
            "{complaints_low:.1f} 至 {complaints_high:.1f}，在 `alpha = 0.2` 时收窄为 {retention_low80:.1%} 至 {retention_high80:.1%}、"
            "{satisfaction_low80:.1f} 至 {satisfaction_high80:.1f} 和 {complaints_low80:.1f} 至 {complaints_high80:.1f}。"
            "只有整个区间都在目标值有利的一侧才算达成，整个区间都在不利的一侧才算未达成，区间包含目标值时数据无法判断；"
            "区间越窄，能作出的判断越多，但出错也越多（每五个 80% 区间就有一个没有覆盖真值）。由少量事件算出的比率"
            "（例如一期的投诉）区间最宽。"),
        "exercises_retention.cdnow.title": "CDNOW 的客户留存",
        "exercises_retention.cdnow.question": (
            "在随附的 CDNOW 研究上运行笔记本 05（`study = \"../params/cdnow.yaml\"`；由于它的客户都是在同一个季度获取的，"
            "该研究设定了 `period = \"month\"`）。CDNOW 最近一期的客户留存率是多少？有多大比例的客户在第一天之后再也没有购买"
            "（`lifetime_sample` 表的 `never_returned_share` 列）？把它的中位生存时间与你的企业比较。"),
        "exercises_retention.cdnow.hint": (
            "使用 `analysis.retention` 中的 `period_retention` 和 `retention_rate_kpi`，再用 `customer_lifetimes`"
            "（`churn_days=365`）和 `lifetime_summary`；CDNOW 的观察期终点是 1998-06-30。"),
        "exercises_retention.cdnow.answer": (
            "CDNOW 最近一期（{period}）的月度客户留存率为 {rate:.1%}。{never:.1%} 的客户在第一天之后再也没有购买，"
            "你的企业是 {own_never:.1%}，所以 CDNOW 客户的中位生存时间是 {median:,} 天，你的企业是 {own_median:,} 天："
            "CDNOW 一半以上的客户只试购了一次，再也没有回来。你的企业最近一期的客户留存率 {own_rate:.1%} 所用的期间长度不同，"
            "不能与 CDNOW 的直接比较；再也没有回来的客户比例和生存曲线则可以比较。"),
    },
}
