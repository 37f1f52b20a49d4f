"""RFM from a customer table that already holds recency, frequency and spend (a CRM export).

A study without a transaction log may give, per customer in its ``customers``
table, ``recency_days`` (days since the last purchase at the observation end),
``frequency`` (number of purchases) and optionally ``monetary`` (total spend).
The scores, segments and tiers are then those of a log with the same values
(:func:`~analysis.segmentation.score_rfm`). What such a table cannot tell is when
each customer bought first: ``tenure_days`` comes from ``acquisition_date`` and
an observation end when both are known, and otherwise the lifecycle stage
"new" cannot be told (:func:`stages_unknown`).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.customerdata import resolve_window
from analysis.errors import AnalysisWarning, DataValidationError
from analysis.messages import msg
from analysis.segmentation.rfm import score_rfm
from analysis.window import Window, parse_date

__all__ = ["CUSTOMER_RFM_COLUMNS", "customer_overview", "rfm_from_customers", "rfm_window", "stages_unknown"]

CUSTOMER_RFM_COLUMNS = ("recency_days", "frequency", "monetary")


def rfm_from_customers(
    customers: pd.DataFrame,
    observation_end=None,
    bins: int = 5,
    *,
    method: str = "quantile",
    segment_rules=None,
    lifecycle: Mapping | None = None,
    language: str | None = None,
) -> pd.DataFrame:
    """RFM scores and segments from per-customer ``recency_days``, ``frequency`` and ``monetary``.

    Parameters
    ----------
    customers : DataFrame
        The canonical customers table: ``customer_id``, ``recency_days``,
        ``frequency``, optional ``monetary`` and ``acquisition_date``.
        Customers missing recency, frequency or (when given) monetary cannot be
        ranked and are left out with an :class:`~analysis.errors.AnalysisWarning`.
    observation_end : date-like, optional
        The day recency is counted to; with ``acquisition_date`` it gives
        ``tenure_days``. None: tenure is unknown.
    bins, method, segment_rules, lifecycle, language
        As in :func:`~analysis.segmentation.rfm`.

    Returns
    -------
    DataFrame
        Indexed by ``customer_id``, the columns of :func:`~analysis.segmentation.rfm`;
        ``tenure_days`` is missing (NaN) where it cannot be told.

    Raises
    ------
    DataValidationError
        The table lacks ``recency_days`` or ``frequency``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_id": ["a", "b", "c"], "recency_days": [3, 40, 300],
    ...                   "frequency": [9, 3, 1], "monetary": [900.0, 120.0, 15.0]})
    >>> rfm_from_customers(c, bins=3)[["r_score", "f_score", "m_score", "rfm_cell"]]
                 r_score  f_score  m_score rfm_cell
    customer_id
    a                  3        3        3      333
    b                  2        2        2      222
    c                  1        1        1      111
    """
    missing = [c for c in ("customer_id", *CUSTOMER_RFM_COLUMNS[:2]) if c not in customers.columns]
    if missing:
        raise DataValidationError(msg("segmentation.error.customer_columns", columns=", ".join(missing)))
    used = [c for c in CUSTOMER_RFM_COLUMNS if c in customers.columns and customers[c].notna().any()]
    frame = customers.set_index(pd.Index(customers["customer_id"].astype("string"), name="customer_id"))
    table = frame[used].apply(pd.to_numeric)
    incomplete = table.isna().any(axis=1)
    if incomplete.any():
        warnings.warn(msg("segmentation.warning.incomplete_customers", n=int(incomplete.sum()),
                          columns=", ".join(used)), AnalysisWarning, stacklevel=2)
    table = table.loc[~incomplete].sort_index()
    table["tenure_days"] = _tenure_days(frame.loc[table.index], observation_end)
    return score_rfm(table, bins, method=method, segment_rules=segment_rules, lifecycle=lifecycle,
                     language=language)


def _tenure_days(frame: pd.DataFrame, observation_end) -> np.ndarray:
    """Days from ``acquisition_date`` to ``observation_end``; NaN when either is unknown."""
    if observation_end is None or "acquisition_date" not in frame.columns:
        return np.full(len(frame), np.nan)
    end = parse_date(observation_end, "observation_end")
    start = pd.to_datetime(frame["acquisition_date"]).dt.normalize()
    return (end - start).dt.days.to_numpy(dtype=float)


def stages_unknown(table: pd.DataFrame) -> tuple[str, ...]:
    """The lifecycle stages the per-customer table cannot tell: ``("new",)`` without any tenure.

    Examples
    --------
    >>> import pandas as pd
    >>> stages_unknown(pd.DataFrame({"tenure_days": [float("nan")]})), stages_unknown(pd.DataFrame({"tenure_days": [3]}))
    (('new',), ())
    """
    known = "tenure_days" in table.columns and bool(table["tenure_days"].notna().any())
    return () if known else ("new",)


def rfm_window(transactions, customers: pd.DataFrame | None, window: Window) -> Window:
    """The window RFM is computed in: resolved on the log, or as given for customer-level input.

    With a transaction log the observation end defaults to its last day
    (:func:`~analysis.customerdata.resolve_window`). Without one, the customers
    table must hold ``recency_days`` and ``frequency`` (already counted to the
    observation end); the window is returned as the study and notebook set it,
    possibly without an observation end.

    Raises
    ------
    DataValidationError
        Neither a transaction log nor a customers table with those columns.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_id": ["a"], "recency_days": [3], "frequency": [2]})
    >>> rfm_window(None, c, Window()).observation_end is None
    True
    """
    if transactions is not None:
        return resolve_window(transactions, window)
    if customers is None or any(c not in customers.columns for c in CUSTOMER_RFM_COLUMNS[:2]):
        raise DataValidationError(msg("segmentation.error.no_input"))
    return window


def customer_overview(customers: pd.DataFrame) -> pd.DataFrame:
    """Headline figures of customer-level RFM input, as a metric/value table (``customer_overview``).

    Returns
    -------
    DataFrame
        Indexed by ``metric``: ``customers``, ``mean_recency_days``,
        ``mean_frequency``, ``total_frequency`` and, with spend,
        ``mean_monetary`` and ``total_monetary``; column ``value``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_id": ["a", "b"], "recency_days": [3, 5], "frequency": [2, 4]})
    >>> customer_overview(c)["value"].tolist()
    [2.0, 4.0, 3.0, 6.0]
    """
    values = {"customers": float(customers["customer_id"].nunique()),
              "mean_recency_days": float(customers["recency_days"].mean()),
              "mean_frequency": float(customers["frequency"].mean()),
              "total_frequency": float(customers["frequency"].sum())}
    if "monetary" in customers.columns and customers["monetary"].notna().any():
        values |= {"mean_monetary": float(customers["monetary"].mean()),
                   "total_monetary": float(customers["monetary"].sum())}
    out = pd.DataFrame({"value": pd.Series(values, dtype=float)})
    out.index.name = "metric"
    return out
