"""简体中文：笔记本 04（渠道比较）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_channels.best_rate.title": "到访率最高的渠道",
        "exercises_channels.best_rate.question": (
            "在你的课堂研究上运行笔记本 04，阅读“比率”一节。这次营销活动中哪个渠道的到访率最高？是多少？"
            "你会把功劳归给这个渠道吗？"),
        "exercises_channels.best_rate.hint": "看 `rates_visit` 表的 `rate` 列（0 到 1 之间的比例；在笔记本中是 `rate_results[\"visit\"].groups`）。",
        "exercises_channels.best_rate.answer": (
            "{channel} 的到访率最高，在它的 {n:,} 次接触中为 {rate:.2%}，对照组为 {control_rate:.2%}"
            "（其他渠道中最低的是 {worst}，{worst_rate:.2%}）。原始比率说明的是一个渠道所接触到的客户中发生了什么，而不是这个渠道起了什么作用："
            "在把功劳归给它之前，先检查各渠道接触到的是否是同一类客户（“按客户构成调整”一节）。"),
        "exercises_channels.lift_by_hand.title": "动手计算相对对照组的提升度",
        "exercises_channels.lift_by_hand.question": (
            "动手计算营销活动每一组的到访率减去对照组的到访率（以百分点计），并与 `lift_visit` 表（`estimate_pp` 列）核对。"),
        "exercises_channels.lift_by_hand.hint": (
            "`rates = outcomes.groupby(\"channel\")[\"visit\"].mean()`，然后 `(rates[arm] - rates[\"control\"]) * 100`。"),
        "exercises_channels.lift_by_hand.answer": (
            "提升度是一组的比率减去对照组的比率：{best} 达到 {rate:.2%}，而 {control} 为 {control_rate:.2%}，"
            "提升度为 {lift:+.2f} 个百分点（相对对照组 {relative:+.0%}）。只有当客户是随机分配到各组时，"
            "与对照组的差异才是营销活动的因果效应；否则它把渠道的效应与接收者是谁混在了一起。"),
        "exercises_channels.adjusted.title": "每个渠道都面对同样的客户",
        "exercises_channels.adjusted.question": (
            "阅读“按客户构成调整”一节：它在假定每个渠道接触到同样客户的条件下比较各渠道。调整后哪个渠道最好？"
            "原始比率最高的渠道，调整后与对照组的差异是多少（百分点）？发生了什么变化，为什么？请看平衡表。"),
        "exercises_channels.adjusted.hint": (
            "看 `adjusted_visit` 表：`unadjusted_pp` 是原始差异，`estimate_pp` 是调整后的差异；"
            "`covariate_balance` 表显示各组客户的差别（在笔记本中，`adjusted[\"visit\"].effects` 以比例给出各差异，`balance` 是平衡表）。"),
        "exercises_channels.adjusted.answer": (
            "{leader} 的原始比率最高，比对照组高 {raw:+.2f} 个百分点，但在相同的客户构成下它的差异只有 {adjusted:+.2f}"
            "（{ci_low:+.2f} 至 {ci_high:+.2f}），而调整后最好的是 {best}（原始 {best_raw:+.2f}，调整后 {best_adjusted:+.2f}）。"
            "接触并不是随机分配的：平衡表中 {leader} 最大的差异是 {covariate}（标准化差异 {smd:+.2f}），"
            "所以它的原始优势大部分属于它接触到的客户，而不属于渠道本身。不做调整的渠道比较，会把客户自身的行为算成渠道的功劳。"),
        "exercises_channels.balance_by_hand.title": "动手计算一个标准化差异",
        "exercises_channels.balance_by_hand.question": (
            "动手计算每一组与对照组之间 `past_spend` 的标准化差异：均值之差除以两组方差平均值的平方根。"
            "与 `covariate_balance` 表核对。大于 0.1 的值说明什么？"),
        "exercises_channels.balance_by_hand.hint": (
            "`(a.mean() - c.mean()) / ((a.var() + c.var()) / 2) ** 0.5`，其中 `a` 和 `c` 是该组与对照组的 "
            "`past_spend`（pandas 的 `var` 除以 n - 1，与本软件包相同）。"),
        "exercises_channels.balance_by_hand.answer": (
            "{leader} 与对照组的 `past_spend` 相差 {smd_leader:+.3f} 个标准差。整张平衡表中 {n_rows} 个差异里有 {n_over} 个"
            "超过 0.1，最大的是 {arm} 的 {covariate}（{smd:+.2f}）：各组接触到的是不同的客户，随机分配不会这样。"
            "与检验不同，标准化差异不随样本量增大，所以它衡量的是不平衡本身。"),
        "exercises_channels.one_covariate.title": "哪个协变量在起作用？",
        "exercises_channels.one_covariate.question": (
            "在笔记本 04 的参数单元格中设置 `covariates = [\"tenure_days\"]`，重新运行调整后的比较，"
            "再设置 `covariates = [\"lifecycle_stage\"]`。原始比率最高的渠道每次调整后与对照组的差异是多少（百分点）？"
            "这说明客户构成的什么问题？"),
        "exercises_channels.one_covariate.hint": (
            "用 `analysis.channels` 中的 `adjusted_comparison(outcomes, \"channel\", \"visit\", [\"tenure_days\"], "
            "reference=\"control\")`；它的 `effects` 表中 `estimate` 是比例（乘以 100 得到百分点）。"),
        "exercises_channels.one_covariate.answer": (
            "只按成为客户的天数（`tenure_days`）调整时，{leader} 与对照组的差异仍为 {tenure:+.2f} 个百分点（原始 {raw:+.2f}）；"
            "只按客户生命周期阶段调整时，它降到 {stage:+.2f}，接近同时使用三个协变量时的 {full:+.2f}。"
            "调整只能消除协变量所描述的客户构成差异：这里起作用的是客户生命周期阶段（客户最近一次购买有多近、购买有多频繁），"
            "而一个与谁收到哪个渠道无关的协变量几乎不改变结果。"),
        "exercises_channels.best_roi.title": "哪个获客渠道回报最好？",
        "exercises_channels.best_roi.question": (
            "阅读“渠道经济性”一节。哪个获客渠道的首年投资回报率（ROI）最高？是多少？这个渠道获取一位客户要花多少钱，"
            "这位客户在第一年带来多少价值？"),
        "exercises_channels.best_roi.hint": (
            "看 `economics` 表的 `roi`、`cac` 和 `first_year_value` 列；ROI 等于首年价值 / CAC - 1。"),
        "exercises_channels.best_roi.answer": (
            "{channel} 的首年 ROI 最高，为 {roi:.1%}：获取一位客户花费 {cac:,.2f}，带来 {value:,.2f} 的首年价值"
            "（毛利减去服务成本）。{n} 个获客渠道中有 {n_positive} 个在第一年内收回了获客成本；{worst} 最差"
            "（{worst_roi:.1%}，CAC 为 {worst_cac:,.2f}）。一个渠道值不值它的成本，要看它的客户带来的是否多于争取他们的花费，"
            "而不是看它的规模。"),
        "exercises_channels.margin.title": "更低的毛利率",
        "exercises_channels.margin.question": (
            "在笔记本 04 的参数单元格中设置 `gross_margin = 0.20`，重新运行渠道经济性。哪些获客渠道仍能在第一年内收回 CAC"
            "（ROI 大于 0）？对每个渠道回答 `True` 或 `False`。其他渠道为什么不能？"),
        "exercises_channels.margin.hint": (
            "用 `analysis.channels` 中的 `eco = channel_economics(customers, transactions, channel=\"acquisition_channel\", "
            "margin=0.20, cost_to_serve=\"cost_to_serve\")`，然后 `(eco[\"roi\"] > 0).to_dict()`。"),
        "exercises_channels.margin.answer": (
            "毛利率为 {margin:.0%} 而不是 {margin_before:.0%} 时，{n} 个渠道中只有 {n_after} 个仍能在第一年内收回获客成本，"
            "之前是 {n_before} 个；即使最好的 {best}，ROI 也从 {roi_before:.1%} 降到 {roi_after:.1%}。"
            "不论毛利率多少，获客成本都要付出，而客户带来的价值随毛利率缩小，所以每个渠道的 ROI 都下降，"
            "接近盈亏平衡的渠道变成亏损：渠道经济性的结论取决于所假定的毛利率。"),
        "exercises_channels.other_firm.title": "一次随机化的营销活动：service_demo",
        "exercises_channels.other_firm.question": (
            "把平衡表和调整后的比较应用到用你的随机种子生成的随附企业 `service_demo` 上，它的营销活动是随机分组的。"
            "原始比较中哪一组最好？调整后哪一组最好？它的平衡表中最大的标准化差异（绝对值）是多少？与你的课堂企业比较。"),
        "exercises_channels.other_firm.hint": (
            "先用 `with_lifecycle_stage(outcomes, demo.study.lifecycle)` 加上客户生命周期阶段，再用 `analysis.channels` "
            "中的 `covariate_balance` 和 `adjusted_comparison`，协变量为 `lifecycle_stage`、`tenure_days`、`past_spend`。"),
        "exercises_channels.other_firm.answer": (
            "在 `service_demo` 中，客户构成最大的标准化差异为 {max_abs_smd:.3f}（你的企业为 {own_max_abs_smd:.2f}），"
            "调整使任何一组的变化都不超过 {max_shift:.2f} 个百分点（你的企业为 {own_shift:.2f}）；{best_raw} "
            "无论原始比较（{raw:+.2f}）还是调整后（{adjusted:+.2f}）都是最好的。随机分配使各组在所有方面都相似，"
            "无论是否测量过，所以原始提升度本身就是营销活动的效应；调整是没有随机分配时能做的最好的事，而且只能针对已有的协变量。"),
    },
}
