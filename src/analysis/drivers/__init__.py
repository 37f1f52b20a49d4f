"""Satisfaction drivers: which service attributes move satisfaction and loyalty.

Submodules: :mod:`~analysis.drivers.importance` (LMG/Shapley, relative weights,
dominance), :mod:`~analysis.drivers.regression` (key-driver OLS, ordinal and
logistic models, VIF), :mod:`~analysis.drivers.reliability` (Cronbach's alpha,
construct scores), :mod:`~analysis.drivers.gaps` (SERVQUAL gaps) and
:mod:`~analysis.drivers.ipa` (importance-performance analysis),
:mod:`~analysis.drivers.pls` (PLS path models of ECSI/ACSI-type structures),
:mod:`~analysis.drivers.ipma` (importance-performance map on a PLS model),
:mod:`~analysis.drivers.pls.index` (the 0-100 satisfaction index of ACSI/ECSI, per construct) and
:mod:`~analysis.drivers.stated` (derived vs stated importance) and :mod:`~analysis.drivers.survey`
(constructs and the driver table of a survey). The sentences about their results are
built in :mod:`analysis.findings.drivers`.
"""

from analysis.drivers.gaps import GAP_VERDICTS, gap_verdicts, servqual_gaps, servqual_pairs
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
from analysis.drivers.ipma import ipma, performance_scores, unstandardized_weights
from analysis.drivers.pls import PLSPathModel, total_effects_from_paths
from analysis.drivers.pls.index import SatisfactionIndex
from analysis.drivers.regression import (
    KeyDriverRegression,
    LogisticDriverModel,
    OrdinalDriverModel,
    loyalty_model,
    vif,
)
from analysis.drivers.reliability import (
    construct_scores,
    cronbach_alpha,
    group_items,
    item_analysis,
    reliability,
)
from analysis.drivers.stated import stated_vs_derived
from analysis.drivers.survey import (
    StructuralModel,
    blank_to_none,
    driver_table,
    item_scales,
    satisfaction_chain,
    structural_model,
    survey_drivers,
)

__all__ = [
    "GAP_VERDICTS",
    "gap_verdicts",
    "MAX_EXACT_P",
    "QUADRANTS",
    "DominanceResult",
    "KeyDriverRegression",
    "LogisticDriverModel",
    "OrdinalDriverModel",
    "PLSPathModel",
    "RelativeImportance",
    "SatisfactionIndex",
    "StructuralModel",
    "blank_to_none",
    "construct_scores",
    "cronbach_alpha",
    "driver_table",
    "dominance_analysis",
    "group_items",
    "importance_differences",
    "importance_performance",
    "ipa_from_survey",
    "ipma",
    "item_analysis",
    "item_scales",
    "loyalty_model",
    "lmg_from_corr",
    "performance_means",
    "performance_scores",
    "relative_importance",
    "relative_weights_from_corr",
    "reliability",
    "satisfaction_chain",
    "servqual_gaps",
    "servqual_pairs",
    "stated_vs_derived",
    "structural_model",
    "subset_r2",
    "survey_drivers",
    "total_effects_from_paths",
    "unstandardized_weights",
    "vif",
]
