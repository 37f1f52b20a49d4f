"""Continuous outcomes by channel: assumption-driven tests, post hoc pairs, effect sizes.

:func:`compare_means` looks at the data before choosing the test and says why:

1. If any channel's values are all equal, or the data are too skewed for the
   channel means to be near-normal at these sample sizes (Cochran's rule: a mean
   is close enough to normal when ``n > 25 * skewness**2``), it uses the
   Kruskal-Wallis test with Dunn's pairwise z-tests (tie-corrected, p-values
   corrected for multiple comparisons).
2. Else, if the Brown-Forsythe test (Levene's test on medians) rejects equal
   variances at ``alpha``, it uses Welch's ANOVA with Games-Howell pairs.
3. Else classic one-way ANOVA with Tukey-Kramer pairs (Tukey HSD).

Effect sizes: eta-squared and omega-squared for the omnibus comparison, Hedges'
g for each pair. :func:`compare_spend` splits a zero-inflated spend into the
share of buyers, spend among buyers and spend per customer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import special, stats

from analysis.channels._common import (ALPHA, COLUMN, CORRECTION, FRAME, _first_rows, adjust_pvalues, omnibus_frame,
                                       prepare)
from analysis.channels.rates import RateComparison, compare_rates
from analysis.checks import Options, validate_params
from analysis.errors import DataValidationError
from analysis.messages import join_words, msg
from analysis.results import ResultMixin, order_estimate_columns

__all__ = [
    "MeanComparison",
    "SpendComparison",
    "compare_means",
    "compare_spend",
    "welch_anova",
    "games_howell",
    "tukey_hsd",
    "dunn_test",
    "hedges_g",
    "eta_omega_squared",
]

METHODS = ("auto", "anova", "welch", "kruskal")
_POSTHOC = {"anova": "Tukey HSD", "welch": "Games-Howell", "kruskal": "Dunn"}
_TEST = {"anova": "One-way ANOVA", "welch": "Welch ANOVA", "kruskal": "Kruskal-Wallis"}


def _arrays(frame: pd.DataFrame, group: str, outcome: str, levels) -> list[np.ndarray]:
    grouped = frame.groupby(group, observed=True, sort=False)[outcome]
    return [grouped.get_group(g).to_numpy(dtype=float) for g in levels]


def welch_anova(samples: Sequence[np.ndarray]) -> pd.DataFrame:
    """Welch's heteroscedastic one-way ANOVA (Welch 1951).

    Returns
    -------
    DataFrame
        One row: ``statistic`` (F), ``df1``, ``df2``, ``p_value``.

    Examples
    --------
    >>> r = welch_anova([[1, 2, 3, 4], [2, 4, 6, 8, 10], [5, 6, 7]])
    >>> round(float(r.loc[0, "statistic"]), 4), round(float(r.loc[0, "df2"]), 3)
    (7.8429, 5.959)
    """
    ns = np.array([len(s) for s in samples], dtype=float)
    means = np.array([np.mean(s) for s in samples])
    var = np.array([np.var(s, ddof=1) for s in samples])
    if np.any(var <= 0):
        raise DataValidationError("Welch's ANOVA needs every group to vary (a group has variance 0).")
    k = len(samples)
    w = ns / var
    big_w = w.sum()
    grand = (w * means).sum() / big_w
    a = (w * (means - grand) ** 2).sum() / (k - 1)
    tmp = ((1 - w / big_w) ** 2 / (ns - 1)).sum()
    b = 1 + 2 * (k - 2) / (k**2 - 1) * tmp
    f = a / b
    df2 = (k**2 - 1) / (3 * tmp)
    return omnibus_frame(statistic=float(f), df1=float(k - 1), df2=float(df2),
                         p_value=float(stats.f.sf(f, k - 1, df2)))


def eta_omega_squared(samples: Sequence[np.ndarray]) -> tuple[float, float]:
    """Eta-squared (SS_between / SS_total) and omega-squared of a one-way layout.

    Omega-squared, ``(SS_b - (k-1) MS_w) / (SS_t + MS_w)``, is less biased than
    eta-squared in small samples.

    Examples
    --------
    >>> [round(v, 4) for v in eta_omega_squared([[1, 2, 3], [4, 5, 6]])]
    [0.7714, 0.6757]
    """
    allv = np.concatenate([np.asarray(s, dtype=float) for s in samples])
    grand = allv.mean()
    ss_t = ((allv - grand) ** 2).sum()
    ss_b = sum(len(s) * (np.mean(s) - grand) ** 2 for s in samples)
    k, n = len(samples), allv.size
    ms_w = (ss_t - ss_b) / (n - k)
    if ss_t == 0:
        return np.nan, np.nan
    return float(ss_b / ss_t), float((ss_b - (k - 1) * ms_w) / (ss_t + ms_w))


HEDGES_CORRECTIONS = ("exact", "approximate")


@validate_params({"correction": [Options(HEDGES_CORRECTIONS)]})
def hedges_g(x, y, correction: str = "exact") -> float:
    """Hedges' g: standardized mean difference ``(mean x - mean y) / pooled sd`` times a
    small-sample correction ``J``.

    Parameters
    ----------
    x, y : array-like
    correction : {"exact", "approximate"}
        "exact" (default): ``J = G(m/2) / (sqrt(m/2) G((m-1)/2))``, ``m = nx + ny - 2``
        (Hedges 1981). "approximate": ``J = 1 - 3 / (4m - 1)``, the form pingouin and R's
        effsize use; the two differ by about ``1/m^2`` relative (0.03 % at m = 18).

    Examples
    --------
    >>> round(hedges_g([1, 2, 3, 4], [3, 4, 5, 6]), 4)
    -1.3457
    >>> round(hedges_g([1, 2, 3, 4], [3, 4, 5, 6], correction="approximate"), 4)
    -1.3471
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    m = x.size + y.size - 2
    sp = np.sqrt(((x.size - 1) * x.var(ddof=1) + (y.size - 1) * y.var(ddof=1)) / m)
    if sp == 0:
        return np.nan
    if correction == "exact":
        j = np.exp(special.gammaln(m / 2) - special.gammaln((m - 1) / 2)) / np.sqrt(m / 2)
    else:
        j = 1 - 3 / (4 * m - 1)
    return float(j * (x.mean() - y.mean()) / sp)


