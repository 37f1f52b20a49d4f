"""简体中文：笔记本 03（客户满意度的驱动因素）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_drivers.reliability.title": "量表能取平均吗？",
        "exercises_drivers.reliability.question": (
            "在你的课堂研究上运行笔记本 03，阅读“量表信度”（`reliability`）表。哪个构念（服务维度）的克朗巴哈 α 最低？"
            "α 是多少？它的信度是否足以把各题项平均成一个得分？你会先检查哪一个题项？"),
        "exercises_drivers.reliability.hint": (
            "看 `reliability` 表的 `alpha` 列；通常的下限是参数 `alpha_threshold`（0.7）。"),
        "exercises_drivers.reliability.answer": (
            "量表信度最低的是 {construct}，{n_items} 个题项的克朗巴哈 α 为 {alpha:.3f}（最高的 α 为 {highest:.3f}）；"
            "{n_constructs} 个量表中有 {n_reliable} 个达到 {threshold:.2f} 的下限。α 是得分方差中各题项共有的部分所占的比例，"
            "达到下限说明各题项测量的是同一件事，取平均得到的得分是合理的。它最弱的题项是 {weakest_item}，"
            "但去掉它 α 会降到 {if_dropped:.3f}：每个题项都对量表有贡献。"),
        "exercises_drivers.top_driver.title": "最重要的属性",
        "exercises_drivers.top_driver.question": (
            "阅读“相对重要性”一节。哪个属性在整体满意度的已解释方差（R²）中所占份额最大？份额是多少？"
            "关键驱动因素回归中最大的标准化系数是否指向同一个属性？"),
        "exercises_drivers.top_driver.hint": (
            "看 `relative_importance` 表的 `share` 列（各份额之和为 1）和 `regression` 表的 `std_coef` 列（在笔记本中是变量 `importance` 和 `reg`）。"),
        "exercises_drivers.top_driver.answer": (
            "{driver} 占已解释方差的 {share:.1%}（R² = {r2:.3f}），领先于 {second}（{second_share:.1%}）；"
            "{smallest} 最不重要（{smallest_share:.1%}）。最大的标准化回归系数属于 {coef_top}。"
            "相对重要性在属性进入模型的所有顺序上公平地分配它们共有的方差，因此它的排序比回归系数更稳定，"
            "而回归系数是在其他属性保持不变的条件下得到的。"),
        "exercises_drivers.loyalty.title": "满意度与客户流失",
        "exercises_drivers.loyalty.question": (
            "“客户忠诚”一节把同样的属性与受访者后来是否流失联系起来。哪个属性的优势比最低？是多少？"
            "你能确定它会降低流失吗？"),
        "exercises_drivers.loyalty.hint": (
            "看 `loyalty_model` 表的 `odds_ratio` 列；对流失而言，优势比低于 1 是好的，它的区间（`or_low`、`or_high`）"
            "说明有多确定。"),
        "exercises_drivers.loyalty.answer": (
            "{driver} 的优势比最低，为 {odds_ratio:.3f}：它每高一分，流失的优势就乘以 {odds_ratio:.3f}"
            "（区间 {or_low:.3f} 至 {or_high:.3f}，p = {p_value:.3f}）。这里 {n_drivers} 个属性中有 {n_significant} 个"
            "在 {level:.0%} 水平上显著，而整体满意度的回归中有 {n_regression} 个；{n:,} 位受访者中有 {n_events:,} 位流失。"
            "区间包含 1 说明数据不能排除没有影响：客户对服务的评价预测其行为，不如预测其整体评分那样清楚。"),
        "exercises_drivers.shortfall.title": "服务在哪里不如预期",
        "exercises_drivers.shortfall.question": (
            "阅读“期望与感知（SERVQUAL）”一节及其图。服务在哪个维度上离客户的期望最远？差多少分？"
            "这个差距是否超出了偶然？这个维度对整体满意度有多重要？你会优先改进什么？"),
        "exercises_drivers.shortfall.hint": (
            "看 `servqual_gaps` 表中 level 为 `dimension` 的各行：最负的 `estimate`、它的区间，"
            "以及该维度在 `relative_importance` 中的排名（在笔记本中是变量 `gaps` 和 `importance`）。"),
        "exercises_drivers.shortfall.answer": (
            "{dimension} 离期望最远：感知 {perception:.2f}，期望 {expectation:.2f}，差距 {gap:+.2f} 分"
            "（区间 {ci_low:+.2f} 至 {ci_high:+.2f}，整体低于零），远大于次之的维度 {runner}（{runner_gap:+.2f}）。"
            "它在相对重要性中排第 {rank} 位（共 {n_drivers} 个，占 R² 的 {share:.1%}）。客户满意度是感知与期望的比较，"
            "因此在一个重要的维度上出现又大又确定的差距，正是最值得优先改进的地方；重要性-绩效分析图画出的正是每个维度的这两个数。"),
        "exercises_drivers.gap_by_hand.title": "动手计算一个 SERVQUAL 差距",
        "exercises_drivers.gap_by_hand.question": (
            "动手计算维度 *reliability*（可靠性）的 SERVQUAL 差距：对每位受访者，用感知题项的平均分减去期望题项的平均分，"
            "再对所有受访者取平均。与 `servqual_gaps` 表核对。"),
        "exercises_drivers.gap_by_hand.hint": (
            "`(perception.mean(axis=1) - expectation.mean(axis=1)).mean()`；两组列的题项顺序必须一致。"),
        "exercises_drivers.gap_by_hand.answer": (
            "可靠性的差距为 {gap:+.3f} 分：{n:,} 位受访者的平均感知 {perception:.3f} 减去平均期望 {expectation:.3f}；"
            "它的 {n_items} 个题项的差距在 {item_low:+.3f} 到 {item_high:+.3f} 之间，差距的区间为 {ci_low:+.3f} 至 "
            "{ci_high:+.3f}。每个题项都有回答时，差值的平均等于平均的差值；表中的检验用的是每位受访者的差值（配对检验），"
            "因为两项评分出自同一个人。"),
        "exercises_drivers.index_by_hand.title": "动手计算客户满意度指数",
        "exercises_drivers.index_by_hand.question": (
            "“0 至 100 的客户满意度指数”一节把每个构念报告为一个指数。请动手计算满意度的指数（一个题项，"
            "`overall_satisfaction`，1 到 7 分）和忠诚的指数（各题项先按各自的量表换算到 0 到 100，"
            "再用 `satisfaction_index_weights` 表中的权重加权平均），并与 `satisfaction_index` 表核对。"),
        "exercises_drivers.index_by_hand.hint": (
            "题项的 0-100 平均分为 `(mean - low) / (high - low) * 100`；`recommend` 的量表是 0 到 10，"
            "`loyalty_intent` 是 1 到 7；一个构念的权重之和为 1（在笔记本中，`si.weights_` 显示这些权重）。"),
        "exercises_drivers.index_by_hand.answer": (
            "满意度这一构念的客户满意度指数为 {satisfaction:.2f}：平均评分在 {low:g}（指数 0）与 {high:g}（指数 100）之间的位置。"
            "忠诚指数为 {loyalty:.2f}，是它的 {n_items} 个题项的 0-100 平均分的加权平均，其中 {heavy} 的权重最大"
            "（{heavy_weight:.2f}）。指数是一个水平，不是满意客户的比例；各服务维度中指数最低的是 {lowest}（{lowest_index:.2f}）。"),
        "exercises_drivers.outcome.title": "忠诚意向的驱动因素",
        "exercises_drivers.outcome.question": (
            "在笔记本 03 的参数单元格中设置 `outcome = \"loyalty_intent\"` 并重新运行（或在练习本中拟合回归和相对重要性）。"
            "现在哪个属性在 R² 中所占份额最大？五个属性解释了多少方差？与整体满意度比较。"),
        "exercises_drivers.outcome.hint": (
            "用 `analysis.drivers` 中的 `KeyDriverRegression().fit(data, \"loyalty_intent\", drivers).diagnostics()[\"r2\"]` "
            "和 `RelativeImportance(\"lmg\").fit(...)`；用 `driver_table` 构建包含结果变量 `loyalty_intent` 的 `data`。"),
        "exercises_drivers.outcome.answer": (
            "对 {outcome} 而言，最重要的驱动因素是 {driver}（占 R² 的 {share:.1%}），{n_drivers} 个属性解释的 R² 为 {r2:.3f}，"
            "而 {before} 为 {r2_before:.3f}（其最重要的驱动因素是 {driver_before}）。留下来的意向不只取决于服务属性"
            "（还有价格、习惯、替代选择），所以它们能解释的部分更少：满意是通向忠诚的一步，但不是同一回事。"),
        "exercises_drivers.other_firm.title": "另一家企业：service_demo",
        "exercises_drivers.other_firm.question": (
            "把 SERVQUAL 差距和相对重要性应用到用你的随机种子生成的随附企业 `service_demo` 上。那里哪个维度离期望最远？"
            "有几个维度显著低于期望？哪个属性是最重要的驱动因素？与你的课堂企业比较。"),
        "exercises_drivers.other_firm.hint": (
            "用 `analysis.drivers` 中的 `servqual_gaps(survey, servqual_pairs(survey.columns), scale=(1, 7))` 和 "
            "`gap_verdicts`：数一数判定为 `below` 的维度。"),
        "exercises_drivers.other_firm.answer": (
            "在 `service_demo`（{respondents:,} 位受访者）中，{dimension} 离期望最远（{gap:+.2f} 分），{n} 个维度中有 "
            "{n_below} 个显著低于期望，最重要的驱动因素是 {driver}（占 R² 的 {share:.1%}）。在你的课堂企业中有 "
            "{own_n_below} 个维度低于期望，最差的是 {own_dimension}，最重要的驱动因素是 {own_driver}。"
            "方法相同；优先改进什么，取决于每家企业自己的差距和重要性。"),
    },
}
