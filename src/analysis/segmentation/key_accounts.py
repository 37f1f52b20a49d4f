"""Key accounts (大客户): identification by a weighted score, the portfolio matrix, and profiles.

*Identification.* Each customer gets up to three components, each turned into a
percentile rank among the customers who have it (ties share their average rank,
so the scale of a component does not matter):

``value``            current value: spend (or margin, with a margin rate; purchases in a log
                     without amounts) in the last ``window_days`` before the observation end;
``growth``           growth potential: the change in that value between the last window and
                     the one before it, or, when the customers table has a potential column,
                     the customer's expected spend over the next window minus the current spend.
                     A customer acquired during the previous window is compared with the
                     value of the purchases after its first purchase day there, per day after
                     it, scaled up to a full window (the first purchase is left out, as
                     buy-till-you-die models count repeat purchases: with it, a steady customer
                     acquired late would look like a shrinking one); one acquired in its last
                     quarter (:data:`MIN_EXPOSURE_SHARE`) or later has no growth measured (its
                     rank on growth is then the middle);
``share_of_wallet``  the share of the customer's category spend that comes to us: a share
                     column, or our window spend over a wallet column (capped at 1).

The score is the weighted mean of the percentile ranks. A component the data do
not hold is dropped and the remaining weights are renormalised to sum to 1 (the
``weights`` table says so); a customer missing one component (no wallet known,
growth not measured) gets the middle rank, 0.5, for it: neither rewarded nor
penalised for what the data do not tell.
Key accounts are the top ``count`` customers by score; ties are broken by the
current value, then by customer id, and the ``summary`` says how many customers
share the score at the cut.

*Portfolio matrix.* Current value against growth potential, cut at the medians of
the key accounts (or of all customers): high value and growing accounts are
``strategic`` (plan jointly), high value and not growing ``maintain``, lower value
and growing ``develop``, lower value and not growing ``efficient`` (serve
efficiently, review the status). A value on a median counts as high, and so does
a growth not measured (an account too new to compare: its business has just begun).

*Profiles.* One row per key account: history, value trend, products, risk and
the suggested action (:func:`key_account_profiles`), and the spend per quarter
(:func:`quarterly_values`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.messages import msg
from analysis.results import ResultMixin
from analysis.window import parse_date

__all__ = ["COMPONENTS", "DEFAULT_WEIGHTS", "QUADRANTS", "KeyAccounts", "key_account_scores",
           "weight_sensitivity", "portfolio_quadrants", "portfolio_summary"]

COMPONENTS = ("value", "growth", "share_of_wallet")
DEFAULT_WEIGHTS: dict[str, float] = {"value": 0.6, "growth": 0.3, "share_of_wallet": 0.1}
#: (value high, growth high) -> quadrant key
QUADRANTS = ("strategic", "maintain", "develop", "efficient")
_QUADRANT_OF = {(True, True): "strategic", (True, False): "maintain", (False, True): "develop",
                (False, False): "efficient"}
#: the percentile rank of a component a customer lacks (no wallet known, growth not measured): the middle
UNKNOWN_RANK = 0.5
#: a customer for less than this share of the previous window has no growth measured (too little to scale)
MIN_EXPOSURE_SHARE = 0.25
_COUNT = [Interval(int, 1, None, closed="left"), Interval(float, 0, 1, closed="neither")]


@dataclass(frozen=True, repr=False)
class KeyAccounts(ResultMixin):
    """Result of :func:`key_account_scores`.

    Attributes
    ----------
    table : DataFrame
        One row per customer (index ``customer_id``): ``first_purchase``, ``value``,
        ``previous_value``, ``spend`` (window spend; NaN without amounts),
        ``previous_exposure_days`` (days of the previous window after the first purchase day, or
        the whole window for a customer acquired before it; only when growth is the change
        between windows), ``growth`` (NaN where not measured),
        ``share_of_wallet`` (NaN where unknown), the percentile ranks ``pct_<component>``,
        ``score``, ``rank`` (1 = highest) and ``key_account`` (bool).
    weights : DataFrame
        One row per component (index ``component``): ``given`` weight, ``available``
        (bool), ``used`` weight (renormalised; 0 when dropped) and ``source`` (the column
        or the rule it came from; empty when dropped).
    what : str
        ``"revenue"``, ``"margin"`` or ``"purchases"``: what ``value`` measures.
    window_days : int
    observation_end : Timestamp
    """

    table: pd.DataFrame
    weights: pd.DataFrame
    what: str
    window_days: int
    observation_end: pd.Timestamp

    @property
    def key_ids(self) -> pd.Index:
        """The key accounts' ids, best first."""
        keys = self.table[self.table["key_account"]]
        return keys.sort_values("rank").index

    def summary(self) -> pd.DataFrame:
        """One row (index ``value``): ``customers``, ``key_accounts``, ``window_days``,
        ``total_value`` and ``key_value`` (value in the window), ``key_value_share``,
        ``top_account_share`` (the largest key account's share of the window's value),
        ``cut_score`` (the last key account's score), ``tied_at_cut`` (customers with that
        score: more than those inside the list means the cut splits a tie),
        ``inside_at_cut`` (of them, how many are key accounts), ``short_history`` (key accounts
        that were customers for less than the whole previous window: growth scaled or not
        measured) and ``unknown_growth`` (key accounts without a growth value).

        Examples
        --------
        >>> import pandas as pd
        >>> tx = pd.DataFrame({"customer_id": list("aabc"), "amount": [10.0, 5.0, 3.0, 1.0],
        ...                    "date": pd.to_datetime(["2024-01-05"] * 4)})
        >>> s = key_account_scores(tx, observation_end="2024-12-31", count=1).summary()
        >>> s[["customers", "key_accounts", "total_value", "key_value_share"]].round(3).to_dict("records")
        [{'customers': 3, 'key_accounts': 1, 'total_value': 19.0, 'key_value_share': 0.789}]
        """
        t = self.table
        keys = t[t["key_account"]]
        total = float(t["value"].sum())
        cut = float(keys["score"].min())
        tied = np.isclose(t["score"], cut, rtol=0, atol=1e-12)
        exposure = keys.get("previous_exposure_days", pd.Series(self.window_days, index=keys.index))
        row = {"customers": len(t), "key_accounts": len(keys), "window_days": self.window_days,
               "total_value": total, "key_value": float(keys["value"].sum()),
               "key_value_share": float(keys["value"].sum()) / total if total > 0 else np.nan,
               "top_account_share": float(keys["value"].max()) / total if total > 0 else np.nan,
               "cut_score": cut, "tied_at_cut": int(tied.sum()),
               "inside_at_cut": int((tied & t["key_account"]).sum()),
               "short_history": int((exposure < self.window_days).sum()),
               "unknown_growth": int(keys["growth"].isna().sum())}
        return pd.DataFrame([row], index=pd.Index(["value"], name="statistic"))