def _pairs(levels, reference):
    if reference is None:
        return list(combinations(range(len(levels)), 2))
    r = levels.index(reference)
    return [(i, r) for i in range(len(levels)) if i != r]


@validate_params({"alpha": ALPHA})
def tukey_hsd(samples, levels, alpha: float = 0.05, reference=None) -> pd.DataFrame:
    """Tukey-Kramer pairwise comparisons (``estimate = mean_a - mean_b``), simultaneous intervals.

    Returns
    -------
    DataFrame
        ``estimate``, ``std_error``, ``ci_low``/``ci_high`` (simultaneous), ``p_value``
        (unadjusted t-test with the pooled variance), ``group_a``, ``group_b``,
        ``statistic`` (t), ``df``, ``p_adjusted`` (studentized range).

    Examples
    --------
    >>> t = tukey_hsd([[1, 2, 3], [4, 5, 6], [2, 3, 4]], ["a", "b", "c"])
    >>> t["estimate"].tolist()
    [-3.0, -1.0, 2.0]
    """
    k = len(samples)
    ns = np.array([len(s) for s in samples], dtype=float)
    means = np.array([np.mean(s) for s in samples])
    df = ns.sum() - k
    mse = sum(((np.asarray(s) - np.mean(s)) ** 2).sum() for s in samples) / df
    qcrit = stats.studentized_range.isf(alpha, k, df)
    rows = []
    for i, j in _pairs(list(levels), reference):
        se = np.sqrt(mse / 2 * (1 / ns[i] + 1 / ns[j]))
        d = means[i] - means[j]
        q = abs(d) / se if se > 0 else np.inf
        t = d / (se * np.sqrt(2))
        rows.append({"estimate": d, "std_error": se * np.sqrt(2), "ci_low": d - qcrit * se, "ci_high": d + qcrit * se,
                     "p_value": float(2 * stats.t.sf(abs(t), df)), "group_a": levels[i], "group_b": levels[j],
                     "statistic": t, "df": df, "p_adjusted": float(stats.studentized_range.sf(q, k, df))})
    return order_estimate_columns(pd.DataFrame(rows))


