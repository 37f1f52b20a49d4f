"""简体中文：渠道比较（笔记本 04）的文字：转化、消费与价值的渠道比较，调整后比较，营销活动提升度，归因，获客成本、投资回报率与回收期。"""

MESSAGES = {
    "zh": {
        "channels.fig.rates.title": "按 {group} 分组的 {outcome} 率（{level:.0%} Wilson 置信区间）",
        "channels.fig.rates.x": "{outcome} 率",
        "channels.fig.pairwise.title": "{outcome} 的两两差异（{level:.0%} 置信区间）",
        "channels.fig.pairwise.x": "差异（前者减后者）",
        "channels.fig.spend.title": "按 {group} 分组的购买者 {outcome}",
        "channels.fig.spend.x": "每位购买者的 {outcome}（{currency}，对数刻度）",
        "channels.fig.adjusted.title": "{outcome}：与 {reference} 的差异，未调整与按客户构成调整后",
        "channels.fig.adjusted.x": "与 {reference} 的差异",
        "channels.fig.adjusted.raw": "未调整",
        "channels.fig.adjusted.adj": "调整后",
        "channels.fig.economics.title": "各渠道每位客户的首年价值与获客成本",
        "channels.fig.economics.y": "每位客户（{currency}）",
        "channels.fig.economics.value": "首年价值（毛利）",
        "channels.fig.economics.cac": "获客成本（CAC）",
        "channels.fig.lifetime.title": "各渠道每位客户的生命周期价值与获客成本",
        "channels.fig.lifetime.to_date": "迄今价值",
        "channels.fig.lifetime.residual": "预期未来价值",
        "channels.fig.attribution.title": "各渠道获得归因的转化数",
        "channels.fig.attribution.x": "归因转化数（发生转化的客户旅程数）",
        "channels.fig.lift.title": "相对 {control} 的 {outcome} 提升度（{level:.0%} 置信区间）",
        "channels.fig.lift.x": "绝对提升度",
        "channels.rule.first_touch": "首次接触",
        "channels.rule.last_touch": "末次接触",
        "channels.rule.linear": "线性",
        "channels.rule.time_decay": "时间衰减",
        "channels.rule.markov": "马尔可夫移除效应",
        "channels.label.buyers": "{outcome}（购买者）",
        "channels.label.per_customer": "{outcome}（每位客户）",
        "channels.label.level": "{covariate} 为 {value}",
        "channels.reason.requested": "按设定使用 {test}（method={method!r}）。",
        "channels.reason.constant": (
            "{groups} 组的取值完全相同，基于方差的检验无从定义，因此改用基于秩的 Kruskal-Wallis 检验。"
        ),
        "channels.reason.skewed": (
            "数据偏斜（偏度绝对值最大为 {skewness:.1f}）；{group!r} 组的样本量 n = {n} 尚不足以使均值近似正态"
            "（Cochran 准则要求 n > 25 × 偏度² = {min_n:.0f}），因此采用基于秩的 Kruskal-Wallis 检验及 Dunn "
            "两两比较；它比较的是典型值，而非均值。"
        ),
        "channels.reason.welch": (
            "均值近似正态，但方差不齐（Brown-Forsythe p = {p:.3g} < {alpha}），因此采用 Welch 方差分析及 "
            "Games-Howell 两两比较；二者都不假定方差相等。"
        ),
        "channels.reason.anova": (
            "均值近似正态且方差看来相等（Brown-Forsythe p = {p:.3g} ≥ {alpha}），因此采用经典的单因素方差分析及 "
            "Tukey HSD 两两比较。"
        ),
        "channels.text.rates": (
            "{outcome}：各组比率从 {low_rate:.2%}（{low}）到 {high_rate:.2%}（{high}）不等。"
            "检验各组比率是否相等的卡方检验给出 p = {p:.3g}（Cramér V = {v:.3f}）；"
            "经 {correction} 校正后，{n_pairs} 对两两差异中仍有 {n_sig} 对显著。"
        ),
        "channels.text.means": (
            "{outcome}：采用 {test}。综合检验 p = {p:.3g}，η² = {eta2:.3f}，ω² = {omega2:.3f}；"
            "在 {alpha} 的显著性水平下，{n_pairs} 对中有 {n_sig} 对存在差异（{posthoc}）。"
        ),
        "channels.text.spend_split": (
            "每位客户的消费 = 购买者占比 × 每位购买者的消费。{best} 的每位客户消费最高（{best_spend:.2f}）；"
            "其购买者占比为 {best_share:.1%}，而 {worst} 为 {worst_share:.1%}；其购买者人均消费 {best_buyer:.2f}，"
            "而后者为 {worst_buyer:.2f}。"
        ),
        "channels.text.spend_no_zeros": (
            "这些数据中每次接触的 {outcome} 都大于零（各渠道购买者占比最低为 {share:.0%}），因此每位客户的消费"
            "就是每位购买者的消费，购买者占比无法区分各渠道；{best} 的每位客户消费最高（{best_spend:.2f}），"
            "{worst} 最低。"
        ),
        "channels.text.lift": (
            "{arm} 对比 {control}：{outcome} 为 {treat:.2%} 对 {ctrl:.2%}，绝对提升度 {lift_pp:+.2f} 个百分点"
            "（{lo_pp:+.2f} 至 {hi_pp:+.2f}），相对提升度 {rel:+.0%}。"
        ),
        "channels.text.mde": (
            "在现有样本量下，以 {alpha} 的显著性水平检验 {arm} 对比 {control}，能以 {power} 的检验功效检出"
            "约 {mde_pp:.2f} 个百分点及以上的 {outcome} 提升度。"
        ),
        "channels.text.profit_profitable": (
            "{arm} 相对 {control} 是盈利的：每次接触增加收入 {inc:.2f} {currency}，按扣除折扣（如有）后"
            "该收入 {margin:.1%} 的毛利率计算，每次接触利润为 {profit:+.3f} {currency}（{lo:+.3f} 至 {hi:+.3f}，"
            "整个区间高于零）；投资回报率（ROI）为 {roi:.0%}（{roi_lo:.0%} 至 {roi_hi:.0%}）。"
        ),
        "channels.text.profit_uncertain": (
            "{arm} 是否划算尚无定论：相对 {control}，它每次接触增加收入 {inc:.2f} {currency}，按扣除折扣（如有）"
            "后该收入 {margin:.1%} 的毛利率计算，每次接触利润为 {profit:+.3f} {currency}，其区间 {lo:+.3f} 至 "
            "{hi:+.3f} 跨越零；因此其投资回报率（ROI）只以区间 {roi_lo:.0%} 至 {roi_hi:.0%} 给出，不给单一数值。"
        ),
        "channels.text.profit_loss": (
            "{arm} 相对 {control} 是亏损的：它每次接触增加收入 {inc:.2f} {currency}，但按扣除折扣（如有）后"
            "该收入 {margin:.1%} 的毛利率计算，每次接触利润为 {profit:+.3f} {currency}（{lo:+.3f} 至 {hi:+.3f}，"
            "整个区间低于零）；投资回报率（ROI）为 {roi:.0%}（{roi_lo:.0%} 至 {roi_hi:.0%}）。"
        ),
        "channels.text.profit_profitable_no_cost": (
            "{arm} 相对 {control} 是盈利的：每次接触增加收入 {inc:.2f} {currency}，按该收入 {margin:.1%} 的"
            "毛利率计算，每次接触利润为 {profit:+.3f} {currency}（{lo:+.3f} 至 {hi:+.3f}，整个区间高于零）；"
            "没有记录营销活动成本，因此没有投资回报率（ROI）。"
        ),
        "channels.text.profit_uncertain_no_cost": (
            "{arm} 是否增加利润尚无定论：按其收入 {margin:.1%} 的毛利率计算，它相对 {control} 每次接触的利润为 "
            "{profit:+.3f} {currency}（{lo:+.3f} 至 {hi:+.3f}，区间跨越零；每次接触收入 {inc:+.2f} {currency}）；"
            "没有记录营销活动成本，因此没有投资回报率（ROI）。"
        ),
        "channels.text.profit_loss_no_cost": (
            "{arm} 相对 {control} 是亏损的：按其收入 {margin:.1%} 的毛利率计算，每次接触利润为 {profit:+.3f} "
            "{currency}（{lo:+.3f} 至 {hi:+.3f}，整个区间低于零；每次接触收入 {inc:+.2f} {currency}）；"
            "没有记录营销活动成本，因此没有投资回报率（ROI）。"
        ),
        "channels.text.adjusted_pp": (
            "{group} 对比 {reference} 的 {outcome}：未调整时相差 {raw:+.2f} 个百分点，按 {covariates} 调整后相差 "
            "{adj:+.2f} 个百分点（{lo:+.2f} 至 {hi:+.2f}）。"
        ),
        "channels.text.adjusted": (
            "{group} 对比 {reference} 的 {outcome}：未调整时相差 {raw:+.2f} {currency}，按 {covariates} 调整后"
            "相差 {adj:+.2f}（{lo:+.2f} 至 {hi:+.2f}）。"
        ),
        "channels.text.adjusted_survives": (
            "在相同的客户构成下，{group} 的 {outcome} 仍与 {reference} 不同：{adj:+.2f} {unit}（区间 {lo:+.2f} "
            "至 {hi:+.2f}，不含零），调整前为 {raw:+.2f} {unit}。"
        ),
        "channels.text.adjusted_vanishes": (
            "在相同的客户构成下，{group} 的 {outcome} 与 {reference} 已无明显差异：{adj:+.2f} {unit}（区间 "
            "{lo:+.2f} 至 {hi:+.2f}，包含零），调整前为 {raw:+.2f} {unit}；原始差异可能来自客户，而非渠道本身。"
        ),
        "channels.unit.pp": "个百分点",
        "channels.text.economics_profitable": (
            "{best} 的首年价值与成本之比最高（{best_ratio:.2f}：每位客户首年价值 {best_value:.1f} {currency}，"
            "获客成本（CAC）{best_cac:.1f}）；即便是比值最低的 {worst}（{worst_ratio:.2f}），也能在首年收回"
            "获客成本，其投资回报率（ROI）的整个区间都高于零。"
        ),
        "channels.text.economics_loss": (
            "{best} 的首年价值与成本之比最高（{best_ratio:.2f}：每位客户首年价值 {best_value:.1f} {currency}，"
            "获客成本（CAC）{best_cac:.1f}）；{worst} 在首年收不回获客成本（比值 {worst_ratio:.2f}，"
            "其投资回报率的整个区间都低于零）。"
        ),
        "channels.text.economics_uncertain": (
            "{best} 的首年价值与成本之比最高（{best_ratio:.2f}：每位客户首年价值 {best_value:.1f} {currency}，"
            "获客成本（CAC）{best_cac:.1f}）；{worst} 的比值最低（{worst_ratio:.2f}），它能否在首年收回获客成本"
            "尚无定论（其投资回报率的区间跨越零）。"
        ),
        "channels.text.horizon_same": (
            "预期未来价值按 {weeks:.0f} 周计算，与笔记本 02 所用的期限相同，因此两个笔记本对客户的估值口径一致。"
        ),
        "channels.text.horizon_differs": (
            "此处预期未来价值按 {weeks:.0f} 周计算，笔记本 02 则按 {clv_weeks:.0f} 周计算，二者均由研究设定；"
            "仅此一点就可能使两页按价值对渠道的排序不同。"
        ),
        "channels.text.lifetime": (
            "按整个生命周期计算（迄今价值加上 {weeks:.0f} 周的预期购买），{best} 每单位获客成本的回报最高："
            "{ratio:.2f}（{lo:.2f} 至 {hi:.2f}），每位客户已实现 {to_date:.1f}、预期尚有 {residual:.1f}，"
            "获客成本为 {cac:.1f}（{currency}）；它在 {p_best:.0%} 的自助法（bootstrap）样本中排名第一。"
            "{worst} 的回报最低（{worst_ratio:.2f}）。"
        ),
        "channels.text.lifetime_no_interval": (
            "按整个生命周期计算（迄今价值加上 {weeks:.0f} 周的预期购买），{best} 每单位获客成本的回报最高："
            "{ratio:.2f}，每位客户已实现 {to_date:.1f}、预期尚有 {residual:.1f}，获客成本为 {cac:.1f}"
            "（{currency}）。{worst} 的回报最低（{worst_ratio:.2f}）。"
        ),
        "channels.text.lifetime_same": (
            "计入 {weeks:.0f} 周的预期未来购买后，排序与首年相同：{best} 仍居首位，与按首年价值的排序一致。"
        ),
        "channels.text.lifetime_changed": (
            "计入 {weeks:.0f} 周的预期未来购买后，排序发生变化：按整个生命周期 {best} 的回报最高，"
            "按首年价值则是 {first_year_best}。"
        ),
        "channels.text.lifetime_note": (
            "区间在每个渠道内对客户重抽样，拟合的模型保持不变；参数自身的不确定性使一个渠道平均预期价值的"
            "标准误最多增加 {bound:.1f} {currency}。"
        ),
        "channels.text.lifetime_skipped": (
            "生命周期经济性建立在上文的首年经济性之上，而后者无法在本研究上运行（见上文的说明），因此这里也跳过。"
        ),
        "channels.text.payback": "{channel} 在第 {months:.0f} 个月收回获客成本。",
        "channels.text.no_payback": "{channel} 在 {months} 个月内未能收回获客成本。",
        "channels.text.missing_table": "本研究没有“{table}”表，因此跳过本节。",
        "channels.text.attribution_skipped": (
            "本研究没有记录客户旅程的 `paths` 表（也没有设置参数 `paths_file`），因此不计算归因，本节以下没有"
            "内容。如需运行，请在研究的 `data:` 中加入 `paths` 表（列为 path、conversions，以及可选的 value 和 "
            "nulls）。"
        ),
        "channels.text.attribution_top": (
            "马尔可夫链归给 {channel} 的转化最多：{conversions:,.0f} 次（占全部转化的 {share:.1%}）；"
            "若没有 {channel}，将损失 {removal:.1%} 的转化（即其移除效应）。"
        ),
        "channels.text.attribution_shift": (
            "{channel} 的归因份额在不同规则之间差异最大：按末次接触占转化的 {last:.1%}，按马尔可夫链占 "
            "{markov:.1%}（相差 {diff_pp:+.1f} 个百分点）；选择哪种规则会使它的份额变动这么多。"
        ),
        "channels.text.no_control": (
            "没有设置对照组（`control_arm` 为 null），因此没有相对对照组的提升度；上文各节在渠道之间相互比较，"
            "下文的调整后比较则在相同的客户构成下比较。"
        ),
        "channels.text.section_skipped": (
            "本研究没有 channel_outcomes 表（每位客户或每次接触一行，含其渠道），因此跳过本节。"
        ),
        "channels.text.attribution_value.removal_share": (
            "归因价值：全部转化价值与转化数一样，按移除效应的比例分摊（每次转化都按平均转化计）。"
        ),
        "channels.text.attribution_value.channelattribution": (
            "归因价值：采用 R 包 ChannelAttribution 的定义，每次转化的价值等于旅程止于同一渠道的那些转化的平均价值。"
        ),
        "channels.text.lifecycle": (
            "接触对象的客户生命周期阶段采用本研究统一的定义（与笔记本 01 相同）：{at_risk_days} 天未购买为"
            "有流失风险，{lost_days} 天未购买为已流失，首次购买后 {new_days} 天内为新客户，"
            "购买 {loyal_purchases} 次及以上为忠诚客户。"
        ),
        "channels.check.zero_events": (
            "{outcome}：有 {n} 个组（{groups}）没有事件或全部是事件。它们的比率没有变异，接近 0 或 1 的区间较宽，"
            "对它们做逻辑回归会出现分离：请依据区间判断它们的差异，依据所注明的方法解读调整后比较。"
        ),
        "channels.check.zero_events_pass": (
            "{outcome}：每个组都既有事件也有非事件（无事件或全为事件的组：{n} 个）。"
        ),
        "channels.check.small_groups": (
            "{outcome}：卡方检验的最小期望频数为 {expected:.1f}，低于 5，因此其 p 值只是近似值；"
            "请以两两差异的区间为准。"
        ),
        "channels.check.small_groups_pass": (
            "{outcome}：卡方检验的每个期望频数都不小于 5（最小为 {expected:.1f}）。"
        ),
        "channels.check.power": (
            "{arm} 对比 {control} 的 {outcome}：提升度（{lift_pp:+.2f} 个百分点）不显著，而在 {alpha} 的显著性水平下，"
            "该样本以 {power} 的检验功效能检出的最小提升度为 {mde_pp:.2f} 个百分点：更小的真实提升度是未知的，"
            "而不是不存在。"
        ),
        "channels.check.power_pass": (
            "{arm} 对比 {control} 的 {outcome}：提升度（{lift_pp:+.2f} 个百分点）显著；该样本能检出 "
            "{mde_pp:.2f} 个百分点及以上的提升度（检验功效 {power}，显著性水平 {alpha}）。"
        ),
        "channels.check.roi_spans_zero": (
            "{arm}：每次接触利润的区间（{lo:+.3f} 至 {hi:+.3f}）跨越零，因此营销活动的样本无法判断该组是否划算；"
            "不称其为盈利，其投资回报率（ROI）只以区间给出。"
        ),
        "channels.check.roi_pass": (
            "{arm}：每次接触利润的区间（{lo:+.3f} 至 {hi:+.3f}）位于零的一侧，因此对该组的结论成立。"
        ),
        "channels.check.separation": (
            "{outcome}：调整后回归在 {groups}（{n} 个组）出现分离：这些组中结果从未（或总是）出现，"
            "会使普通逻辑回归的估计趋于无穷、p 值趋于 0。改用：{method}。"
        ),
        "channels.method.firth": "Firth 惩罚似然，其估计值和区间保持有限",
        "channels.method.withheld": "不报告估计值，因为不存在有限的最大似然估计",
        "channels.method.ml": "最大似然",
        "channels.method.ols": "最小二乘",
        "channels.check.separation_pass": (
            "{outcome}：调整后回归中没有组出现分离（被标记的组：{n} 个）。"
        ),
        "channels.check.balance": (
            "各组的客户构成不同：最大的标准化差异为 {smd:.3f}（{covariate}，{arm} 对比 {control}），高于 {limit}；"
            "原始提升度混杂了营销活动的效果与这一差异，请看调整后比较。"
        ),
        "channels.check.balance_pass": (
            "各组的客户构成相同：没有任何协变量的标准化差异超过 {limit}（最大为 {smd:.3f}：{covariate}，"
            "{arm} 对比 {control}），与随机分组应有的结果相符。"
        ),
        "channels.check.no_overlap": (
            "各组的客户构成没有重叠：{covariate} 在 {arm} 组内和 {control} 组内各为常数且取值不同，"
            "因此任何调整都无法把营销活动的效果与这一差异分开。"
        ),
        "channels.check.skipped": (
            "本研究没有 {table} 表，因此需要它的比较没有运行；本页对这些比较不作任何结论。"
        ),
        "channels.check.absent_columns": (
            "参数 `{parameter}` 指定的 {columns} 不是本研究 {table} 表中的列，因此跳过需要它的部分；"
            "请把 `{parameter}` 设为该表已有的列，或设为 null。"
        ),
        "channels.check.spend_few_buyers": (
            "{outcome}：{groups} 的购买者少于两人，不足以比较购买者的消费，因此跳过消费一节和消费的调整后比较；"
            "比率和提升度仍使用全部接触。"
        ),
        "channels.check.economics_skipped.customers": (
            "渠道经济性需要一张含获客渠道（{channel}）和 `acquisition_cost` 的客户表；本研究没有，因此跳过"
            "首年价值、投资回报率（ROI）、获客成本回收期和生命周期经济性。"
        ),
        "channels.check.economics_skipped.transactions": (
            "渠道经济性需要客户的交易记录；本研究没有交易表，因此跳过首年价值、投资回报率（ROI）、"
            "获客成本回收期和生命周期经济性。"
        ),
        "channels.check.economics_skipped.amount": (
            "本研究的交易只有次数、没有金额，而首年价值、投资回报率（ROI）、获客成本回收期和生命周期经济性"
            "都需要金额，因此跳过；上文的比较不涉及金额。"
        ),
        "channels.check.single_touch": (
            "{total:,.0f} 次转化中有 {single:,.0f} 次来自只有一次接触的客户旅程，超过 {limit}；每种规则对这些转化"
            "的归因都相同，因此规则之间的差异只取决于其余转化。"
        ),
        "channels.check.single_touch_pass": (
            "{total:,.0f} 次转化中有 {single:,.0f} 次来自只有一次接触的客户旅程（不超过 {limit}），因此规则之间的"
            "差异建立在大部分转化之上。"
        ),
        "channels.check.bootstrap_wide": (
            "{channel} 的马尔可夫份额的自助法区间宽达全部转化的 {width:.1%}，超过 {limit}：份额相差小于此值的"
            "渠道无法排序。"
        ),
        "channels.check.bootstrap_pass": (
            "每个马尔可夫份额的估计精度都在全部转化的 {width:.1%} 以内（最宽的区间：{channel}；上限 {limit}），"
            "因此上述份额可以为渠道排序。"
        ),
        "channels.check.bootstrap_not_run": (
            "没有运行自助法（`n_bootstrap` = 0），因此马尔可夫份额没有区间。"
        ),
        "channels.check.horizon": (
            "笔记本 04 计算 {weeks:.0f} 周的预期未来价值，笔记本 02 计算 {clv_weeks:.0f} 周；"
            "两页按生命周期价值对渠道的排序可能不同。"
        ),
        "channels.check.horizon_pass": (
            "笔记本 04 和 02 按相同的期限（{weeks:.0f} 周）计算预期未来价值。"
        ),
        "channels.check.clv_errors": (
            "{n} 个 BG/NBD 和 Gamma-Gamma 参数中有 {missing} 个没有有限的标准误：这些模型在其渠道的数据上"
            "不可识别，依赖它们的区间并不可靠。"
        ),
        "channels.check.clv_errors_pass": (
            "全部 {n} 个已拟合的 BG/NBD 和 Gamma-Gamma 参数都有有限的标准误（缺失 {missing} 个），"
            "因此计算了生命周期表下方给出的参数不确定性上限。"
        ),
    },
}
