"""简体中文：数据概览（笔记本 00）的文字。"""

MESSAGES = {
    "zh": {
        "overview.table_rows": "{table}：{n} 行",
        "overview.study_heading": "**{title}**：{description}",
        "overview.no_transactions": "本研究没有交易表（transactions），因此跳过有关购买的各节。",
        "overview.sample_note": (
            "本研究的交易记录保留在磁盘上，因此下图只绘制随机抽取的 {n_sample:,} 位客户（随机种子 {seed}）"
            "的全部购买；所有表格和结论仍使用全部 {n_customers:,} 位客户。"
        ),
        "overview.axis.customers": "客户数",
        "overview.axis.transactions_per_customer": "每位客户的购买次数",
        "overview.axis.amount": "每笔交易金额（{currency}，对数刻度）",
        "overview.axis.transactions": "交易笔数",
        "overview.axis.month": "月份",
        "overview.axis.revenue": "收入（{currency}）",
        "overview.axis.active_customers": "活跃客户数",
        "overview.axis.share_missing": "缺失值占比（%）",
        "overview.axis.column": "列",
        "overview.fig.purchases.title": "每位客户购买了几次",
        "overview.fig.amounts.title": "交易金额的分布",
        "overview.fig.monthly.title": "每月收入与活跃客户数",
        "overview.fig.missing.title": "各表各列的缺失值",
        "overview.fig.missing.none": "所有表都没有缺失值",
        "overview.check.non_positive_amount": "金额为零或负数",
        "overview.check.future_date": "日期晚于观察期结束日",
        "overview.check.duplicate_row": "与另一行完全重复",
        "overview.check.extreme_amount": "金额远高于其余交易（对数刻度上 > Q3 + 3 IQR）",
        "overview.check.missing_value": "缺失值",
        "overview.finding.scope": (
            "{first:date} 至 {last:date}，{customers:,.0f} 位客户共完成 {transactions:,.0f} 笔交易，"
            "金额合计 {revenue:wan} {currency}。"
        ),
        "overview.finding.once": (
            "{share_once:.0%} 的客户只购买过一次；每位客户购买次数的中位数为 {median_purchases:g}，"
            "购买最多的 10% 客户购买了 {p90_purchases:g} 次或更多。"
        ),
        "overview.finding.quality_clean": "下面的检查没有发现可疑值。",
        "overview.finding.flagged.keep": (
            "被标记为“{description}”的行：{n:,} 行（占全部行的 {share:.2%}）。本研究保留这些行（`cleaning:` 下的 "
            "`{setting}: keep`），因此每个笔记本都按原样对它们建模；如要删除，请在研究文件中设置 `{setting}: drop`。"
        ),
        "overview.finding.flagged.drop": (
            "被标记为“{description}”的行：{n:,} 行（占全部行的 {share:.2%}）。本研究的数据清理规则（`{setting}: "
            "drop`）在每项分析之前删除这些行，本笔记本的其他表格也不例外。"
        ),
        "overview.finding.flagged.window": (
            "被标记为“{description}”的行：{n:,} 行（占全部行的 {share:.2%}）。每个笔记本都不使用这些行：它们"
            "落在观察期之后。"
        ),
        "overview.finding.flagged.flag": (
            "被标记为“{description}”的行：{n:,} 行（占全部行的 {share:.2%}）。没有任何清理规则适用于这些行，"
            "因此每个笔记本都会对它们建模：在采信消费金额相关的数字之前，请先查看上表中的示例。"
        ),
        "overview.checked.none": "{description}：未发现。",
        "overview.checked.kept": (
            "{description}：标记了 {n:,} 行（占全部行的 {share:.2%}），研究的数据清理规则对此没有作出决定："
            "这些行留在每个笔记本建模所用的数据中，因此消费总额和平均值都包含它们。"
        ),
        "overview.checked.kept_decided": (
            "{description}：标记了 {n:,} 行（占全部行的 {share:.2%}）；研究的数据清理规则有意保留这些行，"
            "每个笔记本都会对它们建模。"
        ),
        "overview.kind.number": "数值",
        "overview.kind.date": "日期",
        "overview.kind.text": "文本",
        "overview.finding.scope_counts": (
            "{first:date} 至 {last:date}，{customers:,.0f} 位客户共完成 {transactions:,.0f} 笔交易，"
            "分布在 {days:,.0f} 个“客户-购买日”上。该记录不含金额，因此本页不涉及任何金额信息。"
        ),
        "overview.finding.attributes": (
            "{table} 表共有 {columns:,.0f} 列；缺失值最多的一列是 {column}：{n_missing:,.0f} 个（{share:.1%}）。"
        ),
        "overview.finding.attributes_complete": (
            "{table} 表共有 {columns:,.0f} 列，均无缺失值（已按研究声明的缺失值代码处理后统计）。"
        ),
        "overview.finding.preparation": (
            "本研究的数据准备在载入时执行了 {steps:,.0f} 个步骤，共改动 {cells:,.0f} 个单元格（见 preparation 表）。"
        ),
        "overview.checked.codes": (
            "数据中仍有看似缺失值代码的取值：{n_codes:,.0f} 个代码，涉及 {n_rows:,.0f} 个单元格，分布在 {columns}"
            "（列、代码、行数）。每个笔记本都会把它们当作真实的回答。如果它们表示“未作答”，请在研究文件中该表的 "
            "`missing_codes:` 下声明（例如 `missing_codes: {example}`）。"
        ),
        "overview.checked.codes_none": "数据中没有仍看似缺失值代码（'unknown'、999、-1）的取值。",
        "overview.note.no_amounts": "交易记录不含金额（只有计数的记录），因此没有金额分布可以展示。",
        "overview.fig.monthly.title_counts": "每月交易笔数与活跃客户数",
        "overview.checked.removed": "{description}：标记了 {n:,} 行（占全部行的 {share:.2%}），已从每项分析中剔除。",
    },
}