@validate_params({"alpha": ALPHA})
def games_howell(samples, levels, alpha: float = 0.05, reference=None) -> pd.DataFrame:
    """Games-Howell pairwise comparisons (Welch t with studentized-range p-values).

    Columns as :func:`tukey_hsd` (``p_value``: unadjusted Welch t-test).

    Examples
    --------
    >>> t = games_howell([[1, 2, 3, 5], [4, 5, 6, 9], [2, 3, 4, 4]], ["a", "b", "c"])
    >>> t["df"].round(2).tolist()
    [5.7, 4.72, 4.13]
    """
    k = len(samples)
    ns = np.array([len(s) for s in samples], dtype=float)
    means = np.array([np.mean(s) for s in samples])
    v = np.array([np.var(s, ddof=1) for s in samples]) / ns
    rows = []
    for i, j in _pairs(list(levels), reference):
        se = np.sqrt(v[i] + v[j])
        df = (v[i] + v[j]) ** 2 / (v[i] ** 2 / (ns[i] - 1) + v[j] ** 2 / (ns[j] - 1))
        d = means[i] - means[j]
        t = d / se
        qcrit = stats.studentized_range.isf(alpha, k, df) / np.sqrt(2)
        rows.append({"estimate": d, "std_error": se, "ci_low": d - qcrit * se, "ci_high": d + qcrit * se,
                     "p_value": float(2 * stats.t.sf(abs(t), df)), "group_a": levels[i], "group_b": levels[j],
                     "statistic": t, "df": df,
                     "p_adjusted": float(stats.studentized_range.sf(abs(t) * np.sqrt(2), k, df))})
    return order_estimate_columns(pd.DataFrame(rows))


@validate_params({"correction": CORRECTION})
def dunn_test(samples, levels, correction: str = "holm", reference=None) -> pd.DataFrame:
    """Dunn's (1964) pairwise z-tests on mean ranks, tie-corrected.

    ``estimate`` is mean a minus mean b (``std_error`` and the interval are NaN: the
    test is on ranks); ``statistic`` is the z of mean rank a minus mean rank b,
    ``p_value`` its two-sided p-value and ``p_adjusted`` uses ``correction``.

    Examples
    --------
    >>> t = dunn_test([[1, 2, 3], [4, 5, 6], [7, 8, 9]], ["a", "b", "c"])
    >>> t["statistic"].round(3).tolist()
    [-1.342, -2.683, -1.342]
    """
    allv = np.concatenate([np.asarray(s, dtype=float) for s in samples])
    ranks = stats.rankdata(allv)
    n = allv.size
    bounds = np.cumsum([0] + [len(s) for s in samples])
    mean_ranks = np.array([ranks[bounds[i]:bounds[i + 1]].mean() for i in range(len(samples))])
    _, ties = np.unique(allv, return_counts=True)
    tie_term = ((ties**3 - ties).sum()) / (12 * (n - 1))
    rows = []
    for i, j in _pairs(list(levels), reference):
        se = np.sqrt((n * (n + 1) / 12 - tie_term) * (1 / len(samples[i]) + 1 / len(samples[j])))
        z = (mean_ranks[i] - mean_ranks[j]) / se if se > 0 else np.nan
        rows.append({"estimate": float(np.mean(samples[i]) - np.mean(samples[j])),
                     "p_value": float(2 * stats.norm.sf(abs(z))), "group_a": levels[i], "group_b": levels[j],
                     "mean_rank_a": mean_ranks[i], "mean_rank_b": mean_ranks[j], "statistic": z})
    out = order_estimate_columns(pd.DataFrame(rows))
    out["p_adjusted"] = adjust_pvalues(out["p_value"].to_numpy(), correction)
    return out


