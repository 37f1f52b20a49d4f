"""简体中文：笔记本 01 大客户部分（识别、组合矩阵、画像）的消息。"""

#: a product share and the separator between shares: kept as in English so the written profile tables
#: are the same in both editions (a joined list of categories cannot be mapped back to English)
SAME_AS_ENGLISH = {"key_accounts.profile.category", "key_accounts.profile.separator"}

MESSAGES = {
    "zh": {
        # errors
        "key_accounts.error.unknown_component": (
            "key_account_weights 含有未知的成分 {unknown}；可用的成分为 {components}，"
            "例如 value: 0.6, growth: 0.3, share_of_wallet: 0.1。"
        ),
        "key_accounts.error.bad_weight": (
            "key_account_weights 给 {component} 的权重为 {weight}；权重须为大于或等于 0 的数。"
        ),
        "key_accounts.error.zero_weights": (
            "key_account_weights 全部为 0；请至少给 value 一个正权重（例如 value: 1）。"
        ),
        "key_accounts.error.no_weight_left": (
            "key_account_weights 没有给本研究数据所具备的成分（{available}）分配权重；请给其中一个成分正权重。"
        ),
        "key_accounts.error.duplicate_customers": (
            "客户表（customers）中有重复的 customer_id 值；请先校验该表（每位客户只出现一次）。"
        ),
        "key_accounts.error.missing_columns": (
            "交易表（transactions）缺少列 {columns}；请传入规范的 transactions 表。"
        ),
        "key_accounts.error.no_rows": (
            "没有任何交易发生在观察期结束日 {end:date} 当天或之前；请设置更晚的 observation_end。"
        ),
        "key_accounts.error.share_range": (
            "钱包份额列 {column!r} 有 {n} 个值超出 0 到 1 的范围（客户 {examples}）；请把份额写成 0 到 1 之间的数，"
            "或改为指定钱包列（客户在该品类的总消费）。"
        ),
        "key_accounts.error.quadrants_mismatch": (
            "组合矩阵的象限与这些大客户不对应；请传入同一结果的 portfolio_quadrants(result)。"
        ),
        # components, quadrants and actions
        "key_accounts.component.value": "当前价值",
        "key_accounts.component.growth": "增长潜力",
        "key_accounts.component.share_of_wallet": "钱包份额",
        "key_accounts.component.equal": "等权重",
        "key_accounts.quadrant.strategic": "战略伙伴",
        "key_accounts.quadrant.maintain": "维护",
        "key_accounts.quadrant.develop": "开发",
        "key_accounts.quadrant.efficient": "高效服务",
        "key_accounts.action.strategic": (
            "战略规划：与客户共同制定计划，配备专属客户团队、制定年度客户计划，并持续投入维系关系。"
        ),
        "key_accounts.action.maintain": (
            "维护：以可靠的服务和定期回访巩固关系，并查明其消费为何不再增长。"
        ),
        "key_accounts.action.develop": (
            "开发：加大投入，争取该客户更多的支出（定制化的优惠、交叉销售）。"
        ),
        "key_accounts.action.efficient": (
            "高效服务：以更低的服务成本维持标准服务，并复核该客户是否仍应列为大客户。"
        ),
        # profile cells
        "key_accounts.profile.no_categories": "数据中没有品类",
        "key_accounts.profile.no_category_rows": "没有标明品类的购买",
        "key_accounts.profile.category": "{name} ({share:.0%})",
        "key_accounts.profile.separator": "; ",
        # figure
        "key_accounts.fig.portfolio.title": "大客户组合：当前价值与增长潜力",
        "key_accounts.axis.value": "当前价值，最近 {days:,.0f} 天（{unit}）",
        "key_accounts.axis.growth": "增长潜力（{unit}）",
        "key_accounts.legend.key_accounts": "大客户",
        "key_accounts.legend.others": "其他客户",
        "key_accounts.legend.median": "中位数（象限分界线）",
        "key_accounts.unit.purchases": "购买次数",
        # findings
        "key_accounts.finding.identified": (
            "这 {k:,.0f} 位大客户（大客户得分最高的客户）贡献了最近 {days:,.0f} 天{what}的 {share:.1%}："
            "{key_value:wan} {unit}，总额 {total_value:wan} {unit}。"
        ),
        "key_accounts.finding.identified_counts": (
            "这 {k:,.0f} 位大客户（大客户得分最高的客户）完成了最近 {days:,.0f} 天购买次数的 {share:.1%}："
            "{key_value:,.0f} 次，总数 {total_value:,.0f} 次。"
        ),
        "key_accounts.finding.weights": (
            "得分中当前价值的权重为 {value:.0%}，增长潜力为 {growth:.0%}，钱包份额为 {share_of_wallet:.0%}"
            "（各项取客户之间的百分位排名）。"
        ),
        "key_accounts.finding.weights_no_wallet": (
            "此处无法衡量钱包份额：客户表既没有 `{wallet}` 列（每位客户在该品类的总消费），也没有份额列，"
            "因此它的权重分摊给其他成分：当前价值现占 {value:.0%}，增长潜力占 {growth:.0%}。"
        ),
        "key_accounts.finding.weights_wallet_off": (
            "未衡量钱包份额（没有指定钱包列或份额列，或交易记录中没有金额），因此它的权重分摊给其他成分："
            "当前价值现占 {value:.0%}，增长潜力占 {growth:.0%}。"
        ),
        "key_accounts.finding.growth_change": (
            "增长潜力是最近 {days:,.0f} 天与此前 {days:,.0f} 天相比{what}的变化（对于在前一个时间窗内获取的客户，"
            "取其首次购买之后各次购买的日均价值，折算到整个时间窗）。"
        ),
        "key_accounts.finding.growth_potential": (
            "增长潜力是每位客户在 `{column}` 中的预期消费减去其最近 {days:,.0f} 天的消费。"
        ),
        "key_accounts.finding.sensitivity": (
            "若仅按{weighting}排序，{k:,.0f} 位大客户中仍有 {overlap:,.0f} 位留在名单上（{share:.0%}）。"
        ),
        "key_accounts.finding.sensitivity_equal": (
            "若采用等权重，{k:,.0f} 位大客户中仍有 {overlap:,.0f} 位留在名单上（{share:.0%}）。"
        ),
        "key_accounts.finding.portfolio": (
            "在组合矩阵中（分界线取{basis}中位数：当前价值 {value_threshold:,.2f}，增长潜力 {growth_threshold:,.2f}），"
            "{strategic:,.0f} 位大客户属于*{strategic_name}*，{maintain:,.0f} 位属于*{maintain_name}*，"
            "{develop:,.0f} 位属于*{develop_name}*，{efficient:,.0f} 位属于*{efficient_name}*。"
        ),
        "key_accounts.basis.key_accounts": "大客户的",
        "key_accounts.basis.all": "全体客户的",
        "key_accounts.finding.risk": (
            "按本研究的生命周期定义，处于流失风险或已流失的大客户：{k:,.0f} 位中有 {at_risk:,.0f} 位。"
            "逾期未购（超过该客户通常购买间隔的 {factor:,.1f} 倍仍未购买）：{overdue:,.0f} 位。"
        ),
        "key_accounts.finding.trend": (
            "在最近几个季度中，{rising:,.0f} 位大客户的季度消费在上升，{falling:,.0f} 位在下降；"
            "{short:,.0f} 位的历史不足三个季度。"
        ),
        "key_accounts.finding.trend_counts": (
            "在最近几个季度中，{rising:,.0f} 位大客户的季度购买次数在上升，{falling:,.0f} 位在下降；"
            "{short:,.0f} 位的历史不足三个季度。"
        ),
        "key_accounts.finding.complaints": (
            "至少投诉过一次的大客户：{k:,.0f} 位中有 {complained:,.0f} 位（共 {complaints:,.0f} 次投诉）。"
        ),
        "key_accounts.finding.no_categories": (
            "交易数据中没有 `category`，因此画像无法说明每位大客户购买了哪些产品或服务。"
        ),
        # checks
        "key_accounts.check.concentration.pass": (
            "大客户贡献了时间窗内{what}的 {share:.1%}（最大的单个客户占 {top:.1%}），低于 {limit:.0%} 的上限："
            "失去其中一位不会使企业损失太多价值。"
        ),
        "key_accounts.check.concentration.warn": (
            "大客户贡献了时间窗内{what}的 {share:.1%}（最大的单个客户占 {top:.1%}），超过 {limit:.0%} 的上限："
            "企业依赖少数客户，失去其中一位就会损失大量价值；请为这一风险做好规划（每个客户多建立几位联系人、"
            "签订合同、制定服务计划）。"
        ),
        "key_accounts.check.history.pass": (
            "每位大客户在整个前一个时间窗（{days:,.0f} 天）内都是客户，因此其增长比较的是两个完整的时间窗。"
        ),
        "key_accounts.check.history.warn": (
            "{k:,.0f} 位大客户中有 {short:,.0f} 位在前一个时间窗（{days:,.0f} 天）内只有部分时间是客户：其增长是把"
            "当前时间窗与其在前一个时间窗内的重复购买（按比例放大到完整时间窗）相比较，所依据的天数较少；"
            "{unknown:,.0f} 位加入得太晚，根本无法衡量增长，因此他们在增长上排在中间，组合矩阵把他们计为增长中。"
            "解读他们的增长和象限时需谨慎。"
        ),
        "key_accounts.check.history.warn_measured": (
            "{k:,.0f} 位大客户中有 {short:,.0f} 位在前一个时间窗（{days:,.0f} 天）内只有部分时间是客户：其增长是把"
            "当前时间窗与其在前一个时间窗内的重复购买（按比例放大到完整时间窗）相比较，所依据的天数较少。"
            "解读他们的增长和象限时需谨慎。"
        ),
        "key_accounts.check.history.not_run": (
            "增长来自客户的预期消费，而不是两个时间窗的历史：未检查历史的长度。"
        ),
        "key_accounts.check.cut.pass": (
            "没有其他客户与最后一位大客户得分相同，因此名单的末尾不存在并列。"
        ),
        "key_accounts.check.cut.warn": (
            "{tied:,.0f} 位客户与最后一位大客户得分相同，其中 {inside:,.0f} 位进入了名单：最后几个名额由并列规则"
            "（先比较当前价值，再比较客户编号）决定，而不是由得分决定。"
        ),
        "key_accounts.check.skipped.no_log": (
            "未识别大客户：识别大客户需要交易记录（按日期的消费），而本研究只提供客户层面的数值。"
        ),
        "key_accounts.check.skipped.on_disk": (
            "未识别大客户：交易记录保存在磁盘上（engine: duckdb），而大客户画像需要将其载入内存；"
            "去掉 engine 设置后载入即可看到画像。"
        ),
        "key_accounts.check.skipped.no_window": (
            "未识别大客户：数据没有给出观察期结束日，无法据此向前推算当前价值的时间窗。"
        ),
    },
}
