"""A customer satisfaction index (ACSI / ECSI style): each construct of a PLS path model on 0-100.

The American Customer Satisfaction Index (Fornell, Johnson, Anderson, Cha & Bryant 1996,
*The American Customer Satisfaction Index: nature, purpose, and findings*, Journal of
Marketing 60(4)) and the European one (ECSI) report every construct of their structural
model - satisfaction, perceived quality, loyalty, complaint handling - as an index from 0
to 100:

.. math::

    \\text{index} = 100 \\, \\frac{\\sum_i w_i \\bar x_i - \\min}{\\max - \\min}

where :math:`\\bar x_i` is the mean of item *i* on its original scale, :math:`\\min` and
:math:`\\max` are the ends of the rating scale, and :math:`w_i` are the construct's outer
weights made *unstandardized* (each PLS weight divided by its item's standard deviation,
so it applies to the item as answered) and rescaled to sum to one. The index is thus a
weighted mean of the items, stretched so that everyone answering the bottom of the scale
gives 0 and everyone answering the top gives 100; the weights are the ones that best
predict the neighbouring constructs, so the items that matter most for the model count
most. The same formula gives a 0-100 score per respondent; the index is their mean.

When the items of one construct use different scales (a 0-10 recommendation next to a 1-7
intention) one ``min``/``max`` does not exist: each item is then first rescaled to 0-100
and the index is the weighted mean of the rescaled items, with weights unstandardized on
that common 0-100 scale (the IPMA convention of Ringle & Sarstedt 2016, which equals the
formula above whenever a block shares one scale). A negative unstandardized weight means
the index is no longer a weighted mean and may leave 0-100; ``negative_weights`` counts
them.

Intervals are percentile bootstrap intervals: respondents are resampled, the whole PLS
model is re-estimated (new weights) and the index recomputed. A comparison by group uses
the pooled model's weights for every group (one measurement model, so a difference comes
from the answers, not from different weights) and resamples within each group.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from analysis.drivers.pls import PLSPathModel
>>> rng = np.random.default_rng(0)
>>> q = rng.normal(size=300); s = 0.6 * q + rng.normal(scale=0.8, size=300)
>>> df = pd.DataFrame({n: np.clip(np.round(6 + 1.5 * f + rng.normal(size=300)), 0, 10)
...                    for n, f in [("q1", q), ("q2", q), ("s1", s), ("s2", s)]})
>>> m = PLSPathModel({"QUAL": "SAT"}, {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}).fit(df)
>>> si = SatisfactionIndex(scale=(0, 10)).fit(m)
>>> bool(si.summary()["estimate"].between(50, 70).all())
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, Options, check_alpha, check_is_fitted, check_params, rng_from
from analysis.drivers._data import percentile_tails
from analysis.drivers.ipma import _item_scale, _replicate_weights, _unstd
from analysis.drivers.pls.bootstrap import _table
from analysis.drivers.pls.model import PLSPathModel
from analysis.errors import DataValidationError, ParameterError
from analysis.results import ResultMixin, order_estimate_columns

__all__ = ["SatisfactionIndex"]

_CONSTRAINTS = {"n_boot": [Options({0}), Interval(int, 50, None, closed="left")], "seed": ["seed"]}


class SatisfactionIndex(ResultMixin):
    """0-100 index of every construct of a fitted PLS path model (ACSI method), overall and by group.

    Parameters
    ----------
    scale : (low, high) or mapping item -> (low, high), optional
        The items' rating scale (e.g. ``(0, 10)``); default each item's observed minimum
        and maximum. Give the questionnaire's scale whenever you know it: the index says
        where the answers lie between the scale's ends.
    n_boot : int, default 0
        Bootstrap replicates (0 = no intervals, else at least 50); each re-estimates the
        PLS model on resampled respondents.
    alpha : float, default 0.05
        One minus the coverage of the percentile intervals.
    seed : int or Generator, default analysis.checks.DEFAULT_SEED
        Same seed, same intervals.

    Attributes
    ----------
    index_ : DataFrame
        Per ``construct``: ``estimate`` (index, 0-100), ``std_error``, ``ci_low``, ``ci_high``
        (bootstrap; NaN without it), ``p_value`` (NaN: an index tests nothing), ``boot_mean``,
        ``n`` (respondents), ``n_items``, ``scale_low``, ``scale_high`` (the block's scale; NaN
        when its items use different scales), ``same_scale`` (bool) and ``negative_weights``
        (items with a negative unstandardized weight; above 0 the index is no weighted mean).
    weights_ : DataFrame
        Per ``item``: ``construct``, ``weight`` (unstandardized, summing to one within the
        construct), ``outer_weight`` (the PLS weight), ``scale_low``, ``scale_high``,
        ``mean`` (on the item's scale) and ``mean_100`` (rescaled to 0-100).
    scores_ : DataFrame
        The index of every respondent (rows as ``model.scores_``), one column per construct.
    by_group_, differences_ : DataFrame or None
        With ``groups``: per (``construct``, ``group``) the index of the group (columns as
        ``index_`` up to ``n``) and the group's index minus that of the respondents of the other
        groups (``estimate``, interval columns, ``n``, ``n_rest`` and ``excludes_zero``: the
        interval leaves out 0); with two groups only the first group's rows (the other's mirror them).
    n_boot_used_ : int
        Replicates that could be estimated (0 without the bootstrap).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> f = rng.normal(size=200)
    >>> df = pd.DataFrame({c: np.clip(np.round(4 + f + rng.normal(size=200)), 1, 7) for c in ["a1", "a2", "b1", "b2"]})
    >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
    >>> si = SatisfactionIndex(scale=(1, 7), n_boot=50, seed=1).fit(m, groups=pd.Series(["x", "y"] * 100))
    >>> list(si.summary().columns[:5]), list(si.differences_.index.names)
    (['estimate', 'std_error', 'ci_low', 'ci_high', 'p_value'], ['construct', 'group'])
    """

    def __init__(self, *, scale=None, n_boot: int = 0, alpha: float = 0.05,
                 seed: int | np.random.Generator = DEFAULT_SEED) -> None:
        self.scale = scale
        self.n_boot = n_boot
        self.alpha = alpha
        self.seed = seed

    def fit(self, model: PLSPathModel, *, groups: pd.Series | None = None) -> SatisfactionIndex:
        """Compute the index of every construct of ``model`` (overall, and per group with ``groups``).

        Parameters
        ----------
        model : PLSPathModel
            A fitted model.
        groups : Series, optional
            The group of each respondent, indexed like the data the model was fitted on (a
            survey column); respondents without a group count in the overall index only.

        Returns
        -------
        SatisfactionIndex
            ``self``, fitted.

        Examples
        --------
        >>> rng = np.random.default_rng(2)
        >>> f = rng.normal(size=100)
        >>> df = pd.DataFrame({c: np.clip(np.round(5 + f + rng.normal(size=100)), 0, 10)
        ...                    for c in ["a1", "a2", "b1", "b2"]})
        >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
        >>> SatisfactionIndex(scale=(0, 10)).fit(m).scores_.shape
        (100, 2)
        """
        check_is_fitted(model, "path_coefficients_")
        check_params(_CONSTRAINTS, {"n_boot": self.n_boot, "seed": self.seed}, "SatisfactionIndex")
        alpha = check_alpha(self.alpha, "SatisfactionIndex")
        low, high = _item_scale(model, self.scale)
        mv = model._mv
        rescaled = (mv - low) / (high - low) * 100
        u = _unstd(model, model.outer_weights_.to_numpy(), mv, low, high)
        cons = model.constructs_
        cidx = pd.Index(cons, name="construct")
        labels, codes = _group_codes(groups, model.scores_.index)
        point = _indices(rescaled, u, codes, len(labels))
        draws = _replicates(model, rescaled, low, high, codes, len(labels), int(self.n_boot), rng_from(self.seed))
        self.n_boot_used_ = len(draws)
        tails = percentile_tails(alpha)
        odm = model._spec_["odm"]
        self.index_ = self._frame(point[0], [d[0] for d in draws], cidx, tails).assign(
            n=mv.shape[0], n_items=odm.sum(axis=0).astype(int), **_block_scales(odm, low, high),
            negative_weights=((u < -1e-12) & (odm > 0)).sum(axis=0))
        self.weights_ = pd.DataFrame(
            {"construct": model.outer_model_["construct"], "weight": u.sum(axis=1),
             "outer_weight": model.outer_weights_, "scale_low": low, "scale_high": high, "mean": mv.mean(axis=0),
             "mean_100": rescaled.mean(axis=0)}, index=model.outer_model_.index)
        self.scores_ = pd.DataFrame(rescaled @ u, index=model.scores_.index, columns=cidx)
        self.by_group_ = self.differences_ = None
        if labels:
            self._groups(point, draws, labels, codes, cons, tails)
        return self

    def _frame(self, estimate, draws, index, tails) -> pd.DataFrame:
        if draws:
            return _table(draws, estimate, index, tails)
        return order_estimate_columns(pd.DataFrame({"estimate": estimate, "boot_mean": np.nan}, index=index))

    def _groups(self, point, draws, labels, codes, cons, tails) -> None:
        index = pd.MultiIndex.from_product([cons, labels], names=["construct", "group"])
        sizes = np.bincount(codes[codes >= 0], minlength=len(labels))
        n_all = int(sizes.sum())

        def flat(arr):  # (groups, constructs) -> construct-major, as the index
            return np.asarray(arr).T.reshape(-1)

        self.by_group_ = self._frame(flat(point[1]), [flat(d[1]) for d in draws], index, tails).assign(
            n=np.tile(sizes, len(cons)))
        diff = self._frame(flat(point[2]), [flat(d[2]) for d in draws], index, tails).assign(
            n=np.tile(sizes, len(cons)), n_rest=np.tile(n_all - sizes, len(cons)))
        if len(labels) == 2:  # the second group's differences mirror the first's
            diff = diff[diff.index.get_level_values("group") == labels[0]]
        self.differences_ = diff.assign(excludes_zero=(diff["ci_low"] > 0) | (diff["ci_high"] < 0))

    def summary(self) -> pd.DataFrame:
        """The index of every construct (``index_``).

        Returns
        -------
        DataFrame
            See ``index_`` in the class docstring.

        Examples
        --------
        >>> rng = np.random.default_rng(3)
        >>> f = rng.normal(size=100)
        >>> df = pd.DataFrame({c: np.clip(np.round(5 + f + rng.normal(size=100)), 0, 10)
        ...                    for c in ["a1", "a2", "b1", "b2"]})
        >>> m = PLSPathModel({"A": "B"}, {"A": ["a1", "a2"], "B": ["b1", "b2"]}).fit(df)
        >>> SatisfactionIndex(scale=(0, 10)).fit(m).summary().index.tolist()
        ['A', 'B']
        """
        check_is_fitted(self, "index_")
        return self.index_


def _group_codes(groups: pd.Series | None, rows: pd.Index) -> tuple[list[str], np.ndarray]:
    """Group labels (as text, sorted) and each respondent's group number (-1: none)."""
    if groups is None:
        return [], np.full(len(rows), -1)
    if not isinstance(groups, pd.Series):
        raise ParameterError(f"groups must be a pandas Series (a survey column); got {type(groups).__name__}.")
    missing = rows.difference(groups.index)
    if len(missing):
        raise ParameterError(f"groups has no value for {len(missing)} respondent(s) the model used (first: "
                             f"{list(missing[:3])}); pass the survey column the model was fitted with.")
    values = groups.reindex(rows)
    text = values.astype(str).where(values.notna())
    labels = sorted(text.dropna().unique())
    if len(labels) < 2:
        raise DataValidationError(f"groups has {len(labels)} group(s) among the respondents the model used; "
                                  f"comparing the index needs at least 2.")
    codes = text.map({g: i for i, g in enumerate(labels)}).fillna(-1).astype(int).to_numpy()
    return labels, codes


