"""简体中文：满意度驱动因素分析（笔记本 03）的文字：SERVQUAL 差距、量表信度、关键驱动因素回归、相对重要性、
重要性-绩效分析图和 PLS 路径模型的客户满意度指数。"""

#: 方法名在中英文中写法相同
SAME_AS_ENGLISH = {"drivers.method.lmg"}

MESSAGES = {
    "zh": {
        "drivers.quadrant.concentrate_here": "重点改进",
        "drivers.quadrant.keep_up_the_good_work": "继续保持",
        "drivers.quadrant.low_priority": "低优先级",
        "drivers.quadrant.possible_overkill": "过度投入",
        "drivers.fig.importance.title": "{outcome} 的驱动因素：解释方差的份额（{method}）",
        "drivers.fig.importance.x": "占 R² 的份额（R² = {r2:.2f}）；误差线：{level:.0%} 自助法置信区间",
        "drivers.fig.coefficients.title": "{outcome} 的关键驱动因素回归",
        "drivers.fig.coefficients.x": "标准化系数（属性每变化 1 个标准差，结果变化的标准差数），{level:.0%} 置信区间",
        "drivers.fig.ipa.title": "重要性-绩效分析图",
        "drivers.fig.ipa.x": "在 {low:g}-{high:g} 评分量表上的平均绩效（虚线：各属性的平均值 {cut:.2f}）",
        "drivers.fig.ipa.x_gap": "感知减期望，单位为量表分值（虚线：0 = 恰好达到期望）",
        "drivers.fig.ipa.y": "重要性（占 R² 的份额；虚线：平均份额 {cut:.0%}）",
        "drivers.fig.gaps.title": "SERVQUAL 差距：感知减期望",
        "drivers.fig.gaps.x": "差距，单位为量表分值（负值 = 低于期望），{level:.0%} 置信区间",
        "drivers.method.lmg": "LMG / Shapley",
        "drivers.method.relative_weights": "相对权重法",
        "drivers.method.shapley_sampled": "抽样 Shapley 值",
        "drivers.fig.ipma.title": "{target} 的重要性-绩效分析图（PLS 路径模型）",
        "drivers.fig.ipma.x": "绩效（平均得分，0-100；虚线：各构念的平均值 {cut:.1f}）",
        "drivers.fig.ipma.y": "重要性（对 {target} 的总效应，每分绩效带来的分数；虚线：平均值）",
        "drivers.fig.effects.title": "对 {target} 的直接效应、间接效应与总效应（PLS 路径模型）",
        "drivers.fig.effects.x": "对 {target} 的效应（标准化），{level:.0%} 自助法置信区间",
        "drivers.effect.direct": "直接效应",
        "drivers.effect.indirect": "间接效应",
        "drivers.effect.total": "总效应",
        "drivers.fig.index.title": "各构念的客户满意度指数（0-100，ACSI 方法）",
        "drivers.fig.index.x": "指数（0 = 所有回答都在量表最低端，100 = 都在最高端），{level:.0%} 自助法置信区间",
        "drivers.fig.index.y": "构念",
        "drivers.fig.index.all": "全部受访者",
        "drivers.fig.stated.title": "自述重要性与推导重要性（Spearman rho = {rho:.2f}）",
        "drivers.fig.stated.x": "推导重要性排名（1 = 最重要）",
        "drivers.fig.stated.y": "自述重要性排名（1 = 最重要）",
        "drivers.class.key_driver": "关键驱动因素",
        "drivers.class.hidden_driver": "隐性驱动因素",
        "drivers.class.basic_expectation": "基本期望",
        "drivers.class.minor": "次要因素",
        "drivers.agreement.strong": "高度",
        "drivers.agreement.moderate": "部分",
        "drivers.agreement.weak": "几乎不",
        "drivers.verdict.below": "低于期望",
        "drivers.verdict.met": "达到期望",
        "drivers.verdict.above": "高于期望",
        "drivers.model.logistic": "逻辑回归",
        "drivers.model.ordinal": "有序 logit 模型",
        # 结论：每个数字都引自笔记本写出的表格
        "drivers.finding.survey": "共 {n:,} 位受访者，其中 {n_used:,} 位回答了模型用到的全部问题；驱动因素：{drivers}。",
        "drivers.finding.reliability": (
            "{n} 个构念中有 {n_ok} 个的量表信度（克朗巴哈 α）达到 {threshold:g} 或以上"
            "（最低：{low_name}，α = {low_alpha:.2f}）。"
        ),
        "drivers.finding.regression": (
            "各属性解释了 {outcome} 变异的 {r2:.0%}（n = {n:,}）。在其他属性保持不变时，{top} 的标准化效应最大："
            "{top} 每高 1 分，{outcome} 相应变化 {estimate:+.2f} 分（{low:+.2f} 至 {high:+.2f}）；"
            "{k} 个属性中有 {n_sig} 个的效应在 {level:.0%} 置信水平下显著不为零。"
        ),
        "drivers.finding.top_driver": (
            "{top} 是 {outcome} 最强的驱动因素：占解释方差的 {share:.0%}（{level:.0%} 自助法置信区间 "
            "{low:.0%} 至 {high:.0%}）；其排名的自助法区间为第 {rank_low} 至 {rank_high} 名，因此它排名第一"
            "并非抽样误差所致。"
        ),
        "drivers.finding.top_driver_uncertain": (
            "{top} 在 {outcome} 的解释方差中所占份额最大：{share:.0%}（{level:.0%} 自助法置信区间 "
            "{low:.0%} 至 {high:.0%}），但其排名并不确定（在各自助样本中排第 {rank_low} 至 {rank_high} 名）。"
        ),
        "drivers.finding.loyalty_bad": (
            "客户忠诚模型（{outcome} 的{model}，n = {n:,}）：{outcome} 是需要避免的结果，因此优势比小于 1 "
            "是好事（评分越高，{outcome} 的发生比越低）。{clearest} 的效应最明确：评分每高 1 分，{outcome} "
            "的发生比乘以 {odds_ratio:.2f}（{low:.2f} 至 {high:.2f}，p = {p:.3f}）；{k} 个属性中有 {n_sig} 个"
            "在 {level:.0%} 置信水平下显著。"
        ),
        "drivers.finding.loyalty_good": (
            "客户忠诚模型（{outcome} 的{model}，n = {n:,}）：{outcome} 是希望争取的结果，因此优势比大于 1 "
            "是好事（评分越高，{outcome} 的发生比越高）。{clearest} 的效应最明确：评分每高 1 分，该发生比"
            "乘以 {odds_ratio:.2f}（{low:.2f} 至 {high:.2f}，p = {p:.3f}）；{k} 个属性中有 {n_sig} 个在 "
            "{level:.0%} 置信水平下显著。"
        ),
        "drivers.finding.group_test_differ": (
            "各属性的效应在不同 {group} 组之间存在差异（对全部“组别 × 属性”交互项的稳健 Wald 检验："
            "χ² = {stat:.1f}，自由度 = {df}，p = {p:.3f}）；详见分组模型。"
        ),
        "drivers.finding.group_test_same": (
            "数据未显示各属性的效应在不同 {group} 组之间存在差异（对全部“组别 × 属性”交互项的稳健 Wald "
            "检验：χ² = {stat:.1f}，自由度 = {df}，p = {p:.3f}）。"
        ),
        "drivers.finding.gap": (
            "与期望差距最大的是 {name}：感知 {perception:.2f}，期望 {expectation:.2f}，差距 {gap:+.2f} 分"
            "（{low:+.2f} 至 {high:+.2f}）。{n} 个维度中有 {n_below} 个显著低于期望。"
        ),
        "drivers.finding.priority": (
            "优先改进：{first}（重要性 {share:.0%}，绩效 {performance:.2f}；在 {p_top:.0%} 的自助样本中"
            "居改进优先级首位）。"
        ),
        "drivers.finding.priority_then": (
            "优先改进：{first}（重要性 {share:.0%}，绩效 {performance:.2f}；在 {p_top:.0%} 的自助样本中"
            "居改进优先级首位），其次是 {names}。"
        ),
        "drivers.finding.improve_item": (
            "{rank}. **{name}**：{quadrant}（{verdict}）；重要性 {share:.0%}（{share_low:.0%} 至 {share_high:.0%}），"
            "绩效 {performance:.2f}（{perf_low:.2f} 至 {perf_high:.2f}）；在各自助样本中的优先排名为第 "
            "{rank_low} 至 {rank_high} 名。"
        ),
        "drivers.finding.improve_item_plain": (
            "{rank}. **{name}**：{quadrant}；重要性 {share:.0%}（{share_low:.0%} 至 {share_high:.0%}），"
            "绩效 {performance:.2f}（{perf_low:.2f} 至 {perf_high:.2f}）；在各自助样本中的优先排名为第 "
            "{rank_low} 至 {rank_high} 名。"
        ),
        "drivers.finding.pls": "结构模型解释了 {target} 方差的 {r2_target:.0%}（拟合优度 GoF = {gof:.2f}；n = {n:,}）。",
        "drivers.finding.effects_both": (
            "在影响 {target} 的各构念中，{first} 的总效应最大：{total:.2f}（{level:.0%} 自助法置信区间 "
            "{low:.2f} 至 {high:.2f}），其中直接效应 {direct:.2f}，经由中间构念的间接效应 {indirect:.2f}。"
        ),
        "drivers.finding.effects_direct": (
            "在影响 {target} 的各构念中，{first} 的总效应最大：{total:.2f}（{level:.0%} 自助法置信区间 "
            "{low:.2f} 至 {high:.2f}），全部为直接效应（没有经由其他构念的路径）。"
        ),
        "drivers.finding.effects_indirect": (
            "在影响 {target} 的各构念中，{first} 的总效应最大：{total:.2f}（{level:.0%} 自助法置信区间 "
            "{low:.2f} 至 {high:.2f}），全部经由中间构念传导（模型中没有直接路径）。"
        ),
        "drivers.finding.ipma": (
            "对 {target} 而言，按每分绩效计，{first} 最重要：其绩效（目前为 {performance:.0f}/100）每提高 1 分，"
            "对 {target} 的提升度约为 {gain:.2f} 分。优先改进：{priority}（按重要性加权的改进空间最大）。"
        ),
        "drivers.finding.ipma_boot": (
            "对 {target} 而言，按每分绩效计，{first} 最重要：其绩效（目前为 {performance:.0f}/100）每提高 1 分，"
            "对 {target} 的提升度约为 {gain:.2f} 分（{level:.0%} 自助法置信区间 {low:.2f} 至 {high:.2f}）。"
            "优先改进：{priority}（按重要性加权的改进空间最大）。"
        ),
        "drivers.finding.index": (
            "在 0 至 100 的刻度上，{headline} 指数为 {estimate:.1f}；0 表示所有回答都在评分量表的最低端，"
            "100 表示所有回答都在最高端。指数最高的是 {top}（{top_value:.1f}），最低的是 {bottom}"
            "（{bottom_value:.1f}）。"
        ),
        "drivers.finding.index_boot": (
            "在 0 至 100 的刻度上，{headline} 指数为 {estimate:.1f}（{level:.0%} 自助法置信区间 {low:.1f} 至 "
            "{high:.1f}）；0 表示所有回答都在评分量表的最低端，100 表示所有回答都在最高端。指数最高的是 "
            "{top}（{top_value:.1f}），最低的是 {bottom}（{bottom_value:.1f}）。"
        ),
        "drivers.finding.index_group_clear": (
            "按 {group} 分组，指数差异最大的是 {name} 组的 {construct}：与其他组相差 {difference:+.1f} 分"
            "（{level:.0%} 自助法置信区间 {low:+.1f} 至 {high:+.1f}）；{k} 个组间差异中有 {n_clear} 个的"
            "区间不包含 0。"
        ),
        "drivers.finding.index_group_none": (
            "按 {group} 分组，没有哪个组的指数与其他组有明显差异：差异最大的是 {name} 组的 {construct}，"
            "为 {difference:+.1f} 分（{level:.0%} 自助法置信区间 {low:+.1f} 至 {high:+.1f}），{k} 个组间"
            "差异的区间都包含 0。"
        ),
        "drivers.finding.stated": (
            "客户自述的重要因素与实际影响 {outcome} 的因素{agreement}一致（Spearman rho = {rho:.2f}，"
            "共 {n} 个属性）。"
        ),
        "drivers.finding.stated_hidden": "隐性驱动因素（对 {outcome} 的影响大于客户自述）：{names}。",
        "drivers.finding.stated_basic": "客户称重要、但并不驱动 {outcome} 的因素：{names}。",
        # 检验：检验了什么、结果如何、对结论意味着什么
        "drivers.check.reliability_pass": (
            "每个构念的量表信度（克朗巴哈 α）都不低于 {threshold:g}（最低：{low_name}，{low_alpha:.2f}），"
            "其题项足够一致，可以平均为一个得分。"
        ),
        "drivers.check.reliability_warn": (
            "{n} 个构念中有 {n_low} 个的量表信度（克朗巴哈 α）低于 {threshold:g}（最低：{low_name}，"
            "{low_alpha:.2f}）：其题项测量的不是同一事物，因此这些构念的得分及其所有效应都不清晰；"
            "依赖它们之前，请先查看题项分析。"
        ),
        "drivers.check.collinearity_pass": (
            "最大方差膨胀因子（VIF）为 {max_vif:.2f}（阈值 {threshold:g}）：各属性之间有重叠，"
            "但每个回归系数仍能被较好地确定。"
        ),
        "drivers.check.collinearity_warn": (
            "最大方差膨胀因子（VIF）为 {max_vif:.2f}，超过 {threshold:g}：各属性重叠过多，回归系数不稳定"
            "（符号可能反转）；请改看相对重要性份额。"
        ),
        "drivers.check.residuals_hetero": (
            "Breusch-Pagan 检验 p = {bp_p:.3f}：残差方差不恒定。标准误为稳健标准误（HC3），"
            "因此回归的区间和检验仍然成立。"
        ),
        "drivers.check.residuals_ok": (
            "Breusch-Pagan 检验 p = {bp_p:.3f}：没有残差方差不等的迹象；无论如何，标准误都是稳健标准误（HC3）。"
        ),
        "drivers.check.sample_size_pass": (
            "{k} 个属性共有 {n:,} 位受访者（每个属性 {per:.0f} 位；约需 {need:g} 位）：足以得到稳定的系数。"
        ),
        "drivers.check.sample_size_warn": (
            "{k} 个属性只有 {n:,} 位受访者（每个属性 {per:.0f} 位；约需 {need:g} 位）：系数和重要性份额都不精确；"
            "请看其区间，而不是点估计值。"
        ),
        "drivers.check.small_groups_pass": (
            "最小的 {group} 组有 {n_min:,} 位受访者（每个属性需要 {need:g} 位）：分组模型可以估计。"
        ),
        "drivers.check.small_groups_warn": (
            "最小的 {group} 组只有 {n_min:,} 位受访者（每个属性约需 {need:g} 位）：该组的分组系数不精确，"
            "组间检验的检验力也很低。"
        ),
        "drivers.check.loyalty_converged": "{outcome} 的{model}已收敛到似然函数的最大值。",
        "drivers.check.loyalty_not_converged": (
            "{outcome} 的{model}没有收敛：其优势比不是最大似然估计值，其 p 值也不可信。"
        ),
        "drivers.check.separation_pass": (
            "{n_extreme} 位受访者的拟合概率为 0 或 1：没有哪种评分组合能完美预测 {outcome}，"
            "因此优势比是有限的估计值。"
        ),
        "drivers.check.separation_warn": (
            "{n_extreme:,} 位受访者的拟合概率为 0 或 1：某些评分能（近乎）完美地预测 {outcome}，因此优势比"
            "趋向 0 或无穷大，其 p 值没有意义；解读之前，请合并评分类别或改用惩罚似然（Firth）估计。"
        ),
        "drivers.check.events_pass": (
            "{n_events:,} 位受访者的 {outcome} 取较少见的值，每个属性 {per:.0f} 位（约需 10 位）："
            "客户忠诚模型的事件数足够。"
        ),
        "drivers.check.events_warn": (
            "只有 {n_events:,} 位受访者的 {outcome} 取较少见的值，每个属性 {per:.1f} 位（约需 10 位）："
            "客户忠诚模型的优势比会偏离 1 且不精确。"
        ),
        "drivers.check.indirect_pass": (
            "{k} 个间接效应的 {level:.0%} 自助法置信区间都不包含 0：经由中间构念的每条路径都得到数据支持。"
        ),
        "drivers.check.indirect_warn": (
            "{k} 个间接效应中有 {n} 个的 {level:.0%} 自助法置信区间包含 0（例如 {source} 对 {target}："
            "{estimate:.2f}，{low:.2f} 至 {high:.2f}）：这些经由中间构念的路径与“没有效应”无法区分，"
            "因此不能据此声称存在中介效应。"
        ),
        "drivers.check.indirect_none": "模型中没有经由中间构念的路径，因此没有可检验的间接效应。",
        "drivers.check.index_weights_pass": (
            "{k} 个构念的每个题项权重都为正，因此每个指数都是其题项的加权平均值，始终介于 0 与 100 之间。"
        ),
        "drivers.check.index_weights_warn": (
            "{n} 个构念中的 {n_items} 个题项权重为负（最多的是 {name}）：这样的指数不是其题项的加权平均值，"
            "可能超出 0-100 的范围，不应当作得分来解读；请检查是否有反向措辞的题项（应反向编码），"
            "或测量其他内容的题项（应删除）。"
        ),
        "drivers.check.index_scales_pass": (
            "{k} 个构念各自的题项使用同一评分量表，因此每个指数都按 ACSI 公式计算："
            "把题项的加权平均值放到量表两端之间的相应位置。"
        ),
        "drivers.check.index_scales_warn": (
            "{k} 个构念中有 {n} 个的题项使用不同的评分量表（{names}）：先把每个题项换算到 0-100，"
            "指数为换算后题项的加权平均值。它仍可按 0-100 解读，但已不是单一量表下的 ACSI 公式，"
            "与已发布的指数比较时要谨慎。"
        ),
        # 本研究无法运行的每一部分各用一句话说明原因
        "drivers.skip.reliability": (
            "各属性是单独的列（`predictors`），而不是由 `item_pattern` 归入构念的多个题项，"
            "因此没有可检验信度的多题项量表。"
        ),
        "drivers.skip.loyalty": "未指定客户忠诚结果变量（`loyalty_outcome` 为 None），因此不拟合客户忠诚模型。",
        "drivers.skip.group": "未指定分组列（`group` 为 None），因此不在各组之间比较驱动因素。",
        "drivers.skip.servqual": (
            "未提供期望题项（`expectation_prefix` 为 None），因此没有 SERVQUAL 差距，"
            "下面的重要性-绩效分析图以平均绩效为分界线。"
        ),
        "drivers.skip.pls": (
            "未指定结构模型：它需要结果构念及其题项（`pls_outcomes`）以及由 `item_pattern` 给出的驱动构念，"
            "或者研究自己定义的模型（`pls_paths`，连同 `pls_blocks`）。"
        ),
        "drivers.skip.index": "没有结构模型就没有 PLS 权重，因此不计算客户满意度指数。",
        "drivers.skip.index_group": "未指定分组列（`group` 为 None），因此不在各组之间比较客户满意度指数。",
        "drivers.skip.stated": (
            "未提供自述重要性列（`stated_importance` 为 None），因此不比较客户自述的重要因素"
            "与实际驱动其评分的因素。"
        ),
        "drivers.skip.agreement": "没有客户忠诚结果变量，就没有可与优先改进清单对照的行为数据。",
        "drivers.check.agree": (
            "评分与行为指向的驱动因素一致：{first} 在根据 {source} 得出的清单上排第一，在 {behaviour} 的"
            "客户忠诚模型中效应也最明确（优势比 {odds_ratio:.2f}，p = {p:.3f}）。"
        ),
        "drivers.check.disagree": (
            "评分与行为指向的驱动因素不一致。根据 {source} 得出的清单把 {first} 排在第一，但在 {behaviour} "
            "的客户忠诚模型中，它的效应在 {level:.0%} 置信水平下不显著（优势比 {odds_ratio:.2f}，p = {p:.3f}），"
            "而 {clearest} 的效应最明确（优势比 {odds_ratio_clearest:.2f}，p = {p_clearest:.3f}）。评分反映客户的"
            "感受，{behaviour} 反映客户的行为：投入资源之前，先确认改进 {first} 确实能改变行为，同时也要考虑 "
            "{clearest}。"
        ),
        "drivers.check.weak": (
            "评分与行为指向同一个驱动因素，但并不确定：{first} 在根据 {source} 得出的清单上排第一，在 {behaviour} "
            "的客户忠诚模型中效应也最明确，但这一效应在 {level:.0%} 置信水平下不显著（优势比 {odds_ratio:.2f}，"
            "p = {p:.3f}）。投入资源之前，先确认改进 {first} 确实能改变行为。"
        ),
        "drivers.check.differ": (
            "评分与行为指向不同的驱动因素。根据 {source} 得出的清单把 {first} 排在第一（{behaviour} 的客户"
            "忠诚模型：优势比 {odds_ratio:.2f}，p = {p:.3f}），但对 {behaviour} 效应最明确的是 {clearest}"
            "（优势比 {odds_ratio_clearest:.2f}，p = {p_clearest:.3f}）；投入资源之前应两者兼顾。"
        ),
    },
}
