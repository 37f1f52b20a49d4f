"""简体中文：笔记本 05 的客户投诉与服务补救部分（投诉率、投诉类别、解决时间、补救后的复购与服务补救悖论）."""

MESSAGES = {
    "zh": {
        # figures
        "complaints.fig.trend.title": "按{period}统计的每千笔订单投诉数（{level:.0%} 精确泊松置信区间）",
        "complaints.fig.trend.x": "被投诉订单所在{period}",
        "complaints.fig.rate.y": "每千笔订单投诉数",
        "complaints.fig.channels.title": "各购买渠道每千笔订单投诉数（{level:.0%} 置信区间）",
        "complaints.fig.channels.x": "购买渠道",
        "complaints.fig.pareto.title": "投诉类别，按投诉数从多到少排列（帕累托图）",
        "complaints.fig.pareto.x": "类别",
        "complaints.fig.pareto.y": "投诉数（件）",
        "complaints.fig.pareto.y2": "投诉累计占比（%）",
        "complaints.fig.recovery.title": "订单后 {days} 天内的复购，按订单之后的投诉情况分组（{level:.0%} 置信区间）",
        "complaints.fig.recovery.x": "之后有复购的订单占比（%）",
        "complaints.fig.recovery.naive": "未调整（按观测）",
        "complaints.fig.recovery.adjusted": "按客户历史调整后",
        "complaints.fig.satisfaction.title": "不同处理结果下对服务补救的满意度（{level:.0%} 置信区间）",
        "complaints.fig.satisfaction.x": "补救后的平均满意度（本研究的评分量表）",
        "complaints.period.month": "月份",
        "complaints.period.quarter": "季度",
        # groups
        "complaints.group.none": "无投诉",
        "complaints.group.good": "投诉妥善解决",
        "complaints.group.poor": "投诉未妥善解决",
        "complaints.group.complained": "投诉过的客户",
        "complaints.group.no_complaint": "未投诉的客户",
        "complaints.group.all": "全部投诉",
        "complaints.group.not_recorded": "未记录",
        "complaints.covariate.log_prior_orders": "此前订单数（对数）",
        "complaints.covariate.log_prior_spend": "此前消费额（对数）",
        "complaints.covariate.log_tenure_days": "成为客户的天数（对数）",
        # findings
        "complaints.text.rate": (
            "{orders:,} 笔订单共收到 {complaints:,} 件投诉，即每千笔订单 {rate:.1f} 件（{low:.1f} 至 {high:.1f}，"
            "精确泊松区间）。在下过单的 {customers:,} 位客户中，{share:.1%} 至少投诉过一次（{share_low:.1%} 至 "
            "{share_high:.1%}，Wilson 区间）。"
        ),
        "complaints.text.zero_goal": (
            "这些数据没有达到零投诉目标：即使取区间下限，每千笔订单也有 {low:.1f} 件投诉，也就是说每千笔订单仍会带来"
            "投诉，而多达 {high:.1f} 件也与数据相符。零投诉是改进的方向；数据能够检验的目标是投诉率低于某个设定的"
            "目标值。"
        ),
        "complaints.text.zero_goal_met": (
            "{orders:,} 笔订单没有记录到任何投诉。这与零投诉目标相符，但每千笔订单最多 {high:.2f} 件的投诉率（精确"
            "区间的上限）同样与数据相符：投诉数为零说明投诉率低，而不能说明投诉率为零。"
        ),
        "complaints.text.channels_apart": (
            "按购买渠道看，每千笔订单投诉数从 {low_rate:.1f}（{low}；{low_lo:.1f} 至 {low_hi:.1f}）到 "
            "{high_rate:.1f}（{high}；{high_lo:.1f} 至 {high_hi:.1f}）不等；两个区间互不重叠，因此这些渠道的投诉率"
            "确有差异。"
        ),
        "complaints.text.channels_overlap": (
            "按购买渠道看，每千笔订单投诉数从 {low_rate:.1f}（{low}；{low_lo:.1f} 至 {low_hi:.1f}）到 "
            "{high_rate:.1f}（{high}；{high_lo:.1f} 至 {high_hi:.1f}）不等；两个区间相互重叠，因此数据并未显示这些"
            "渠道的投诉率存在差异。"
        ),
        "complaints.text.trend": (
            "最近一个完整{period}（{latest}）每千笔订单有 {rate:.1f} 件投诉（{low:.1f} 至 {high:.1f}），而第一个"
            "{period}（{first}）为 {first_rate:.1f} 件。"
        ),
        "complaints.text.pareto": (
            "投诉分为 {n} 类；其中最多的 {k} 类（{names}）占全部投诉的 {share:.0%}，因此消除这几类投诉的根源就能"
            "消除大部分投诉（帕累托原则）。"
        ),
        "complaints.text.resolution": (
            "投诉解决所需天数（Kaplan-Meier）：四分之一的投诉在 {q25:.0f} 天内解决，一半在 {median:.0f} 天内解决"
            "（{low:.0f} 至 {high:.0f}），四分之三在 {q75:.0f} 天内解决。数据截止时仍未解决的投诉（在此之前一律按"
            "未解决计）：{open:,} 件。"
        ),
        "complaints.text.resolution_day": (
            "投诉解决所需天数（Kaplan-Meier）：四分之一的投诉在 {q25:.0f} 天内解决，一半在 {median:.0f} 天内解决"
            "（恰在这一天解决的投诉非常多，以致区间只包含这一天），四分之三在 {q75:.0f} 天内解决。数据截止时仍未"
            "解决的投诉（在此之前一律按未解决计）：{open:,} 件。"
        ),
        "complaints.text.resolution_open": (
            "投诉解决所需天数（Kaplan-Meier）：四分之一的投诉在 {q25:.0f} 天内解决，一半在 {median:.0f} 天内解决；"
            "仍未解决的投诉太多（{open:,} 件），最慢的四分之一投诉需要多长时间目前还无法判断。"
        ),
        "complaints.text.satisfaction": (
            "对服务补救的满意度（{group}）：平均 {mean:.2f}（{low:.2f} 至 {high:.2f}，{n:,} 件投诉）。"
        ),
        "complaints.text.compensation": (
            "已支付补偿：共 {total:wan} {currency}，平均每件投诉 {mean:.2f} {currency}（{low:.2f} 至 {high:.2f}）；"
            "{share:.0%} 的投诉获得了补偿。"
        ),
        "complaints.text.recovery_naive": (
            "从观测数据看，没有投诉的订单中有 {none:.1%} 在 {days} 天内有下一笔订单；投诉得到妥善解决的订单为 "
            "{good:.1%}，投诉未妥善解决的订单为 {poor:.1%}。"
        ),
        "complaints.text.recovery_ratio": (
            "{group}：在客户历史相同的情况下，{rate:.1%} 的订单在 {days} 天内有复购（{low:.1%} 至 {high:.1%}），"
            "而无投诉的订单为 {none_rate:.1%}，风险比为 {ratio:.2f}（{ratio_low:.2f} 至 {ratio_high:.2f}）；"
            "未调整的风险比为 {naive:.2f}。"
        ),
        "complaints.text.paradox": (
            "存在服务补救悖论：投诉得到妥善解决的订单，之后复购的比例高于没有投诉的订单，即使取调整后风险比区间的"
            "下限（{low:.2f}）也是如此。在这里，良好的服务补救不只是弥补了损失。"
        ),
        "complaints.text.no_paradox": (
            "不存在服务补救悖论：即使投诉得到妥善解决，客户再次购买的可能性仍低于完全没有投诉时（调整后风险比 "
            "{ratio:.2f}；其区间上限为 {high:.2f}，低于 1）。良好的服务补救能减少损失，但预防投诉更好。"
        ),
        "complaints.text.paradox_unclear": (
            "这些数据无法判断良好的服务补救是否胜过没有投诉：调整后风险比 {ratio:.2f} 的区间为 {low:.2f} 至 "
            "{high:.2f}，包含 1（无差异）。没有证据表明存在服务补救悖论。"
        ),
        "complaints.text.poor_recovery": (
            "投诉未妥善解决会损失复购：其调整后风险比 {ratio:.2f}（{low:.2f} 至 {high:.2f}）低于投诉妥善解决时的"
            "风险比（{good:.2f}）。"
        ),
        "complaints.text.truth_covered": (
            "这家模拟企业的真实风险比是已知的：投诉妥善解决后为 {good_true:.2f}，投诉未妥善解决后为 "
            "{poor_true:.2f}。调整后的估计值 {good_est:.2f}（{good_low:.2f} 至 {good_high:.2f}）和 "
            "{poor_est:.2f}（{poor_low:.2f} 至 {poor_high:.2f}）的区间都包含了真实值（未调整：{good_naive:.2f} 和 "
            "{poor_naive:.2f}）。"
        ),
        "complaints.text.truth_missed": (
            "这家模拟企业的真实风险比是已知的：投诉妥善解决后为 {good_true:.2f}，投诉未妥善解决后为 "
            "{poor_true:.2f}。调整后的估计值为 {good_est:.2f}（{good_low:.2f} 至 {good_high:.2f}）和 "
            "{poor_est:.2f}（{poor_low:.2f} 至 {poor_high:.2f}）；至少有一个区间没有包含真实值，这可能是区间偶尔"
            "会出现的随机偏差，也可能是模型遗漏了某些因素（未调整：{good_naive:.2f} 和 {poor_naive:.2f}）。"
        ),
        "complaints.text.flag_share": (
            "{n:,} 位客户中有 {k:,} 位（{share:.1%}；{low:.1%} 至 {high:.1%}，Wilson 区间）在 {flag} 中被标记为"
            "投诉过。"
        ),
        "complaints.text.flag_association": (
            "投诉过的客户与未投诉的客户在 {outcome} 上的比较只是一种关联，而不是投诉或服务补救的效应：这个标记既"
            "不说明投诉发生在何时，也不说明投诉是如何处理的。"
        ),
        "complaints.text.no_complaints": (
            "本研究没有投诉表，因此不计算投诉率，也不分析服务补救。要运行这一部分，请在研究的 `data:` 中加入 "
            "`complaints` 表（每件投诉一行：customer_id、date；可选 category、channel、resolution、resolved_date、"
            "compensation、satisfaction_after），或将 `complaint_flag` 设为客户表中的一个 0/1 列。"
        ),
        # checks
        "complaints.check.skipped": (
            "投诉与服务补救部分没有运行：本研究既没有投诉表，客户表的列中也没有投诉标记（参数 complaint_flag）。"
        ),
        "complaints.check.no_orders": (
            "按订单计算的投诉率和服务补救比较都需要交易数据（订单）；本研究有投诉但没有交易数据，因此只显示投诉"
            "类别、解决情况和补救结果。"
        ),
        "complaints.check.unlinked": (
            "有 {n:,} 件投诉早于该客户的第一笔订单（或来自没有订单的客户），未计入按订单计算的投诉率；请检查投诉表"
            "与交易表是否使用相同的客户编号。"
        ),
        "complaints.check.unlinked_pass": "每件投诉都对应该客户在投诉当天或之前的一笔订单。",
        "complaints.check.few_complaints": (
            "购买渠道“{group}”的订单只有 {n:,} 件投诉：其投诉率的区间很宽，与其他渠道的差异可能显示不出来。"
        ),
        "complaints.check.few_complaints_pass": (
            "每个购买渠道都至少有 {n:,} 件投诉，足以得到可用的投诉率区间。"
        ),
        "complaints.check.recovery_small_repurchases": (
            "服务补救比较没有运行：在后续情况为“{group}”的订单中，只有 {n:,} 笔在时间窗口内有复购，少于复购模型"
            "所需的 {minimum} 笔。缩短 repurchase_days、推迟观察截止日期或增加数据，都能让它运行。"
        ),
        "complaints.check.recovery_small_no_repurchase": (
            "服务补救比较没有运行：在后续情况为“{group}”的订单中，只有 {n:,} 笔在时间窗口内没有复购，少于复购模型"
            "所需的 {minimum} 笔。更长的历史数据或更多数据能让它运行。"
        ),
        "complaints.check.recovery_balance": (
            "之后发生投诉的订单与其他订单在客户历史上存在差异（最大标准化差异 {smd:.2f}，变量：{covariate}；超过 "
            "{limit}）：调整后的风险比要依靠复购模型来弥合这一差异，未调整的风险比则把这一差异混在了结果里。"
        ),
        "complaints.check.recovery_balance_pass": (
            "之后发生投诉的订单与其他订单在客户历史上相近（最大标准化差异 {smd:.2f}，不超过 {limit}），因此调整后"
            "和未调整的风险比都是在可比的订单之间比较。"
        ),
        "complaints.check.bootstrap": (
            "{n:,} 次自助法（bootstrap）重抽样中有 {failed:,} 次失败（某组的复购模型在重抽样样本中未收敛），已被"
            "剔除；区间只基于其余的重抽样，可能偏窄。"
        ),
        "complaints.check.bootstrap_pass": "服务补救比较的全部 {n:,} 次自助法（bootstrap）重抽样均成功。",
        "complaints.check.recovery_events": (
            "最小的补救分组（{group}）只有 {n:,} 笔符合条件的订单；少于约 100 笔时，其风险比的区间很宽，服务补救"
            "悖论的结论可能因数据不足而为“无法判断”。"
        ),
        "complaints.check.recovery_events_pass": (
            "每个补救分组都至少有 {n:,} 笔符合条件的订单，足以单独拟合复购模型。"
        ),
        "complaints.check.resolution_open": (
            "{n:,} 件投诉中有 {open:,} 件在数据截止时仍未解决：在此之前按未解决计（删失），其余投诉的解决时间可能"
            "低估了处理缓慢的情况。"
        ),
        "complaints.check.resolution_open_pass": "截至数据结束，每件投诉都已解决。",
        "complaints.check.no_resolved_date": (
            "投诉表没有 resolved_date 列，因此不计算投诉解决所需时间。"
        ),
        "complaints.check.flag_balance": (
            "投诉过的客户与其他客户在此前的价值上存在差异（最大标准化差异 {smd:.2f}，变量：{covariate}；超过 "
            "{limit}）；调整后的比较只在这些协变量能反映这一差异的范围内成立。"
        ),
        "complaints.check.flag_balance_pass": (
            "投诉过的客户与其他客户在此前的价值上相近（最大标准化差异 {smd:.2f}，变量：{covariate}；不超过 "
            "{limit}）。"
        ),
        "complaints.check.flag_no_overlap": (
            "投诉过的客户与其他客户在“{covariate}”上完全没有重叠（每组只有一个取值）：任何模型都无法在相同的此前"
            "价值下比较他们。"
        ),
        "complaints.check.recovery_no_overlap": (
            "之后发生投诉的订单与其他订单在“{covariate}”上完全没有重叠（每组只有一个取值）：调整后的风险比是对"
            "复购模型的外推，不可信。"
        ),
    }
}