@dataclass(repr=False)
class MeanComparison(ResultMixin):
    """Result of :func:`compare_means`.

    Attributes
    ----------
    groups : DataFrame
        Indexed by group: ``n``, ``mean``, ``sd``, ``median``, ``ci_low``/``ci_high``
        (t interval of the mean), ``skewness``, ``cochran_min_n`` (``25 * skewness**2``).
        Also returned by :meth:`summary`.
    test, posthoc : str
        The omnibus test and post hoc method used.
    reason : str
        Why they were chosen (plain words).
    assumptions : DataFrame
        One row (the checks behind the choice of test): ``levene_statistic``,
        ``levene_p`` (Brown-Forsythe), ``variance_ratio`` (largest / smallest
        variance), ``max_abs_skewness``, ``skewed_groups`` (a list).
    omnibus : DataFrame
        One row: ``test``, ``statistic``, ``df1``, ``df2`` (NaN for Kruskal-Wallis),
        ``p_value``, ``eta_squared``, ``omega_squared``.
    pairwise : DataFrame
        Estimate shape: ``estimate`` (mean a - mean b), ``std_error``, ``ci_low``/``ci_high``
        (simultaneous; NaN for Dunn), ``p_value`` (unadjusted), then ``group_a``,
        ``group_b``, ``statistic``, ``p_adjusted``, ``hedges_g``, ``significant`` and
        the post hoc method's own columns.
    hedges_correction : str
        The small-sample correction of ``hedges_g``: "exact" or "approximate" (see
        :func:`hedges_g`).
    """

    groups: pd.DataFrame
    test: str
    posthoc: str
    reason: str
    assumptions: pd.DataFrame
    omnibus: dict
    pairwise: pd.DataFrame
    outcome: str
    group: str
    alpha: float
    method: str
    notes: list[str] = field(default_factory=list)
    hedges_correction: str = "exact"

    def summary(self) -> pd.DataFrame:
        """Each group's mean with its t interval and spread (:attr:`groups`)."""
        return self.groups


def _choose(method, groups, levene_p, alpha) -> tuple[str, str]:
    """The test to use and why (the sentence comes from the message catalog)."""
    if method != "auto":
        return method, msg("channels.reason.requested", test=_TEST[method], method=method)
    const = groups.index[groups["sd"] <= 0].tolist()
    if const:
        return "kruskal", msg("channels.reason.constant", groups=join_words(const))
    skewed = groups.index[groups["n"] < groups["cochran_min_n"]].tolist()
    if skewed:
        g = groups.loc[skewed[0]]
        return "kruskal", msg("channels.reason.skewed", skewness=groups["skewness"].abs().max(), group=skewed[0],
                              n=int(g["n"]), min_n=g["cochran_min_n"])
    if levene_p < alpha:
        return "welch", msg("channels.reason.welch", p=levene_p, alpha=alpha)
    return "anova", msg("channels.reason.anova", p=levene_p, alpha=alpha)


@validate_params({"data": FRAME, "group": COLUMN, "outcome": COLUMN, "method": [Options(METHODS)],
                  "alpha": ALPHA, "correction": CORRECTION, "hedges_correction": [Options(HEDGES_CORRECTIONS)]})
