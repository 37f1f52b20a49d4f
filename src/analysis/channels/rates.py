"""Rates by channel: Wilson intervals, the chi-square test, pairwise differences.

A rate is the share of rows with a 1 in a binary outcome column (converted,
visited, retained, complained). :func:`compare_rates` gives per-channel rates with
Wilson score intervals, the omnibus Pearson chi-square test of equal rates with
Cramér's V, and every pair of channels with the difference (Newcombe's hybrid
score interval), the ratio (log interval), Cohen's h and a two-proportion z-test
whose p-values are corrected for multiple comparisons (Holm by default).

Pairwise intervals are at the unadjusted ``1 - alpha`` level; the corrected
p-values are what decides significance across the family of pairs.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from itertools import combinations
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from analysis.channels._common import ALPHA, COLUMN, CORRECTION, FRAME, adjust_pvalues, omnibus_frame, prepare
from analysis.checks import validate_params
from analysis.errors import AnalysisWarning, DataValidationError
from analysis.messages import msg
from analysis.results import ResultMixin, order_estimate_columns

__all__ = [
    "RateComparison",
    "compare_rates",
    "wilson_interval",
    "newcombe_interval",
    "ratio_interval",
    "cohens_h",
    "cramers_v",
]


@validate_params({"alpha": ALPHA})
def wilson_interval(successes, n, alpha: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a proportion.

    Parameters
    ----------
    successes, n : int or array-like
        Number of successes and trials (``0 <= successes <= n``, ``n > 0``).
    alpha : float
        One minus the confidence level.

    Returns
    -------
    (low, high) : tuple of numpy arrays (0-d for scalar input)

    Examples
    --------
    >>> low, high = wilson_interval(8, 20)
    >>> round(float(low), 4), round(float(high), 4)
    (0.2188, 0.6134)
    >>> float(wilson_interval(0, 9)[0])
    0.0
    """
    x = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = stats.norm.isf(alpha / 2)
    p = x / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    # at 0 (or n) successes the bound is exactly 0 (or 1); rounding left 1.7e-18 there,
    # a lower bound above the rate itself
    low = np.where(x == 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(x == n, 1.0, np.clip(centre + half, 0.0, 1.0))
    return low, high


@validate_params({"alpha": ALPHA})
def newcombe_interval(x1, n1, x2, n2, alpha: float = 0.05) -> tuple[float, float]:
    """Newcombe's hybrid score interval for the difference ``p1 - p2`` (his method 10).

    Built from the two Wilson intervals; well behaved at rates of 0 or 1, unlike the
    Wald interval.

    Examples
    --------
    >>> low, high = newcombe_interval(56, 70, 48, 80)
    >>> round(low, 4), round(high, 4)
    (0.0524, 0.3339)
    """
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1, alpha)
    l2, u2 = wilson_interval(x2, n2, alpha)
    d = p1 - p2
    low = d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return float(low), float(high)


@validate_params({"alpha": ALPHA})
def ratio_interval(x1, n1, x2, n2, alpha: float = 0.05) -> tuple[float, float, float]:
    """Rate ratio ``p1 / p2`` with the log (Katz) interval.

    Returns ``(ratio, low, high)``; the ratio is NaN when ``p2 = 0`` and the interval is
    NaN when either count is 0 (the log interval does not exist there).

    Examples
    --------
    >>> [round(v, 4) for v in ratio_interval(20, 100, 10, 100)]
    [2.0, 0.9866, 4.0545]
    """
    p1, p2 = x1 / n1, x2 / n2
    ratio = p1 / p2 if p2 > 0 else np.nan
    if x1 == 0 or x2 == 0:
        return float(ratio), np.nan, np.nan
    se = np.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    z = stats.norm.isf(alpha / 2)
    return float(ratio), float(ratio * np.exp(-z * se)), float(ratio * np.exp(z * se))


def cohens_h(p1, p2):
    """Cohen's h effect size for two proportions: ``2 asin(sqrt p1) - 2 asin(sqrt p2)``.

    Conventional reading: 0.2 small, 0.5 medium, 0.8 large.

    Examples
    --------
    >>> round(float(cohens_h(0.5, 0.3)), 4)
    0.4115
    """
    return 2 * np.arcsin(np.sqrt(p1)) - 2 * np.arcsin(np.sqrt(p2))


