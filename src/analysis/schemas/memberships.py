"""The ``memberships`` table: a loyalty programme (会员体系), one row per tier spell of a member.

A spell starts on the day the customer entered a tier (her earliest start is the
day she joined) and ends on the day she left it (missing: still in it at the end
of the data; the end of her last spell is the day she left the programme). A
spell may carry the tier's name, the points earned and redeemed during it and the
discounts the member was given. The spells of one customer must not overlap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.schemas.problems import _fmt_rows
from analysis.schemas.rules import _future_dates, _ge0, _not_before
from analysis.schemas.session import _Session
from analysis.window import check_future_dates

#: the memberships table's optional amounts (numbers >= 0 during the spell, missing allowed)
MEMBERSHIP_NUMBERS: tuple[str, ...] = ("points_earned", "points_redeemed", "discounts")

_MAX_PAIRS = 3


def validate_memberships(df: pd.DataFrame, *, date_format: str | None = None,
                         future_dates: str = "refuse") -> pd.DataFrame:
    """Check a loyalty-programme membership table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per tier spell with ``customer_id`` and ``start_date`` (the day
        the customer entered this tier; her earliest is the join date); optional
        ``end_date`` (not before ``start_date``; missing = still in this tier at
        the end of the data), ``tier`` (text), ``points_earned``,
        ``points_redeemed`` (points) and ``discounts`` (money), all numbers >= 0.
        Spells of one customer must not overlap: a spell may start on the day
        the previous one ended, not before; only the last may be open. Other
        columns are kept.
    date_format : str, optional
        A ``strftime`` format for ``start_date`` and ``end_date``, needed only
        when the form of the dates cannot be told from the data.
    future_dates : {"refuse", "drop"}, default "refuse"
        Start or end dates after the run date or far beyond the rest, as for
        :func:`analysis.schemas.validate_transactions`: errors, or (``"drop"``)
        those rows left out with a warning.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``customer_id`` (string; ``1.0`` -> ``"1"``),
        ``start_date`` and ``end_date`` (``datetime64[ns]``), ``tier`` (string),
        ``points_earned``, ``points_redeemed`` and ``discounts`` (``float64``),
        each where present; other columns unchanged. Rows keep their order.

    Raises
    ------
    analysis.errors.DataValidationError
        Listing every broken rule: missing columns or ids, unreadable dates, a
        spell that ends before it starts, overlapping spells of one customer
        (with the rows of each pair), negative points or discounts.
    analysis.errors.ParameterError
        When ``future_dates`` is neither "refuse" nor "drop".

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"customer_id": ["a", "a", "b"], "tier": ["base", "silver", "base"],
    ...                     "start_date": ["2024-01-05", "2024-06-01", "2024-02-01"],
    ...                     "end_date": ["2024-06-01", None, None]})
    >>> validate_memberships(raw)["end_date"].isna().tolist()
    [False, True, True]
    """
    check_future_dates(future_dates)
    sess = _Session("memberships", df)
    present = sess.require(["customer_id", "start_date"])
    if "customer_id" in present:
        sess.ids("customer_id", unique=False)
    if "start_date" in present:
        sess.dates("start_date", nullable=False, date_format=date_format)
        _future_dates(sess, "start_date", future_dates)
    if sess.present("end_date"):
        sess.dates("end_date", nullable=True, date_format=date_format)
        _future_dates(sess, "end_date", future_dates)
        _not_before(sess, "end_date", "start_date",
                    "A spell ends on or after the day it starts: correct these dates")
    if sess.present("tier"):
        sess.text("tier")
    for col in MEMBERSHIP_NUMBERS:
        if sess.present(col):
            sess.numbers(col, checks=[_ge0()])
    if len(present) == 2:
        _overlaps(sess)
    return sess.finish()


def _overlaps(sess: _Session) -> None:
    """Record the spells that start before an earlier spell of the same customer has ended.

    Spells are taken in order of their start; each is compared with the latest end of all the
    customer's earlier spells (an open spell ends never), so a spell inside a long one is named
    even when a short one lies between them.
    """
    out = sess.out
    start = out["start_date"]
    end = out["end_date"] if "end_date" in out.columns else pd.Series(pd.NaT, index=out.index)
    if start.dtype.kind != "M" or end.dtype.kind != "M":
        return
    never = np.iinfo("int64").max
    spells = pd.DataFrame({"customer": out["customer_id"].to_numpy(dtype=object),
                           "start": start.to_numpy("datetime64[ns]").astype("int64"),
                           "end": np.where(end.isna(), never, end.to_numpy("datetime64[ns]").astype("int64")),
                           "pos": np.arange(len(out))})
    spells = spells[out["customer_id"].notna().to_numpy() & start.notna().to_numpy()]
    spells = spells.sort_values(["customer", "start", "pos"], kind="stable").reset_index(drop=True)
    latest = spells.groupby("customer", sort=False)["end"].cummax()
    before = latest.groupby(spells["customer"], sort=False).shift()
    overlap = (before.notna() & (spells["start"] < before)).to_numpy()
    if not overlap.any():
        return
    labels = out.index.to_numpy()
    pairs = []
    for i in np.flatnonzero(overlap)[:_MAX_PAIRS]:
        earlier = spells.iloc[:i][spells["customer"].iloc[:i] == spells["customer"].iloc[i]]
        a, b = spells["pos"].iloc[i], earlier["pos"].iloc[int(np.argmax(earlier["end"].to_numpy()))]
        pairs.append(f"the spell in {_row(sess, labels[a])} (customer {out['customer_id'].iloc[a]!r}) starts "
                     f"before the one in {_row(sess, labels[b])} has ended")
    more = int(overlap.sum()) - len(pairs)
    listed = "; ".join(pairs) + (f"; and {more} more" if more else "")
    sess.add("start_date", "must not fall within another spell of the same customer",
             spells["pos"].to_numpy()[overlap], start,
             listed[0].upper() + listed[1:] + ". One customer is in one tier at a time: end the earlier spell on "
             "or before the day the next one starts (a missing end_date means the spell is still open)")


def _row(sess: _Session, label: int) -> str:
    """``row N`` for the working-index *label*, numbered as in the file when the caller gave its rows."""
    return _fmt_rows(sess.row_numbers([label]), None)
