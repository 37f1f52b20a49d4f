"""Importance-performance analysis (Martilla & James 1977) and the improve-first list.

Each attribute is placed by how much it matters (derived importance: its share of
the explained variance of overall satisfaction) and how well the firm does on it
(mean rating). Crossing lines, at the means by default, split the map into four
quadrants:

* ``concentrate_here`` - important, performing below par: improve first;
* ``keep_up_the_good_work`` - important and performing well: protect;
* ``low_priority`` - unimportant and weak: fix only if cheap;
* ``possible_overkill`` - unimportant but strong: resources could move elsewhere.

With expectations (``expectation_gaps``, from :func:`~analysis.drivers.servqual_gaps`)
an attribute counts as performing well only when its perception is not
significantly below its expectation (:func:`~analysis.drivers.gaps.gap_verdicts`):
an attribute the SERVQUAL table shows short of expectations is never "keep up the
good work" or "possible overkill", whatever its mean rating.

The improve-first list ranks attributes by ``priority = share x (top - performance)
/ (top - bottom)``: the importance-weighted room for improvement on the rating
scale. :func:`ipa_from_survey` bootstraps importance and performance together, so
the priority and its rank come with intervals.

Examples
--------
>>> import pandas as pd
>>> imp = pd.Series({"staff": 0.45, "speed": 0.35, "decor": 0.2})
>>> perf = pd.Series({"staff": 5.5, "speed": 4.0, "decor": 6.0})
>>> importance_performance(imp, perf, scale=(1, 7))[["quadrant", "priority_rank"]]
                        quadrant  priority_rank
attribute
staff      keep_up_the_good_work              2
speed           concentrate_here              1
decor          possible_overkill              3
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.drivers._data import check_scale, numeric_block, weight_vector, weighted_corr
from analysis.drivers.importance.lmg import MAX_EXACT_P
from analysis.drivers.importance.model import METHODS, _prepare_corr, _rank, _statistic
from analysis.checks import DEFAULT_SEED, Interval, Options, rng_from, validate_params
from analysis.drivers._data import percentile_tails
from analysis.drivers.gaps import gap_verdicts
from analysis.errors import ParameterError

__all__ = ["QUADRANTS", "importance_performance", "ipa_from_survey", "performance_means"]

QUADRANTS = ("concentrate_here", "keep_up_the_good_work", "low_priority", "possible_overkill")

#: where an importance-performance map's crossing lines go: the mean, the median or a given value
CUT = [Options({"mean", "median"}), float]


@validate_params({"alpha": [Interval(float, 0, 0.5, closed="neither")]})
def performance_means(data: pd.DataFrame, columns: Sequence[str], *, weight: str | None = None,
                      alpha: float = 0.05) -> pd.DataFrame:
    """Mean rating per attribute with a t interval (weighted when ``weight`` is given).

    Returns
    -------
    DataFrame
        Indexed by ``attribute``: ``performance``, ``performance_low``,
        ``performance_high``, ``n``.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [4, 5, 6, 5], "b": [2, 3, 2, 3]})
    >>> performance_means(df, ["a", "b"])["performance"].tolist()
    [5.0, 2.5]
    """
    block = numeric_block(data, list(columns), "rating")
    w = weight_vector(data, weight)
    rows = []
    for c in columns:
        v = block[c].to_numpy()
        keep = ~np.isnan(v)
        x, ww = v[keep], w[keep]
        n = x.size
        sw = ww / ww.sum()
        m = float(sw @ x)
        se = float(np.sqrt(n / (n - 1) * np.sum(sw**2 * (x - m) ** 2))) if n > 1 else np.nan
        q = stats.t.ppf(0.5 + (1 - alpha) / 2, max(n - 1, 1))
        rows.append({"attribute": c, "performance": m, "performance_low": m - q * se,
                     "performance_high": m + q * se, "n": n})
    return pd.DataFrame(rows).set_index("attribute")


def _cut(values: pd.Series, how: str | float, name: str) -> float:
    if how == "mean":
        return float(values.mean())
    if how == "median":
        return float(values.median())
    return float(how)


@validate_params({"importance_cut": CUT, "performance_cut": CUT})
def importance_performance(importance: pd.Series | pd.DataFrame, performance: pd.Series | pd.DataFrame,
                           *, importance_cut: str | float = "mean", performance_cut: str | float = "mean",
                           scale: tuple[float, float] | None = None,
                           expectation_gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quadrants and improve-first ranking from importance and performance.

    Parameters
    ----------
    importance : Series or DataFrame
        Importance share per attribute, or the output of
        :func:`~analysis.drivers.relative_importance` (its ``share`` column and, when
        present, ``share_low``/``share_high``).
    performance : Series or DataFrame
        Mean rating per attribute, or the output of :func:`performance_means`.
    importance_cut, performance_cut : "mean", "median" or float
        Where the crossing lines go.
    scale : (low, high), optional
        Rating scale for the room for improvement; default the lowest and highest
        mean performance.
    expectation_gaps : DataFrame, optional
        Perception-minus-expectation gap per attribute (index: attribute; columns
        ``estimate``, ``ci_low``, ``ci_high``, e.g. the dimension rows of
        :func:`~analysis.drivers.servqual_gaps` indexed by ``name``). Given, the
        performance side of the quadrants is the gap's verdict (``below``
        expectations = weak, else strong) instead of the performance cut.

    Returns
    -------
    DataFrame
        Indexed by ``attribute`` in the input order: ``importance``,
        ``performance`` (and their ``_low``/``_high`` when given), with
        ``expectation_gaps`` also ``gap``, ``gap_low``, ``gap_high`` and
        ``verdict``; ``quadrant`` (one of ``QUADRANTS``), ``priority`` and
        ``priority_rank`` (1 = improve first). ``attrs`` holds the cut points and
        ``performance_basis`` (``"cut"`` or ``"expectation"``).

    Examples
    --------
    >>> imp = pd.Series({"a": 0.6, "b": 0.4})
    >>> perf = pd.Series({"a": 3.0, "b": 6.0})
    >>> importance_performance(imp, perf, scale=(1, 7))["priority"].round(3).tolist()
    [0.4, 0.067]
    """
    imp = importance.copy() if isinstance(importance, pd.DataFrame) else importance.rename("share").to_frame()
    perf = performance.copy() if isinstance(performance, pd.DataFrame) else \
        performance.rename("performance").to_frame()
    if "share" not in imp.columns:
        raise ParameterError("importance must be a Series of shares or a frame with a 'share' column.")
    if "performance" not in perf.columns:
        raise ParameterError("performance must be a Series of means or a frame with a 'performance' column.")
    missing = [a for a in imp.index if a not in perf.index]
    if missing:
        raise ParameterError(f"no performance for attribute(s) {missing}; performance has {list(perf.index)}.")
    out = pd.DataFrame({"importance": imp["share"]})
    for c in ("share_low", "share_high"):
        if c in imp.columns:
            out[c.replace("share", "importance")] = imp[c]
    out["performance"] = perf.loc[out.index, "performance"]
    for c in ("performance_low", "performance_high"):
        if c in perf.columns:
            out[c] = perf.loc[out.index, c]
    out.index.name = "attribute"
    i_cut = _cut(out["importance"], importance_cut, "importance_cut")
    p_cut = _cut(out["performance"], performance_cut, "performance_cut")
    hi_imp = out["importance"] >= i_cut
    hi_perf = out["performance"] >= p_cut
    if expectation_gaps is not None:
        missing = [a for a in out.index if a not in expectation_gaps.index]
        if missing:
            raise ParameterError(f"no expectation gap for attribute(s) {missing}; the gaps cover "
                                 f"{list(expectation_gaps.index)}: pair every attribute or leave expectation_gaps out.")
        g = expectation_gaps.loc[out.index]
        out["gap"], out["gap_low"], out["gap_high"] = g["estimate"], g["ci_low"], g["ci_high"]
        out["verdict"] = gap_verdicts(g)
        hi_perf = out["verdict"] != "below"
    out["quadrant"] = np.select(
        [hi_imp & ~hi_perf, hi_imp & hi_perf, ~hi_imp & ~hi_perf],
        ["concentrate_here", "keep_up_the_good_work", "low_priority"], "possible_overkill")
    lo, hi = scale if scale is not None else (out["performance"].min(), out["performance"].max())
    if not hi > lo:
        raise ParameterError(f"scale must be (low, high) with low < high; got {(lo, hi)}.")
    out["priority"] = out["importance"] * (hi - out["performance"]) / (hi - lo)
    out["priority_rank"] = _rank(out["priority"].to_numpy()[None, :])[0]
    out.attrs.update({"importance_cut": i_cut, "performance_cut": p_cut, "scale": (lo, hi),
                      "performance_basis": "cut" if expectation_gaps is None else "expectation"})
    return out


