"""简体中文：笔记本 05 的忠诚度计划评估部分（倾向得分加权、双重差分、会员等级迁移、计划的成本与收益）."""

#: texts that read the same in Chinese (a symbol and a number, a field alone)
SAME_AS_ENGLISH = {"loyalty.fig.balance.limit"}

MESSAGES = {
    "zh": {
        # figures
        "loyalty.fig.balance.title": "加权前后会员与非会员的协变量平衡",
        "loyalty.fig.balance.x": "标准化均值差（会员减非会员，以合并标准差为单位）",
        "loyalty.fig.balance.before": "加权前",
        "loyalty.fig.balance.after": "加权后",
        "loyalty.fig.balance.limit": "|SMD| = {limit}",
        "loyalty.fig.overlap.title": "加入计划的倾向：会员与非会员的重叠情况",
        "loyalty.fig.overlap.x": "倾向得分（根据计划上线前的历史建模得到的加入概率）",
        "loyalty.fig.overlap.y": "占该组客户的比例",
        "loyalty.fig.overlap.members": "会员",
        "loyalty.fig.overlap.controls": "非会员",
        "loyalty.fig.overlap.weighted": "非会员（加权）",
        "loyalty.fig.event.title": "加入前后的每单消费额，与非会员相比（{level:.0%} 置信区间）",
        "loyalty.fig.event.x": "加入后的{period}数（加入时为 0；-1 为参照）",
        "loyalty.fig.event.y": "每单消费额的变化（%）",
        "loyalty.fig.migration.title": "会员等级迁移：{start:date} 至 {end:date}（占各起始等级的比例）",
        "loyalty.fig.migration.x": "{end:date}的等级",
        "loyalty.fig.migration.y": "{start:date}的等级",
        "loyalty.fig.economics.title": "增量毛利与计划成本对比（{level:.0%} 置信区间）",
        "loyalty.fig.economics.y": "金额（{currency}）",
        "loyalty.fig.economics.cost": "计划成本",
        "loyalty.period.month": "月",
        "loyalty.period.quarter": "季度",
        "loyalty.tier.none": "无会籍",
        "loyalty.item.incremental_margin": "增量毛利",
        "loyalty.item.rewards_given": "已发放奖励",
        "loyalty.item.points_liability": "积分负债",
        "loyalty.item.running_cost": "运营成本",
        "loyalty.covariate.log_orders_pre": "计划上线前订单数（对数）",
        "loyalty.covariate.log_aov_pre": "计划上线前平均每单金额（对数）",
        "loyalty.covariate.recency_days": "计划上线时距最近一次订单的天数",
        "loyalty.covariate.tenure_days": "计划上线时距首次订单的天数",
        "loyalty.verdict.pays": "能够收回成本",
        "loyalty.verdict.does_not_pay": "无法收回成本",
        "loyalty.verdict.cannot_tell": "可能收回成本，也可能收不回（区间跨越零）",
        # findings
        "loyalty.text.naive": (
            "与非会员相比，会员的每单消费额相差 {pct:+.1%}（{lo:+.1%} 至 {hi:+.1%}；会员 {members:,} 位，非会员 "
            "{controls:,} 位），但会员是自己选择加入的，因此这一差异混杂了计划的效应与加入者本身的特点。"),
        "loyalty.text.weighted": (
            "与计划上线前历史相同的非会员相比（倾向得分加权并结合回归调整），成为会员使每单消费额变化 {pct:+.1%}"
            "（{lo:+.1%} 至 {hi:+.1%}）。"),
        "loyalty.text.ipw": (
            "只做加权、不做回归调整时，结果为 {pct:+.1%}（{lo:+.1%} 至 {hi:+.1%}）。"),
        "loyalty.text.did": (
            "双重差分：在成为会员期间，客户的每单消费额除了加权非会员在同一时期（按{period}计）表现出的变化之外，"
            "还额外变化了 {pct:+.1%}（{lo:+.1%} 至 {hi:+.1%}）；共 {members:,} 位会员在加入前后都有订单。"),
        "loyalty.text.economics": (
            "会员在会员期间共消费 {spend:wan} {currency}；其中由计划带来的部分贡献毛利 {margin:,.0f} {currency}"
            "（{lo:,.0f} 至 {hi:,.0f}），而成本为 {cost:,.0f} {currency}（奖励 {rewards:,.0f}，积分负债 {liability:,.0f}，"
            "运营成本 {running:,.0f}）：该计划{verdict}。"),
        "loyalty.text.liability": (
            "会员已获得的积分中有 {outstanding:,.0f} 分尚未兑换：这是欠会员的积分负债，共 {liability:,.2f} {currency}。"),
        "loyalty.text.migration": (
            "从 {start:date} 到 {end:date}：{joined:,} 位客户加入，{up:,} 位升级，{down:,} 位降级，{same:,} 位保持"
            "原等级，{left:,} 位退出计划。"),
        "loyalty.text.truth": (
            "这些数据按已知效应模拟：比值为 {truth:.2f}。未调整的比值 {naive:.3f} {naive_covers}；加权后的比值 "
            "{weighted:.3f} {weighted_covers}。"),
        "loyalty.text.truth_did": (
            "这些数据按已知效应模拟：比值为 {truth:.2f}。未调整的比值 {naive:.3f} {naive_covers}；加权后的比值 "
            "{weighted:.3f} {weighted_covers}；双重差分的比值 {did:.3f} {did_covers}。"),
        "loyalty.truth.covers": "的区间包含真实值",
        "loyalty.truth.misses": "的区间没有包含真实值",
        # checks
        "loyalty.check.balance_pass": (
            "加权后每个协变量都已平衡（最大 |标准化差异| 为 {smd:.3f}，变量：{covariate}；界限 {limit}）：会员与"
            "加权后的非会员在计划上线前的历史相同。"),
        "loyalty.check.balance_fail": (
            "加权后协变量“{covariate}”仍不平衡（|标准化差异| 为 {smd:.3f}，界限 {limit}）：加权比较仍混杂了计划的"
            "效应与加入者本身的特点；请增加协变量或使用更灵活的倾向得分模型。"),
        "loyalty.check.overlap_pass": (
            "有 {trimmed:,} 位客户落在倾向得分的共同支撑域之外，已被剔除；加权后的非会员相当于 {ess:,.0f} 位客户"
            "（有效样本量）。"),
        "loyalty.check.overlap_warn": (
            "有 {trimmed:,} 位客户落在共同支撑域之外而被剔除，超过样本的 {limit}；加权效应只描述那些有可比非会员"
            "的会员（有效样本量 {ess:,.0f}）。"),
        "loyalty.check.pretrend_pass": (
            "加入之前，会员的每单消费额与非会员同步变动（加入前没有任何一个{period}与参照{period}存在差异；最小 "
            "p 值为 {p:.3f}），符合双重差分的假设。"),
        "loyalty.check.pretrend_warn": (
            "加入之前，会员的每单消费额就已与参照{period}存在差异（p 值 {p:.3f}，对加入前的 {n:,} 个{period}做 "
            "Bonferroni 校正）：平行趋势假设值得怀疑。"),
        "loyalty.check.agree_pass": (
            "加权比较（{a:+.1%}）与双重差分（{b:+.1%}）的区间相互重叠：两种假设不同的设计得出了一致的结论。"),
        "loyalty.check.agree_warn": (
            "加权比较（{a:+.1%}）与双重差分（{b:+.1%}）的区间互不重叠：至少有一种设计的假设不成立；对两个效应都"
            "需谨慎解读。"),
        "loyalty.check.skipped": (
            "忠诚度计划部分需要会员表以及带金额的交易数据；本研究没有{missing}，因此跳过这一部分。"),
        "loyalty.check.too_few": (
            "忠诚度计划的比较需要至少 {minimum} 位会员和 {minimum} 位非会员在计划上线前后都有订单；本研究分别只有 "
            "{members:,} 位和 {controls:,} 位，因此跳过。"),
        "loyalty.check.no_tiers": (
            "会员表没有等级列，因此无法分析会员等级迁移；在研究的 YAML 文件中映射等级列即可看到。"),
        "loyalty.missing.memberships": "会员表",
        "loyalty.missing.transactions": "交易数据",
        "loyalty.missing.amount": "交易金额",
    },
}
