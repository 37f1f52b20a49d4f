"""Dominance analysis (Budescu 1993; Azen & Budescu 2003) from the subset R² values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.drivers.importance.lmg import MAX_EXACT_P, _conditional_from_subsets, _lmg_from_subsets, subset_r2
from analysis.drivers.importance.model import _prepare_corr
from analysis.checks import Options, check_is_fitted, validate_params
from analysis.drivers._data import MISSING_POLICIES
from analysis.errors import ParameterError
from analysis.results import ResultMixin, order_estimate_columns

__all__ = ["DominanceResult", "dominance_analysis"]


@dataclass(frozen=True, repr=False)
class DominanceResult(ResultMixin):
    """Dominance analysis (Budescu 1993; Azen & Budescu 2003).

    Attributes
    ----------
    general : DataFrame
        Indexed by predictor: ``general_dominance`` (= LMG, R² units) and ``share``.
    conditional : DataFrame
        Predictor x model size ``k`` (number of other predictors already in the model):
        the average R² increment of adding the predictor to a model of that size.
    pairs : DataFrame
        One row per pair ``a``/``b`` with ``complete``, ``conditional`` and
        ``general``: the name of the dominating predictor, or ``""`` when that kind of
        dominance is not established.
    r2 : float
        Full-model R².
    """

    general: pd.DataFrame
    conditional: pd.DataFrame
    pairs: pd.DataFrame
    r2: float

    def summary(self) -> pd.DataFrame:
        """General dominance as a table of estimates (index ``predictor``).

        ``estimate`` is the general dominance weight (= LMG, R² units); ``std_error``,
        the interval and ``p_value`` are NaN (see :class:`RelativeImportance` for
        bootstrap intervals); ``share`` follows.
        """
        check_is_fitted(self, "general")
        return order_estimate_columns(self.general.rename(columns={"general_dominance": "estimate"}))


def _dominance_from_corr(corr: np.ndarray, names: Sequence[str]) -> DominanceResult:
    p = len(names)
    r2 = subset_r2(corr)[None, :]
    gen = _lmg_from_subsets(r2, p)[0]
    cond = _conditional_from_subsets(r2, p)[0]
    idx = np.arange(1 << p)
    rows = []
    for i in range(p):
        for j in range(i + 1, p):
            bi, bj = 1 << i, 1 << j
            s = idx[(idx & (bi | bj)) == 0]
            diff = r2[0, s | bi] - r2[0, s | bj]
            complete = names[i] if np.all(diff > 0) else names[j] if np.all(diff < 0) else ""
            cdiff = cond[i] - cond[j]
            conditional = names[i] if np.all(cdiff > 0) else names[j] if np.all(cdiff < 0) else ""
            general = names[i] if gen[i] > gen[j] else names[j] if gen[j] > gen[i] else ""
            rows.append({"a": names[i], "b": names[j], "complete": complete,
                         "conditional": conditional, "general": general})
    total = float(r2[0, -1])
    return DominanceResult(
        general=pd.DataFrame({"general_dominance": gen, "share": gen / total},
                             index=pd.Index(list(names), name="predictor")),
        conditional=pd.DataFrame(cond, index=pd.Index(list(names), name="predictor"),
                                 columns=pd.Index(range(p), name="k")),
        pairs=pd.DataFrame(rows, columns=["a", "b", "complete", "conditional", "general"]),
        r2=total,
    )


@validate_params({"missing": [Options(MISSING_POLICIES)]})
def dominance_analysis(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
                       weight: str | None = None, missing: str = "listwise") -> DominanceResult:
    """Complete, conditional and general dominance of every pair of predictors.

    Predictor a *completely* dominates b when adding a raises R² more than adding b
    to every subset of the other predictors; *conditionally* when its average
    increment is larger at every model size; *generally* when its LMG share is larger.
    Each level implies the next. Limited to ``MAX_EXACT_P`` predictors.

    Returns
    -------
    DominanceResult

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> x = rng.normal(size=(400, 3))
    >>> df = pd.DataFrame(x, columns=["a", "b", "c"])
    >>> df["y"] = x @ [1.0, 0.5, 0.1] + rng.normal(size=400)
    >>> dominance_analysis(df, "y", ["a", "b", "c"]).pairs
       a  b complete conditional general
    0  a  b        a           a       a
    1  a  c        a           a       a
    2  b  c        b           b       b
    """
    predictors = list(predictors)
    if len(predictors) > MAX_EXACT_P:
        raise ParameterError(
            f"dominance analysis needs all 2**p subsets; p = {len(predictors)} exceeds "
            f"{MAX_EXACT_P}. Use relative_importance(..., method='relative_weights')."
        )
    _, corr = _prepare_corr(data, outcome, predictors, weight, missing)
    return _dominance_from_corr(corr, predictors)