def cramers_v(table) -> float:
    """Cramér's V of a contingency table (no bias correction).

    Examples
    --------
    >>> round(cramers_v([[10, 20], [20, 10]]), 4)
    0.3333
    """
    t = np.asarray(table, dtype=float)
    chi2 = stats.chi2_contingency(t, correction=False)[0]
    return float(np.sqrt(chi2 / (t.sum() * (min(t.shape) - 1))))


@dataclass(repr=False)
class RateComparison(ResultMixin):
    """Result of :func:`compare_rates`.

    Attributes
    ----------
    groups : DataFrame
        Indexed by group: ``n``, ``successes``, ``rate``, ``ci_low``, ``ci_high``
        (Wilson interval). Also returned by :meth:`summary`.
    omnibus : DataFrame
        One row: ``test`` ("Pearson chi-square"), ``statistic``, ``df``, ``p_value``,
        ``cramers_v`` (from the uncorrected statistic), ``n``, ``min_expected`` (smallest
        expected cell count), ``continuity_correction`` (True when Yates' correction was
        applied: asked for and the table is 2 x 2).
    pairwise : DataFrame
        One row per pair, in the package's estimate shape: ``estimate`` (rate a -
        rate b), ``std_error`` (unpooled, ``sqrt(pa(1-pa)/na + pb(1-pb)/nb)``),
        ``ci_low``/``ci_high`` (Newcombe), ``p_value`` (two-proportion z-test), then
        ``group_a``, ``group_b``, ``rate_a``, ``rate_b``, ``ratio``,
        ``ratio_ci_low``/``ratio_ci_high`` (log interval), ``cohens_h``,
        ``statistic`` (z), ``p_adjusted``, ``significant``.
    outcome, group, alpha, correction : settings used.
    """

    groups: pd.DataFrame
    omnibus: dict
    pairwise: pd.DataFrame
    outcome: str
    group: str
    alpha: float
    correction: str
    notes: list[str] = field(default_factory=list)

    def summary(self) -> pd.DataFrame:
        """The rate of each group with its Wilson interval (:attr:`groups`)."""
        return self.groups


def _unpooled_se(p1, n1, p2, n2) -> float:
    """Standard error of a difference of two independent proportions (not pooled)."""
    return float(np.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2))


def _two_prop_z(x1, n1, x2, n2) -> tuple[float, float]:
    p = (x1 + x2) / (n1 + n2)
    se = np.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    if se == 0:
        return np.nan, np.nan
    z = (x1 / n1 - x2 / n2) / se
    return float(z), float(2 * stats.norm.sf(abs(z)))


@validate_params({"data": FRAME, "group": COLUMN, "outcome": COLUMN, "alpha": ALPHA,
                  "correction": CORRECTION, "continuity_correction": [bool]})
