"""Cross-selling and value-added services: which categories customers buy, and which go together.

Transactions that carry a ``category`` (the product or service category of the
purchase) answer four questions:

* **adoption**: the share of customers who bought each category (Wilson intervals);
* **breadth**: how many categories each customer buys, and the **cross-sell rate**,
  the share of customers buying at least two;
* **value-added sales**: revenue from the categories the study calls value-added
  services, per period and as a share of revenue;
* **association rules**: which categories are bought together, on customer baskets
  (everything a customer ever bought) or order baskets (``order_id``). A rule
  ``X -> y`` has *support* (share of baskets holding X and y), *confidence* (share of
  baskets with X that also hold y) and *lift* (confidence over y's own share; 1 =
  independence). A lift computed from a dozen baskets is noise, so each rule also
  has its *leverage* (support minus the support expected under independence) and
  the one-sided Fisher exact test of independence (the hypergeometric tail),
  Holm-corrected over the rules listed.

Examples
--------
>>> import pandas as pd
>>> tx = pd.DataFrame({"customer_id": list("aabbc"), "category": ["x", "y", "x", "y", "x"],
...                    "amount": [1.0, 2.0, 3.0, 4.0, 5.0]})
>>> cross_sell_rate(tx)["estimate"].round(3).tolist()
[0.667]
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.multitest import multipletests

from analysis.channels import wilson_interval
from analysis.checks import Interval, Options, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.results import order_estimate_columns
from analysis.retention.cohorts import PERIODS, period_bounds

__all__ = [
    "category_adoption", "categories_per_customer", "cross_sell_rate", "value_added_sales",
    "association_rules", "rule_baskets", "category_purchases", "period_labels", "require_columns",
]

_ALPHA = [Interval(float, 0.0, 0.5, closed="neither")]
_SHARE = [Interval(float, 0.0, 1.0, closed="both")]


def require_columns(frame: pd.DataFrame, columns: Sequence[str], table: str, parameter: str) -> None:
    """A :class:`DataValidationError` naming the columns *frame* lacks and the parameter that names them.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["b"], "transactions", "category")
    Traceback (most recent call last):
    ...
    analysis.errors.DataValidationError: the transactions table has no column 'b' (set by category); name a column it has: a
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataValidationError(
            f"the {table} table has no column {missing[0]!r} (set by {parameter}); name a column it has: "
            f"{', '.join(map(str, frame.columns))}")


def period_labels(dates: pd.Series, period: str) -> pd.Series:
    """Each date's period (``month`` or ``quarter``) as a pandas Period.

    Examples
    --------
    >>> period_labels(pd.Series(pd.to_datetime(["2024-02-10", "2024-05-01"])), "quarter").astype(str).tolist()
    ['2024Q1', '2024Q2']
    """
    if period not in PERIODS:
        raise ParameterError(f"period must be one of {sorted(PERIODS)}; got {period!r}")
    return dates.dt.tz_localize(None).dt.to_period(PERIODS[period]) if dates.dt.tz is not None \
        else dates.dt.to_period(PERIODS[period])