def compare_means(
    data: pd.DataFrame,
    group: str,
    outcome: str,
    *,
    method: str = "auto",
    alpha: float = 0.05,
    correction: str = "holm",
    order: Sequence | None = None,
    reference: object | None = None,
    hedges_correction: str = "exact",
) -> MeanComparison:
    """Compare a continuous outcome across channels, choosing the test from the data.

    Parameters
    ----------
    data : DataFrame
    group : str
        Column naming the channel or arm.
    outcome : str
        Numeric column (spend, revenue, satisfaction score).
    method : {"auto", "anova", "welch", "kruskal"}
        "auto" applies the rules in the module docstring; the others force a test.
    alpha : float
        Level of intervals and tests, and of the equal-variance check.
    correction : str
        Correction of Dunn's p-values (Tukey and Games-Howell control the family
        error rate by construction).
    order : sequence, optional
        Order of the groups.
    reference : optional
        Compare every group only against this one.
    hedges_correction : {"exact", "approximate"}
        Small-sample correction of the pairwise Hedges' g (default "exact"; pingouin
        and R's effsize use "approximate").

    Returns
    -------
    MeanComparison

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> df = pd.DataFrame({"channel": np.repeat(["app", "store", "web"], 40),
    ...                    "score": np.r_[rng.normal(5, 1, 40), rng.normal(5, 1, 40), rng.normal(6, 1, 40)]})
    >>> res = compare_means(df, "channel", "score")
    >>> res.test, res.posthoc
    ('One-way ANOVA', 'Tukey HSD')
    >>> list(res.groups.columns[:5])
    ['n', 'mean', 'sd', 'median', 'ci_low']
    """
    frame, levels = prepare(data, group, outcome, kind="continuous", order=order)
    if reference is not None and reference not in levels:
        raise DataValidationError(f"reference {reference!r} is not a group of {group!r}; groups are {levels}.")
    samples = _arrays(frame, group, outcome, levels)
    ns = np.array([s.size for s in samples])
    means = np.array([s.mean() for s in samples])
    sds = np.array([s.std(ddof=1) for s in samples])
    skew = np.array([stats.skew(s, bias=False) if s.size > 2 and s.std() > 0 else 0.0 for s in samples])
    tq = stats.t.isf(alpha / 2, ns - 1)
    groups = pd.DataFrame(
        {"n": ns, "mean": means, "sd": sds, "median": [np.median(s) for s in samples],
         "ci_low": means - tq * sds / np.sqrt(ns), "ci_high": means + tq * sds / np.sqrt(ns),
         "skewness": skew, "cochran_min_n": 25 * skew**2},
        index=pd.Index(levels, name=group),
    )
    if np.all(sds == 0) and np.ptp(means) == 0:
        raise DataValidationError(f"Column {outcome!r} takes one value in every row; there is nothing to compare.")
    lev = stats.levene(*samples, center="median") if np.any(sds > 0) else None
    levene_p = float(lev.pvalue) if lev is not None else np.nan
    chosen, reason = _choose(method, groups, levene_p if np.isfinite(levene_p) else 0.0, alpha)
    assumptions = omnibus_frame(
        levene_statistic=float(lev.statistic) if lev is not None else np.nan,
        levene_p=levene_p,
        variance_ratio=float((sds.max() / sds.min()) ** 2) if sds.min() > 0 else np.inf,
        max_abs_skewness=float(np.abs(skew).max()),
        skewed_groups=groups.index[groups["n"] < groups["cochran_min_n"]].tolist(),
    )
    eta2, omega2 = eta_omega_squared(samples)
    if chosen == "anova":
        res = stats.f_oneway(*samples)
        omni = {"statistic": float(res.statistic), "df1": float(len(levels) - 1),
                "df2": float(ns.sum() - len(levels)), "p_value": float(res.pvalue)}
        pairwise = tukey_hsd(samples, levels, alpha, reference)
    elif chosen == "welch":
        omni = welch_anova(samples).iloc[0].to_dict()
        pairwise = games_howell(samples, levels, alpha, reference)
    else:
        res = stats.kruskal(*samples)
        omni = {"statistic": float(res.statistic), "df1": float(len(levels) - 1), "df2": np.nan,
                "p_value": float(res.pvalue)}
        pairwise = dunn_test(samples, levels, correction, reference)
    omnibus = omnibus_frame(test=_TEST[chosen], **omni, eta_squared=eta2, omega_squared=omega2)
    index = {g: i for i, g in enumerate(levels)}
    pairwise["hedges_g"] = [hedges_g(samples[index[a]], samples[index[b]], correction=hedges_correction)
                            for a, b in zip(pairwise["group_a"], pairwise["group_b"])]
    pairwise["significant"] = pairwise["p_adjusted"] < alpha
    return MeanComparison(groups, _TEST[chosen], _POSTHOC[chosen], reason, assumptions, omnibus,
                          pairwise, outcome, group, alpha, chosen, hedges_correction=hedges_correction)


