"""Value tiers: concentration curve, Gini coefficient and ABC (Pareto) tiers.

The *concentration curve* sorts customers from the most to the least valuable
and plots the cumulative share of customers (x) against the cumulative share of
value (y); the diagonal is perfect equality. Its area ``A`` gives the Gini
coefficient ``G = 2 A - 1``, the same number as the mean-difference formula
``sum_i sum_j |x_i - x_j| / (2 n^2 mean)`` (no small-sample correction).

ABC tiers are cut where the customers' cumulative share of value (or of
customers) reaches the given limits; the defaults (80% / 95% of value) are a
convention, not a law: on real data the top 20% of customers often hold far less
than 80%. ``method="computed"`` finds the limits from the curve itself, following
Ultsch and Lötsch (2015, PLoS ONE 10(6): e0129767): the A|B limit is the earlier
of the *Pareto point* (curve point nearest to (0, 1)) and the *break-even point*
(where the curve's slope, a customer's value over the mean value, is 1), and the
B|C limit is the *submarginal point* (curve point nearest to (x of the later of
those two points, 1)). Slopes are taken from the empirical curve, not from the
spline the R package ``ABCanalysis`` fits, so its limits can differ by a few
customers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, check_params, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.messages import msg
from analysis.results import ResultMixin

__all__ = ["Concentration", "concentration", "value_tiers", "tier_summary", "abc_limits", "top_share_statement"]

TIER_METHODS = ("value_share", "customer_share", "computed")
#: a share of customers or of value: a number in [0, 1]
_SHARE = [Interval(float, 0, 1, closed="both")]
#: a positive share: a number in (0, 1]
_POSITIVE_SHARE = [Interval(float, 0, 1, closed="right")]


def _values(values, name: str = "values", *, allow_negative: bool = False) -> np.ndarray:
    x = np.asarray(pd.Series(values).to_numpy(dtype=np.float64, na_value=np.nan))
    if x.ndim != 1 or len(x) == 0:
        raise DataValidationError(f"{name} must be a non-empty one-dimensional array of numbers.")
    nan = np.isnan(x)
    if nan.any():
        raise DataValidationError(
            f"{name} has {int(nan.sum())} missing value(s) (first at positions "
            f"{(np.flatnonzero(nan)[:5] + 1).tolist()}); fill or drop them first."
        )
    if not allow_negative and (x < 0).any():
        neg = x < 0
        raise DataValidationError(
            f"{name} has {int(neg.sum())} negative value(s) (first at positions "
            f"{(np.flatnonzero(neg)[:5] + 1).tolist()}, values {x[neg][:5].tolist()}); "
            "concentration is defined for non-negative values. Clip negatives at 0 "
            "(or use revenue instead of margin)."
        )
    if x.sum() <= 0:
        raise DataValidationError(f"{name} sum to {x.sum()}; concentration needs a positive total.")
    return x


@dataclass(frozen=True, repr=False)
class Concentration(ResultMixin):
    """Gini coefficient and concentration curve (unpack as ``gini, curve``).

    ``curve`` has columns ``share_customers`` and ``share_value``, from (0, 0)
    to (1, 1), customers sorted from the most to the least valuable.

    Examples
    --------
    >>> gini, curve = concentration([1, 1, 2, 6])
    >>> concentration([1, 1, 2, 6]).summary().round(3).to_dict("records")
    [{'gini': 0.4, 'customers': 4, 'top_20pct_share': 0.48}]
    """

    gini: float
    curve: pd.DataFrame

    def __iter__(self) -> Iterator:
        return iter((self.gini, self.curve))

    def summary(self) -> pd.DataFrame:
        """One row: ``gini``, ``customers`` and the share of value of the top 20% (``top_20pct_share``)."""
        return pd.DataFrame({"gini": [self.gini], "customers": [len(self.curve) - 1],
                             "top_20pct_share": [self.top_share(0.2)]})

    def top_share(self, top: float) -> float:
        """Share of value held by the top ``top`` fraction of customers (linear between points).

        Examples
        --------
        >>> concentration([1, 1, 2, 6]).top_share(0.25)
        0.6
        """
        check_params({"top": _SHARE}, {"top": top}, "Concentration.top_share")
        return float(np.interp(top, self.curve["share_customers"], self.curve["share_value"]))

    def customers_for_share(self, share: float) -> float:
        """Smallest fraction of customers whose value reaches ``share`` of the total.

        Examples
        --------
        >>> concentration([1, 1, 2, 6]).customers_for_share(0.6)
        0.25
        """
        check_params({"share": _SHARE}, {"share": share}, "Concentration.customers_for_share")
        x = self.curve["share_customers"].to_numpy()
        y = self.curve["share_value"].to_numpy()
        # y is non-decreasing; the first point reaching the share, interpolated back
        i = int(np.searchsorted(y, share - 1e-12, side="left"))
        if i == 0:
            return 0.0
        if y[i] == y[i - 1]:
            return float(x[i])
        return float(x[i - 1] + (share - y[i - 1]) / (y[i] - y[i - 1]) * (x[i] - x[i - 1]))


def concentration(values) -> Concentration:
    """Gini coefficient and concentration curve of non-negative values (e.g. revenue).

    Parameters
    ----------
    values : array-like of float
        One non-negative value per customer, positive total.

    Returns
    -------
    Concentration
        ``gini`` and ``curve`` (unpacks as ``gini, curve``); see :class:`Concentration`.

    Examples
    --------
    >>> c = concentration([1.0, 1.0, 2.0, 6.0])
    >>> round(c.gini, 3)
    0.4
    >>> c.curve.round(2).values.tolist()
    [[0.0, 0.0], [0.25, 0.6], [0.5, 0.8], [0.75, 0.9], [1.0, 1.0]]
    """
    x = np.sort(_values(values))[::-1]
    n = len(x)
    share_value = np.concatenate([[0.0], np.cumsum(x) / x.sum()])
    share_value[-1] = 1.0
    share_customers = np.arange(n + 1) / n
    # trapezoid area under the descending curve; G = 2A - 1
    area = np.sum((share_value[1:] + share_value[:-1]) / 2) / n
    gini = float(2 * area - 1)
    curve = pd.DataFrame({"share_customers": share_customers, "share_value": share_value})
    return Concentration(gini, curve)


def abc_limits(values) -> dict[str, float | int]:
    """Computed ABC limits of Ultsch and Lötsch (2015) on the empirical curve.

    Returns
    -------
    dict
        ``pareto_x/pareto_y``, ``break_even_x/break_even_y``, ``ab_x/ab_y`` (A|B
        limit), ``bc_x/bc_y`` (B|C limit) as shares of customers / value, and
        ``n_a``, ``n_b``, ``n_c`` (customer counts).

    Examples
    --------
    >>> lim = abc_limits([100, 50, 10, 5, 5, 4, 3, 2, 1, 1])
    >>> lim["n_a"], lim["n_b"], lim["n_c"]
    (2, 1, 7)
    """
    x = np.sort(_values(values))[::-1]
    n = len(x)
    effort = np.arange(1, n + 1) / n
    yield_ = np.cumsum(x) / x.sum()
    pareto = int(np.argmin(effort**2 + (1 - yield_) ** 2))
    slope = x / x.mean()  # slope of the curve's segment ending at each point
    break_even = int(np.argmin(np.abs(slope - 1)))
    ab = min(pareto, break_even)
    later = max(pareto, break_even)
    bc = int(np.argmin((effort - effort[later]) ** 2 + (1 - yield_) ** 2))
    bc = max(bc, ab)
    return {
        "pareto_x": float(effort[pareto]), "pareto_y": float(yield_[pareto]),
        "break_even_x": float(effort[break_even]), "break_even_y": float(yield_[break_even]),
        "ab_x": float(effort[ab]), "ab_y": float(yield_[ab]),
        "bc_x": float(effort[bc]), "bc_y": float(yield_[bc]),
        "n_a": ab + 1, "n_b": bc - ab, "n_c": n - bc - 1,
    }


@validate_params({"values": ["array-like"], "method": [Options(TIER_METHODS)], "cutoffs": ["array-like"],
                  "labels": ["array-like"]})
def value_tiers(
    values: pd.Series,
    *,
    method: str = "value_share",
    cutoffs: Sequence[float] = (0.8, 0.95),
    labels: Sequence[str] = ("A", "B", "C"),
) -> pd.DataFrame:
    """ABC / Pareto tiers of customers by value.

    Customers are ranked by value, highest first, ties broken by the index
    (``customer_id``) order, so tiers are deterministic.

    Parameters
    ----------
    values : Series
        Value per customer (revenue, or margin), indexed by ``customer_id``.
        Negative values (loss-making customers) are ranked last and count as 0
        towards the cumulative share.
    method : {"value_share", "customer_share", "computed"}
        ``"value_share"``: a tier holds the top customers who together *reach* the
        next cut-off of cumulative value (the customer who crosses 80% is in A).
        ``"customer_share"``: the cut-offs are shares of customers (top 20% = A).
        ``"computed"``: limits from :func:`abc_limits` (``cutoffs`` ignored).
    cutoffs : sequence of float
        Increasing limits in (0, 1], one fewer than ``labels``.
    labels : sequence of str
        Tier names, best first.

    Returns
    -------
    DataFrame
        Indexed like ``values`` (sorted by rank): ``value``, ``rank`` (1 = most
        valuable), ``cum_share_customers``, ``cum_share_value``, ``tier``
        (categorical in ``labels`` order).

    Examples
    --------
    >>> import pandas as pd
    >>> v = pd.Series([50.0, 30.0, 10.0, 6.0, 4.0], index=list("abcde"))
    >>> value_tiers(v)["tier"].tolist()
    ['A', 'A', 'B', 'B', 'C']
    >>> value_tiers(v, method="customer_share", cutoffs=(0.2, 0.6))["tier"].tolist()
    ['A', 'B', 'B', 'C', 'C']
    """
    labels = [str(lab) for lab in labels]
    if not isinstance(values, pd.Series):
        values = pd.Series(values)
    x = _values(values, "values", allow_negative=True)
    positive = np.clip(x, 0, None)
    if positive.sum() <= 0:
        raise DataValidationError("No customer has a positive value; tiers need a positive total.")
    order = np.lexsort((np.arange(len(x)), -x))  # value desc, then original (index) order
    sorted_pos = positive[order]
    n = len(x)
    cum_value = np.cumsum(sorted_pos) / sorted_pos.sum()
    cum_customers = np.arange(1, n + 1) / n
    if method == "computed":
        if len(labels) != 3:
            raise ParameterError("method='computed' makes three tiers; give three labels.")
        lim = abc_limits(sorted_pos)
        tier_index = np.where(np.arange(n) < lim["n_a"], 0, np.where(np.arange(n) < lim["n_a"] + lim["n_b"], 1, 2))
    else:
        for c in cutoffs:
            check_params({"cutoffs": _POSITIVE_SHARE}, {"cutoffs": c}, "value_tiers")
        cuts = [float(c) for c in cutoffs]
        if len(cuts) != len(labels) - 1:
            raise ParameterError(
                f"Give one cut-off fewer than labels: {len(labels)} labels need {len(labels) - 1} "
                f"cut-offs; got {len(cuts)}."
            )
        if any(b <= a for a, b in zip(cuts, cuts[1:])):
            raise ParameterError(f"cutoffs must increase; got {list(cutoffs)}.")
        if method == "value_share":
            before = np.concatenate([[0.0], cum_value[:-1]])
            # a customer belongs to the first tier whose cut-off was not yet reached before them
            tier_index = np.searchsorted(np.asarray(cuts) - 1e-12, before, side="right")
        else:
            before = np.arange(n) / n
            tier_index = np.searchsorted(np.asarray(cuts) - 1e-12, before, side="right")
        tier_index = np.minimum(tier_index, len(labels) - 1)
    out = pd.DataFrame(
        {
            "value": x[order],
            "rank": np.arange(1, n + 1),
            "cum_share_customers": cum_customers,
            "cum_share_value": cum_value,
            "tier": pd.Categorical(np.asarray(labels, dtype=object)[tier_index], categories=labels),
        },
        index=values.index[order],
    )
    return out


def tier_summary(tiers: pd.DataFrame) -> pd.DataFrame:
    """Customers, value, smallest value and shares per tier (from :func:`value_tiers`).

    Examples
    --------
    >>> import pandas as pd
    >>> t = value_tiers(pd.Series([50.0, 30.0, 10.0, 6.0, 4.0], index=list("abcde")))
    >>> tier_summary(t)[["customers", "value_share"]].round(2).to_dict("index")
    {'A': {'customers': 2, 'value_share': 0.8}, 'B': {'customers': 2, 'value_share': 0.16}, 'C': {'customers': 1, 'value_share': 0.04}}
    """
    return tiers.groupby("tier", observed=False).agg(
        customers=("value", "size"), value=("value", "sum"), min_value=("value", "min")).assign(
        customer_share=lambda d: d["customers"] / d["customers"].sum(),
        value_share=lambda d: d["value"] / d["value"].sum())


@validate_params({"top": _SHARE, "what": [str]})
def top_share_statement(values, top: float = 0.2, *, what: str = "revenue",
                        language: str | None = None) -> str:
    """The sentence "The top x% of customers bring y% of revenue", computed.

    Examples
    --------
    >>> top_share_statement([1.0, 1.0, 2.0, 6.0], 0.25)
    'The top 25% of customers bring 60.0% of revenue.'
    """
    share = concentration(values).top_share(top)
    label = msg(f"segmentation.what.{what}", language=language) if what in ("revenue", "margin") else what
    return msg("segmentation.finding.top_share", language=language, top=top, share=share, what=label)