def category_purchases(customers: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Purchases by category from a customers table with one spend column per category (no dates).

    Data without a transaction log often hold each customer's spend per product line (iFood's
    ``MntWines``, ``MntFruits``, ...). Each positive amount becomes one row: the customer bought
    that category. Adoption, the cross-sell rate and customer-basket rules work on the result;
    anything per period needs dates and does not.

    Returns
    -------
    DataFrame
        ``customer_id``, ``category`` (the column's name), ``amount`` (the column's value, > 0).

    Examples
    --------
    >>> cu = pd.DataFrame({"customer_id": ["a", "b"], "wine": [10.0, 0.0], "fish": [5.0, 2.0]})
    >>> category_purchases(cu, ["wine", "fish"]).values.tolist()
    [['a', 'wine', 10.0], ['a', 'fish', 5.0], ['b', 'fish', 2.0]]
    """
    if not columns:
        raise ParameterError("category_spend_columns is empty: list the customers table's spend column of each category")
    require_columns(customers, ["customer_id", *columns], "customers", "category_spend_columns")
    spend = customers.set_index(customers["customer_id"].astype(str))[list(columns)].apply(pd.to_numeric, errors="coerce")
    long = spend.stack().rename("amount").reset_index()
    long.columns = ["customer_id", "category", "amount"]
    return long[long["amount"] > 0].reset_index(drop=True)


def _known(transactions: pd.DataFrame, category: str, observation_end: pd.Timestamp | None = None) -> pd.DataFrame:
    require_columns(transactions, ["customer_id", category], "transactions", "category")
    known = transactions[transactions[category].notna()]
    if observation_end is not None and "date" in known.columns:  # purchases without dates are all kept
        known = known[known["date"] < observation_end + pd.Timedelta(days=1)]
    if known.empty:
        raise DataValidationError(f"the transactions' {category!r} column is empty: no purchase has a category")
    return known


def _proportions(x: np.ndarray, n: np.ndarray, alpha: float) -> dict[str, np.ndarray]:
    p = x / n
    low, high = wilson_interval(x, n, alpha)
    return {"estimate": p, "std_error": np.sqrt(p * (1 - p) / n), "ci_low": low, "ci_high": high}


@validate_params({"alpha": _ALPHA})
def category_adoption(transactions: pd.DataFrame, *, category: str = "category",
                      observation_end: pd.Timestamp | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Share of customers who bought each category, with its Wilson interval, and its revenue.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions with ``customer_id``, ``amount`` (optional) and *category*.
    category : str
        The category column. Purchases without a category are left out.
    observation_end : Timestamp, optional
        Last day of data used (None: all); the same in every function of this module.
    alpha : float
        One minus the confidence level.

    Returns
    -------
    DataFrame
        Indexed by category, most adopted first: ``estimate`` (share of customers who bought it),
        ``std_error``, ``ci_low``, ``ci_high`` (Wilson), ``p_value`` (NaN), ``customers`` (who bought
        it), ``customers_total`` (customers with a categorised purchase), ``orders``, ``revenue``
        and ``revenue_share`` (NaN without ``amount``).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabc"), "category": list("xyxx"), "amount": [1.0, 3.0, 1.0, 1.0]})
    >>> category_adoption(tx)[["customers", "estimate", "revenue_share"]].round(2)
              customers  estimate  revenue_share
    category
    x                 3      1.00           0.5
    y                 1      0.33           0.5
    """
    known = _known(transactions, category, observation_end)
    total = known["customer_id"].nunique()
    groups = known.groupby(category, observed=True)
    out = pd.DataFrame({"customers": groups["customer_id"].nunique(), "orders": groups.size()})
    amounts = groups["amount"].sum() if "amount" in known.columns else pd.Series(np.nan, index=out.index)
    out["revenue"] = amounts.astype(float)
    out["revenue_share"] = out["revenue"] / out["revenue"].sum() if "amount" in known.columns else np.nan
    out["customers_total"] = total
    out = out.assign(**_proportions(out["customers"].to_numpy(float), np.full(len(out), float(total)), alpha))
    out.index = out.index.astype(str).rename("category")
    return order_estimate_columns(out.sort_values(["customers", "revenue"], ascending=False))


def categories_per_customer(transactions: pd.DataFrame, *, category: str = "category",
                            observation_end: pd.Timestamp | None = None) -> pd.DataFrame:
    """How many customers bought 1, 2, ... distinct categories.

    Returns
    -------
    DataFrame
        Indexed by ``n_categories``: ``customers`` and ``share`` of customers with a categorised purchase.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabc"), "category": list("xyxx")})
    >>> categories_per_customer(tx)["customers"].tolist()
    [2, 1]
    """
    counts = _known(transactions, category, observation_end).groupby("customer_id")[category].nunique()
    out = counts.value_counts().sort_index().rename("customers").to_frame()
    out.index = out.index.astype(int).rename("n_categories")
    out["share"] = out["customers"] / out["customers"].sum()
    return out