def check_weights(weights: Mapping | None) -> dict[str, float]:
    """The weights of the score's components, checked (None: :data:`DEFAULT_WEIGHTS`).

    Examples
    --------
    >>> check_weights({"value": 2, "growth": 1})
    {'value': 2.0, 'growth': 1.0, 'share_of_wallet': 0.0}
    >>> check_weights({"size": 1})
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: key_account_weights has unknown component(s) ['size']; the components are value, growth, share_of_wallet, e.g. value: 0.6, growth: 0.3, share_of_wallet: 0.1.
    """
    given = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = sorted(set(given) - set(COMPONENTS))
    if unknown:
        raise ParameterError(msg("key_accounts.error.unknown_component", unknown=unknown,
                                 components=", ".join(COMPONENTS)))
    out = {}
    for name in COMPONENTS:
        w = given.get(name, 0.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not np.isfinite(w) or w < 0:
            raise ParameterError(msg("key_accounts.error.bad_weight", component=name, weight=repr(w)))
        out[name] = float(w)
    if out["value"] + out["growth"] + out["share_of_wallet"] <= 0:
        raise ParameterError(msg("key_accounts.error.zero_weights"))
    return out


def _customer_column(customers: pd.DataFrame | None, column: str | None, index: pd.Index) -> pd.Series | None:
    """*column* of the customers table aligned on *index*, or None when there is none."""
    if customers is None or not column or column not in customers.columns:
        return None
    keyed = customers.assign(customer_id=customers["customer_id"].astype("string")).set_index("customer_id")
    if keyed.index.has_duplicates:
        raise DataValidationError(msg("key_accounts.error.duplicate_customers"))
    values = pd.to_numeric(keyed[column], errors="coerce").reindex(index.astype("string"))
    values.index = index
    return values.astype("float64")


def _percentile(values: pd.Series) -> pd.Series:
    """Percentile rank in (0, 1] among the known values (ties: average rank); NaN stays NaN."""
    return values.rank(method="average", pct=True)


def _ranked(table: pd.DataFrame, weights: Mapping[str, float], k: int) -> pd.DataFrame:
    """*table* with ``score``, ``rank`` and ``key_account`` for *weights* over its ``pct_`` columns."""
    score = pd.Series(0.0, index=table.index)
    for name, w in weights.items():
        if w > 0:
            score += table[f"pct_{name}"].fillna(UNKNOWN_RANK) * (w / sum(weights.values()))
    order = pd.DataFrame({"score": score, "value": table["value"],
                          "id": table.index.astype(str)}, index=table.index)
    order = order.sort_values(["score", "value", "id"], ascending=[False, False, True])
    rank = pd.Series(np.arange(1, len(order) + 1), index=order.index).reindex(table.index)
    return table.assign(score=score, rank=rank.astype("int64"), key_account=rank <= k)


def _window_sums(tx: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, column: str) -> pd.Series:
    inside = tx[(tx["date"] > start) & (tx["date"] <= end)]
    return inside.groupby("customer_id", observed=True)[column].sum()


@validate_params({"transactions": ["frame"], "customers": ["frame", None], "window_days": [Interval(int, 1, None, closed="left")],
                  "weights": [Mapping, None], "count": _COUNT, "margin_rate": [Interval(float, 0, 1, closed="right"), None],
                  "potential_column": [str, None], "wallet_column": [str, None], "share_column": [str, None]})
def key_account_scores(
    transactions: pd.DataFrame,
    customers: pd.DataFrame | None = None,
    *,
    observation_end,
    window_days: int = 365,
    weights: Mapping | None = None,
    count: int | float = 20,
    margin_rate: float | None = None,
    potential_column: str | None = None,
    wallet_column: str | None = None,
    share_column: str | None = None,
) -> KeyAccounts:
    """Score every customer as a key-account candidate and flag the top ``count``.

    Parameters
    ----------
    transactions : DataFrame
        Canonical transactions (``customer_id``, ``date``; ``amount`` when the log has money).
        Rows after ``observation_end`` are ignored.
    customers : DataFrame, optional
        Canonical customers table holding the optional potential, wallet or share columns.
    observation_end : date-like
        The last day counted.
    window_days : int
        Length of the current-value window (and of the window before it, for growth).
    weights : mapping, optional
        ``{component: weight}`` over :data:`COMPONENTS` (default :data:`DEFAULT_WEIGHTS`);
        components the data lack are dropped and the rest renormalised.
    count : int or float
        Number of key accounts, or (a number in (0, 1)) a share of customers, rounded up;
        at most every customer.
    margin_rate : float, optional
        Gross margin as a share of revenue: the value is margin instead of revenue.
    potential_column : str, optional
        Customers column with each customer's expected spend over the next window; the
        growth potential is it minus the current spend (times the margin rate). None or a
        column the table lacks: growth is the change between the last two windows.
    wallet_column, share_column : str, optional
        Customers columns with the customer's total category spend over the window (share
        of wallet = our window spend / it, capped at 1), or with the share itself (0-1;
        used first). Without amounts in the log only ``share_column`` applies.

    Returns
    -------
    KeyAccounts
        ``table`` (per customer), ``weights`` (per component); see :class:`KeyAccounts`.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2022-06-01", "2023-03-01", "2024-03-01", "2023-07-03",
    ...                                            "2023-10-01", "2024-03-01", "2024-06-01"]),
    ...                    "amount": [10.0, 50.0, 40.0, 70.0, 10.0, 30.0, 5.0]})
    >>> r = key_account_scores(tx, observation_end="2024-12-31", count=1)
    >>> r.table[["value", "growth", "score", "rank"]].round(3)  # b: 30 - 10 x 365 / 182 (after its first day)
                 value  growth  score  rank
    customer_id
    a             40.0 -10.000  0.833     1
    b             30.0   9.945  0.778     2
    c              5.0     NaN  0.389     3
    >>> r.weights["used"].round(3).tolist()  # no share of wallet: 0.6 and 0.3 renormalised
    [0.667, 0.333, 0.0]
    """
    ask = check_weights(weights)
    missing = [c for c in ("customer_id", "date") if c not in transactions.columns]
    if missing:
        raise DataValidationError(msg("key_accounts.error.missing_columns", columns=missing))
    end = parse_date(observation_end, "observation_end")
    tx = transactions[transactions["date"] <= end]
    if tx.empty:
        raise DataValidationError(msg("key_accounts.error.no_rows", end=str(end.date())))
    money = "amount" in tx.columns
    tx = tx.assign(customer_id=tx["customer_id"].astype(str),
                   _value=tx["amount"].astype("float64") if money else 1.0)
    rate = 1.0 if margin_rate is None or not money else float(margin_rate)
    width = pd.Timedelta(days=window_days)
    first = tx.groupby("customer_id")["date"].min()
    table = pd.DataFrame({"first_purchase": first})
    table.index.name = "customer_id"
    spend = _window_sums(tx, end - width, end, "_value").reindex(table.index, fill_value=0.0)
    before = _window_sums(tx, end - 2 * width, end - width, "_value").reindex(table.index, fill_value=0.0)
    table["value"] = spend * rate
    table["previous_value"] = before * rate
    table["spend"] = spend if money else np.nan
    sources = {"value": "window"}
    potential = _customer_column(customers, potential_column, table.index) if money else None
    if potential is not None:
        table["growth"] = (potential - spend) * rate
        sources["growth"] = potential_column
    else:
        opens, closes = end - 2 * width + pd.Timedelta(days=1), end - width  # the previous window's days
        joined = (first >= opens) & (first <= closes)  # acquired during the previous window
        first_day = tx[tx["date"] == tx["customer_id"].map(first)].groupby("customer_id")["_value"].sum()
        exposure = pd.Series(window_days, index=table.index).where(first < opens, (closes - first).dt.days)
        table["previous_exposure_days"] = exposure.clip(0, window_days).astype("int64")
        repeat = table["previous_value"] - (first_day.reindex(table.index) * rate).where(joined, 0.0)
        scale = window_days / table["previous_exposure_days"].where(
            table["previous_exposure_days"] >= MIN_EXPOSURE_SHARE * window_days)
        table["growth"] = table["value"] - repeat * scale
        sources["growth"] = "change"
    share = _customer_column(customers, share_column, table.index)
    if share is not None:
        bad = share.notna() & ~share.between(0, 1)
        if bad.any():
            raise DataValidationError(msg("key_accounts.error.share_range", column=share_column,
                                          n=int(bad.sum()), examples=list(share[bad].index[:5])))
        sources["share_of_wallet"] = share_column
    else:
        wallet = _customer_column(customers, wallet_column, table.index) if money else None
        if wallet is not None:
            share = (spend / wallet.where(wallet > 0)).clip(upper=1.0)
            sources["share_of_wallet"] = wallet_column
    table["share_of_wallet"] = share if share is not None and share.notna().any() else np.nan
    if share is None or share.isna().all():
        sources.pop("share_of_wallet", None)
    for name in COMPONENTS:
        table[f"pct_{name}"] = _percentile(table[name])
    available = {name: name in sources for name in COMPONENTS}
    total = sum(ask[n] for n in COMPONENTS if available[n])
    if total <= 0:
        raise ParameterError(msg("key_accounts.error.no_weight_left",
                                 available=", ".join(n for n in COMPONENTS if available[n])))
    used = {n: ask[n] / total if available[n] else 0.0 for n in COMPONENTS}
    k = min(len(table), int(count) if isinstance(count, int) else int(np.ceil(count * len(table) - 1e-9)))
    table = _ranked(table, used, max(k, 1))
    weights_table = pd.DataFrame(
        {"given": [ask[n] for n in COMPONENTS], "available": [available[n] for n in COMPONENTS],
         "used": [used[n] for n in COMPONENTS], "source": [sources.get(n, "") for n in COMPONENTS]},
        index=pd.Index(COMPONENTS, name="component"))
    what = "purchases" if not money else "revenue" if margin_rate is None else "margin"
    return KeyAccounts(table, weights_table, what, int(window_days), end)


def weight_sensitivity(result: KeyAccounts) -> pd.DataFrame:
    """How much the key-account list depends on the weights: the list under each single component.

    Returns
    -------
    DataFrame
        One row per available component (index ``weighting``: the component ranked alone)
        and ``equal`` (equal weights over the available components): ``key_accounts`` (the
        list's length), ``overlap`` (how many of them are also key accounts under the
        chosen weights) and ``overlap_share`` (overlap / key_accounts).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2022-06-01", "2023-03-01", "2024-03-01", "2023-07-03",
    ...                                            "2023-10-01", "2024-03-01", "2024-06-01"]),
    ...                    "amount": [10.0, 50.0, 40.0, 70.0, 10.0, 30.0, 5.0]})
    >>> weight_sensitivity(key_account_scores(tx, observation_end="2024-12-31", count=1))
               key_accounts  overlap  overlap_share
    weighting
    value                 1        1            1.0
    growth                1        0            0.0
    equal                 1        0            0.0
    """
    chosen = set(result.key_ids)
    k = len(chosen)
    components = [n for n in COMPONENTS if result.weights.loc[n, "available"]]
    rows = {}
    for name, w in [*((n, {n: 1.0}) for n in components), ("equal", {n: 1.0 for n in components})]:
        ranked = _ranked(result.table, w, k)
        overlap = len(chosen & set(ranked.index[ranked["key_account"]]))
        rows[name] = {"key_accounts": k, "overlap": overlap, "overlap_share": overlap / k}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "weighting"
    return out


@validate_params({"split": [Options({"key_accounts", "all"})]})
def portfolio_quadrants(result: KeyAccounts, *, split: str = "key_accounts",
                        language: str | None = None) -> pd.DataFrame:
    """The key accounts' places in the portfolio matrix (current value x growth potential).

    Parameters
    ----------
    result : KeyAccounts
    split : {"key_accounts", "all"}
        Quadrant lines at the medians of the key accounts, or of all customers.

    Returns
    -------
    DataFrame
        One row per key account (index ``customer_id``, best first): ``value``, ``growth``,
        ``value_threshold``, ``growth_threshold`` (the medians), ``quadrant`` (key in
        :data:`QUADRANTS`), ``quadrant_name`` and ``action`` (the strategy, from the catalog).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2022-06-01", "2023-03-01", "2024-03-01", "2023-07-03",
    ...                                            "2023-10-01", "2024-03-01", "2024-06-01"]),
    ...                    "amount": [10.0, 50.0, 40.0, 70.0, 10.0, 30.0, 5.0]})
    >>> q = portfolio_quadrants(key_account_scores(tx, observation_end="2024-12-31", count=2))
    >>> q["quadrant"].tolist()
    ['maintain', 'develop']
    """
    base = result.table if split == "all" else result.table[result.table["key_account"]]
    v_cut, g_cut = float(base["value"].median()), float(base["growth"].median())
    keys = result.table.loc[result.key_ids, ["value", "growth"]]
    quadrant = [_QUADRANT_OF[(v >= v_cut, bool(np.isnan(g) or g >= g_cut))]  # unmeasured growth: growing
                for v, g in zip(keys["value"], keys["growth"])]
    return keys.assign(value_threshold=v_cut, growth_threshold=g_cut, quadrant=quadrant,
                       quadrant_name=[msg(f"key_accounts.quadrant.{q}", language=language) for q in quadrant],
                       action=[msg(f"key_accounts.action.{q}", language=language) for q in quadrant])


def portfolio_summary(quadrants: pd.DataFrame, *, language: str | None = None) -> pd.DataFrame:
    """Key accounts and their value per quadrant (every quadrant, empty ones with 0).

    Returns
    -------
    DataFrame
        Index ``quadrant`` (:data:`QUADRANTS` order): ``name``, ``key_accounts``, ``value``
        (their window value), ``value_share`` (of the key accounts' value), ``value_threshold``,
        ``growth_threshold`` and ``strategy`` (the catalog's action).

    Examples
    --------
    >>> import pandas as pd
    >>> q = pd.DataFrame({"value": [5.0, 1.0], "growth": [1.0, 0.0], "value_threshold": 3.0,
    ...                   "growth_threshold": 0.5, "quadrant": ["strategic", "efficient"]})
    >>> portfolio_summary(q)["key_accounts"].tolist()
    [1, 0, 0, 1]
    """
    counts = quadrants.groupby("quadrant")["value"].agg(["size", "sum"]).reindex(list(QUADRANTS), fill_value=0)
    total = float(quadrants["value"].sum())
    return pd.DataFrame({
        "name": [msg(f"key_accounts.quadrant.{q}", language=language) for q in QUADRANTS],
        "key_accounts": counts["size"].astype("int64").to_numpy(),
        "value": counts["sum"].astype("float64").to_numpy(),
        "value_share": (counts["sum"] / total).to_numpy() if total > 0 else np.nan,
        "value_threshold": float(quadrants["value_threshold"].iloc[0]),
        "growth_threshold": float(quadrants["growth_threshold"].iloc[0]),
        "strategy": [msg(f"key_accounts.action.{q}", language=language) for q in QUADRANTS],
    }, index=pd.Index(QUADRANTS, name="quadrant"))