@dataclass(repr=False)
class SpendComparison(ResultMixin):
    """Result of :func:`compare_spend`: a zero-inflated spend in three parts.

    Attributes
    ----------
    buyers : RateComparison
        Share of customers with spend > 0.
    among_buyers : MeanComparison
        Spend of the customers who spent.
    per_customer : MeanComparison
        Spend per customer, zeros included (= buyer share x spend among buyers).
    split : DataFrame
        Indexed by group: ``n``, ``buyer_share``, ``spend_per_buyer``, ``spend_per_customer``;
        also returned by :meth:`summary`.
    """

    buyers: RateComparison
    among_buyers: MeanComparison
    per_customer: MeanComparison
    split: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        """Buyer share, spend per buyer and spend per customer of each group (:attr:`split`)."""
        return self.split


@validate_params({"data": FRAME, "group": COLUMN, "outcome": COLUMN, "method": [Options(METHODS)],
                  "alpha": ALPHA, "correction": CORRECTION, "hedges_correction": [Options(HEDGES_CORRECTIONS)],
                  "continuity_correction": [bool]})
def compare_spend(
    data: pd.DataFrame,
    group: str,
    outcome: str,
    *,
    method: str = "auto",
    alpha: float = 0.05,
    correction: str = "holm",
    order: Sequence | None = None,
    reference: object | None = None,
    hedges_correction: str = "exact",
    continuity_correction: bool = False,
) -> SpendComparison:
    """Compare a spend that is zero for most customers: buyer share, spend among
    buyers and spend per customer, each with its own test.

    A difference in spend per customer can come from more customers buying or from
    buyers spending more; the split says which. ``method``, ``alpha``, ``correction``,
    ``order`` and ``reference`` are as in :func:`compare_means`; ``hedges_correction``
    goes to :func:`compare_means`, ``continuity_correction`` to :func:`compare_rates`.

    Raises
    ------
    DataValidationError
        Negative spend, or a group with fewer than two buyers.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"arm": ["a"] * 6 + ["b"] * 6,
    ...                    "spend": [0, 0, 0, 0, 10, 20, 0, 0, 30, 40, 50, 30]})
    >>> s = compare_spend(df, "arm", "spend")
    >>> s.summary().round(2).to_dict("index")["b"]
    {'n': 6.0, 'buyer_share': 0.67, 'spend_per_buyer': 37.5, 'spend_per_customer': 25.0}
    """
    frame, levels = prepare(data, group, outcome, kind="continuous", order=order)
    negative = frame[outcome] < 0
    if negative.any():
        # numbered from 1 in the input (prepare has refused non-numbers and left out missing values)
        in_data = (pd.to_numeric(data[outcome], errors="coerce") < 0).to_numpy() & data[group].notna().to_numpy()
        raise DataValidationError(
            f"Spend column {outcome!r} has {int(negative.sum())} negative value(s) "
            f"({_first_rows(np.flatnonzero(in_data) + 1, data[outcome].to_numpy()[in_data])}); "
            "net out returns per customer first or drop those rows."
        )
    work = frame.assign(_bought=(frame[outcome] > 0).astype(int))
    buyers = compare_rates(work, group, "_bought", alpha=alpha, correction=correction,
                           order=levels, reference=reference, continuity_correction=continuity_correction)
    buyers.outcome = f"{outcome} > 0"
    among = compare_means(work.loc[work["_bought"] == 1], group, outcome, method=method, alpha=alpha,
                          correction=correction, order=levels, reference=reference,
                          hedges_correction=hedges_correction)
    per = compare_means(work, group, outcome, method=method, alpha=alpha, correction=correction,
                        order=levels, reference=reference, hedges_correction=hedges_correction)
    summary = pd.DataFrame({
        "n": buyers.groups["n"].astype(float),
        "buyer_share": buyers.groups["rate"],
        "spend_per_buyer": among.groups["mean"],
        "spend_per_customer": per.groups["mean"],
    })
    return SpendComparison(buyers, among, per, summary)
