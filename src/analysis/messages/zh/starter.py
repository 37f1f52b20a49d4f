"""简体中文：`analysis init` 的文字：初始研究文件中的注释，以及每个推测所依据的证据。"""

MESSAGES = {
    "zh": {
        # 文件开头
        "starter.header": (
            "由 `analysis init` 根据 {files} 生成的初始研究文件。\n"
            "下面的每个推测都以注释写明了它所依据的证据。请逐一核对这些推测，补全标有 TODO 的内容，\n"
            "然后运行：  analysis check --study {study}"
        ),
        "starter.title_comment": "每个报告页面都会显示的标题",
        "starter.description": "数据读取自 {files}：请说明它们的来源，以及每一行代表什么。",
        "starter.allowed_roots": "数据位于项目之外：本研究可以读取 {folders}",
        "starter.currency": "写明金额列的货币，例如 currency: USD",
        # 对表的推测
        "starter.table.paths": (
            "推测的表：paths（客户旅程）：列 {column} 列出以 {separator!r} 分隔的渠道，{rows} 行中有 {share} 如此"
        ),
        "starter.table.transactions": (
            "推测的表：transactions（每次购买一行）：{id} 有重复（{rows} 行中有 {n_ids} 个 id），{date} 是日期"
        ),
        "starter.table.transactions_no_amount": (
            "没有哪一列像是金额：这是只有计数的记录（没有金额的访问或购买）；各项分析只统计购买，不涉及消费金额"
        ),
        "starter.table.survey": "推测的表：survey（每位受访者一行）：{n} 个评分列，量表为 {scale}",
        "starter.table.survey_numeric": (
            "推测的表：survey（每位受访者或每个单位一行，{id}）：{n} 个数值列，没有日期、金额或购买历史；"
            "笔记本 03 用其余各列来解释其中一列"
        ),
        "starter.table.channel_outcomes": (
            "推测的表：channel_outcomes（每位客户或每次接触一行）：{channel} 给出 {k} 个渠道或实验组，"
            "{outcomes} 是“是/否”型结果"
        ),
        "starter.table.customers": "推测的表：customers（每位客户一行）：{id} 有 {rows} 个不同的取值，每行一个",
        "starter.table.customers_rfm": (
            "客户层面的购买历史：最近消费、消费频率和消费金额都来自列，因此笔记本 01 无需交易记录即可进行细分"
        ),
        "starter.table.complaints": (
            "推测的表：complaints（每条投诉一行）：{id} 标识客户，{date} 是日期，{evidence} 涉及投诉、工单或其处理结果"
        ),
        "starter.table.memberships": (
            "推测的表：memberships（忠诚度计划中每段会员等级经历一行）：{id} 标识会员，{date} 是日期，"
            "{evidence} 涉及等级或积分，且没有金额列"
        ),
        "starter.table.fallback": (
            "没有哪种标准表明显适合（{rows} 行，没有 id 列、日期或评分量表）；最接近的是 {table}：如果另一种更合适，请修改"
        ),
        "starter.sheet.others": "工作簿中的其他工作表：{sheets}；每个含有表的工作表请各添加一个条目",
        "starter.sheet.this": "工作簿中的工作表 {sheet}",
        "starter.sheet.skipped": (
            "工作表 {sheet} 看起来也是一个 {table} 表；一项研究每种表只能有一个：如果要分析的是它，请在这里换成它"
        ),
        # 读取文件
        "starter.read.encoding": "该文件不是 UTF-8 编码：它可以按 {encoding} 解码",
        "starter.read.sep": "第一行含有 {n} 个 {sep!r}，其他任何分隔符都比它少",
        "starter.read.cdnow": "以空格分隔的字段，采用 CDNOW 购买记录的格式",
        # 列映射和选项
        "starter.map.id_unique": "{n} 个不同的取值，每行一个",
        "starter.map.id_repeated": "{rows} 行中有 {n} 个不同的取值：会重复出现的 id",
        "starter.map.row_number": "从 1 到 {rows} 的数字，每行一个：即文件的行号",
        "starter.map.date": "日期，例如 {example}",
        "starter.map.money": "金额：数字，例如 {example}",
        "starter.map.count": "从 {lo} 到 {hi} 的整数",
        "starter.map.path": "以 {separator!r} 分隔的渠道，例如 {example}",
        "starter.map.channel": "{k} 个取值：{levels}",
        "starter.map.levels": "{k} 个取值，例如 {levels}",
        "starter.map.range": "从 {lo} 到 {hi} 的数字",
        "starter.map.referred_by": "推荐人的客户 id，{rows} 行中有 {n} 行给出（为空：不是经推荐而来）",
        "starter.map.resolved_date": "投诉解决的日期（为空：尚未解决）：日期，例如 {example}",
        "starter.map.start_date": "会员进入这一等级的日期（其中最早的一个就是她加入的日期）：日期，例如 {example}",
        "starter.map.end_date": "会员离开这一等级的日期（为空：到数据结束时仍在该等级）：日期，例如 {example}",
        "starter.derive.row_number": (
            "没有哪一列能标识每位受访者：把 {rows} 行从 1 开始编号作为他们的 id；如果文件中有 id 列，"
            "请改为在 columns: 下指定它"
        ),
        "starter.map.todo_id": "TODO：没有哪一列能标识每个 {unit}；请指定能标识它的列，或在文件中添加一列（行号即可）",
        "starter.map.acquisition_date": "成为客户的第一天：日期，例如 {example}",
        "starter.map.recency": "距上次购买的天数：从 {lo} 到 {hi} 的整数",
        "starter.option.binary": "是/否列：{detail}",
        "starter.option.continuous": "数值型结果：{detail}",
        "starter.option.rating": "{n} 个列中的评分：从 {lo} 到 {hi} 的整数",
        "starter.option.scale": "能容纳所有回答的最小常用评分量表（{lo} 到 {hi}）",
        "starter.option.date_format": "{column} 中日与月的先后顺序：数据已表明（例如 {example}）；这里把它固定下来",
        "starter.option.date_unknown": (
            "TODO：{column} 中没有任何日期能说明是日在前还是月在前（例如 {example}）：请写 '%d/%m/%Y' 或 '%m/%d/%Y'"
        ),
        "starter.option.negative": (
            "{column} 中有 {n} 行为负数（最低 {low}）：退款或退货不是购买；这些行会被删除并给出警告（或者从文件中删除它们）"
        ),
        "starter.option.channel_column": "渠道或营销活动的实验组：{k} 个取值（{levels}）",
        "starter.option.separator": "{share} 的旅程含有该分隔符",
        "starter.derive.sum": "{n} 列之和：{columns}",
        "starter.derive.largest": "{columns} 中购买次数最多的渠道（并列时取列在最前面的一个）",
        "starter.derive.mean": "{n} 个 {construct} 题项的平均值：一个综合得分",
        "starter.missing_codes": "看似表示缺失回答的代码的取值；它们会被读作缺失值",
        "starter.missing_code.text": "{codes} 出现在 {rows} 行中的 {n} 行",
        "starter.missing_code.number": "{codes} 出现在 {rows} 行中的 {n} 行；其余所有取值都在 {lo} 到 {hi} 之间",
        # 笔记本
        "starter.notebooks": "适合这份数据的笔记本，以及它们需要的参数",
        "starter.nb.none": "目前还没有适合这些表的笔记本；请看上面的 TODO 行",
        "starter.nb.count_only": "没有金额列：只按最近消费和消费频率进行细分",
        "starter.nb.outcome": "各驱动因素所解释的总体结果",
        "starter.nb.item_pattern": "按名称归入各构念的题项列：{constructs}",
        "starter.nb.predictors": "按原样使用的驱动因素（名称中没有题项分组）",
        "starter.nb.scale": "驱动因素的评分量表",
        "starter.nb.no_expectations": "没有期望题项（exp_*）：不计算 SERVQUAL 差距",
        "starter.nb.expectations": "期望题项与 {prefix} 感知题项配对：计算 SERVQUAL 差距",
        "starter.nb.loyalty": "一个是/否列（{column}：{levels}），作为客户忠诚建模",
        "starter.nb.loyalty_churn": "1 表示客户已流失：越低越好",
        "starter.nb.loyalty_better": "1 表示客户留了下来：越高越好",
        "starter.nb.no_loyalty": "如果也要对客户忠诚建模，请设置一个 0/1 列或评分列",
        "starter.nb.group": "设置一个列，其各组的驱动因素可能不同；候选列：{columns}",
        "starter.nb.no_group": "没有能定义分组的列",
        "starter.nb.pls_outcomes": "按因果顺序排列的结果构念及其题项",
        "starter.nb.pls_outcome_scale": "每个结果题项的量表",
        "starter.nb.pls_paths": "每个驱动因素构念都指向 {first}；如需自己的模型，请写成 [[from, to], ...]",
        "starter.nb.no_pls": "只有一个结果列：不建立结构（PLS）模型",
        "starter.nb.binary_outcomes": "以比率比较的是/否结果",
        "starter.nb.spend": "每次接触的消费金额",
        "starter.nb.no_spend": "没有消费金额列",
        "starter.nb.covariates": "描述客户构成的完整列；其他列：{others}",
        "starter.nb.control": "没有接受任何处理的组（对照组）",
        "starter.nb.no_control": "没有哪一组看起来像对照组：在这里写明对照组才能计算提升度",
        "starter.nb.no_cost": "没有成本列",
        "starter.nb.no_heterogeneity": "设置一个客户属性，用来拆分提升度",
        "starter.nb.features": "客户表中用于聚类的特征",
        "starter.nb.paths": "paths 表中的客户旅程用于归因一节",
        "starter.nb.complaint_flag": "一个是/否列（{column}：{levels}）说明谁投诉过：计算投诉率，并比较投诉者与其他客户",
        "starter.nb.complaint_outcome": "在投诉者与其他客户之间比较的是/否结果",
        "starter.nb.no_complaint_outcome": "设置 customers 表中的一列，在投诉者与其他客户之间进行比较",
        "starter.nb.retention": "客户留存、投诉与服务补救、忠诚度计划以及 KPI 计分卡：每一节在其所需的表上运行",
        # 错误
        "starter.error.no_files": "analysis init 至少需要一个数据文件：analysis init FILE [FILE ...]",
        "starter.error.exists": (
            "{path} 已存在；传入 --force 可覆盖它（write_starter(..., force=True)），"
            "或用 --output PATH 或 --name NAME 写到别处"
        ),
        "starter.error.name": (
            "{name!r} 不能作为研究名称：请使用字母、数字和下划线，并以字母开头（例如 {suggestion!r}）"
        ),
        "starter.error.name_output": (
            "研究名为 {name!r}，但 --output 为 {output}；研究的名称等于其文件名去掉 .yaml 后的部分："
            "请去掉 --name，或写到 {expected}"
        ),
        "starter.error.output_suffix": "--output 必须以 .yaml 结尾；实际为 {output}",
    },
}
