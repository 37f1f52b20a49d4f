"""Satisfaction drivers: which service attributes move satisfaction and loyalty.

Submodules: :mod:`~analysis.drivers.importance` (LMG/Shapley, relative weights,
dominance), :mod:`~analysis.drivers.regression` (key-driver OLS, ordinal and
logistic models, VIF), :mod:`~analysis.drivers.reliability` (Cronbach's alpha,
construct scores), :mod:`~analysis.drivers.gaps` (SERVQUAL gaps) and
:mod:`~analysis.drivers.ipa` (importance-performance analysis).
"""

from analysis.drivers.gaps import servqual_gaps, servqual_pairs
from analysis.drivers.importance import (
    MAX_EXACT_P,
    DominanceResult,
    RelativeImportance,
    dominance_analysis,
    importance_differences,
    lmg_from_corr,
    relative_importance,
    relative_weights_from_corr,
    subset_r2,
)
from analysis.drivers.ipa import QUADRANTS, importance_performance, ipa_from_survey, performance_means
from analysis.drivers.regression import KeyDriverRegression, LogisticDriverModel, OrdinalDriverModel, vif
from analysis.drivers.reliability import (
    construct_scores,
    cronbach_alpha,
    group_items,
    item_analysis,
    reliability,
)

__all__ = [
    "MAX_EXACT_P",
    "QUADRANTS",
    "DominanceResult",
    "KeyDriverRegression",
    "LogisticDriverModel",
    "OrdinalDriverModel",
    "RelativeImportance",
    "construct_scores",
    "cronbach_alpha",
    "dominance_analysis",
    "group_items",
    "importance_differences",
    "importance_performance",
    "ipa_from_survey",
    "item_analysis",
    "lmg_from_corr",
    "performance_means",
    "relative_importance",
    "relative_weights_from_corr",
    "reliability",
    "servqual_gaps",
    "servqual_pairs",
    "subset_r2",
    "vif",
]
