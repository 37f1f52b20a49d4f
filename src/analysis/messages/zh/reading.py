"""简体中文：各类图表的读图提示（每个笔记本每张图下方的说明，issue 17）。"""

MESSAGES = {
    "zh": {
        "reading.lead": "读图提示。",
        # 分布
        "reading.distribution": (
            "每根柱子表示取值落在该区间内的客户（或交易）数量。左侧高柱、向右拖着细长尾巴是购买次数和消费金额的常见形态："
            "大多数客户买得少，少数客户买得多；若出现第二个峰或在某个取值上突然冒高，值得回到数据中核查。"),
        "reading.distribution.example": "本图中，{customers:,} 位客户里有 {once:.1%} 只购买过一次。",
        "reading.distribution.example_amount": (
            "本图中，{n:,} 笔交易有一半低于 {median:,.2f}，十分之一高于 {p90:,.2f}（横轴为对数刻度：每一格是前一格的十倍）。"),
        "reading.missing": (
            "每根柱子是一个含缺失值的字段，长度为没有取值的行所占的比例。没有柱子说明数据完整；"
            "分析要用到的字段若柱子很长，就是需要先处理的数据质量问题（或者把该字段排除在外），然后再相信分析结果。"),
        "reading.missing.example": "本图中，缺失最多的字段是 {column}：{share:.1%} 的行为空。",
        "reading.activity": (
            "柱子是每个月的金额（或交易笔数），折线是当月的活跃客户数（右轴）。看整体趋势和偏离趋势的月份；"
            "最后一根柱子明显偏低，往往是数据截止时该月尚未结束。"),
        "reading.activity.example": "本图中，活跃客户最多的月份是 {month}（{active:,} 位客户）。",
        # 占比与集中度
        "reading.share_pairs": (
            "每一组的上方柱子是其客户占比，下方柱子是其收入占比。收入柱明显长于客户柱的群体，价值高于其人数（应重点保持）；"
            "反之，则是人数众多而贡献较少的客户。"),
        "reading.share_pairs.example": "本图中，收入柱最长的是{group}：以 {customers:.1%} 的客户贡献了 {value:.1%} 的收入。",
        "reading.share_pairs.example_purchases": (
            "本图中，购买柱最长的是{group}：以 {customers:.1%} 的客户完成了 {value:.1%} 的购买。"),
        "reading.concentration": (
            "曲线从价值最高的客户（左）累加到价值最低的客户，显示他们合计贡献了总价值的多少。虚线对角线表示完全平均；"
            "曲线越向左上方拱起，价值就越集中在少数客户身上（失去其中一位的代价也越大）。"),
        "reading.concentration.example": "本图中，前 {top:.0%} 的客户贡献了 {share:.1%} 的价值。",
        "reading.pareto": (
            "柱子是各类投诉的数量，从多到少排列；折线是累计占比（右轴），虚线标出 80%。深色柱子是“关键少数”，"
            "即合计超过 80% 的那几类：优先解决它们，就能消除大部分投诉。"),
        "reading.pareto.example": "本图中，{n} 类投诉里的 {k} 类占了全部投诉的 {share:.1%}。",
        # 热力图
        "reading.heatmap": (
            "每个单元格是行与列的一种组合；颜色（对照图旁的色条）和格中数字给出其取值，颜色越深或越亮表示越大。"
            "沿行或沿列读，可以看出客户或金额集中在哪里。"),
        "reading.heatmap.example": "本图中，最大的单元格是 {row} × {column}：{value:,.0f}。",
        "reading.profile_heatmap": (
            "每行是一个聚类，每列是一个特征；单元格表示该聚类的均值偏离全体客户均值多少个标准差（红色高于平均，蓝色低于平均，白色接近平均）。"
            "有用的聚类有几处鲜明的颜色，可以据此命名；整行颜色都很淡的聚类则难以据以行动。"),
        "reading.profile_heatmap.example": "本图中，对比最强的是聚类 {cluster} 的{feature}：{z:+.1f} 个标准差。",
        "reading.cohort_heatmap": (
            "每行是同一时期获取的一批客户（同期群），每列是获取后经过的期数；单元格是该批客户在这一期再次购买的比例。"
            "颜色向右逐渐变浅是正常的；较晚的同期群（靠下的行）若比较早的更亮，说明客户留存在改善。"),
        "reading.cohort_heatmap.example": "本图中，获取后的第一期，同期群平均有 {rate:.1%} 的客户再次购买。",
        "reading.migration": (
            "每行是期初的会员等级，每列是期末的会员等级；单元格给出按此方向变动的客户人数及其占该行的比例。"
            "对角线上是留在原等级的客户；对角线右侧（更高等级）是升级，对忠诚度计划而言是好迹象。"),
        "reading.migration.example": "本图中，{stay:.1%} 的客户期末仍在期初的等级。",
        # 带区间的估计
        "reading.interval_dots": (
            "每个点是一个组的估计值，两侧的须线是置信区间，即真实值可能所在的范围。区间互不重叠的组之间有明显差异；"
            "区间重叠的差异可能只是随机波动，区间很宽则说明观测太少。"),
        "reading.interval_dots.example": (
            "本图中，区间最宽的是{group}：从 {low:,.2f} 到 {high:,.2f}。"),
        "reading.interval_dots.example_share": (
            "本图中，区间最宽的是{group}：从 {low:.1%} 到 {high:.1%}。"),
        "reading.forest": (
            "每个点是一项差异或效应的估计值，须线是其置信区间；0 处的竖线表示没有差异。区间完全落在 0 的一侧，"
            "说明该方向上的效应明确；跨过 0 的区间则无法与“没有效应”区分开。"),
        "reading.forest.example": "本图中，{n} 个区间里有 {clear} 个完全落在 0 的一侧。",
        "reading.gaps": (
            "每个点是一项差距，即感知减期望，须线为置信区间；0 处的竖线表示恰好达到期望。落在 0 左侧的点是服务低于客户期望之处，"
            "应优先改进；落在右侧则是服务超出了期望。"),
        "reading.gaps.example": "本图中，差距最大的是{name}：{gap:+.2f}（区间 {low:+.2f} 至 {high:+.2f}）。",
        "reading.trend_intervals": (
            "每个点是一期的取值及其置信区间（阴影带或须线）；空心点表示数据截止时尚未结束的一期。"
            "应看连续几期的走向，而不是某一期的跳动；小于区间宽度的变化可能只是随机波动。"),
        "reading.trend_intervals.example": (
            "本图中，取值从 {first} 的 {first_value:,.2f} 变为 {last} 的 {last_value:,.2f}。"),
        "reading.trend_intervals.example_share": (
            "本图中，取值从 {first} 的 {first_value:.1%} 变为 {last} 的 {last_value:.1%}。"),
        "reading.adjusted_vs_raw": (
            "灰色点是未经调整的直接比较，蓝色点是对各组客户构成差异加以调整后的同一比较，均带置信区间。"
            "两者不一致时，直接比较在一定程度上比较的是不同的客户：应以调整后的结果为准。"),
        "reading.adjusted_vs_raw.example": (
            "本图中，调整对{group}的影响最大：未调整为 {raw:,.2f}，调整后为 {adjusted:,.2f}。"),
        "reading.adjusted_vs_raw.example_share": (
            "本图中，调整对{group}的影响最大：未调整为 {raw:.1%}，调整后为 {adjusted:.1%}。"),
        "reading.boxplot": (
            "每个箱体包含一个组中间一半的正值，箱内的线是中位数，三角形是均值；须线和散点表示离散程度和异常值（对数刻度）。"
            "均值远在中位数右侧，说明少数大额拉高了平均数。"),
        "reading.boxplot.example": "本图中，中位数最高的是{group}：{median:,.2f}。",
        # 模型与数据
        "reading.tracking": (
            "实线是实际发生的情况，虚线是模型的预期；竖直点线标出校准期的结束，此后模型不再看到数据。"
            "点线之后两条线仍然贴近，模型才可用于预测；差距越拉越大，说明模型遗漏了某些因素（季节、增长或营销活动）。"),
        "reading.tracking.example": "本图中，整个期间实际发生 {actual:,.0f} 次重复购买，模型预期为 {expected:,.0f} 次。",
        "reading.tracking.example_share": "本图中，最后一期实际仍有 {observed:.1%} 的会员留在计划中，预测为 {forecast:.1%}。",
        "reading.observed_expected": (
            "对每个重复购买次数，左侧柱子是实际人数，右侧柱子是模型的预期。两柱等高说明拟合良好；"
            "若差距呈现规律（例如对零次购买估计过高、对高频购买者估计过低），就能看出模型在哪类客户上判断失误。"),
        "reading.observed_expected.example": "本图中，差距最大的是重复购买 {bin} 次：实际 {actual:,.2f}，预期 {expected:,.2f}。",
        "reading.observed_expected.example_count": (
            "本图中，差距最大的是重复购买 {bin} 次：实际 {actual:,.0f} 位客户，预期 {expected:,.0f} 位。"),
        "reading.recovery": (
            "每个点是用模拟数据估计出的参数与其真实值的对照，带置信区间；点线对角线表示估计完全准确。"
            "点落在对角线上、区间跨过对角线，说明方法能够找回事先设定的真实值。"),
        "reading.recovery.example": "本图中，{n} 个区间里有 {covered} 个包含真实值。",
        "reading.survival": (
            "曲线是自首次购买起、在每个时点仍保持活跃（尚未流失）的客户比例，阴影为置信带；每下降一级就是一批客户流失。"
            "前期陡降、随后趋平是常见形态；彩色曲线用于比较各组，越高越好。"),
        "reading.survival.example": "本图中，{t:,.0f} 天后仍有 {s:.1%} 的客户保持活跃。",
        "reading.event_study": (
            "每个点是会员相对于可比非会员、在上线前后某一期的变化（%），带置信区间；虚线标出上线时点。"
            "上线前各点应落在 0 附近，否则两组本来就不可比；上线后持续的抬升才是计划的效果。"),
        "reading.event_study.example": "本图中，估计值在上线前平均为 {pre:+.1f}%，上线后平均为 {post:+.1f}%。",
        "reading.balance": (
            "每行是一项客户特征；空心点是加权前会员与非会员的标准化差异，实心点是加权后的差异。"
            "加权得当时，所有实心点都落在两条虚线之间；落在外面的点说明这项差异仍会使比较产生偏差。"),
        "reading.balance.example": "本图中，{n} 项特征里加权前有 {before} 项超出 ±{limit:.2f}，加权后有 {after} 项。",
        "reading.overlap": (
            "柱子显示会员与非会员中每位客户加入计划的可能性（倾向得分），折线是加权后的非会员。只有在两组都有客户的范围内才能比较："
            "共同范围越宽越好，另一侧没有对应客户的柱子代表无法公平比较的客户。"),
        "reading.overlap.example": "本图中，{kept:.1%} 的非会员落在共同范围内并被保留。",
        # 定位图与散点图
        "reading.quadrant_map": (
            "每个点是一项属性：纵向表示它有多重要，横向表示它表现得多好，虚线位于平均值处。左上象限重要但表现弱，"
            "应优先改进；右下象限表现好但不重要，投入或可转向别处。"),
        "reading.quadrant_map.example": "本图中，“{quadrant}”象限包括：{names}。",
        "reading.portfolio": (
            "每个点是一位客户：横向为当前价值，纵向为增长潜力；红色带编号的点是按排名标出的大客户，虚线是分界阈值。"
            "右上角是战略性客户；增长潜力低的大客户需要在流失之前加以关注。"),
        "reading.portfolio.example": "本图中，{n} 位大客户里有 {top_right} 位位于右上象限。",
        "reading.rank_scatter": (
            "每个点是一项属性，按客户自述的重要性排名（陈述）和数据得出的排名（推导）定位；1 为最重要。"
            "落在对角线上的点两种排名一致；远离对角线的点是客户口头看重却并不影响满意度的属性，或者相反。"),
        "reading.rank_scatter.example": "本图中，两种排名的 Spearman 相关系数为 {rho:.2f}。",
        "reading.projection": (
            "每个点是一位客户，放在最能区分客户的两个方向上，按聚类着色。各自成团、彼此分开的聚类区分清楚；"
            "连成一片的点云则是把连续分布切成了几段，可用于目标营销，但并非天然的分组。"),
        "reading.projection.example": "本图中画出了 {n:,} 位客户中的 {shown:,} 位。",
        "reading.k_selection": (
            "每个面板是一项准则随聚类数 k 的变化；红线标出该准则选出的 k（实线为实际采用的准则）。"
            "几项准则选出同一个 k 时选择很明确；各准则意见不一，说明数据没有唯一自然的分组数。"),
        "reading.k_selection.example": "本图中，所示聚类采用 k = {k}。",
        # 排序柱状图
        "reading.stability": (
            "每根柱子是一个聚类在自助重抽样中的平均 Jaccard 相似度，即数据稍有变化时它被再次找到的频率。"
            "高于 0.75 为稳定，0.6 至 0.75 说明存在一定规律，低于 0.6 则可能是偶然产物；不要根据不稳定的聚类采取行动。"),
        "reading.stability.example": "本图中，最不稳定的是聚类 {cluster}，Jaccard 为 {jaccard:.2f}。",
        "reading.importance": (
            "每根柱子是一个驱动因素在结果被解释方差（R²）中所占的份额，经自助法估计时带置信区间。"
            "最长的几根柱子就是关键驱动因素；区间互相重叠的因素重要程度相当。"),
        "reading.importance.example": "本图中，{top}占被解释方差的 {share:.1%}。",
        "reading.value_vs_cost": (
            "价值柱（某渠道一位客户的价值，或忠诚度计划带来的增量毛利）与成本柱（赢得这位客户的获客成本，或计划的支出）并列，"
            "单位为货币，经自助法估计时带区间。价值明显高于成本才划算；两柱接近或区间重叠，至多只是盈亏平衡。"),
        "reading.value_vs_cost.example": (
            "本图中，单位成本回报最高的是{group}：价值 {value:wan}，获客成本 {cost:wan}。"),
        "reading.value_vs_cost.example_programme": "本图中，计划的增量毛利为 {value:wan}，成本为 {cost:wan}。",
        "reading.attribution": (
            "每组柱子是一个渠道，每根柱子是某一规则归给它的转化数。各规则结论一致时答案较稳健；"
            "随规则变化很大的渠道（如首次接触与最后接触）是开启或促成客户旅程的渠道，其预算不应只依据一种规则。"),
        "reading.attribution.example": "本图中，{group}得到的功劳差别最大：从 {low:,.1f} 到 {high:,.1f} 次转化。",
        "reading.scenario_bars": (
            "每根柱子是客户留存提高相应百分点时现有客户价值的增加。柱子的增长快于直线，因为留住的客户还会停留更久："
            "留存的小幅提升比看上去更值钱。"),
        "reading.scenario_bars.example": "本图中，留存提高 {points} 个百分点可增加 {gain:wan}。",
        "reading.scorecard": (
            "每行是一项 KPI，各用自己的刻度：圆点是最新取值及其区间，颜色表示判定（绿色达标，橙色未达标，灰色无法判断），"
            "黑色菱形是目标。整个区间都落在菱形有利一侧的点，才是确定无疑地达成了目标。"),
        "reading.scorecard.example": "本图中，{n} 项 KPI 里有 {met} 项达标，{not_met} 项未达标，{unclear} 项尚无法判断。",
    },
}
