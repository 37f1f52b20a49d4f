"""简体中文：客户生命周期价值分析（笔记本 02）的消息。"""

#: model names and pure Markdown wrappers that read the same in Chinese
SAME_AS_ENGLISH = {
    "clv.model.BetaGeo", "clv.model.ModifiedBetaGeo", "clv.model.ParetoNBD", "clv.model.GammaGamma",
    "clv.text.calibration_data",
}

MESSAGES = {
    "zh": {
        "clv.model.BetaGeo": "BG/NBD",
        "clv.model.ModifiedBetaGeo": "MBG/NBD",
        "clv.model.ParetoNBD": "Pareto/NBD",
        "clv.axis.period": "周期截止日",
        "clv.axis.repeat_transactions": "重复交易数",
        "clv.axis.cumulative_repeat": "累计重复交易数",
        "clv.axis.frequency": "校准期内的重复购买次数",
        "clv.axis.customers": "客户数",
        "clv.axis.holdout_purchases": "验证期内每位客户的平均购买次数",
        "clv.axis.customer_share": "客户占比（按价值从高到低）",
        "clv.axis.value_share": "预期价值占比",
        "clv.axis.p_alive": "客户存活概率 P(alive)",
        "clv.axis.true": "真实值",
        "clv.axis.estimate": "估计值（95% 置信区间）",
        "clv.legend.actual": "实际值",
        "clv.legend.model": "模型：{model}",
        "clv.legend.calibration_end": "校准期结束",
        "clv.fig.tracking.title": "每{unit}重复交易数：实际值与 {model} 对比",
        "clv.fig.tracking_cumulative.title": "累计重复交易数：实际值与 {model} 对比",
        "clv.fig.frequency.title": "按校准期重复购买次数划分的客户数：实际值与 {model} 对比",
        "clv.fig.holdout.title": "按校准期频率分组的验证期购买次数：实际值与 {model} 对比",
        "clv.fig.concentration.title": "客户群的价值集中度如何？",
        "clv.fig.recovery.title": "各获客渠道 BG/NBD 参数：估计值与真实值对比",
        "clv.unit.W": "周",
        "clv.unit.D": "天",
        "clv.unit.M": "个月",
        "clv.unit.Y": "年",
        "clv.process.trans": "购买（trans）",
        "clv.process.life": "流失（life）",
        "clv.finding.calibration": (
            "校准期：截至 {cal_end:date}已首次购买的 {customers:,} 位客户；验证期为 {cal_end:date}至 {end:date}，"
            "共 {holdout:.1f} {unit}。"
        ),
        "clv.finding.base_value": (
            "预计这 {customers:,} 位客户在未来 {horizon:g} {unit}内将带来 {total:wan} {currency} 的毛利（按每年 "
            "{discount:.0%} 的折现率折现；总额的 95% 置信区间为 {lower:wan} 至 {upper:wan} {currency}）。"
        ),
        "clv.finding.top_decile": (
            "价值最高的 {top:.0%} 的客户占有该价值的 {share:.0%}；客户存活概率（客户仍然活跃的可能性）平均为 {alive:.0%}。"
        ),
        "clv.finding.win_back": (
            "{n_targets:,} 位客户是挽回目标：若仍然活跃，他们价值较高（存活条件下的价值至少为 {cutoff:,.2f} {currency}，"
            "位于前 {top:.0%}）；他们正在流失但尚未离开（客户存活概率不低于 {low:.0%} 且低于 {high:.0%}）。"
            "他们的流失风险价值合计 {at_risk:wan} {currency}，即预期将损失的价值，也是挽回行动所能收回的上限。"
            "另有 {n_gone:,} 位高价值客户的客户存活概率低于 {low:.0%}：他们很可能已经流失，不列为挽回目标。"
        ),
        "clv.finding.recommend": (
            "{model} 对验证期的预测最好（客户层面的 RMSE 为 {rmse:.3f}，总量误差为 {agg:+.1f}%），因此价值数据采用该模型。"
        ),
        "clv.finding.recommend_counts": (
            "{model} 对验证期的预测最好（客户层面的 RMSE 为 {rmse:.3f}，总量误差为 {agg:+.1f}%），"
            "因此购买次数和客户存活概率的预测采用该模型。"
        ),
        "clv.finding.tracking_convention": (
            "模型曲线在每个周期最后一天结束时计算预期购买次数，与汇总表计算客户年龄的方式一致；BTYD 和 lifetimes "
            "则在次日计算。按它们的惯例，截至校准期结束（即截止于 {end:date}的周期）的预期累计重复购买次数为 "
            "{next_day:,.1f}，而不是 {ours:,.1f}（相差 {diff:+.2f}%）。"
        ),
        "clv.check.converged": (
            "{model}（基于{fit}拟合）已收敛：对数似然 {loglik:,.1f} 为极大值（优化器的最大梯度小于 1e-4）。"
        ),
        "clv.check.not_converged": (
            "{model}（基于{fit}拟合）未收敛（对数似然 {loglik:,.1f}）：其估计值不是似然函数的极大值，"
            "因此以这些估计值为基础的数据，其不确定性超出了所给的区间。"
        ),
        "clv.check.interior": "{model}（基于{fit}拟合）：所有估计值均位于参数空间内部。",
        "clv.check.boundary": (
            "{model}（基于{fit}拟合）：{parameters} 取到了极端值（参数空间的边界）；这些估计值的标准误不可靠。"
        ),
        "clv.check.independence_pass": (
            "Gamma-Gamma 消费金额模型假设：客户每次购买的花费与其购买频率无关。在 {n:,.0f} 位重复购买客户中，"
            "购买频率与平均消费金额的 Spearman 相关系数为 {rho:+.2f}（p = {p:.2g}；Pearson r = {r:+.2f}），"
            "其绝对值小于 {material}，或在 5% 水平上不显著：不存在实质性的相关，消费金额的预测可以使用。"
        ),
        "clv.check.independence_warn": (
            "Gamma-Gamma 消费金额模型假设：客户每次购买的花费与其购买频率无关。在 {n:,.0f} 位重复购买客户中，"
            "购买频率与平均消费金额的 Spearman 相关系数为 {rho:+.2f}（p = {p:.2g}；Pearson r = {r:+.2f}）："
            "该假设不成立。购买频繁的客户每次购买花费{direction}，因此购买次数少的客户，其预期消费会向一个并不属于"
            "他们的均值收缩；解读单个客户的价值以及价值最高客户所占的份额时需谨慎。"
        ),
        "clv.check.independence_not_run": (
            "无法检验购买频率与消费金额是否独立：重复购买客户少于 3 位，或购买频率、消费金额没有变化。"
        ),
        "clv.direction.more": "更多",
        "clv.direction.less": "更少",
        "clv.direction.overstate": "高估",
        "clv.direction.understate": "低估",
        "clv.check.holdout_fit": (
            "{model} 预测验证期共购买 {predicted:,.0f} 次，客户实际购买 {actual:,.0f} 次（{agg:+.1f}%）；"
            "误差在 {limit}% 以内，对总量的预测是充分的。"
        ),
        "clv.check.holdout_misfit": (
            "{model} 预测验证期共购买 {predicted:,.0f} 次，客户实际购买 {actual:,.0f} 次（{agg:+.1f}%），"
            "偏差超过 {limit}%：据此得出的价值会{direction}未来的购买，幅度大致相当。"
        ),
        "clv.check.holdout_misfit_counts": (
            "{model} 预测验证期共购买 {predicted:,.0f} 次，客户实际购买 {actual:,.0f} 次（{agg:+.1f}%），"
            "偏差超过 {limit}%：据此得出的预测会{direction}未来的购买，幅度大致相当。"
        ),
        "clv.check.excluded.first_purchase_at_end": (
            "基于{fit}拟合：{total:,} 位客户中有 {n:,} 位在最后一天（{end:date}）才首次购买，其年龄 T 为 0，"
            "不包含购买率或流失的任何信息；他们不参与模型拟合，按刚获取的客户进行预测。"
        ),
        "clv.check.excluded.zero_repeat_spend": (
            "基于{fit}拟合：{total:,} 位客户中有 {n:,} 位的重复购买总金额为 0；消费金额模型无法使用为 0 的平均消费，"
            "因此他们不参与该模型的拟合，按总体的平均消费估值。"
        ),
        "clv.check.note": "检查{status}（{kind}）",
        "clv.check.paragraph": "**{label}**：{text}",
        "clv.fit.calibration": "校准期",
        "clv.fit.full": "截至观察期结束的全部数据",
        "clv.model.GammaGamma": "Gamma-Gamma",
        "clv.model.BetaGeoCovariates": "含获客渠道协变量的 BG/NBD",
        "clv.text.calibration_data": "**{title}**",
        "clv.text.no_channel_value": "本研究没有获客渠道，跳过按渠道计算的价值。",
        "clv.text.no_channel_covariates": "本研究没有获客渠道，跳过协变量模型。",
        "clv.text.no_truth": "本研究没有提供已知的真实值可供比较（真实数据本来就没有；课堂研究把真实值留给教师）。",
        "clv.finding.purchase_forecast": (
            "预计这 {customers:,} 位客户在未来 {horizon:g} {unit}内将购买 {total:,.0f} 次（总数的 95% 置信区间为 "
            "{lower:,.0f} 至 {upper:,.0f}）；客户存活概率（客户仍然活跃的可能性）平均为 {alive:.0%}。"
        ),
        "clv.finding.at_risk": (
            "{n_targets:,} 位客户面临流失风险：若仍然活跃，他们是高频购买者（若仍存活，未来 {horizon:g} {unit}内的"
            "预期购买至少为 {cutoff:,.2f} 次，位于前 {top:.0%}）；他们正在流失但尚未离开（客户存活概率不低于 "
            "{low:.0%} 且低于 {high:.0%}）。假如他们都仍然活跃本会产生的购买中，预期合计损失 {lost:,.0f} 次，"
            "这是挽回行动所能收回的上限。另有 {n_gone:,} 位高频购买者的客户存活概率低于 {low:.0%}："
            "他们很可能已经流失，不列为挽回目标。"
        ),
        "clv.check.spend.gamma_gamma": (
            "{n:,} 位重复购买客户的每次平均消费各不相同（共 {distinct:,} 个不同取值），因此拟合 Gamma-Gamma 消费金额模型。"
        ),
        "clv.check.spend.constant": (
            "{n:,} 位重复购买客户每次购买的平均消费全都相同，均为 {spend:,.2f} {currency}，因此 Gamma-Gamma "
            "消费金额模型无可估计，予以跳过：每次购买均按 {spend:,.2f} {currency} 计值。如果这些金额只是因为交易记录"
            "没有金额才填入的（amount = 1），请从研究的列映射中去掉 `amount`：页面将给出购买次数和客户存活概率，"
            "不给出以货币计的价值。"
        ),
        "clv.check.spend.no_amounts": (
            "交易记录没有金额，因此跳过 Gamma-Gamma 消费金额模型。价值分析需要每次购买的金额：请在研究的 `data:` "
            "部分把一个金额列映射到 `amount`。"
        ),
        "clv.check.spend.no_repeat_spend": (
            "没有任何一次重复购买的金额大于 0，因此跳过 Gamma-Gamma 消费金额模型，也没有以货币计的价值；"
            "页面给出购买次数和客户存活概率。"
        ),
        "clv.why.no_amounts": "交易记录没有金额",
        "clv.why.no_repeat_spend": "没有任何一次重复购买的金额大于 0",
        "clv.text.skip.value": (
            "{why}，因此跳过以货币计的客户生命周期价值（每次购买的消费、毛利率、折现以及价值的集中程度），"
            "以预期购买次数代替。价值分析需要每笔交易的金额：请在研究的 `data:` 部分把该列映射到 `amount`。"
        ),
        "clv.text.skip.win_back": (
            "{why}，因此跳过基于价值的挽回名单；下方面临流失风险的客户按其仍会产生的购买次数排序，而不是按收入排序。"
        ),
        "clv.text.skip.channel_value": "{why}，因此跳过按获客渠道计算的价值（各渠道的收入）。",
        "clv.text.value_intro.money": (
            "## 从现在起，每位客户价值多少？\n\n"
            "为计算价值，所选模型和 Gamma-Gamma 消费金额模型在截至观察期结束的全部数据上重新拟合（不含上文统计的"
            "客户，但他们仍会被估值）。Gamma-Gamma 模型补充了客户每次购买的花费：客户的购买次数越少，其自身的平均"
            "消费就越向总体平均值收缩。表中给出两个模型的拟合结果。该模型假设客户每次购买的花费与其购买频率无关；"
            "表下方检验了重复购买客户中二者的相关性及其 p 值，说明文字指出该结果对价值意味着什么。每个价值的 95% "
            "置信区间都包含了两个模型的参数不确定性（delta 方法）。"
        ),
        "clv.text.value_intro.constant": (
            "## 从现在起，每位客户价值多少？\n\n"
            "为计算价值，所选模型在截至观察期结束的全部数据上重新拟合（不含上文统计的客户，但他们仍会被估值）。"
            "每位重复购买客户每次购买的平均花费都相同，因此没有消费金额模型可拟合（下方的说明会指出这一点）："
            "每次预期购买都按该金额计值。每个价值的 95% 置信区间包含了购买模型的参数不确定性（delta 方法）。"
        ),
        "clv.text.value_intro.counts": (
            "## 每位客户还会购买多少次？\n\n"
            "所选模型在截至观察期结束的全部数据上重新拟合（不含上文统计的客户，但仍会对他们进行预测）。模型为每位"
            "客户给出客户存活概率 P(alive) 和预测期内的预期购买次数，并附有包含参数不确定性的 95% 置信区间"
            "（delta 方法）。"
        ),
        "clv.text.churn.money": (
            "## 客户流失成本：正在流失的高价值客户\n\n"
            "客户沉默的时间越长，P(alive) 就越低；过去购买越频繁的客户，下降得越快。`value_if_alive` 是客户若确定"
            "仍然活跃时的价值；其中因客户可能已经离开而损失的部分就是流失风险价值，也是挽回行动预算的自然上限。"
            "**挽回目标**是这样的客户：若仍存活则价值较高（其 `value_if_alive` 位于前四分之一），正在流失"
            "（P(alive) 低于 `risk_threshold`）但尚未离开（P(alive) 不低于 `min_p_alive`）：低于这一水平，无论该客户"
            "原本价值多少，其预期价值都接近 0，花在其身上的挽回预算大多是浪费。第一张表给出这一规则以及算作高价值"
            "所需的价值；每位客户在该规则下的归属见价值表的 `win_back_status` 列。第二张表列出挽回目标，"
            "按流失风险价值从高到低排列。"
        ),
        "clv.text.churn.counts": (
            "## 面临流失风险的客户：正在流失的高频购买者\n\n"
            "客户沉默的时间越长，P(alive) 就越低；过去购买越频繁的客户，下降得越快。`purchases_if_alive` 是客户若"
            "确定仍然活跃，在预测期内会产生的购买次数；其中因客户可能已经离开而损失的部分就是 `purchases_at_risk`。"
            "**面临流失风险**的客户是：若仍存活则为高频购买者（其 `purchases_if_alive` 位于前四分之一），正在流失"
            "（P(alive) 低于 `risk_threshold`）但尚未离开（P(alive) 不低于 `min_p_alive`）。第一张表给出这一规则；"
            "每位客户在该规则下的归属见预测表的 `win_back_status` 列。第二张表列出面临流失风险的客户，"
            "按面临风险的购买次数从多到少排列。"
        ),
        "clv.text.reading.money": (
            "**如何解读结论。** 总额的区间由各客户区间的上下限分别相加得到，这相当于把各客户的参数不确定性视为完全"
            "共享（事实正是如此：所有价值都来自同一组估计值），因此它是总额的如实宽度。价值是期望值：单个客户未来的"
            "实际消费会在其周围大幅波动，但客户群体的总额是可靠的。推荐的模型是对验证期预测最好的模型；各模型表现"
            "接近时，它们给出的价值也十分接近。"
        ),
        "clv.text.reading.counts": (
            "**如何解读结论。** 总数的区间由各客户区间的上下限分别相加得到，这相当于把各客户的参数不确定性视为完全"
            "共享（事实正是如此：所有预测都来自同一组估计值），因此它是总数的如实宽度。预测是期望值：单个客户的实际"
            "购买次数会在其周围大幅波动，但客户群体的总数是可靠的。推荐的模型是对验证期预测最好的模型。"
        ),
        "clv.text.models": "**已拟合的模型**（极大似然估计；95% 置信区间基于观测信息矩阵）。",
    },
}