@validate_params({"method": [Options(METHODS)], "n_boot": [Options({0}), Interval(int, 50, None, closed="left")],
                  "alpha": [Interval(float, 0, 0.5, closed="neither")], "seed": ["seed"],
                  "importance_cut": CUT, "performance_cut": CUT})
def ipa_from_survey(data: pd.DataFrame, outcome: str, predictors: Sequence[str], *,
                    method: str = "lmg", scale: tuple[float, float] | None = None,
                    weight: str | None = None, n_boot: int = 0, alpha: float = 0.05,
                    seed: int | np.random.Generator = DEFAULT_SEED,
                    importance_cut: str | float = "mean", performance_cut: str | float = "mean",
                    expectation_gaps: pd.DataFrame | None = None) -> pd.DataFrame:
    """Importance-performance table straight from a survey, with joint bootstrap intervals.

    Importance is the predictor's share of R² (``method`` as in
    :func:`~analysis.drivers.relative_importance`), performance its mean rating.
    With ``n_boot``, each replicate resamples respondents once and recomputes both,
    giving ``importance_low/high``, ``performance_low/high``, ``priority_low/high``
    and ``priority_rank_low/high`` (percentile intervals) and
    ``prob_top_priority`` (share of replicates in which the attribute ranks first).
    ``expectation_gaps`` as in :func:`importance_performance`.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x = rng.integers(1, 8, size=(300, 3)).astype(float)
    >>> df = pd.DataFrame(x, columns=["a", "b", "c"])
    >>> df["y"] = x @ [0.6, 0.3, 0.1] + rng.normal(size=300)
    >>> ipa_from_survey(df, "y", ["a", "b", "c"], scale=(1, 7)).index[0]
    'a'
    """
    predictors = list(predictors)
    if len(predictors) > MAX_EXACT_P and method == "lmg":
        method = "relative_weights"
    check_scale(numeric_block(data, predictors, "rating"), scale, "rating")
    rng = rng_from(seed)
    prep, corr = _prepare_corr(data, outcome, predictors, weight, "listwise")
    est, _ = _statistic(method, corr, 1000, rng)
    r2 = float(corr[-1, :-1] @ np.linalg.solve(corr[:-1, :-1], corr[:-1, -1]))
    x, w = prep.values[:, :-1], prep.weights
    perf = pd.Series(w @ x / w.sum(), index=predictors)
    share = pd.Series(est / r2, index=predictors)
    table = importance_performance(share, perf, importance_cut=importance_cut,
                                   performance_cut=performance_cut, scale=scale, expectation_gaps=expectation_gaps)
    lo, hi = table.attrs["scale"]
    if n_boot:
        shares, perfs = [], []
        n = len(x)
        chunk = max(1, min(n_boot, 2_000_000 // (n * len(predictors) + 1), 250))
        for start in range(0, n_boot, chunk):
            m = min(chunk, n_boot - start)
            draws = rng.integers(0, n, size=(m, n))
            counts = np.bincount((draws + n * np.arange(m)[:, None]).ravel(), minlength=m * n).reshape(m, n)
            cw = counts * w[None, :]
            c = weighted_corr(prep.values, cw)
            val, _ = _statistic(method, c, 200, rng)
            r2b = np.einsum("bi,bi->b", c[:, -1, :-1],
                            np.linalg.solve(c[:, :-1, :-1], c[:, :-1, -1:])[..., 0])
            shares.append(val / r2b[:, None])
            perfs.append(cw @ x / cw.sum(axis=1, keepdims=True))
        s, pf = np.concatenate(shares), np.concatenate(perfs)
        keep = ~np.isnan(s).any(axis=1)
        s, pf = s[keep], pf[keep]
        pr = s * (hi - pf) / (hi - lo)
        ranks = _rank(pr)
        a, b = percentile_tails(alpha)
        table["importance_low"], table["importance_high"] = np.quantile(s, [a, b], axis=0)
        table["performance_low"], table["performance_high"] = np.quantile(pf, [a, b], axis=0)
        table["priority_low"], table["priority_high"] = np.quantile(pr, [a, b], axis=0)
        table["priority_rank_low"], table["priority_rank_high"] = np.quantile(
            ranks, [a, b], axis=0, method="inverted_cdf").astype(int)
        table["prob_top_priority"] = (ranks == 1).mean(axis=0)
    table = table.sort_values("priority_rank")
    table.attrs.update({"method": method, "r2": r2, "n": int(len(x)), "n_boot": int(n_boot), "alpha": alpha,
                        "outcome": outcome})
    return table