@validate_params({"alpha": _ALPHA, "min_categories": [Interval(int, 2, None, closed="left")]})
def cross_sell_rate(transactions: pd.DataFrame, *, category: str = "category", min_categories: int = 2,
                    observation_end: pd.Timestamp | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """The cross-sell rate: share of customers who bought at least *min_categories* categories.

    Returns
    -------
    DataFrame
        One row (index ``cross_sell_rate``): ``estimate``, ``std_error``, ``ci_low``, ``ci_high`` (Wilson),
        ``p_value`` (NaN), ``cross_buyers``, ``customers``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabc"), "category": list("xyxx")})
    >>> cross_sell_rate(tx)[["cross_buyers", "customers"]].values.tolist()
    [[1, 3]]
    """
    counts = _known(transactions, category, observation_end).groupby("customer_id")[category].nunique()
    x, n = int((counts >= min_categories).sum()), len(counts)
    out = pd.DataFrame({k: v for k, v in _proportions(np.array([float(x)]), np.array([float(n)]), alpha).items()},
                       index=pd.Index(["cross_sell_rate"], name="kpi"))
    out["cross_buyers"], out["customers"] = x, n
    return order_estimate_columns(out)


@validate_params({"alpha": _ALPHA, "period": [Options(set(PERIODS))]})
def value_added_sales(transactions: pd.DataFrame, value_added_categories: Sequence[str], *, period: str = "quarter",
                      observation_end: pd.Timestamp | None = None, category: str = "category",
                      alpha: float = 0.05) -> pd.DataFrame:
    """Sales of value-added services per period, with an interval, and their share of revenue.

    The interval of a period's sales treats that period's buying customers as a sample:
    total = n x mean spend on value-added services per buying customer, with the Student-t
    interval of the mean scaled by n (the sampling variability of the KPI, not of the books).

    Parameters
    ----------
    transactions : DataFrame
        ``customer_id``, ``date``, ``amount`` and *category*.
    value_added_categories : sequence of str
        The categories that are value-added services.
    period : {"month", "quarter"}
    observation_end : Timestamp, optional
        Last day of data; a period ending after it is marked ``full = False``. None: the last purchase day.
    category : str
    alpha : float

    Returns
    -------
    DataFrame
        Indexed by ``period`` (text, e.g. ``2024Q1``): ``estimate`` (value-added sales, money),
        ``std_error``, ``ci_low``, ``ci_high``, ``p_value`` (NaN), ``revenue`` (all sales),
        ``share`` (value-added share of revenue), ``customers`` (buying customers), ``full``
        (the period is wholly observed).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aab"), "category": ["x", "svc", "svc"], "amount": [10.0, 5.0, 5.0],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-02-03"])})
    >>> value_added_sales(tx, ["svc"], period="month")[["estimate", "revenue", "share"]]
             estimate  revenue  share
    period
    2024-01       0.0     10.0    0.0
    2024-02      10.0     10.0    1.0
    """
    require_columns(transactions, ["customer_id", "date", "amount", category], "transactions", "category")
    if not value_added_categories:
        raise ParameterError("value_added_categories is empty: list the categories that are value-added services")
    end = transactions["date"].max().normalize() if observation_end is None else observation_end
    tx = transactions[transactions["date"] < end + pd.Timedelta(days=1)]
    per = tx.assign(period=period_labels(tx["date"], period),
                    va=np.where(tx[category].isin(list(value_added_categories)), tx["amount"], 0.0))
    by = per.groupby(["period", "customer_id"], observed=True).agg(va=("va", "sum"), revenue=("amount", "sum"))
    g = by.groupby(level="period")
    n, mean, sd = g.size().astype(float), g["va"].mean(), g["va"].std(ddof=1).fillna(0.0)
    se = np.sqrt(n) * sd
    q = stats.t.ppf(1 - alpha / 2, np.maximum(n - 1, 1))
    out = pd.DataFrame({"estimate": n * mean, "std_error": se, "revenue": g["revenue"].sum(), "customers": n.astype(int)})
    out["ci_low"] = np.where(n > 1, out["estimate"] - q * se, np.nan)
    out["ci_high"] = np.where(n > 1, out["estimate"] + q * se, np.nan)
    out["share"] = out["estimate"] / out["revenue"]
    latest = period_bounds(period, end)
    out["full"] = [p <= latest for p in out.index]
    out.index = out.index.astype(str).rename("period")
    return order_estimate_columns(out)[["estimate", "std_error", "ci_low", "ci_high", "p_value", "revenue", "share",
                                        "customers", "full"]]


def rule_baskets(transactions: pd.DataFrame, basket: str = "customer_id", *, category: str = "category",
                 order: str = "order_id") -> list[str]:
    """The basket columns association rules are worth computing on: *basket* (when the table has it),
    and the *order* column too when at least one order holds two or more categories.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aab"), "order_id": ["o1", "o1", "o2"], "category": list("xyx")})
    >>> rule_baskets(tx), rule_baskets(tx.assign(order_id=["o1", "o2", "o3"]))
    (['customer_id', 'order_id'], ['customer_id'])
    """
    out = [basket] if basket in transactions.columns else []
    if order != basket and order in transactions.columns and category in transactions.columns:
        if (transactions.groupby(order)[category].nunique() >= 2).any():
            out.append(order)
    return out


def _baskets(transactions: pd.DataFrame, basket: str, category: str, observation_end) -> pd.DataFrame:
    require_columns(transactions, [basket], "transactions", "basket")
    known = _known(transactions, category, observation_end)
    known = known[known[basket].notna()]
    return pd.crosstab(known[basket], known[category].astype(str)) > 0


@validate_params({"alpha": _ALPHA, "min_support": _SHARE, "min_confidence": _SHARE,
                  "max_length": [Interval(int, 2, 4, closed="both")]})
def association_rules(transactions: pd.DataFrame, *, basket: str = "customer_id", category: str = "category",
                      min_support: float = 0.01, min_confidence: float = 0.1, max_length: int = 2,
                      observation_end: pd.Timestamp | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Association rules ``X -> y`` between categories, with a test of chance co-occurrence.

    Every itemset of up to *max_length* categories whose support reaches *min_support*
    is enumerated exactly (the category sets are small); each yields the rules with one
    category as consequent, kept when their confidence reaches *min_confidence*.

    Parameters
    ----------
    transactions : DataFrame
        Rows with *basket* and *category*.
    basket : str
        What a basket is: ``customer_id`` (everything a customer bought) or ``order_id`` (one order).
    category : str
    min_support, min_confidence : float in [0, 1]
    max_length : int in [2, 4]
        Largest itemset (antecedent plus consequent).
    alpha : float
        Level of the Holm-corrected tests (``significant``).

    Returns
    -------
    DataFrame
        One row per rule, highest lift first: ``antecedent`` (categories joined by " + "),
        ``consequent``, ``n_baskets``, ``n_antecedent``, ``n_consequent``, ``n_both`` (baskets holding
        both), ``support``, ``confidence``, ``expected_confidence`` (the consequent's own support),
        ``lift``, ``leverage`` (support minus antecedent support x consequent support), ``p_value``
        (one-sided Fisher exact test that X and y co-occur more than by chance), ``p_adjusted`` (Holm,
        over the rules listed) and ``significant`` (``p_adjusted < alpha``).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabbcd"), "category": list("xyxyxz")})
    >>> association_rules(tx, min_support=0.3)[["antecedent", "consequent", "n_both", "confidence", "lift"]].round(3)
      antecedent consequent  n_both  confidence   lift
    0          y          x       2       1.000  1.333
    1          x          y       2       0.667  1.333
    """
    matrix = _baskets(transactions, basket, category, observation_end)
    n = len(matrix)
    values, names = matrix.to_numpy(), list(matrix.columns)
    support = values.sum(axis=0) / n
    frequent = [i for i in range(len(names)) if support[i] >= min_support]
    rows = []
    for size in range(2, max_length + 1):
        for items in combinations(frequent, size):
            both = values[:, list(items)].all(axis=1)
            n_both = int(both.sum())
            if n_both / n < min_support or n_both == 0:
                continue
            for consequent in items:
                ante = [i for i in items if i != consequent]
                n_ante = int(values[:, ante].all(axis=1).sum())
                n_cons = int(values[:, consequent].sum())
                rows.append({"antecedent": " + ".join(names[i] for i in ante), "consequent": names[consequent],
                             "n_baskets": n, "n_antecedent": n_ante, "n_consequent": n_cons, "n_both": n_both})
    columns = ["antecedent", "consequent", "n_baskets", "n_antecedent", "n_consequent", "n_both", "support",
               "confidence", "expected_confidence", "lift", "leverage", "p_value", "p_adjusted", "significant"]
    out = pd.DataFrame(rows, columns=columns[:6])
    out["support"] = out["n_both"] / n
    out["confidence"] = out["n_both"] / out["n_antecedent"]
    out = out[out["confidence"] >= min_confidence].reset_index(drop=True)
    if out.empty:
        return pd.DataFrame({c: pd.Series(dtype=bool if c == "significant" else object if c in columns[:2] else float)
                             for c in columns})
    out["expected_confidence"] = out["n_consequent"] / n
    out["lift"] = out["confidence"] / out["expected_confidence"]
    out["leverage"] = out["support"] - out["n_antecedent"] / n * out["expected_confidence"]
    out["p_value"] = stats.hypergeom.sf(out["n_both"] - 1, n, out["n_consequent"], out["n_antecedent"])
    out["p_adjusted"] = multipletests(out["p_value"].to_numpy(float), method="holm")[1]
    out["significant"] = out["p_adjusted"] < alpha
    out = out.sort_values(["lift", "n_both"], ascending=False, kind="stable").reset_index(drop=True)
    return out[columns]
