"""简体中文：笔记本 00（数据概览）的练习：标题、题目、提示和参考答案。"""

MESSAGES = {
    "zh": {
        "exercises_overview.customers.title": "客户数据库有多大？",
        "exercises_overview.customers.question": (
            "在你的课堂研究上运行笔记本 00（或查看 `wb.tables`）。交易记录中共有多少位客户？请从“交易记录概览”表中读出。"),
        "exercises_overview.customers.hint": "交易记录概览的 `customers` 一行统计的是不同的 `customer_id` 的个数。",
        "exercises_overview.customers.answer": (
            "交易记录中有 {customers:,} 位客户、{transactions:,} 笔交易，时间从 {first:date} 到 {last:date}。"
            "一位客户不论购买多少次都只算一次：即不同客户编号的个数。"),
        "exercises_overview.one_time.title": "只购买过一次的客户",
        "exercises_overview.one_time.question": (
            "只购买过一次的客户占多大比例？请从“每位客户的购买次数”图或表中读出，并说明这个比例为什么对客户细分和客户生命周期价值很重要。"),
        "exercises_overview.one_time.hint": "看 `purchases_per_customer` 表中购买次数为 1 的那一行的 `share_customers` 列。",
        "exercises_overview.one_time.answer": (
            "{share:.1%} 的客户（{n:,} 位）只购买过一次；中位数客户购买了 {median:g} 次。只购买一次的客户没有重复购买行为可供学习："
            "RFM 给他们最低的频率得分，客户生命周期价值模型也只能根据其他客户来推测他们是否仍是客户。"),
        "exercises_overview.by_hand.title": "动手计算销售额和平均每笔金额",
        "exercises_overview.by_hand.question": (
            "用 pandas 计算交易记录的总销售额和平均每笔交易金额，并核对它们与交易记录概览（`revenue` 和 `mean_amount` 两行）是否一致。"),
        "exercises_overview.by_hand.hint": "`tx[\"amount\"].sum()` 和 `tx[\"amount\"].mean()`。",
        "exercises_overview.by_hand.answer": (
            "总销售额为 {revenue:,.2f}，平均每笔 {mean:,.2f}；每笔金额的中位数 {median:,.2f} 低于平均数，因为少数大额交易把平均数拉高了"
            "（金额右偏，所以笔记本 00 用对数坐标轴来画金额）。"),
        "exercises_overview.best_month.title": "销售额最高的月份",
        "exercises_overview.best_month.question": (
            "哪个自然月的销售额最高？请动手计算每月销售额，并与“月度活动”表及其图比较。"),
        "exercises_overview.best_month.hint": "`tx.groupby(tx[\"date\"].dt.to_period(\"M\"))[\"amount\"].sum().idxmax()`；月份写成 `\"2024-03\"` 的形式。",
        "exercises_overview.best_month.answer": (
            "{month} 的销售额最高，为 {revenue:,.2f}，来自 {customers:,} 位活跃客户；平均每月为 {mean:,.2f}。"
            "月销售额随活跃客户数变化：客户群先增长后变稀时，销售额在大部分已获取的客户仍在购买的时候达到高峰。"),
        "exercises_overview.missing.title": "哪里有缺失值",
        "exercises_overview.missing.question": (
            "哪张表的哪一列缺失值最多？缺了多少个？请读“缺失值”表。这里的缺失值是错误，还是有含义？"),
        "exercises_overview.missing.hint": "把 `missing_values` 表按 `n_missing` 排序。",
        "exercises_overview.missing.answer": (
            "{table} 表的 {column} 列缺失 {n:,} 次（占这张表的 {share:.1%}）。缺失值不一定是错误："
            "请查数据字典中这一列的含义（例如结束日期为空表示这段时期尚未结束，推荐人为空表示该客户不是被推荐来的）。"),
        "exercises_overview.cut_off.title": "移动观察期的终点",
        "exercises_overview.cut_off.question": (
            "把笔记本 00 参数单元格中的 `observation_end` 设为最后一次购买之前 90 天（初始代码会打印这一天），重新运行。"
            "“可疑值”检查现在把多少行标记为晚于观察期终点？其他笔记本会怎样处理这些行？"),
        "exercises_overview.cut_off.hint": "统计 `tx[\"date\"] > end` 的行数；笔记本中 `future_date` 一行应与之一致。",
        "exercises_overview.cut_off.answer": (
            "观察期终点设为 {end} 时，有 {n:,} 行（占交易记录的 {share:.1%}）晚于终点。它们并没有错：只是观察期提前结束了，"
            "每个笔记本都会忽略观察期终点之后的购买，就像分析是在那一天做的一样（留出验证期正是这样做的）。"),
        "exercises_overview.cdnow.title": "另一个客户群：CDNOW",
        "exercises_overview.cdnow.question": (
            "在随附的 CDNOW 研究上运行笔记本 00（`study = \"../params/cdnow.yaml\"`）。它有多少位客户？只购买过一次的客户占多大比例？"
            "与你的企业比较。"),
        "exercises_overview.cdnow.hint": "`analysis.overview` 中的 `transaction_overview(cdnow[\"transactions\"])`。",
        "exercises_overview.cdnow.answer": (
            "CDNOW 有 {customers:,} 位客户，其中 {share:.1%} 只购买过一次（中位数客户购买 {median:g} 次），你的企业是 {own_share:.1%}。"
            "CDNOW 的客户都是在同一个季度获取的，并被跟踪了 18 个月：在这样一个客户群中，大多数试购的客户再也没有回来。"),
    },
}
