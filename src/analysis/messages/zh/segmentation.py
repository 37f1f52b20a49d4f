"""简体中文：客户细分（笔记本 01）的消息：RFM 细分群体、客户生命周期阶段、聚类、一对一营销的客户类别、图表与结论。"""

#: names of criteria that stay as in English (author names, an abbreviation)
SAME_AS_ENGLISH = {
    "segmentation.criterion_name.calinski_harabasz",
    "segmentation.criterion_name.davies_bouldin",
    "segmentation.criterion_name.bic",
}

MESSAGES = {
    "zh": {
        # RFM segment names (default rule table)
        "segmentation.segment.champions": "冠军客户",
        "segmentation.segment.loyal": "忠诚客户",
        "segmentation.segment.potential_loyalist": "潜在忠诚客户",
        "segmentation.segment.new": "新客户",
        "segmentation.segment.promising": "潜力客户",
        "segmentation.segment.need_attention": "需关注客户",
        "segmentation.segment.about_to_sleep": "即将沉睡客户",
        "segmentation.segment.cant_lose": "不可失去客户",
        "segmentation.segment.at_risk": "流失风险客户",
        "segmentation.segment.hibernating": "休眠客户",
        "segmentation.segment.lost": "已流失客户",
        "segmentation.segment.other": "其他",
        # lifecycle stages
        "segmentation.stage.new": "新客户",
        "segmentation.stage.active": "活跃客户",
        "segmentation.stage.loyal": "忠诚客户",
        "segmentation.stage.at_risk": "流失风险客户",
        "segmentation.stage.lost": "流失客户",
        # stability readings (fpc::clusterboot)
        "segmentation.stability.dissolved": "已瓦解",
        "segmentation.stability.unstable": "不可信",
        "segmentation.stability.doubtful": "存疑",
        "segmentation.stability.stable": "稳定",
        "segmentation.stability.highly_stable": "高度稳定",
        # automatic cluster names
        "segmentation.cluster.average": "平均型客户",
        "segmentation.cluster.join": "{first}、{second}",
        "segmentation.cluster.numbered": "{name}（{number}）",
        "segmentation.feature.high": "{feature} 较高",
        "segmentation.feature.category": "以 {value} 为主",
        "segmentation.feature.low": "{feature} 较低",
        "segmentation.feature.recency_days.high": "久未购买",
        "segmentation.feature.recency_days.low": "近期购买",
        "segmentation.feature.frequency.high": "高频购买",
        "segmentation.feature.frequency.low": "低频购买",
        "segmentation.feature.monetary.high": "高消费",
        "segmentation.feature.monetary.low": "低消费",
        "segmentation.feature.tenure_days.high": "老客户",
        "segmentation.feature.tenure_days.low": "新近获取",
        # one-to-one notes
        "segmentation.one_to_one.missing_potential": (
            "无法识别最具增长潜力客户：客户表中没有记录每位客户潜在价值（或 CLV 估计值）的列“{column}”。"
            "请添加该列，或通过 potential_column= 指定这样的列。"
        ),
        "segmentation.one_to_one.missing_cost": (
            "无法识别负值客户：客户表中没有记录每位客户服务成本的列“{column}”。请添加该列，或通过 cost_column= 指定它。"
        ),
        "segmentation.one_to_one.potential_off": (
            "未识别最具增长潜力客户：potential_column 为 null，因此不读取潜在价值。"
        ),
        "segmentation.one_to_one.cost_off": (
            "未识别负值客户：cost_column 为 null，因此不读取服务成本。"
        ),
        "segmentation.one_to_one.class.most_valuable": "最有价值客户",
        "segmentation.one_to_one.class.most_growable": "最具增长潜力客户",
        "segmentation.one_to_one.class.below_zero": "负值客户",
        # figures
        "segmentation.axis.segment": "细分群体",
        "segmentation.axis.share": "占比（%）",
        "segmentation.axis.customer_share": "客户占比",
        "segmentation.axis.revenue_share": "收入占比",
        "segmentation.axis.value_share": "价值占比",
        "segmentation.axis.r_score": "最近消费得分（5 = 最近）",
        "segmentation.axis.f_score": "消费频率得分（5 = 最频繁）",
        "segmentation.axis.mean_monetary": "平均消费金额",
        "segmentation.axis.mean_monetary_in": "平均消费金额（{currency}）",
        "segmentation.axis.rfm_segment": "RFM 细分群体",
        "segmentation.axis.stage": "客户生命周期阶段",
        "segmentation.axis.customers": "客户数",
        "segmentation.axis.k": "聚类数 k",
        "segmentation.axis.cluster": "聚类",
        "segmentation.axis.feature": "特征",
        "segmentation.axis.z": "标准化均值（z）",
        "segmentation.axis.pc1": "第一主成分",
        "segmentation.axis.pc2": "第二主成分",
        "segmentation.axis.jaccard": "自助法平均 Jaccard 相似度",
        "segmentation.fig.segments.title": "RFM 细分群体：客户与收入",
        "segmentation.fig.heatmap.title": "按最近消费得分与消费频率得分的平均消费金额",
        "segmentation.fig.concentration.title": "价值集中度（基尼系数 = {gini:.2f}）",
        "segmentation.fig.concentration.equality": "完全均等",
        "segmentation.fig.concentration.mark": "前 {top:.0%} 贡献 {share:.0%}",
        "segmentation.fig.k_selection.title": "选择聚类数（{method}）",
        "segmentation.fig.k_selection.pick": "选出 k = {k}",
        "segmentation.fig.profiles.title": "聚类画像（标准化特征均值）",
        "segmentation.fig.projection.title": "聚类在前两个主成分上的分布",
        "segmentation.fig.stability.title": "聚类稳定性（自助法，{n_boot} 次重抽样）",
        "segmentation.fig.stages.title": "各 RFM 细分群体的客户生命周期阶段（客户数）",
        "segmentation.criterion.silhouette": "轮廓系数（越高越好）",
        "segmentation.criterion.calinski_harabasz": "Calinski-Harabasz 指数（越高越好）",
        "segmentation.criterion.davies_bouldin": "Davies-Bouldin 指数（越低越好）",
        "segmentation.criterion.bic": "BIC（越低越好）",
        "segmentation.criterion.gap": "Gap 统计量（取首个在下一 k 的 1 个标准误内的 k）",
        # findings
        "segmentation.finding.top_share": (
            "排名前 {top:.0%} 的客户贡献了 {share:.1%} 的{what}。"
        ),
        "segmentation.finding.gini": (
            "{what}在客户间分布的基尼系数为 {gini:.2f}（0 = 人人相同，1 = 全部集中在一位客户身上）。"
        ),
        "segmentation.finding.largest_segment": (
            "最大的 RFM 细分群体是“{segment}”，占客户的 {share:.0%}、收入的 {revenue_share:.0%}；"
            "贡献收入最多的细分群体是“{top_segment}”：{top_share:.0%} 的客户带来了 {top_revenue_share:.0%} 的收入。"
        ),
        "segmentation.finding.tiers": (
            "A 级共有 {a_customers:,.0f} 位客户（{a_share:.1%}），贡献了 {a_value:.1%} 的{what}。"
        ),
        "segmentation.finding.clusters.none": (
            "Gap 统计量没有发现聚类结构：按其规则（取 Gap 值在下一个 k 的一个标准误以内的第一个 k）选出 "
            "k = {gap_k:,.0f}，即客户构成一团连续的点云。其他准则选出 k = {low:,.0f} 至 {high:,.0f}，"
            "只是因为它们无法选出单个聚类。下面的 {k:,.0f} 个聚类（{method}，k 的选择依据：{criterion}）"
            "是为了描述而对这团点云所做的切分，并不是彼此不同的客户细分群体；自助法稳定性高只说明这种切分可以重复，"
            "并不说明这些群体真实存在。"
        ),
        "segmentation.finding.clusters.none_same": (
            "Gap 统计量没有发现聚类结构：按其规则（取 Gap 值在下一个 k 的一个标准误以内的第一个 k）选出 "
            "k = {gap_k:,.0f}，即客户构成一团连续的点云。其他准则都选出 k = {high:,.0f}，"
            "只是因为它们无法选出单个聚类。下面的 {k:,.0f} 个聚类（{method}，k 的选择依据：{criterion}）"
            "是为了描述而对这团点云所做的切分，并不是彼此不同的客户细分群体；自助法稳定性高只说明这种切分可以重复，"
            "并不说明这些群体真实存在。"
        ),
        "segmentation.finding.clusters.disagree_no_gap": (
            "各准则对聚类数的判断不一致：它们选出 k = {low:,.0f} 至 {high:,.0f}（见表 k_picks）。"
            "下面的 {k:,.0f} 个聚类（{method}，k 的选择依据：{criterion}）只是若干种站得住脚的划分之一，"
            "而不是客户唯一的自然分组。"
        ),
        "segmentation.finding.clusters.disagree": (
            "各准则对聚类数的判断不一致：它们选出 k = {low:,.0f} 至 {high:,.0f}，Gap 规则选出 k = {gap_k:,.0f}"
            "（见表 k_picks）。下面的 {k:,.0f} 个聚类（{method}，k 的选择依据：{criterion}）"
            "只是若干种站得住脚的划分之一，而不是客户唯一的自然分组。"
        ),
        "segmentation.finding.clusters.no_gap": (
            "计算的每个准则都选出 k = {k:,.0f}，{method} 得到 {k:,.0f} 个聚类（k 的选择依据：{criterion}）；"
            "唯一能判断“不存在聚类”的 Gap 统计量没有计算（n_gap_refs = 0）。"
        ),
        "segmentation.finding.clusters.agree": (
            "全部 {n_criteria:,.0f} 个准则（包括 Gap 规则）都选出 k = {k:,.0f}：{method} 得到 "
            "{k:,.0f} 个聚类（k 的选择依据：{criterion}）。"
        ),
        "segmentation.finding.cluster_stability": (
            "{k:,.0f} 个聚类中有 {n_stable:,.0f} 个稳定（自助法平均 Jaccard ≥ 0.75），"
            "{n_doubtful:,.0f} 个存疑，{n_unstable:,.0f} 个不可信。"
        ),
        "segmentation.criterion_name.silhouette": "轮廓系数",
        "segmentation.criterion_name.calinski_harabasz": "Calinski-Harabasz",
        "segmentation.criterion_name.davies_bouldin": "Davies-Bouldin",
        "segmentation.criterion_name.bic": "BIC",
        "segmentation.criterion_name.gap": "Gap 统计量",
        "segmentation.method.kmeans": "K 均值",
        "segmentation.method.gmm": "高斯混合模型",
        "segmentation.finding.stages": (
            "{lost_share:.0%} 的客户为流失客户（超过 {lost_days:,.0f} 天未购买），"
            "{at_risk_share:.0%} 为流失风险客户（超过 {at_risk_days:,.0f} 天未购买）。"
        ),
        # checks
        "segmentation.check.structure.none": (
            "Gap 统计量的规则选出 k = {gap_k:,.0f}：除一团连续的点云之外没有聚类结构（其他准则选出 "
            "k = {low:,.0f} 至 {high:,.0f}，是因为它们无法选出单个聚类）。这 {k:,.0f} 个聚类描述的是这团点云的切片："
            "不要把它们当作彼此不同的细分群体。"
        ),
        "segmentation.check.structure.none_same": (
            "Gap 统计量的规则选出 k = {gap_k:,.0f}：除一团连续的点云之外没有聚类结构（其他准则都选出 "
            "k = {high:,.0f}，是因为它们无法选出单个聚类）。这 {k:,.0f} 个聚类描述的是这团点云的切片："
            "不要把它们当作彼此不同的细分群体。"
        ),
        "segmentation.check.structure.disagree_no_gap": (
            "各准则选出的聚类数不同，k = {low:,.0f} 至 {high:,.0f}；图表中的聚类采用 k = {k:,.0f}"
            "（{criterion}）。换一个 k，客户的分组就会不同。"
        ),
        "segmentation.check.structure.disagree": (
            "各准则选出的聚类数不同，k = {low:,.0f} 至 {high:,.0f}（Gap 规则：k = {gap_k:,.0f}）；"
            "图表中的聚类采用 k = {k:,.0f}（{criterion}）。换一个 k，客户的分组就会不同。"
        ),
        "segmentation.check.structure.no_gap": (
            "各准则一致选出 k = {k:,.0f}，但唯一能判断“不存在聚类”的 Gap 统计量没有计算（n_gap_refs = 0）："
            "数据究竟有没有聚类结构并未检验。"
        ),
        "segmentation.check.structure.agree": (
            "全部 {n_criteria:,.0f} 个准则（包括 Gap 规则）都选出 k = {k:,.0f}：数据支持 {k:,.0f} 个聚类。"
        ),
        "segmentation.check.stability.pass": (
            "全部 {k:,.0f} 个聚类都能在自助法重抽样中再次找到（平均 Jaccard ≥ 0.75；最低 {lowest:.2f}）。"
        ),
        "segmentation.check.stability.warn": (
            "{k:,.0f} 个聚类中有 {n_weak:,.0f} 个的自助法平均 Jaccard 低于 0.75（最低 {lowest:.2f}）："
            "其成员归属存疑，不要把它们当作群体来采取行动。"
        ),
        "segmentation.check.names.pass": (
            "每个 RFM 细分群体名称都与客户所处的客户生命周期阶段一致（矛盾 {conflicts:,.0f} 处；"
            "用于现有客户的名称要求在 {at_risk_days:,.0f} 天内有购买）。"
            "若只按得分命名，会有 {score_conflicts:,.0f} 位客户的名称与其阶段相矛盾。"
        ),
        "segmentation.check.names.pass_loyal": (
            "每个 RFM 细分群体名称都与客户所处的客户生命周期阶段一致（矛盾 {conflicts:,.0f} 处；"
            "用于现有客户的名称要求在 {at_risk_days:,.0f} 天内有购买）。"
            "若只按得分命名，会有 {score_conflicts:,.0f} 位客户的名称与其阶段相矛盾：得分映射称为“{name}”的 "
            "{loyal:,.0f} 位客户中，有 {loyal_lost:,.0f} 位已超过 {lost_days:,.0f} 天未购买。"
            "本页的名称以研究设定的客户生命周期为准。"
        ),
        "segmentation.check.names.warn": (
            "{conflicts:,.0f} 位客户的 RFM 细分群体名称与其客户生命周期阶段相矛盾（见表 segment_lifecycle；"
            "用于现有客户的名称要求在 {at_risk_days:,.0f} 天内有购买）。若只按得分命名，会有 {score_conflicts:,.0f} 位。"
            "阅读这些名称时请对照其阶段，或在细分规则中加入 stages 列。"
        ),
        "segmentation.check.names.warn_loyal": (
            "{conflicts:,.0f} 位客户的 RFM 细分群体名称与其客户生命周期阶段相矛盾（见表 segment_lifecycle；"
            "用于现有客户的名称要求在 {at_risk_days:,.0f} 天内有购买）。若只按得分命名，会有 {score_conflicts:,.0f} 位，"
            "其中被称为“{name}”的 {loyal:,.0f} 位客户中有 {loyal_lost:,.0f} 位已超过 {lost_days:,.0f} 天未购买。"
            "阅读这些名称时请对照其阶段，或在细分规则中加入 stages 列。"
        ),
        "segmentation.check.names.not_run": (
            "细分规则没有把任何名称限定于特定的客户生命周期阶段（没有 stages 列），因此名称未与客户生命周期对照检查："
            "用于现有客户的名称下可能包含流失客户。"
        ),
        "segmentation.check.small_segments.pass": (
            "最小的 RFM 细分群体“{segment}”有 {customers:,.0f} 位客户，不少于 {min_size:,.0f} 位。"
        ),
        "segmentation.check.small_segments.warn": (
            "最小的 RFM 细分群体“{segment}”只有 {customers:,.0f} 位客户，少于 {min_size:,.0f} 位："
            "其均值和占比所依据的客户太少，无法与其他细分群体比较。"
        ),
        "segmentation.finding.rules_differ": (
            "在本数据上，R 语言 rfm 包的规则与分位数规则给出不同得分的客户比例为：最近消费 {r:.1%}，"
            "消费频率 {f:.1%}，消费金额 {m:.1%}。"
        ),
        "segmentation.finding.abc_computed": (
            "计算得出的 ABC 界限（Ultsch 与 Lötsch）将 {n_a:,.0f} 位客户（{a_share:.1%}）划入 A 级，"
            "贡献了 {a_value:.1%} 的{what}；将 {n_c:,.0f} 位客户（{c_share:.1%}）划入 C 级。"
        ),
        "segmentation.finding.one_to_one": (
            "{most_valuable:,.0f} 位客户被标记为最有价值客户（按{what}排名前 {top:.0%}）。"
        ),
        "segmentation.finding.below_zero": (
            "{below_zero:,.0f} 位客户（{share:.1%}）为负值客户：他们带来的毛利不足以覆盖为其服务的成本。"
        ),
        "segmentation.finding.most_growable": (
            "{most_growable:,.0f} 位客户为最具增长潜力客户（潜在价值与当前价值之间的差距最大）。"
        ),
        "segmentation.finding.channels_across": (
            "聚类与获客渠道之间的调整兰德指数为 {ari:.2f}（0 = 不高于随机水平，1 = 分组完全相同）："
            "行为聚类与获客渠道相互交叉；知道客户从哪个渠道获取，几乎无法说明他会落入哪个聚类。"
        ),
        "segmentation.finding.channels_mirror": (
            "聚类与获客渠道之间的调整兰德指数为 {ari:.2f}（0 = 不高于随机水平，1 = 分组完全相同）："
            "行为聚类在一定程度上反映了获客渠道；各聚类的渠道构成不同（见下表）。"
        ),
        "segmentation.finding.missing_potential": (
            "无法识别最具增长潜力客户：客户表中没有记录每位客户潜在价值（或 CLV 估计值）的列 {column}。"
            "请添加该列，或将 potential_column 设为存放该值的列。"
        ),
        "segmentation.finding.missing_cost": (
            "无法识别负值客户：客户表中没有记录每位客户服务成本的列 {column}。"
            "请添加该列，或将 cost_column 设为存放该值的列。"
        ),
        "segmentation.finding.potential_off": (
            "未识别最具增长潜力客户：研究将 potential_column 设为 null。将它设为客户表中记录每位客户潜在价值的列，"
            "即可加入这一类别。"
        ),
        "segmentation.finding.cost_off": (
            "未识别负值客户：研究将 cost_column 设为 null。将它设为客户表中记录每位客户服务成本的列，即可加入这一类别。"
        ),
        "segmentation.finding.cost_off_counts": (
            "未识别负值客户：数据中没有金额，无法把毛利与服务成本相比较。"
        ),
        "segmentation.finding.no_channels": (
            "本研究的客户表中没有 `acquisition_channel` 列。"
        ),
        # the data a notebook segments
        "segmentation.finding.data": (
            "**{title}**：{customers:,.0f} 位客户的 {transactions:,.0f} 笔交易，时间从 {first_date:date} 到 "
            "{last_date:date}。"
        ),
        "segmentation.axis.acquisition_channel": "获客渠道",
        "segmentation.what.revenue": "收入",
        "segmentation.what.margin": "毛利",
        "segmentation.what.purchases": "购买次数",
        "segmentation.what.money": "货币单位",
        # data without money (count-only logs) and customer-level input (no transaction log)
        "segmentation.finding.data_customers": (
            "**{title}**：{customers:,.0f} 位客户，最近消费和购买次数取自客户表（没有交易记录）："
            "平均购买 {frequency:,.1f} 次，最近一次购买在 {recency:,.0f} 天前。"
        ),
        "segmentation.finding.data_customers_money": (
            "**{title}**：{customers:,.0f} 位客户，最近消费、购买次数和消费金额取自客户表（没有交易记录）："
            "平均购买 {frequency:,.1f} 次，最近一次购买在 {recency:,.0f} 天前，消费 {monetary:,.1f} {currency}。"
        ),
        "segmentation.finding.largest_segment_counts": (
            "最大的 RFM 细分群体是“{segment}”，占客户的 {share:.0%}、购买次数的 {revenue_share:.0%}；"
            "购买次数最多的细分群体是“{top_segment}”：{top_share:.0%} 的客户完成了 {top_revenue_share:.0%} 的购买。"
        ),
        "segmentation.finding.rules_differ_counts": (
            "在本数据上，R 语言 rfm 包的规则与分位数规则给出不同得分的客户比例为：最近消费 {r:.1%}，"
            "消费频率 {f:.1%}（数据中没有金额，因此没有消费金额得分）。"
        ),
        "segmentation.axis.purchase_share": "购买次数占比",
        "segmentation.axis.share_of": "{what}占比",
        "segmentation.fig.concentration.title_of": "{what}集中度（基尼系数 = {gini:.2f}）",
        "segmentation.axis.customers_in_cell": "客户数",
        "segmentation.fig.segments.title_counts": "RFM 细分群体：客户与购买次数",
        "segmentation.fig.heatmap.title_counts": "按最近消费得分与消费频率得分的客户数",
        "segmentation.note.no_money": (
            "本研究的数据中没有金额（交易中没有 `amount`，客户也没有 `monetary`）：得分和细分只使用最近消费和消费频率，"
            "客户价值分级、集中度和最有价值客户都按购买次数排序。"
        ),
        "segmentation.note.no_window": (
            "最近消费和消费频率直接采用客户表给出的值；研究没有设定观察期结束日（`window: observation_end:`），"
            "因此这里不显示日期。"
        ),
        "segmentation.note.stages_unknown": (
            "这里无法判断客户生命周期阶段 *{stage}*：它需要每位客户的首次购买日期（客户表中的 `acquisition_date`，"
            "以及研究 window 中的观察期结束日），而数据中没有这一日期。这些客户改计为活跃客户或忠诚客户。"
        ),
        "segmentation.error.customer_columns": (
            "客户表缺少 {columns}：没有交易记录时进行细分，需要每位客户的 recency_days 和 frequency"
            "（如需消费金额，还要 monetary）。请在研究文件的 data: customers: columns: 下映射这些列，或为研究提供交易表。"
        ),
        "segmentation.warning.incomplete_customers": (
            "{n:,} 位客户缺少 {columns} 中的某一项，未纳入评分。"
        ),
        "segmentation.error.no_input": (
            "客户细分需要一张交易表，或一张含有每位客户 recency_days 和 frequency（如需消费金额，还要 monetary）的客户表。"
            "请在研究文件的 data: 下添加其一，或在 data: customers: columns: 下映射这些列。"
        ),
    },
}
