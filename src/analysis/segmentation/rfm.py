"""RFM: recency, frequency and monetary value per customer, quantile scores and named segments.

Scores run from 1 (worst) to ``bins`` (best). Three scoring rules are offered, all
deterministic:

``"quantile"`` (default)
    The cut points are the sample quantiles at 1/bins, 2/bins, ... (linear
    interpolation: numpy's default, R's ``type = 7``), and a value's score is one
    plus the number of cut points strictly below it. This is exactly
    ``pandas.qcut(values, bins, labels=False) + 1`` whenever ``qcut`` can run
    (no repeated cut points). On heavily tied data, where ``qcut`` refuses
    repeated edges, equal values always get equal scores and a score is skipped
    rather than customers with the same value being split: if 60% of customers
    bought exactly once, all of them get frequency score 1 and the next value
    gets score 4 (it lies above the 20%, 40% and 60% cut points).
``"rfm_r"``
    The rule of R's ``rfm`` package (``rfm_table_order``, versions 0.2-0.3):
    cut points are the same quantiles *plus one*, and a value's score is one plus
    the number of cut points at or below it. Use it to reproduce published R
    results; with ``frequency="transactions"`` the frequency is counted as that
    package counts it (rows, not purchase days). On tied data it disagrees with
    the quantile rule for a sizeable share of customers.
``"rank_first"``
    Equal-sized groups: ``pandas.qcut`` on ranks with ties broken by the order of
    ``customer_id``. Customers with identical values can get different scores, so
    use it only when equal group sizes matter more than that.

Recency is scored on days since the last purchase and then reversed (as the R
package does), so the most recent buyers get ``bins``.

Named segments and the lifecycle. Scores are relative (a recency score of 4 can
mean a year without a purchase when the whole base has gone quiet), the
lifecycle stages (:mod:`~analysis.segmentation.lifecycle`) are absolute day
limits. Given the study's lifecycle rules (``rfm(..., lifecycle=...)``) the
default map names a customer only with a name their stage allows: "Loyal",
"Champions" and the other names of current customers need a purchase within
``at_risk_days``; "New" needs the first purchase within ``new_days``; "At
risk" and "Hibernating" hold the lifecycle's at-risk customers, "Lost" its
lapsed/lost ones (:func:`default_segment_rules` with ``lifecycle=True``: each
rule lists the ``stages`` it applies to).

A variable with no spread (every customer has the same value) cannot rank
anyone: with the ``"quantile"`` rule every customer then gets the middle score
``(bins + 1) // 2`` and an :class:`~analysis.errors.AnalysisWarning` says so.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, validate_params
from analysis.customerdata import customer_data
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.messages import msg
from analysis.segmentation.lifecycle import STAGES, lifecycle_stages

__all__ = [
    "SCORE_METHODS",
    "rfm_values",
    "score_values",
    "rfm",
    "score_rfm",
    "has_monetary",
    "default_segment_rules",
    "r_package_segment_rules",
    "assign_segments",
]

SCORE_METHODS = ("quantile", "rfm_r", "rank_first")
_RULE_COLUMNS = ("segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max")

# The usual recency x frequency map (scores on a 1-5 scale); every one of the 25
# cells is covered, first matching row wins. Monetary value is not used by default.
_DEFAULT_RULES = (
    ("champions", 5, 5, 4, 5),
    ("loyal", 3, 4, 4, 5),
    ("potential_loyalist", 4, 5, 2, 3),
    ("new", 5, 5, 1, 1),
    ("promising", 4, 4, 1, 1),
    ("need_attention", 3, 3, 3, 3),
    ("about_to_sleep", 3, 3, 1, 2),
    ("cant_lose", 1, 2, 5, 5),
    ("at_risk", 1, 2, 3, 4),
    ("hibernating", 2, 2, 1, 2),
    ("lost", 1, 1, 1, 2),
)
# The same map made consistent with the lifecycle stages: each rule applies only to customers
# in the stages it lists (first matching row wins; every score cell x stage is covered).
_CURRENT = ("new", "active", "loyal")
_BUYING = ("active", "loyal")
_LIFECYCLE_RULES = (
    ("champions", 5, 5, 4, 5, _CURRENT),
    ("new", 1, 5, 1, 1, ("new",)),
    ("potential_loyalist", 1, 5, 2, 5, ("new",)),
    ("loyal", 1, 4, 4, 5, _BUYING),
    ("potential_loyalist", 4, 5, 2, 3, _BUYING),
    ("promising", 4, 5, 1, 1, _BUYING),
    ("need_attention", 1, 3, 3, 3, _BUYING),
    ("about_to_sleep", 1, 3, 1, 2, _BUYING),
    ("cant_lose", 1, 5, 5, 5, ("at_risk", "lost")),
    ("at_risk", 1, 5, 3, 4, ("at_risk",)),
    ("hibernating", 1, 5, 1, 2, ("at_risk",)),
    ("lost", 1, 5, 1, 4, ("lost",)),
)


def rfm_values(
    transactions: pd.DataFrame, observation_end=None, *, frequency: str = "days"
) -> pd.DataFrame:
    """Recency, frequency, monetary value and tenure per customer as of a date.

    Purchases after ``observation_end`` are ignored; a purchase *on* it counts
    (recency 0). Customers whose first purchase is after ``observation_end`` are left out.

    Parameters
    ----------
    transactions : DataFrame or TransactionLog
        Canonical transactions (``customer_id``, ``date``, ``amount``), or an
        :class:`analysis.customerdata.TransactionLog` (a study's log kept on disk): then
        DuckDB computes the values with the summary SQL
        (``customer_summary(..., rfm_columns=True)``) and only one row per
        customer comes into memory; ``frequency="transactions"`` is not
        available there.
    observation_end : date-like, optional
        The analysis date. Default: the last purchase date in the log.
    frequency : {"days", "transactions"}
        Count distinct purchase days (default) or transaction rows (as R's
        ``rfm`` package does).

    Returns
    -------
    DataFrame
        Indexed by ``customer_id`` (sorted), with ``recency_days`` (int, days from
        the last purchase day to ``observation_end``), ``frequency`` (int), ``monetary``
        (float, total amount) and ``tenure_days`` (int, days from the first
        purchase day to ``observation_end``).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-01",
    ...                                            "2024-01-15", "2024-01-08"]),
    ...                    "amount": [10.0, 5.0, 20.0, 7.0]})
    >>> rfm_values(tx, "2024-01-31")
                 recency_days  frequency  monetary  tenure_days
    customer_id
    a                      16          2      35.0           30
    b                      23          1       7.0           23
    """
    return customer_data(transactions).rfm_values(observation_end, frequency=frequency)


def _quantile_edges(x: np.ndarray, bins: int) -> np.ndarray:
    """Inner cut points: quantiles at 1/bins ... (bins-1)/bins, linear interpolation (R type 7)."""
    return np.quantile(x, np.arange(1, bins) / bins)


@validate_params({"bins": [Interval(int, 2, 20)], "method": [Options(SCORE_METHODS)]})
def score_values(
    values, bins: int = 5, *, method: str = "quantile", higher_is_better: bool = True
) -> np.ndarray:
    """Quantile scores 1..``bins`` of one variable (see the module notes for the rules).

    Parameters
    ----------
    values : array-like of float
        One value per customer, in a fixed order (``rank_first`` breaks ties by
        this order).
    bins : int
        Number of score levels (2-20).
    method : {"quantile", "rfm_r", "rank_first"}
        Scoring rule.
    higher_is_better : bool
        False for recency (fewer days is better): scores are reversed.

    Returns
    -------
    ndarray of int64
        Scores, 1 = worst, ``bins`` = best.

    Examples
    --------
    >>> score_values([1, 1, 1, 2, 5], bins=5).tolist()
    [1, 1, 1, 4, 5]
    >>> score_values([1, 1, 1, 2, 5], bins=5, method="rfm_r").tolist()
    [1, 1, 1, 3, 5]
    >>> score_values([3, 10, 40], bins=3, higher_is_better=False).tolist()
    [3, 2, 1]
    """
    bins = int(bins)
    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 1 or len(x) == 0:
        raise ParameterError("values must be a non-empty one-dimensional array.")
    if np.isnan(x).any():
        raise DataValidationError(
            f"{int(np.isnan(x).sum())} value(s) to score are missing (NaN); fill or drop them first."
        )
    constant = bool(x.min() == x.max())
    if method == "quantile":
        if constant:
            return np.full(len(x), (bins + 1) // 2, dtype=np.int64)
        raw = 1 + np.searchsorted(_quantile_edges(x, bins), x, side="left")
    elif method == "rfm_r":
        # rfm::rfm_table_order: breaks = quantile(x, probs)[inner] + 1, then
        # score i where lower[i] <= x < upper[i]; the intervals are consecutive,
        # so the score is 1 + number of breaks <= x.
        raw = 1 + np.searchsorted(_quantile_edges(x, bins) + 1.0, x, side="right")
    else:
        ranks = pd.Series(x).rank(method="first").to_numpy()
        raw = pd.qcut(ranks, bins, labels=False) + 1
    raw = np.asarray(raw, dtype=np.int64)
    return raw if higher_is_better else bins + 1 - raw


def _rules_frame(rules, bins: int) -> pd.DataFrame:
    if isinstance(rules, pd.DataFrame):
        frame = rules.copy()
    elif isinstance(rules, Sequence) and not isinstance(rules, str):
        frame = pd.DataFrame([dict(r) for r in rules])
    else:
        raise ParameterError(
            "segment_rules must be a DataFrame or a list of mappings with columns "
            f"{list(_RULE_COLUMNS)} (m_min/m_max optional)."
        )
    for score in ("m",):
        for end, default in (("min", 1), ("max", bins)):
            if f"{score}_{end}" not in frame.columns:
                frame[f"{score}_{end}"] = default
    missing = [c for c in _RULE_COLUMNS if c not in frame.columns]
    if missing:
        raise ParameterError(
            f"segment_rules lacks column(s) {missing}; a rule table has columns {list(_RULE_COLUMNS)}."
        )
    if len(frame) == 0:
        raise ParameterError("segment_rules has no rows; give at least one rule.")
    has_stages = "stages" in frame.columns
    frame = frame[[*_RULE_COLUMNS, *(["stages"] if has_stages else [])]].reset_index(drop=True)
    if has_stages:
        frame["stages"] = [_stage_list(v, i) for i, v in enumerate(frame["stages"])]
    limits = frame[list(_RULE_COLUMNS[1:])]
    try:
        limits = limits.astype(np.int64)
    except (TypeError, ValueError) as exc:
        raise ParameterError("segment_rules score limits must be whole numbers.") from exc
    for s in ("r", "f", "m"):
        lo, hi = limits[f"{s}_min"], limits[f"{s}_max"]
        bad = (lo > hi) | (lo < 1) | (hi > bins)
        if bad.any():
            first = int(np.flatnonzero(bad.to_numpy())[0])
            raise ParameterError(
                f"segment_rules row {first + 1} ({frame.loc[first, 'segment']!r}): {s}_min..{s}_max "
                f"must satisfy 1 <= min <= max <= bins={bins}; got {lo.iloc[first]}..{hi.iloc[first]}."
            )
    frame[list(_RULE_COLUMNS[1:])] = limits
    frame["segment"] = frame["segment"].astype(str)
    return frame


def default_segment_rules(*, lifecycle: bool = False, language: str | None = None) -> pd.DataFrame:
    """The usual RFM segment map as a rule table (1-5 scores; first matching row wins).

    Columns ``segment, r_min, r_max, f_min, f_max, m_min, m_max``; the names come
    from the message catalog. Replace the table (or pass your own to
    :func:`rfm`) to change the scheme. Every recency x frequency cell is covered.

    Parameters
    ----------
    lifecycle : bool
        The map consistent with the lifecycle stages (see the module notes): a
        ``stages`` column lists the lifecycle stages each rule applies to, and
        every score cell of every stage is covered.
    language : str, optional
        Language of the names.

    Examples
    --------
    >>> rules = default_segment_rules()
    >>> rules.loc[0, "segment"], int(rules.loc[0, "r_min"]), int(rules.loc[0, "f_min"])
    ('Champions', 5, 4)
    >>> default_segment_rules(lifecycle=True).loc[1, ["segment", "stages"]].tolist()
    ['New', ('new',)]
    """
    if lifecycle:
        return pd.DataFrame(
            [(msg(f"segmentation.segment.{key}", language=language), r0, r1, f0, f1, 1, 5, stages)
             for key, r0, r1, f0, f1, stages in _LIFECYCLE_RULES],
            columns=[*_RULE_COLUMNS, "stages"],
        )
    return pd.DataFrame(
        [
            (msg(f"segmentation.segment.{key}", language=language), r0, r1, f0, f1, 1, 5)
            for key, r0, r1, f0, f1 in _DEFAULT_RULES
        ],
        columns=list(_RULE_COLUMNS),
    )


def _stage_list(value, row: int) -> tuple[str, ...]:
    """A rule's ``stages`` cell as a tuple of stage keys (empty: every stage)."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return ()
    items = tuple(value.split()) if isinstance(value, str) else tuple(str(v) for v in value)
    unknown = [v for v in items if v not in STAGES]
    if unknown:
        raise ParameterError(
            f"segment_rules row {row + 1}: unknown lifecycle stage(s) {unknown} in 'stages'; "
            f"the stages are {list(STAGES)}."
        )
    return items


