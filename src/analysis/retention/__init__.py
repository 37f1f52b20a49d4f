"""Keeping customers: retention and churn, survival, the economics of retention, complaints and
service recovery, loyalty programmes, cross-selling and a scorecard against targets (notebook 05).

Descriptive analyses are functions (DataFrame in, tidy DataFrame out); each module's docstring
says which course topic it serves and what its results were checked against.
"""

from analysis.retention.crosssell import (
    association_rules,
    categories_per_customer,
    category_adoption,
    cross_sell_rate,
    period_labels,
    require_columns,
    value_added_sales,
)
from analysis.retention.referrals import (
    acquisition_dates,
    referral_rates,
    referral_value,
    top_referrers,
)
from analysis.retention.scorecard import (
    KPIS,
    VERDICTS,
    churn_from_retention,
    complaint_series,
    cross_sell_series,
    kpi_trend,
    kpi_verdict,
    latest_kpi,
    satisfaction_index,
    scorecard,
)

__all__ = [
    "KPIS",
    "VERDICTS",
    "acquisition_dates",
    "association_rules",
    "categories_per_customer",
    "category_adoption",
    "churn_from_retention",
    "complaint_series",
    "cross_sell_rate",
    "cross_sell_series",
    "kpi_trend",
    "kpi_verdict",
    "latest_kpi",
    "period_labels",
    "referral_rates",
    "referral_value",
    "require_columns",
    "satisfaction_index",
    "scorecard",
    "top_referrers",
    "value_added_sales",
]
