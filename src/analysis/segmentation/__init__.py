"""Customer segmentation: RFM, value tiers, lifecycle stages, one-to-one classes, clusters.

The modules (all plain functions, DataFrame in, tidy DataFrame out):

- :mod:`~analysis.segmentation.rfm` - recency, frequency, monetary value, quantile
  scores with documented tie handling (and R's ``rfm`` package rule), named
  segments from a replaceable rule table, segment summaries;
- :mod:`~analysis.segmentation.customer_input` - the same scores from a customer
  table that already holds recency, frequency and spend (a CRM export);
- :mod:`~analysis.segmentation.summaries` - per-segment summaries and the heat-map
  table, in purchases when the data hold no money;
- :mod:`~analysis.segmentation.tiers` - concentration curve, Gini coefficient,
  ABC tiers with cut-offs as parameters or computed (Ultsch and Lötsch);
- :mod:`~analysis.segmentation.lifecycle` - new / active / loyal / at risk / lost
  stages from purchase timing, stage-by-segment table;
- :mod:`~analysis.segmentation.consistency` - segment names against lifecycle stages;
- :mod:`~analysis.segmentation.one_to_one` - most valuable, most growable and
  below-zero customers;
- :mod:`~analysis.segmentation.key_accounts` and
  :mod:`~analysis.segmentation.key_account_profiles` - key accounts (大客户) from value,
  growth and share of wallet, the portfolio matrix, one profile per account;
- :mod:`~analysis.segmentation.clustering` - standardized features, k-means and
  Gaussian mixtures, choice of k, bootstrap stability (``fpc::clusterboot``),
  profiles and names (one module per step);
- :mod:`~analysis.segmentation.value_classes` - the eight RFM value classes of
  Chinese CRM teaching (重要价值客户 ... 一般挽留客户): R, F and M above or below the
  median or mean;
- :mod:`~analysis.segmentation.assignments` - every grouping of each customer in
  one table.

The sentences a notebook shows are built from these results by
:mod:`analysis.findings.segmentation`.

Result objects (:class:`KSelection`, :class:`ClusterProfiles`,
:class:`Concentration`, :class:`OneToOne`) have ``summary()`` returning a
DataFrame and a ``__repr__``.

Examples
--------
>>> import pandas as pd
>>> from analysis.segmentation import rfm, concentration
>>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
...                    "date": pd.to_datetime(["2024-01-02", "2024-01-20", "2024-01-05",
...                                            "2024-01-28"]),
...                    "amount": [20.0, 30.0, 10.0, 40.0]})
>>> table = rfm(tx, "2024-01-31", bins=3)
>>> table[["recency_days", "frequency", "monetary", "r_score", "f_score"]]
             recency_days  frequency  monetary  r_score  f_score
customer_id
a                      11          2      50.0        2        3
b                      26          1      10.0        1        1
c                       3          1      40.0        3        1
>>> round(concentration(table["monetary"]).gini, 3)
0.267
"""

from analysis.segmentation.assignments import customer_assignments
from analysis.segmentation.clustering import (
    CLUSTER_METHODS,
    CRITERIA,
    DEFAULT_FEATURES,
    ClusterProfiles,
    KSelection,
    channel_agreement,
    choose_k,
    cluster_features,
    cluster_profiles,
    cluster_stability,
    fit_clusters,
    project_2d,
    stability_reading,
)
from analysis.segmentation.consistency import allowed_stages, score_rule_differences, segment_lifecycle_table
from analysis.segmentation.key_account_profiles import key_account_profiles, quarterly_values
from analysis.segmentation.key_accounts import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    QUADRANTS,
    KeyAccounts,
    key_account_scores,
    portfolio_quadrants,
    portfolio_summary,
    weight_sensitivity,
)
from analysis.segmentation.lifecycle import (
    DEFAULT_STAGE_RULES,
    STAGES,
    lifecycle_stages,
    stage_by_segment,
)
from analysis.segmentation.one_to_one import OneToOne, one_to_one_classes
from analysis.segmentation.rfm import (
    SCORE_METHODS,
    assign_segments,
    default_segment_rules,
    r_package_segment_rules,
    has_monetary,
    rfm,
    rfm_values,
    score_rfm,
    score_values,
)
from analysis.segmentation.customer_input import customer_overview, rfm_from_customers, rfm_window, stages_unknown
from analysis.segmentation.summaries import rfm_heatmap_table, segment_summary
from analysis.segmentation.tiers import (
    Concentration,
    abc_limits,
    concentration,
    tier_summary,
    top_share_statement,
    value_tiers,
)
from analysis.segmentation.value_classes import (
    CLASS_REFERENCES,
    VALUE_CLASSES,
    rfm_value_classes,
    value_class_references,
    value_class_summary,
)

__all__ = [
    "CLUSTER_METHODS", "COMPONENTS", "CRITERIA", "DEFAULT_WEIGHTS", "KeyAccounts", "QUADRANTS",
    "key_account_profiles", "key_account_scores", "portfolio_quadrants", "portfolio_summary", "quarterly_values",
    "weight_sensitivity", "DEFAULT_FEATURES", "DEFAULT_STAGE_RULES", "SCORE_METHODS", "STAGES",
    "ClusterProfiles", "Concentration", "KSelection", "OneToOne",
    "abc_limits", "allowed_stages", "assign_segments", "channel_agreement",
    "choose_k", "cluster_features", "cluster_profiles", "cluster_stability",
    "concentration", "customer_assignments", "customer_overview", "default_segment_rules", "fit_clusters", "has_monetary",
    "lifecycle_stages", "one_to_one_classes", "project_2d",
    "r_package_segment_rules", "rfm", "rfm_from_customers", "rfm_heatmap_table", "rfm_values", "rfm_window",
    "score_rfm", "score_rule_differences", "score_values", "stages_unknown", "segment_lifecycle_table", "segment_summary",
    "stability_reading", "stage_by_segment", "tier_summary", "top_share_statement",
    "value_tiers", "CLASS_REFERENCES", "VALUE_CLASSES", "rfm_value_classes", "value_class_references",
    "value_class_summary",
]