def r_package_segment_rules() -> pd.DataFrame:
    """The segment table of the R ``rfm`` package's documentation (``rfm_segment`` example).

    Ten named segments with recency, frequency and monetary ranges; cells no rule
    covers become "Other" (the package's "Others"). Use with ``method="rfm_r"``
    to reproduce segment counts published with that package.

    Examples
    --------
    >>> r_package_segment_rules()["segment"].tolist()[:3]
    ['Champions', 'Potential Loyalist', 'Loyal Customers']
    """
    names = ["Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers",
             "Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost"]
    return pd.DataFrame(
        {
            "segment": names,
            "r_min": [5, 3, 2, 3, 4, 1, 1, 1, 2, 1],
            "r_max": [5, 5, 4, 4, 5, 2, 2, 3, 3, 1],
            "f_min": [5, 3, 2, 1, 1, 3, 2, 3, 1, 1],
            "f_max": [5, 5, 4, 3, 3, 4, 5, 5, 3, 5],
            "m_min": [5, 2, 2, 3, 1, 4, 4, 3, 1, 1],
            "m_max": [5, 5, 4, 5, 5, 5, 5, 5, 4, 5],
        }
    )


@validate_params({"bins": [Interval(int, 2, 20)]})
def assign_segments(
    scores: pd.DataFrame, rules=None, *, bins: int = 5, stages: pd.Series | None = None,
    language: str | None = None
) -> pd.Series:
    """Named segment per customer from ``r_score``, ``f_score``, ``m_score`` (optional) and a rule table.

    Rules are tried in order and the first whose three ranges (inclusive) all
    contain the customer's scores wins; customers no rule covers get "Other".
    Without ``m_score`` (no money in the data) the monetary ranges are ignored.
    With the default rules and ``bins != 5``, scores are first mapped onto the
    1-5 scale by ``1 + round((score - 1) * 4 / (bins - 1))`` (halves up).
    With ``stages`` (each customer's lifecycle stage key), a rule with a
    ``stages`` column applies only to customers in the stages it lists, and the
    default rules are the lifecycle-consistent map (``default_segment_rules(lifecycle=True)``).

    Returns
    -------
    Series
        Categorical, categories in rule order (then "Other" if used).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"r_score": [5, 1], "f_score": [5, 1], "m_score": [3, 3]})
    >>> assign_segments(s).tolist()
    ['Champions', 'Lost']
    """
    bins = int(bins)
    if rules is None:
        table = default_segment_rules(lifecycle=stages is not None, language=language)
        rescale = bins != 5
        scale_bins = 5
    else:
        table = _rules_frame(rules, bins)
        rescale = False
        scale_bins = bins
    table = _rules_frame(table, scale_bins)
    missing = [c for c in ("r_score", "f_score") if c not in scores.columns]
    if missing:
        raise DataValidationError(f"scores lacks column(s) {missing}; run rfm() first.")
    values = {}
    for s in ("r", "f", "m"):
        if s == "m" and "m_score" not in scores.columns:  # no money: the monetary ranges do not apply
            values[s] = None
            continue
        v = scores[f"{s}_score"].to_numpy(dtype=np.int64)
        if rescale:
            v = np.floor(1 + (v - 1) * 4 / (bins - 1) + 0.5).astype(np.int64)
        values[s] = v
    gated = "stages" in table.columns and any(len(v) for v in table["stages"])
    if gated and stages is None:
        raise ParameterError(
            "segment_rules has a 'stages' column (rules for lifecycle stages); pass each customer's "
            "stage as stages=, or use rfm(..., lifecycle=rules), or drop the column."
        )
    stage = None if stages is None else pd.Series(stages, index=scores.index).astype(str).to_numpy()
    conditions = [
        (values["r"] >= row.r_min) & (values["r"] <= row.r_max)
        & (values["f"] >= row.f_min) & (values["f"] <= row.f_max)
        & (True if values["m"] is None else (values["m"] >= row.m_min) & (values["m"] <= row.m_max))
        & (np.isin(stage, list(row.stages)) if gated and len(row.stages) else True)
        for row in table.itertuples(index=False)
    ]
    other = msg("segmentation.segment.other", language=language)
    names = np.select(conditions, table["segment"].to_numpy(dtype=object), default=other)
    categories = list(dict.fromkeys(table["segment"].tolist()))
    if (names == other).any() and other not in categories:
        categories.append(other)
    return pd.Series(pd.Categorical(names, categories=categories), index=scores.index, name="segment")


