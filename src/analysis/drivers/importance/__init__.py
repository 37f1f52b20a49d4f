"""Relative importance of correlated drivers: LMG/Shapley, relative weights, dominance.

Survey ratings correlate (a customer happy with the staff tends to rate the waiting
time well too), so regression coefficients split the shared part of the explained
variance arbitrarily between them. Relative importance instead divides the model's
R² among the predictors:

* **LMG** (Lindeman, Merenda & Gold 1980), identical to the **Shapley value** of R²:
  each predictor's R² increment averaged over every order in which the predictors
  could enter the model. It is exact here, computed from the correlation matrix:
  the R² of all 2^p subsets is obtained once, each from its parent subset by one
  Cholesky-row update (``O(k p)`` per subset instead of a fresh regression), and the
  Shapley weights are applied to the stored R² values. Exact LMG is exponential in
  ``p``; ``MAX_EXACT_P`` is the largest ``p`` that ran in under a minute on the
  development machine (2 shared cores; see ``benchmarks/drivers_lmg.py``). Above it
  the Shapley value is estimated from random orderings, with its Monte Carlo error.
* **Relative weights** (Johnson 2000): regress the outcome on the closest orthogonal
  counterparts of the predictors and map the squared weights back. Cheap for any
  ``p`` and usually within a few percent of LMG.
* **Dominance analysis** (Budescu 1993; Azen & Budescu 2003): complete, conditional
  and general dominance from the same subset R² values (general dominance = LMG).

Bootstrap intervals resample respondents (with their survey weights) and recompute
everything on each replicate; the same seed gives identical intervals.

Examples
--------
>>> import numpy as np, pandas as pd
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=(300, 3))
>>> df = pd.DataFrame(x, columns=["staff", "speed", "price"])
>>> df["overall"] = x @ [0.6, 0.3, 0.1] + rng.normal(size=300)
>>> imp = relative_importance(df, "overall", ["staff", "speed", "price"])
>>> imp["share"].round(2).tolist()
[0.84, 0.16, 0.01]
>>> bool(np.isclose(imp["importance"].sum(), imp.attrs["r2"]))
True
"""

from analysis.drivers.importance.dominance import DominanceResult, dominance_analysis
from analysis.drivers.importance.lmg import MAX_EXACT_P, lmg_from_corr, subset_r2
from analysis.drivers.importance.model import (
    METHODS,
    RelativeImportance,
    importance_differences,
    relative_importance,
)
from analysis.drivers.importance.weights import relative_weights_from_corr

__all__ = [
    "MAX_EXACT_P",
    "METHODS",
    "DominanceResult",
    "RelativeImportance",
    "dominance_analysis",
    "importance_differences",
    "lmg_from_corr",
    "relative_importance",
    "relative_weights_from_corr",
    "subset_r2",
]
