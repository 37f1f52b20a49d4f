"""Satisfaction drivers: which service attributes move satisfaction and loyalty.

Submodules: :mod:`~analysis.drivers.importance` (LMG/Shapley, relative weights,
dominance), :mod:`~analysis.drivers.regression` (key-driver OLS, ordinal and
logistic models, VIF), :mod:`~analysis.drivers.reliability` (Cronbach's alpha,
construct scores), :mod:`~analysis.drivers.gaps` (SERVQUAL gaps) and
:mod:`~analysis.drivers.ipa` (importance-performance analysis).
"""

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

__all__ = [
    "MAX_EXACT_P",
    "DominanceResult",
    "RelativeImportance",
    "dominance_analysis",
    "importance_differences",
    "lmg_from_corr",
    "relative_importance",
    "relative_weights_from_corr",
    "subset_r2",
]
