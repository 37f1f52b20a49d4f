"""简体中文：笔记本 02（客户生命周期价值）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_clv.best_model.title": "哪个模型预测得最好？",
        "exercises_clv.best_model.question": (
            "在你的课堂研究上运行笔记本 02。`model_comparison` 表中排在第一位的交易模型是哪个？它的 RMSE 是多少？"
            "这个比较衡量的是什么？为什么要在验证期上比较？"),
        "exercises_clv.best_model.hint": "这张表按 `rmse` 排序，即每位客户验证期购买次数预测值的均方根误差。",
        "exercises_clv.best_model.answer": (
            "{model} 对验证期购买次数的预测最好：每位客户的 RMSE 为 {rmse:.4f} 次，{other} 为 {other_rmse:.4f} 次；"
            "合计预测验证期购买 {predicted:,.0f} 次，实际为 {actual:,.0f} 次（{error:+.1f}%）。模型只用校准期的数据拟合，"
            "所以验证期检验的是模型对从未见过的购买的预测，这正是预测要做的事；随后笔记本用排在第一位的模型预测每位客户的价值。"),
        "exercises_clv.p_alive.title": "动手计算客户存活概率",
        "exercises_clv.p_alive.question": (
            "初始代码选出一位在校准期结束时至少有两次重复购买、且已超过 20 周没有购买的客户。用 `model_parameters` 表中 "
            "BetaGeo 的估计值 r、alpha、a 和 b，动手计算该客户仍是客户的概率（客户存活概率）："
            "P(alive) = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x)) ** (r + x))，其中 x 为重复购买次数（frequency），"
            "t_x 为最近一次购买的时间（recency），T 为客户的年龄，单位都是周。"),
        "exercises_clv.p_alive.hint": (
            "用 `.loc[(\"BetaGeo\", \"r\"), \"estimate\"]` 等读出四个估计值；再用对 `clv.fitting_sample(cal)` 拟合的模型的 "
            "`BetaGeo.prob_alive` 核对你的结果。"),
        "exercises_clv.p_alive.answer": (
            "客户 {who} 有 {x} 次重复购买，最后一次在第 {tx:.1f} 周（共 {T:.1f} 周），已经 {silent:.1f} 周没有购买："
            "客户存活概率 P(alive) = {p:.4f}。BG/NBD 模型假定客户只会在一次购买之后流失，所以问题在于：如果她仍按平常的频率购买，"
            "出现这么长的沉默有多大可能。她过去买得越频繁、沉默得越久，就越不可能仍是客户。"),
        "exercises_clv.discount.title": "折现的作用",
        "exercises_clv.discount.question": (
            "在笔记本 02 的参数单元格中设置 `discount_rate = 0.0` 后重新运行。现在客户生命周期价值的总和是多少"
            "（`customer_value` 表中 `clv` 列之和）？增加了多少？为什么增加得这么少（或这么多）？"),
        "exercises_clv.discount.hint": "比较修改前后的 `value[\"clv\"].sum()`。",
        "exercises_clv.discount.answer": (
            "不折现时客户生命周期价值总和为 {after:,.2f}，而在每年 {rate:.0%} 的折现率下为 {before:,.2f}，增加了 {rise:.1%}。"
            "预测只覆盖 {horizon:g} 周，平均一次购买大约发生在半年之后，只损失大约半年的折现；预测期越长，折现率的影响越大，"
            "不折现的客户生命周期价值会高估未来毛利在今天的价值。"),
        "exercises_clv.threshold.title": "哪些客户值得挽回？",
        "exercises_clv.threshold.question": (
            "在笔记本 02 的参数单元格中设置 `risk_threshold = 0.3` 后重新运行。现在有多少位挽回目标客户"
            "（`win_back_targets` 表的行数）？与默认值 0.5 比较，并解释发生了什么变化。"),
        "exercises_clv.threshold.hint": (
            "挽回目标客户的存活概率介于 `min_p_alive` 和 `risk_threshold` 之间，且存活时的价值位于全体客户的前四分之一"
            "（见 `win_back_rule` 表）。"),
        "exercises_clv.threshold.answer": (
            "阈值为 {changed:.0%} 时有 {after:,} 位挽回目标客户，而阈值为 {threshold:.0%} 时有 {before:,} 位；流失风险价值为 "
            "{risk_after:,.2f}，而不是 {risk_before:,.2f}。只有存活概率介于 {min_p:.0%} 和阈值之间的客户才是目标：阈值降低后，"
            "保留的是最明显正在流失的客户，去掉的是只是暂时没有购买的客户，这样挽回预算就用在最可能真正发生客户流失成本的地方；"
            "被去掉的有价值客户仍需继续关注。"),
        "exercises_clv.top_target.title": "第一个要联系的客户",
        "exercises_clv.top_target.question": (
            "`win_back_targets` 表的第一行是哪位客户？她的流失风险价值是多少？请解释流失风险价值是怎样计算的，以及它对客户流失成本意味着什么。"),
        "exercises_clv.top_target.hint": "这张表按 `value_at_risk` 排序；把它与 `value_if_alive` 和 `clv` 比较。",
        "exercises_clv.top_target.answer": (
            "客户 {customer_id} 的流失风险价值最高，为 {value_at_risk:,.2f}：如果她确定仍是客户，价值为 {value_if_alive:,.2f}，"
            "但她的存活概率只有 {p_alive:.0%}，所以期望价值为 {clv:,.2f}，两者之差就是流失风险价值。{n:,} 位挽回目标客户的流失风险价值"
            "合计 {total:,.2f}：这是他们全部流失时的客户流失成本，也是一次挽回活动所能带来价值的上限。"),
        "exercises_clv.concentration.title": "未来价值有多集中？动手计算",
        "exercises_clv.concentration.question": (
            "初始代码重建了笔记本 02 的 `customer_value` 表。把客户按 `clv` 排序，计算前 10% 的客户占客户生命周期价值总和的比例，"
            "并与 `value_concentration` 表核对。未来价值比过去的销售额更集中还是更分散？"),
        "exercises_clv.concentration.hint": (
            "前 10% 就是 `value[\"clv\"].sort_values(ascending=False)` 中的前 `int(0.1 * len(value))` 位客户。"),
        "exercises_clv.concentration.answer": (
            "前 10% 的客户（{n:,} 位）拥有客户生命周期价值总和的 {share:.1%}，仅前 1% 就占 {share1:.1%}；而按过去销售额排名的前 10% "
            "客户带来了 {revenue:.1%} 的销售额。未来价值比过去的销售额更集中，因为它还考虑了谁仍可能购买："
            "已经停止购买的客户保留着过去的消费，却几乎没有未来。"),
        "exercises_clv.net_value.title": "客户的价值与获客花费",
        "exercises_clv.net_value.question": (
            "对每个获客渠道，把其客户的平均客户生命周期价值（尚未实现的毛利，见 `value_by_channel`）与平均获客成本（客户表）比较。"
            "哪个渠道的平均客户生命周期价值减去获客成本最高？是多少？它的正负说明了什么？"),
        "exercises_clv.net_value.hint": (
            "`customers.groupby(\"acquisition_channel\")[\"acquisition_cost\"].mean()`，以及各渠道 `clv` 的平均值。"),
        "exercises_clv.net_value.answer": (
            "通过 {channel} 获取的客户最好：平均客户生命周期价值 {clv:,.2f}，平均获客成本 {cac:,.2f}，每位客户 {net:,.2f}；通过 {worst} 获取的客户最差"
            "（{worst_clv:,.2f} 对 {worst_cac:,.2f}，{worst_net:,.2f}），因为它的客户获客成本最高。在每个渠道中，预测期内尚未实现的毛利"
            "都低于获取一位客户的成本：客户要多年持续购买才能收回获客成本。这正是关系营销的道理：留住获客成本已经花出去的老客户，"
            "比争取新客户更划算。"),
        "exercises_clv.cdnow.title": "CDNOW 上用 BG/NBD 还是 Pareto/NBD？",
        "exercises_clv.cdnow.question": (
            "在随附的 CDNOW 研究上运行笔记本 02（`study = \"../params/cdnow.yaml\"`），并设置 "
            "`models = [\"BetaGeo\", \"ParetoNBD\"]`。哪个模型对验证期的预测更好？两个 RMSE 各是多少？你会用哪个？"
            "再与校准期的拟合（`loglik`）比较。"),
        "exercises_clv.cdnow.hint": "看 `model_comparison` 表的 `rmse`、`loglik` 和 `aggregate_error_pct` 列。",
        "exercises_clv.cdnow.answer": (
            "{better} 对 CDNOW 验证期的预测更好，RMSE 为 {rmse_better:.4f}，{worse} 为 {rmse_worse:.4f}；不过 {worse} 对校准期的拟合略好"
            "（对数似然 {ll_worse:,.1f}，{better} 为 {ll_better:,.1f}）。差别很小，两个模型都低估了验证期的购买总数"
            "（{error_better:+.1f}% 和 {error_worse:+.1f}%）。应按验证期来选择，因为它检验的正是模型的用途（预测没有见过的购买）；"
            "两个模型讲的是同一个故事，所以选哪个不如检验它重要。"),
    },
}
