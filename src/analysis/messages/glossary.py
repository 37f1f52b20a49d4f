"""The bilingual glossary: every course term the suite uses, with the one Chinese term it is given.

:data:`GLOSSARY` is the table (the report site shows it as a page); ``MESSAGES``
holds its terms under ``glossary.term.<key>`` so a page can name a term through
the catalog. A term whose row gives ``check`` (a regular expression for the English
words) must be translated the same way everywhere: a test fails when an English
catalog text uses the words and its Chinese twin lacks the Chinese term.
"""

from __future__ import annotations

#: (key, English, Chinese, notebooks, English words that must always become the Chinese term or "")
_ROWS = (
    # the customer database (00)
    ("customer_database", "customer database", "客户数据库", "00", r"customer database"),
    ("basic_information", "basic information", "基本信息", "00", ""),
    ("transaction_history", "transaction history", "交易历史", "00", r"transaction history"),
    ("interaction_records", "interaction records", "互动记录", "00", ""),
    ("preferences", "preferences", "偏好特征", "00", ""),
    ("data_quality", "data quality", "数据质量", "00", r"data quality"),
    ("missing_value", "missing value", "缺失值", "00", r"missing values?"),
    ("observation_window", "observation window", "观察期", "00-05", r"observation window"),
    ("database_marketing", "database marketing", "数据库营销", "00", ""),
    # customer value, tiers, key accounts, lifecycle, one-to-one (01)
    ("rfm", "RFM (recency, frequency, monetary value)", "RFM（最近消费、消费频率、消费金额）", "01", ""),
    ("recency", "recency (R)", "最近消费（R）", "01", ""),
    ("frequency", "frequency (F)", "消费频率（F）", "01", ""),
    ("monetary", "monetary value (M)", "消费金额（M）", "01", ""),
    ("segmentation", "customer segmentation", "客户细分", "01", r"customer segmentation"),
    ("market_segmentation", "market segmentation and targeting", "市场细分与目标市场选择", "01", ""),
    ("value_tier", "value tier", "客户价值分级", "01", r"value tiers?"),
    ("high_value", "high-value customers", "高价值客户", "01", r"high-value customers"),
    ("tiered_management", "managing each tier", "分级管理", "01", ""),
    ("abc_analysis", "ABC analysis", "ABC 分类", "01", r"ABC analysis"),
    ("concentration", "revenue concentration", "收入集中度", "01", r"revenue concentration"),
    ("customer_contribution", "customer contribution", "客户贡献度", "01", ""),
    ("customer_activity", "customer activity", "客户活跃度", "01", ""),
    ("customer_profitability", "customer profitability", "客户盈利能力", "01", r"customer profitability"),
    ("key_account", "key account", "大客户", "01", r"key accounts?"),
    ("share_of_wallet", "share of wallet", "钱包份额", "01", r"share of wallet"),
    ("lifecycle_stage", "lifecycle stage", "客户生命周期阶段", "01", r"lifecycle stages?"),
    ("prospect", "potential customer", "潜在客户", "01", r"potential customers?"),
    ("new_customer", "new customer", "新客户", "01", r"new customers?"),
    ("active_customer", "active customer", "活跃客户", "01", r"active customers?"),
    ("loyal_customer", "loyal customer", "忠诚客户", "01", r"loyal customers?"),
    ("lapsed_customer", "lapsed (lost) customer", "流失客户", "01", r"lapsed customers?"),
    ("one_to_one", "one-to-one marketing", "一对一营销", "01", r"one-to-one marketing"),
    ("most_valuable", "most valuable customers", "最有价值客户", "01", r"most valuable customers"),
    ("most_growable", "most growable customers", "最具增长潜力客户", "01", r"most growable customers"),
    ("below_zero", "below-zero customers", "负值客户", "01", r"below-zero customers"),
    ("cluster_analysis", "cluster analysis (k-means)", "聚类分析（K 均值）", "01", r"cluster analysis"),
    # customer lifetime value and retention (02, 05)
    ("clv", "customer lifetime value (CLV)", "客户生命周期价值", "02", r"customer lifetime value"),
    ("p_alive", "P(alive), the probability a customer is still a customer", "客户存活概率", "02",
     r"probability (that )?(a|the) (silent )?customer (is still|has not)"),
    ("retention_rate", "retention rate", "客户留存率", "02 05", r"retention rates?"),
    ("churn_rate", "churn rate", "客户流失率", "02 05", r"churn rates?"),
    ("cost_of_churn", "cost of churn", "客户流失成本", "02 05", r"cost of churn"),
    ("retention_cost", "cost of retention", "客户保留成本", "05", r"cost of retention"),
    ("value_at_risk", "value at risk (of customers likely to leave)", "流失风险价值", "02", r"value at risk"),
    ("btyd", "buy-till-you-die models", "“购买直至流失”模型（BTYD）", "02", r"buy-till-you-die"),
    ("bg_nbd", "BG/NBD, Pareto/NBD, MBG/NBD models", "BG/NBD、Pareto/NBD、MBG/NBD 模型", "02", ""),
    ("gamma_gamma", "Gamma-Gamma spend model", "Gamma-Gamma 消费金额模型", "02", ""),
    ("calibration_period", "calibration period", "校准期", "02", r"calibration period"),
    ("holdout_period", "holdout period", "验证期", "02", r"holdout period"),
    ("discount_rate", "discount rate", "折现率", "02 05", r"discount rate"),
    ("margin", "margin (share of spend)", "毛利率", "02 05", ""),
    ("relationship_marketing", "relationship marketing", "关系营销", "02", r"relationship marketing"),
    ("delivered_value", "customer delivered value", "客户让渡价值", "02 03", r"customer delivered value"),
    # satisfaction and loyalty (03)
    ("satisfaction", "customer satisfaction", "客户满意度", "03", r"customer satisfaction"),
    ("expectation_perception", "expectation and perception", "期望与感知", "03", ""),
    ("servqual", "SERVQUAL service quality", "SERVQUAL 服务质量", "03", r"service quality"),
    ("servqual_gap", "SERVQUAL gap (perception minus expectation)", "SERVQUAL 差距（感知减期望）", "03", r"SERVQUAL gaps?"),
    ("tangibles", "tangibles", "有形性", "03", r"\btangibles\b"),
    ("reliability", "reliability (service dimension)", "可靠性", "03", ""),
    ("responsiveness", "responsiveness", "响应性", "03", r"\bresponsiveness\b"),
    ("assurance", "assurance", "保证性", "03", r"\bassurance\b"),
    ("empathy", "empathy", "移情性", "03", r"\bempathy\b"),
    ("key_driver", "key-driver analysis", "关键驱动因素分析", "03", r"key-driver analysis"),
    ("relative_importance", "relative importance", "相对重要性", "03", r"relative importance"),
    ("ipa", "importance-performance analysis (IPA)", "重要性-绩效分析（IPA）", "03", r"importance-performance"),
    ("scale_reliability", "reliability of a scale (Cronbach's alpha)", "量表信度（克朗巴哈 α）", "03", r"Cronbach"),
    ("satisfaction_index", "customer satisfaction index (ACSI/ECSI)", "客户满意度指数", "03 05", r"satisfaction index"),
    ("pls", "PLS path model", "PLS 路径模型", "03", r"PLS path model"),
    ("loyalty", "customer loyalty", "客户忠诚", "03 05", r"customer loyalty"),
    ("recommend", "intention to recommend", "推荐意愿", "03", ""),
    # channels (04)
    ("direct_channel", "direct channel", "直接渠道", "04", r"direct channels?"),
    ("indirect_channel", "indirect channel", "间接渠道", "04", r"indirect channels?"),
    ("online_offline", "online and offline channels", "线上与线下渠道", "04", ""),
    ("multichannel", "multichannel contact", "多渠道接触", "04", r"multichannel"),
    ("conversion_rate", "conversion rate", "转化率", "04", r"conversion rates?"),
    ("campaign_response", "campaign response", "营销活动响应", "04", r"campaign response"),
    ("lift", "lift", "提升度", "04 05", r"\blift\b"),
    ("attribution", "attribution", "归因", "04", r"\battribution\b"),
    ("cac", "customer acquisition cost (CAC)", "获客成本（CAC）", "04", r"acquisition cost"),
    ("roi", "return on investment (ROI)", "投资回报率（ROI）", "04", r"return on investment"),
    ("payback", "payback period", "回收期", "04", r"payback period"),
    # retention, complaints, loyalty programmes, cross-selling, targets (05)
    ("cohort", "acquisition cohort", "获客同期群", "05", r"acquisition cohorts?"),
    ("survival", "survival curve (Kaplan-Meier)", "生存曲线（Kaplan-Meier）", "05", r"survival curves?"),
    ("complaint", "customer complaint", "客户投诉", "05", r"customer complaints?"),
    ("complaint_rate", "complaint rate", "投诉率", "05", r"complaint rates?"),
    ("service_recovery", "service recovery", "服务补救", "05", r"service recovery"),
    ("recovery_paradox", "service recovery paradox", "服务补救悖论", "05", r"recovery paradox"),
    ("zero_complaints", "zero complaints", "零投诉", "05", r"zero complaints"),
    ("loyalty_programme", "loyalty programme", "忠诚度计划", "05", r"loyalty programmes?"),
    ("points", "loyalty points", "积分", "05", r"\bpoints liability\b"),
    ("tier", "membership tier", "会员等级", "05", r"membership tiers?"),
    ("cross_selling", "cross-selling", "交叉销售", "05", r"cross-sell(ing)?"),
    ("value_added", "value-added services", "增值服务", "05", r"value-added services?"),
    ("referral", "referral reward", "推荐奖励", "05", r"referral rewards?"),
    ("scorecard", "KPI scorecard", "KPI 计分卡", "05", r"scorecard"),
    ("target", "target", "目标值", "05", ""),
    # statistics every notebook uses
    ("confidence_interval", "confidence interval", "置信区间", "00-05", r"confidence intervals?"),
    ("p_value", "p-value", "p 值", "00-05", r"p-values?"),
    ("standard_error", "standard error", "标准误", "00-05", r"standard errors?"),
    ("bootstrap", "bootstrap", "自助法（bootstrap）", "02-05", ""),
    ("propensity", "propensity score", "倾向得分", "04 05", r"propensity scores?"),
    ("did", "difference-in-differences", "双重差分", "05", r"difference-in-differences"),
    ("regression", "regression", "回归", "03 04", ""),
    ("significant", "statistically significant", "统计显著", "03 04", r"statistically significant"),
)

#: the glossary: one dict per term (key, en, zh, notebooks, check)
GLOSSARY = tuple(dict(zip(("key", "en", "zh", "notebooks", "check"), row)) for row in _ROWS)

MESSAGES = {
    "en": {
        "glossary.title": "Glossary: the course terms in English and Chinese",
        "glossary.intro": "Every term the reports use, with the one Chinese term they give it, and the notebooks that teach it.",
        "glossary.column.en": "English",
        "glossary.column.zh": "Chinese",
        "glossary.column.notebooks": "Notebooks",
        **{f"glossary.term.{row['key']}": row["en"] for row in GLOSSARY},
    },
    "zh": {
        "glossary.title": "术语表：课程术语的中英对照",
        "glossary.intro": "报告使用的每个术语、统一的中文译名，以及讲授它的笔记本。",
        "glossary.column.en": "英文",
        "glossary.column.zh": "中文",
        "glossary.column.notebooks": "笔记本",
        **{f"glossary.term.{row['key']}": row["zh"] for row in GLOSSARY},
    },
}
