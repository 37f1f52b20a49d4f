"""Importance-performance map analysis (IPMA) on a PLS path model.

For a target construct (say loyalty), IPMA sets each antecedent construct's
**importance** - its total effect on the target - against its **performance** -
its mean score on a 0-100 scale (Ringle & Sarstedt 2016, *Gain more insight
from your PLS-SEM results: the importance-performance map analysis*, IMDS 116(9)).

* Items are rescaled to 0-100: ``100 (x - low) / (high - low)`` with the
  rating scale's ends (``scale``; default each item's observed minimum and
  maximum - pass the questionnaire's scale whenever you know it).
* Unstandardized weights: each standardized outer weight divided by the standard
  deviation of its rescaled item, then normalized to sum to one within the block.
  A construct's performance score is the weighted average of its rescaled items,
  so it stays on 0-100, and it is an exact linear function of the standardized
  PLS score.
* Importance is the **unstandardized** total effect: the change in the target's
  0-100 performance for one more point of the antecedent's performance. It
  equals the standardized total effect times ``sd(target performance) /
  sd(antecedent performance)``; ``total_effect`` keeps the standardized one.

The map's quadrants and the improve-first ranking come from
:func:`~analysis.drivers.ipa.importance_performance` with the scale 0-100, so
``priority = importance x (100 - performance) / 100`` reads as the target points
gained if the construct reached the top of its scale.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from analysis.drivers.pls import PLSPathModel
>>> rng = np.random.default_rng(0)
>>> q = rng.normal(size=400); s = 0.6 * q + rng.normal(scale=0.8, size=400)
>>> def item(f):
...     return np.clip(np.round(4 + 1.2 * f + rng.normal(size=400)), 1, 7)
>>> df = pd.DataFrame({"q1": item(q), "q2": item(q), "s1": item(s), "s2": item(s)})
>>> m = PLSPathModel({"QUAL": "SAT"}, {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}).fit(df)
>>> ipma(m, "SAT", scale=(1, 7)).columns[:3].tolist()
['importance', 'total_effect', 'performance']
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.drivers.ipa import CUT, importance_performance
from analysis.drivers.pls import PLSPathModel
from analysis.drivers.pls.estimation import _estimate
from analysis.checks import DEFAULT_SEED, Interval, Options, check_is_fitted, rng_from, validate_params
from analysis.drivers._data import percentile_tails
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError

__all__ = ["ipma", "performance_scores", "unstandardized_weights"]


def _item_scale(model: PLSPathModel, scale) -> tuple[np.ndarray, np.ndarray]:
    items = list(model.outer_model_.index)
    mv = model._mv
    if scale is None:
        return mv.min(axis=0), mv.max(axis=0)
    if isinstance(scale, Mapping):
        missing = [i for i in items if i not in scale]
        if missing:
            raise ParameterError(f"scale has no (low, high) for item(s) {missing[:5]}; give every item or one "
                                 f"(low, high) for all.")
        pairs = [scale[i] for i in items]
    else:
        pairs = [scale] * len(items)
    low = np.array([float(p[0]) for p in pairs])
    high = np.array([float(p[1]) for p in pairs])
    if (high <= low).any():
        raise ParameterError(f"scale must be (low, high) with low < high; got {pairs[int(np.argmax(high <= low))]}.")
    for j, it in enumerate(items):
        bad = np.flatnonzero((mv[:, j] < low[j]) | (mv[:, j] > high[j]))
        if bad.size:
            raise DataValidationError(
                f"item {it!r} has {bad.size} value(s) outside the declared scale {low[j]:g}-{high[j]:g} "
                f"(first: {mv[bad[:5], j].tolist()}); fix the data or declare the right scale."
            )
    return low, high


def _unstd(model: PLSPathModel, w_sum: np.ndarray, mv: np.ndarray, low, high) -> np.ndarray:
    """Unstandardized weights (items x constructs), each block summing to one."""
    odm = model._spec_["odm"]
    rescaled = (mv - low) / (high - low) * 100
    sd_r = rescaled.std(axis=0)
    # weight on the treated item -> weight on the standardized item
    w_std = w_sum * mv.std(axis=0) if not model._spec_["scaled"] else w_sum
    raw = odm * (w_std / sd_r)[:, None]
    return raw / raw.sum(axis=0)



def _replicate_weights(model: PLSPathModel, draws, low, high):
    """For each resample in *draws* (row indices) whose PLS model can be re-estimated (no constant item,
    converged): the resample and its unstandardized weights (:func:`_unstd`). Shared by the map's and the
    satisfaction index's bootstraps; numpy's warnings stay off while the caller uses each replicate."""
    spec, mv = model._spec_, model._mv
    with np.errstate(all="ignore"):
        for draw in draws:
            sample = mv[draw]
            if (np.ptp(sample, axis=0) == 0).any():
                continue
            est = _estimate(sample, spec)
            if est["converged"]:
                yield draw, _unstd(model, est["w"].sum(axis=1), sample, low, high)

def unstandardized_weights(model: PLSPathModel, *, scale=None) -> pd.Series:
    """Outer weights that turn 0-100 rescaled items into 0-100 construct scores.

    Parameters
    ----------
    model : PLSPathModel
        A fitted model.
    scale : (low, high) or mapping item -> (low, high), optional
        The items' rating scale; default each item's observed minimum and maximum.

    Returns
    -------
    Series
        Indexed by ``item``; the weights of each construct's items sum to one.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=300)
    >>> df = pd.DataFrame({c: np.clip(np.round(4 + f + rng.normal(size=300)), 1, 7) for c in ["a1", "a2", "b1", "b2"]})
    >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
    >>> round(float(unstandardized_weights(m, scale=(1, 7))[["a1", "a2"]].sum()), 10)
    1.0
    """
    check_is_fitted(model, "path_coefficients_")
    low, high = _item_scale(model, scale)
    u = _unstd(model, model.outer_weights_.to_numpy(), model._mv, low, high)
    return pd.Series(u.sum(axis=1), index=model.outer_model_.index, name="unstandardized_weight")


def performance_scores(model: PLSPathModel, *, scale=None) -> pd.DataFrame:
    """Construct scores on 0-100: weighted averages of the rescaled items (unstandardized weights).

    Returns
    -------
    DataFrame
        One column per construct, indexed like ``model.scores_``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=300)
    >>> df = pd.DataFrame({c: np.clip(np.round(4 + f + rng.normal(size=300)), 1, 7) for c in ["a1", "a2", "b1", "b2"]})
    >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
    >>> bool(performance_scores(m, scale=(1, 7)).stack().between(0, 100).all())
    True
    """
    check_is_fitted(model, "path_coefficients_")
    low, high = _item_scale(model, scale)
    u = _unstd(model, model.outer_weights_.to_numpy(), model._mv, low, high)
    perf = ((model._mv - low) / (high - low) * 100) @ u
    return pd.DataFrame(perf, index=model.scores_.index, columns=pd.Index(model.constructs_, name="construct"))


def _importance(perf: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Unstandardized total effects from OLS of performance scores along the structural model."""
    k = a.shape[0]
    b = np.zeros((k, k))
    for j in range(k):
        pred = np.flatnonzero(a[:, j])
        if pred.size:
            design = np.column_stack([np.ones(len(perf)), perf[:, pred]])
            b[pred, j] = np.linalg.lstsq(design, perf[:, j], rcond=None)[0][1:]
    return np.linalg.solve(np.eye(k) - b.T, np.eye(k)).T - np.eye(k)