def rfm(
    transactions: pd.DataFrame,
    observation_end=None,
    bins: int = 5,
    *,
    method: str = "quantile",
    frequency: str = "days",
    segment_rules=None,
    lifecycle: Mapping | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """RFM values, scores 1..``bins`` and named segments per customer.

    Parameters
    ----------
    transactions : DataFrame or TransactionLog
        Canonical transactions (``customer_id``, ``date``, ``amount``), or a log
        kept on disk (see :func:`rfm_values`).
    observation_end : date-like, optional
        Analysis date; purchases after it are ignored. Default: last purchase date.
    bins : int
        Number of score levels (2-20).
    method : {"quantile", "rfm_r", "rank_first"}
        Scoring rule, see the module notes.
    frequency : {"days", "transactions"}
        What ``frequency`` counts.
    segment_rules : DataFrame or list of dict, optional
        Rule table (columns ``segment, r_min, r_max, f_min, f_max``, optional
        ``m_min, m_max``, ``stages``); default :func:`default_segment_rules`.
    lifecycle : mapping, optional
        The lifecycle rules (``new_days``, ``at_risk_days``, ``lost_days``,
        ``loyal_purchases``; a study's ``study.lifecycle``). Given, segment names
        agree with each customer's lifecycle stage (see the module notes); None
        names by scores alone.
    language : str, optional
        Language of the default segment names.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``: ``recency_days``, ``frequency``, ``monetary``,
        ``tenure_days``, ``r_score``, ``f_score``, ``m_score`` (1 = worst),
        ``rfm_cell`` (e.g. ``"545"``) and ``segment`` (categorical). A log
        without amounts (count-only) has no ``monetary`` and no ``m_score``, and
        ``rfm_cell`` has two digits (see :func:`score_rfm`).

    Raises
    ------
    ParameterError
        Fewer than two customers (scores rank customers against each other), no
        purchase on or before ``observation_end``, or a bad setting.
    DataValidationError
        Missing columns or missing values in the transactions.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": list("abcde"),
    ...                    "date": pd.to_datetime(["2024-01-30", "2024-01-20", "2024-01-10",
    ...                                            "2024-01-05", "2024-01-01"]),
    ...                    "amount": [50.0, 40.0, 30.0, 20.0, 10.0]})
    >>> rfm(tx, "2024-01-31")[["recency_days", "r_score", "m_score"]]
                 recency_days  r_score  m_score
    customer_id
    a                       1        5        5
    b                      11        4        4
    c                      21        3        3
    d                      26        2        2
    e                      30        1        1
    """
    table = rfm_values(transactions, observation_end, frequency=frequency)
    return score_rfm(table, bins, method=method, segment_rules=segment_rules, lifecycle=lifecycle,
                     language=language)


def has_monetary(table: pd.DataFrame) -> bool:
    """Whether a per-customer table carries money: a ``monetary`` column with at least one value.

    A count-only log (visits, grocery baskets without amounts) gives none; every
    step that needs money tests this and falls back to purchase counts.

    Examples
    --------
    >>> import pandas as pd
    >>> has_monetary(pd.DataFrame({"frequency": [1]})), has_monetary(pd.DataFrame({"monetary": [2.0]}))
    (False, True)
    """
    return "monetary" in table.columns and bool(table["monetary"].notna().any())


@validate_params({"bins": [Interval(int, 2, 20)], "method": [Options(SCORE_METHODS)]})
def score_rfm(
    table: pd.DataFrame,
    bins: int = 5,
    *,
    method: str = "quantile",
    segment_rules=None,
    lifecycle: Mapping | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """Scores and named segments for per-customer recency, frequency and (optional) monetary values.

    The scoring half of :func:`rfm`, for values that come from a transaction log
    (:func:`rfm_values`) or from a customer table that already holds them
    (:func:`~analysis.segmentation.customer_input.rfm_from_customers`). Without a
    ``monetary`` column (a count-only log) there is no ``m_score``, ``rfm_cell``
    has two digits and segments use recency and frequency only (as the default
    map does anyway).

    Parameters
    ----------
    table : DataFrame
        One row per customer: ``recency_days``, ``frequency``, optional
        ``monetary`` and ``tenure_days`` (needed by ``lifecycle``; missing tenure
        means the stage "new" cannot be told, see
        :func:`~analysis.segmentation.lifecycle_stages`).
    bins, method, segment_rules, lifecycle, language
        As in :func:`rfm`.

    Returns
    -------
    DataFrame
        ``table`` with ``r_score``, ``f_score``, ``m_score`` (when money is
        known), ``rfm_cell`` and ``segment``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [1, 30, 90], "frequency": [5, 2, 1]}, index=list("abc"))
    >>> score_rfm(t, bins=3)[["r_score", "f_score", "rfm_cell"]].to_numpy().tolist()
    [[3, 3, '33'], [2, 2, '22'], [1, 1, '11']]
    """
    bins = int(bins)
    table = table.copy()
    if len(table) < 2:
        raise ParameterError(
            f"RFM scores rank customers against each other; only {len(table)} customer bought on "
            "or before observation_end. Use a log with at least two customers."
        )
    money = has_monetary(table)
    if "monetary" in table.columns and not money:
        table = table.drop(columns="monetary")
    scored = (("recency_days", "recency", "r", False), ("frequency", "frequency", "f", True),
              *((("monetary", "monetary", "m", True),) if money else ()))
    for column, name, _, _ in scored:
        if table[column].nunique() == 1:
            warnings.warn(
                f"Every customer has the same {name} ({table[column].iloc[0]}); the {name} score "
                "cannot tell customers apart"
                + (f" and is set to the middle score {(bins + 1) // 2}." if method == "quantile" else "."),
                AnalysisWarning,
                stacklevel=2,
            )
    for column, _, key, better in scored:
        table[f"{key}_score"] = score_values(table[column], bins, method=method, higher_is_better=better)
    sep = "" if bins <= 9 else "-"
    cell = table["r_score"].astype(str) + sep + table["f_score"].astype(str)
    table["rfm_cell"] = (cell + sep + table["m_score"].astype(str) if money else cell).astype("string")
    stages = None if lifecycle is None else lifecycle_stages(table, lifecycle)["stage"]
    table["segment"] = assign_segments(table, segment_rules, bins=bins, stages=stages, language=language)
    return table