def compare_rates(
    data: pd.DataFrame,
    group: str,
    outcome: str,
    *,
    alpha: float = 0.05,
    correction: str = "holm",
    order: Sequence | None = None,
    reference: object | None = None,
    continuity_correction: bool = False,
) -> RateComparison:
    """Compare a binary outcome's rate across channels.

    Parameters
    ----------
    data : DataFrame
        One row per customer or contact.
    group : str
        Column naming the channel or arm.
    outcome : str
        Column holding 0/1 (or True/False).
    alpha : float
        One minus the confidence level of every interval, and the significance level.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}
        Multiple-comparison correction of the pairwise p-values.
    order : sequence, optional
        Order of the groups (default: sorted, or the categorical order).
    reference : optional
        When given, only pairs of each other group against this one (e.g. a control
        arm), with the reference as ``group_b``.
    continuity_correction : bool
        Apply Yates' continuity correction to the chi-square test of a 2 x 2 table
        (two groups). Default False: the plain Pearson statistic, as SciPy's
        ``chi2_contingency(correction=False)``; R's ``chisq.test`` and SciPy apply the
        correction by default, so pass True to reproduce them. Larger tables are never
        corrected (as in R).

    Returns
    -------
    RateComparison

    Raises
    ------
    DataValidationError
        Non-binary outcome values, fewer than two groups, or a group with fewer than
        two rows.

    Notes
    -----
    A channel where every row (or no row) converted is kept: its Wilson interval
    stays inside [0, 1] and the Newcombe difference interval is valid; the ratio's
    log interval is NaN there. If the outcome is constant over all rows, the
    chi-square test is undefined and reported as NaN with a warning.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"channel": ["web"] * 50 + ["store"] * 50,
    ...                    "bought": [1] * 20 + [0] * 30 + [1] * 10 + [0] * 40})
    >>> res = compare_rates(df, "channel", "bought")
    >>> res.groups["rate"].round(2).to_dict()
    {'store': 0.2, 'web': 0.4}
    >>> round(float(res.omnibus.loc[0, "p_value"]), 4)
    0.0291
    """
    frame, levels = prepare(data, group, outcome, kind="binary", order=order)
    grouped = frame.groupby(group, observed=True, sort=False)[outcome]
    n = grouped.size().reindex(levels).astype(int)
    x = grouped.sum().reindex(levels).round().astype(int)
    low, high = wilson_interval(x.to_numpy(), n.to_numpy(), alpha)
    groups = pd.DataFrame(
        {"n": n, "successes": x, "rate": x / n, "ci_low": low, "ci_high": high}
    )
    groups.index.name = group
    table = np.column_stack([x.to_numpy(), (n - x).to_numpy()])
    notes: list[str] = []
    if x.sum() == 0 or x.sum() == n.sum():
        warnings.warn(
            f"Column {outcome!r} is {int(x.iloc[0] > 0)} in every row; the chi-square test is undefined.",
            AnalysisWarning,
            stacklevel=3,
        )
        chi2 = dof = pval = v = min_exp = np.nan
        yates = False
    else:
        yates = continuity_correction and table.shape == (2, 2)
        chi2, pval, dof, expected = stats.chi2_contingency(table, correction=yates)
        v = cramers_v(table)
        min_exp = float(expected.min())
        if min_exp < 5:
            notes.append(
                f"Smallest expected count is {min_exp:.1f} (< 5); the chi-square p-value is approximate."
            )
            warnings.warn(notes[-1], AnalysisWarning, stacklevel=3)
    omnibus = omnibus_frame(test=msg("labels.test.pearson_chi2"), statistic=float(chi2), df=float(dof),
                            p_value=float(pval),
                            cramers_v=float(v), n=int(n.sum()), min_expected=float(min_exp),
                            continuity_correction=bool(yates))
    if reference is not None:
        if reference not in levels:
            raise DataValidationError(
                f"reference {reference!r} is not a group of {group!r}; groups are {levels}."
            )
        pairs = [(g, reference) for g in levels if g != reference]
    else:
        pairs = list(combinations(levels, 2))
    rows = []
    for a, b in pairs:
        x1, n1, x2, n2 = int(x[a]), int(n[a]), int(x[b]), int(n[b])
        p1, p2 = x1 / n1, x2 / n2
        dl, dh = newcombe_interval(x1, n1, x2, n2, alpha)
        ratio, rl, rh = ratio_interval(x1, n1, x2, n2, alpha)
        z, p = _two_prop_z(x1, n1, x2, n2)
        rows.append(
            {
                "estimate": p1 - p2, "std_error": _unpooled_se(p1, n1, p2, n2), "ci_low": dl, "ci_high": dh,
                "p_value": p, "group_a": a, "group_b": b, "rate_a": p1, "rate_b": p2, "ratio": ratio,
                "ratio_ci_low": rl, "ratio_ci_high": rh, "cohens_h": float(cohens_h(p1, p2)), "statistic": z,
            }
        )
    pairwise = order_estimate_columns(pd.DataFrame(rows))
    pairwise["p_adjusted"] = adjust_pvalues(pairwise["p_value"].to_numpy(), correction)
    pairwise["significant"] = pairwise["p_adjusted"] < alpha
    return RateComparison(groups, omnibus, pairwise, outcome, group, alpha, correction, notes)