@validate_params({"n_boot": [Options({0}), Interval(int, 50, None, closed="left")],
                  "alpha": [Interval(float, 0, 0.5, closed="neither")], "seed": ["seed"],
                  "importance_cut": CUT, "performance_cut": CUT})
def ipma(model: PLSPathModel, target: str, *, scale=None, constructs: Sequence[str] | None = None,
         n_boot: int = 0, alpha: float = 0.05,
         seed: int | np.random.Generator = DEFAULT_SEED, importance_cut: str | float = "mean",
         performance_cut: str | float = "mean", expectation_gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """Importance-performance map of the constructs that affect ``target``.

    Parameters
    ----------
    model : PLSPathModel
        A fitted model.
    target : str
        The construct to explain (e.g. loyalty or satisfaction).
    scale : (low, high) or mapping item -> (low, high), optional
        The items' rating scale (e.g. ``(0, 10)``); default each item's observed
        minimum and maximum.
    constructs : sequence of str, optional
        Map only these antecedents (say the service dimensions management can act
        on, leaving out an intermediate satisfaction construct); default every
        construct with an effect on the target.
    n_boot : int, default 0
        Bootstrap replicates (0 = none, else at least 50) for intervals of
        importance and performance; each replicate re-estimates the whole model.
    alpha : float, default 0.05
        One minus the interval coverage.
    seed : int or Generator, default analysis.checks.DEFAULT_SEED
        Same seed, same intervals.
    importance_cut, performance_cut : "mean", "median" or float
        Where the map's crossing lines go.
    expectation_gaps : DataFrame, optional
        Perception-minus-expectation gaps per construct: the quadrants then judge
        performance against expectations (see
        :func:`~analysis.drivers.ipa.importance_performance`).

    Returns
    -------
    DataFrame
        Indexed by ``attribute`` (the antecedent constructs, improve-first order):
        ``importance`` (unstandardized total effect on the target),
        ``total_effect`` (standardized), ``performance`` (mean 0-100 score),
        ``quadrant``, ``priority``, ``priority_rank`` and, with ``n_boot``,
        ``importance_low/high`` and ``performance_low/high``. ``attrs`` hold
        ``target``, ``target_performance``, the cut points and ``scale`` (0, 100).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> q = rng.normal(size=400); s = 0.6 * q + rng.normal(scale=0.8, size=400)
    >>> df = pd.DataFrame({n: np.clip(np.round(4 + 1.2 * f + rng.normal(size=400)), 1, 7)
    ...                    for n, f in [("q1", q), ("q2", q), ("s1", s), ("s2", s)]})
    >>> m = PLSPathModel({"QUAL": "SAT"}, {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}).fit(df)
    >>> t = ipma(m, "SAT", scale=(1, 7))
    >>> t.index.tolist(), bool(0 < t.loc["QUAL", "performance"] < 100)
    (['QUAL'], True)
    """
    check_is_fitted(model, "path_coefficients_")
    cons = model.constructs_
    if target not in cons:
        raise ParameterError(f"target {target!r} is not a construct of the model; constructs: {cons}.")
    t = cons.index(target)
    a = model._spec_["a"]
    low, high = _item_scale(model, scale)
    mv = model._mv
    u = _unstd(model, model.outer_weights_.to_numpy(), mv, low, high)
    if (u < -1e-12).any():
        neg = list(model.outer_model_.index[(u < -1e-12).any(axis=1)])
        warnings.warn(
            f"item(s) {neg} have negative weights, so their constructs' performance is not a plain average of "
            f"0-100 items and may leave the 0-100 range; IPMA assumes positive weights (Ringle & Sarstedt 2016).",
            AnalysisWarning, stacklevel=2)
    rescaled = (mv - low) / (high - low) * 100
    perf = rescaled @ u
    total_u = _importance(perf, a)
    sources = [i for i in range(len(cons)) if abs(model.total_effects_.iloc[i, t]) > 0 or a[i, t]]
    if not sources:
        raise ParameterError(f"no construct has an effect on {target!r} (it is exogenous); choose an "
                             f"endogenous target among {list(model.r2_.index)}.")
    if constructs is not None:
        unknown = [c for c in constructs if c not in cons or cons.index(c) not in sources]
        if unknown:
            raise ParameterError(f"construct(s) {unknown} have no effect on {target!r} in the model; those that "
                                 f"do: {[cons[i] for i in sources]}.")
        sources = [cons.index(c) for c in constructs]
    names = [cons[i] for i in sources]
    imp = pd.Series(total_u[sources, t], index=names)
    pm = pd.Series(perf.mean(axis=0)[sources], index=names)
    table = importance_performance(imp, pm, importance_cut=importance_cut, performance_cut=performance_cut,
                                   scale=(0.0, 100.0), expectation_gaps=expectation_gaps)
    table.insert(1, "total_effect", model.total_effects_.iloc[sources, t].to_numpy())
    if n_boot:
        rng = rng_from(seed)
        n = mv.shape[0]
        imps, perfs = [], []
        for draw, ub in _replicate_weights(model, (rng.integers(0, n, size=n) for _ in range(n_boot)), low, high):
            pb = rescaled[draw] @ ub
            imps.append(_importance(pb, a)[sources, t])
            perfs.append(pb.mean(axis=0)[sources])
        q = list(percentile_tails(alpha))
        il, ih = np.quantile(np.array(imps), q, axis=0)
        pl, ph = np.quantile(np.array(perfs), q, axis=0)
        table.insert(2, "importance_low", il)
        table.insert(3, "importance_high", ih)
        table.insert(5, "performance_low", pl)
        table.insert(6, "performance_high", ph)
        table.attrs["n_boot_used"] = len(imps)
    table = table.sort_values("priority_rank")
    table.attrs.update({"target": target, "target_performance": float(perf[:, t].mean()), "n_boot": int(n_boot),
                        "alpha": alpha, "kind": "ipma"})
    return table

