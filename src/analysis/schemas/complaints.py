"""The ``complaints`` table: one row per customer complaint (客户投诉), for service recovery.

A complaint is made by a customer on a day; it may carry its own id, a category,
the channel where it was made, how it was resolved (the study's own outcome
labels, such as ``good`` and ``poor``; missing = not resolved), when it was
resolved, the compensation paid and the customer's satisfaction with the recovery.
"""

from __future__ import annotations

import pandas as pd

from analysis.schemas.rules import _future_dates, _ge0, _not_before
from analysis.schemas.session import _Session
from analysis.window import check_future_dates

#: the complaints table's optional text columns
COMPLAINT_TEXTS: tuple[str, ...] = ("category", "channel", "resolution")


def validate_complaints(df: pd.DataFrame, *, date_format: str | None = None,
                        future_dates: str = "refuse") -> pd.DataFrame:
    """Check a complaints log and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per complaint with ``customer_id`` and ``date`` (the day the
        complaint was made); optional ``complaint_id`` (unique), ``category``,
        ``channel`` (where it was made), ``resolution`` (the outcome label;
        missing = not resolved), ``resolved_date`` (not before ``date``),
        ``compensation`` (money >= 0) and ``satisfaction_after`` (a number: the
        satisfaction with the recovery). Other columns are kept.
    date_format : str, optional
        A ``strftime`` format for ``date`` and ``resolved_date``, needed only
        when the form of the dates cannot be told from the data.
    future_dates : {"refuse", "drop"}, default "refuse"
        Complaint or resolution dates after the run date or far beyond the rest,
        as for :func:`analysis.schemas.validate_transactions`: errors, or
        (``"drop"``) those rows left out with a warning.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``customer_id`` and ``complaint_id`` (string; ids
        normalised, ``1.0`` -> ``"1"``), ``date`` and ``resolved_date``
        (``datetime64[ns]``), ``category``, ``channel`` and ``resolution``
        (string), ``compensation`` and ``satisfaction_after`` (``float64``),
        each where present; other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Listing every broken rule: missing columns or ids, unreadable dates, a
        resolution dated before its complaint, negative compensation, repeated
        complaint ids (with their rows), numbers that are not numbers.
    analysis.errors.ParameterError
        When ``future_dates`` is neither "refuse" nor "drop".

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"customer_id": [1.0, 2.0], "date": ["2024-03-01", "2024-03-04"],
    ...                     "resolution": ["good", None], "resolved_date": ["2024-03-02", None]})
    >>> out = validate_complaints(raw)
    >>> out["customer_id"].tolist(), out["resolved_date"].isna().tolist()
    (['1', '2'], [False, True])
    """
    check_future_dates(future_dates)
    sess = _Session("complaints", df)
    present = sess.require(["customer_id", "date"])
    if "customer_id" in present:
        sess.ids("customer_id", unique=False)
    if sess.present("complaint_id"):
        sess.ids("complaint_id", unique=True)
    if "date" in present:
        sess.dates("date", nullable=False, date_format=date_format)
        _future_dates(sess, "date", future_dates)
    if sess.present("resolved_date"):
        sess.dates("resolved_date", nullable=True, date_format=date_format)
        _future_dates(sess, "resolved_date", future_dates)
        _not_before(sess, "resolved_date", "date",
                    "A complaint is resolved on or after the day it was made: correct these dates")
    for col in COMPLAINT_TEXTS:
        if sess.present(col):
            sess.text(col)
    if sess.present("compensation"):
        sess.numbers("compensation", checks=[_ge0()])
    if sess.present("satisfaction_after"):
        sess.numbers("satisfaction_after")
    return sess.finish()