def _block_scales(odm: np.ndarray, low: np.ndarray, high: np.ndarray) -> dict:
    """Each block's scale ends, NaN where its items' scales differ, and whether they agree."""
    out = {"scale_low": [], "scale_high": [], "same_scale": []}
    for j in range(odm.shape[1]):
        idx = np.flatnonzero(odm[:, j])
        same = bool(np.ptp(low[idx]) == 0 and np.ptp(high[idx]) == 0)
        out["scale_low"].append(low[idx[0]] if same else np.nan)
        out["scale_high"].append(high[idx[0]] if same else np.nan)
        out["same_scale"].append(same)
    return out


def _indices(rescaled: np.ndarray, u: np.ndarray, codes: np.ndarray, k: int) -> tuple:
    """Overall index per construct; with groups, per group and each group minus the rest."""
    overall = rescaled.mean(axis=0) @ u
    if not k:
        return overall, None, None
    per, rest = [], []
    for g in range(k):
        inside = codes == g
        per.append(rescaled[inside].mean(axis=0) @ u)
        rest.append(rescaled[(codes >= 0) & ~inside].mean(axis=0) @ u)
    per = np.array(per)
    return overall, per, per - np.array(rest)


def _replicates(model: PLSPathModel, rescaled: np.ndarray, low, high, codes: np.ndarray, k: int, n_boot: int,
                rng: np.random.Generator) -> list[tuple]:
    """The indices on ``n_boot`` resamples (within each group when there are groups), model re-estimated."""
    if not n_boot:
        return []
    strata = [np.flatnonzero(codes == g) for g in range(-1, k)]
    strata = [s for s in strata if s.size]
    draws = (np.concatenate([s[rng.integers(0, s.size, size=s.size)] for s in strata]) for _ in range(n_boot))
    out = [_indices(rescaled[draw], u, codes[draw], k) for draw, u in _replicate_weights(model, draws, low, high)]
    if len(out) < max(25, n_boot // 2):
        raise DataValidationError(
            f"only {len(out)} of {n_boot} bootstrap replicates could be estimated (constant items or no "
            f"convergence in the rest); the sample is too small or too sparse for bootstrap intervals of the index."
        )
    return out
