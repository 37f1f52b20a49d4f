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

from analysis.errors import AnalysisWarning, DataValidationError
from analysis.segmentation.rfm import score_rfm
from analysis.window import parse_date

__all__ = ["CUSTOMER_RFM_COLUMNS", "rfm_from_customers", "stages_unknown"]

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
        raise DataValidationError(
            f"The customers table lacks column(s) {missing}: segmenting without transactions needs "
            "recency_days and frequency per customer (and monetary for spend). Map them under "
            "data: customers: columns: in the study, or give the study a transactions table."
        )
    used = [c for c in CUSTOMER_RFM_COLUMNS if c in customers.columns and customers[c].notna().any()]
    frame = customers.set_index(pd.Index(customers["customer_id"].astype("string"), name="customer_id"))
    table = frame[used].apply(pd.to_numeric)
    incomplete = table.isna().any(axis=1)
    if incomplete.any():
        warnings.warn(
            f"{int(incomplete.sum())} customer(s) miss one of {used} and are left out of the scores.",
            AnalysisWarning, stacklevel=2,
        )
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
