"""简体中文：笔记本 05 的客户留存与留存经济学部分（获客同期群、逐期客户留存率、生存曲线、忠诚度计划会员的 sBG
预测、留存的经济账）。"""

MESSAGES = {
    "zh": {
        # figures
        "retention.fig.cohorts.title": "同期群留存：各获客同期群中再次购买的客户比例",
        "retention.fig.cohorts.x": "获客后经过的时间（{period}数）",
        "retention.fig.cohorts.y": "同期群（首购{period}）",
        "retention.fig.cohorts.colour": "同期群中购买的客户比例",
        "retention.fig.rates.title": "逐期留存：某{period}活跃的客户在下一个{period}再次购买的比例（{level:.0%} Wilson 置信区间）",
        "retention.fig.rates.x": "第 t 期（{period}）",
        "retention.fig.rates.y": "客户留存率（比例）",
        "retention.fig.groups.title": "各组从 {period_t} 到下一个{period}的客户留存率（{level:.0%} Wilson 置信区间）",
        "retention.fig.groups.level": "{grouping}：{level}",
        "retention.fig.groups.x": "客户留存率（比例）",
        "retention.fig.survival.title": "客户生存曲线（Kaplan-Meier，{level:.0%} log-log 置信带）",
        "retention.fig.survival.x": "距首次购买的天数",
        "retention.fig.survival.y": "尚未流失的客户比例",
        "retention.fig.survival.all": "全部客户",
        "retention.fig.sbg.title": "忠诚度计划会员：实际存续比例与 sBG 预测",
        "retention.fig.sbg.x": "入会后的月数",
        "retention.fig.sbg.y": "仍留在计划中的会员比例",
        "retention.fig.sbg.observed": "实际值（全部会员）",
        "retention.fig.sbg.forecast": "sBG 预测",
        "retention.fig.sbg.calibration": "校准期结束",
        "retention.fig.scenarios.title": "客户留存提高后客户群的价值",
        "retention.fig.scenarios.x": "客户留存率提高幅度（百分点）",
        "retention.fig.scenarios.y": "客户群价值的增加额（{currency}）",
        "retention.period.month": "月",
        "retention.period.quarter": "季度",
        "retention.grouping.acquisition_channel": "获客渠道",
        "retention.grouping.value_tier": "客户价值分级",
        "retention.grouping.lifecycle_stage": "客户生命周期阶段",
        "retention.grouping.rfm_segment": "RFM 细分群体",
        "retention.grouping.cohort": "获客同期群",
        "retention.pays.yes": "划算：在客户留存率的整个置信区间内，其价值都大于零",
        "retention.pays.no": "不划算：在客户留存率的整个置信区间内，其价值都小于零",
        "retention.pays.unclear": "不一定划算：在客户留存率的置信区间内，其价值的正负号会发生变化",
        # findings
        "retention.finding.cohorts": (
            "在 {cohort} 获取的 {size:,} 位客户中，有 {rate:.1%} 在下一个{period}再次购买；在获客后第一个{period}已被完整"
            "观测的 {n_cohorts} 个同期群中，这一留存率从 {low_rate:.1%}（{low}）到 {high_rate:.1%}（{high}）不等。"
        ),
        "retention.finding.cohorts_one": (
            "在 {cohort} 获取的 {size:,} 位客户中，有 {rate:.1%} 在下一个{period}再次购买（只有一个同期群的获客后第一个{period}已被完整观测）。"
        ),
        "retention.finding.latest": (
            "客户留存：在 {period_t} 购买过的 {active:,} 位客户中，有 {rate:.1%} 在下一个{period}再次购买（置信区间 "
            "{low:.1%} 至 {high:.1%}）；客户流失率为 {churn:.1%}。在第一个可计算留存率的{period}（{first_period}），"
            "客户留存率为 {first_rate:.1%}。"
        ),
        "retention.finding.group": (
            "按“{grouping}”分组：从 {period_t} 起的客户留存率介于 {low_rate:.1%}（{low}，{low_n:,} 位客户）与 "
            "{high_rate:.1%}（{high}，{high_n:,} 位客户）之间；检验各组留存率是否相同的卡方检验给出 p = {p:.3g}。"
        ),
        "retention.finding.group_one": "按“{grouping}”分组：所有活跃客户都属于同一组（{level}），无从比较。",
        "retention.finding.lifetimes": (
            "生存分析：在数据截止日前至少 {churn_days} 天获取的 {judged:,} 位客户中，{churned:,} 位已流失（最近 "
            "{churn_days} 天内没有购买）；其余 {censored:,} 位仍是客户（删失）。"
        ),
        "retention.finding.first_day": (
            "其中 {share:.1%} 在首次购买当天之后再未购买：生存曲线的起点低于 1。"
        ),
        "retention.finding.median": (
            "客户的中位生存时间为 {median:,.0f} 天（置信区间 {low:,.0f} 至 {high:,.0f} 天）。"
        ),
        "retention.finding.median_zero": (
            "这些客户中超过一半在首次购买当天之后再未购买，因此中位生存时间为 {median:,.0f} 天；第 0 天之后的曲线显示"
            "回头的客户又留存了多久。"
        ),
        "retention.finding.median_open": (
            "客户的中位生存时间为 {median:,.0f} 天；其置信区间的上限在数据范围内没有达到（下限为 {low:,.0f} 天）。"
        ),
        "retention.finding.median_not_reached": (
            "到观测到的最长生存时间为止，仍有超过一半的客户没有流失：中位生存时间尚未达到（曲线在第 {days} 天时"
            "止于 {last:.1%}）。"
        ),
        "retention.finding.logrank": (
            "按“{grouping}”分组比较生存曲线：log-rank 检验的卡方值为 {statistic:.1f}，自由度为 {df}，p = {p:.3g}。"
        ),
        "retention.finding.sbg": (
            "忠诚度计划会员：用 {members:,.0f} 位会员前 {fit:,.0f} 个月的数据拟合移位贝塔几何（sBG）模型，估计得 "
            "α = {alpha:.2f}、β = {beta:.2f}，即新会员在第一个月之后续留的概率为 {mean_retention:.1%}，且留存率随入会"
            "时长上升。在校准期之后的各月，其预测与实际仍留在计划中的会员比例平均相差 {mae:.1%}（最多相差 "
            "{max_error:.1%}）。"
        ),
        "retention.finding.sbg_no_holdout": (
            "忠诚度计划会员：用 {members:,.0f} 位会员前 {fit:,.0f} 个月的数据拟合移位贝塔几何（sBG）模型，估计得 "
            "α = {alpha:.2f}、β = {beta:.2f}；之后没有哪个月的会员数足以检验其预测。"
        ),
        "retention.finding.sbg_truth": (
            "已知真值（合成数据）：该企业会员的退出服从 α = {alpha_truth:.2f}、β = {beta_truth:.2f} 的 sBG 模型；"
            "两者都落在估计值的置信区间内（α 为 {alpha_ci_low:.2f} 至 {alpha_ci_high:.2f}，β 为 {beta_ci_low:.2f} 至 "
            "{beta_ci_high:.2f}）。"
        ),
        "retention.finding.sbg_truth_missed": (
            "已知真值（合成数据）：该企业会员的退出服从 α = {alpha_truth:.2f}、β = {beta_truth:.2f} 的 sBG 模型；"
            "至少有一个落在估计值的置信区间之外（α 为 {alpha_ci_low:.2f} 至 {alpha_ci_high:.2f}，β 为 "
            "{beta_ci_low:.2f} 至 {beta_ci_high:.2f}）。"
        ),
        "retention.finding.margin": (
            "在 {period_t} 活跃的 {active:,} 位客户，每位在该{period}带来的毛利为 {margin:,.2f} {currency}。"
        ),
        "retention.finding.value": (
            "按最新的客户留存率，一位当前活跃的客户价值 {value:,.2f} {currency}（置信区间 {low:,.2f} 至 "
            "{high:,.2f}），全部活跃客户合计价值 {base:wan} {currency}；每流失一位客户，损失的未来毛利为 "
            "{churn_cost:,.2f} {currency}（客户流失成本）。"
        ),
        "retention.finding.programme": (
            "一项留存计划若每{period}为每位活跃客户花费 {cost:,.2f} {currency}，使客户留存率绝对提高 {effect:.1%}，"
            "则每多留住一位客户要花费 {per_kept:,.2f} {currency}（客户保留成本）；其盈亏平衡点是客户留存率绝对提高 "
            "{break_even:.2%}，结论：{verdict}。"
        ),
        "retention.finding.scenarios": (
            "客户留存率每提高 1 个百分点，客户群的价值将增加 {gain_one:.1%}（{gain_one_money:wan} {currency}）；"
            "提高 {top} 个百分点则增加 {gain_top:.1%}。"
        ),
        # checks
        "retention.check.skipped": "该研究没有 {table} 表，因此这一部分没有运行。",
        "retention.check.no_amounts": (
            "交易记录中没有金额，因此留存的经济分析（毛利、客户价值、客户流失成本）没有运行。"
        ),
        "retention.check.too_short": (
            "数据覆盖的时间不足两个完整的{period}，因此还无法计算客户留存率；请改用更短的周期（period = \"month\"），"
            "或等待更多数据。"
        ),
        "retention.check.no_lifetimes": (
            "没有任何客户是在数据截止日前至少 {churn_days} 天获取的，因此无法判断任何客户是否已流失；请调低 "
            "churn_days 以绘制生存曲线。"
        ),
        "retention.check.sbg_not_run": (
            "没有会员被观测满 {fit} 个月且在此期间有人退出，因此无法拟合 sBG 模型；请调低 sbg_fit_periods。"
        ),
        "retention.check.history": (
            "最早的同期群在获客后已完整观测了 {n:,} 个{period}：历史足够长，可以追踪各同期群。"
        ),
        "retention.check.history_short": (
            "最早的同期群在获客后只完整观测了 {n:,} 个{period}：同期群矩阵只显示了各同期群生命的开端，看不出留存率"
            "最终稳定在什么水平；解读有关长期的结论时请谨慎。"
        ),
        "retention.check.small_groups": (
            "每个组在 {period_t} 都至少有 {limit} 位活跃客户（最少的一组为 {n:,} 位），因此每个 Wilson 置信区间都有"
            "足够的样本支撑。"
        ),
        "retention.check.small_groups_warn": (
            "有 {n_small:,} 个组在 {period_t} 的活跃客户少于 {limit} 位（最少的一组为 {n:,} 位）；这些组的留存率不够"
            "精确，卡方检验的 p 值也可能不可靠。"
        ),
        "retention.check.censoring": (
            "参与判断的客户中有 {share:.1%} 为删失（仍是客户）；Kaplan-Meier 估计在他们已知仍存活的时间之前一直计入"
            "这些客户。"
        ),
        "retention.check.censoring_warn": (
            "参与判断的客户中有 {share:.1%} 为删失（仍是客户）：大多数客户的生存时间尚不完整，因此曲线的尾部和中位数"
            "只建立在少数流失事件之上。"
        ),
        "retention.check.at_risk": (
            "到中位生存时间时仍有 {n:,.0f} 位客户处于观测中，足以估计其置信区间。"
        ),
        "retention.check.at_risk_warn": (
            "到中位生存时间时只有 {n:,.0f} 位客户仍处于观测中；中位数及其置信区间都不够精确。"
        ),
        "retention.check.at_risk_open": (
            "数据中没有达到中位生存时间，因此无法给出中位数；曲线的最后一个值是仍存活客户的比例。"
        ),
        "retention.check.sbg": (
            "在验证期各月，sBG 预测与实际仍留在计划中的会员比例相差不超过 {limit}（最大偏差 {max_error:.1%}）。"
        ),
        "retention.check.sbg_warn": (
            "在验证期各月，sBG 预测与实际仍留在计划中的会员比例最多相差 {max_error:.1%}（超过 {limit}）：模型的形态"
            "与这些会员不符，其长期预测值得怀疑。"
        ),
        "retention.check.sbg_holdout": (
            "校准期之后没有哪个月的会员数足以检验 sBG 预测；请用更少的月份拟合（sbg_fit_periods），以留出验证期。"
        ),
    },
}
