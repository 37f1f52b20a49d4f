"""Rules several validators share: numbers >= 0, dates after the run date, one date not before another."""

from __future__ import annotations

import warnings

import numpy as np
import pandera.pandas as pa

from analysis.errors import AnalysisWarning, DataValidationError
from analysis.schemas.problems import ROW_CONVENTION, _fmt_rows
from analysis.schemas.session import _Session
from analysis.window import RUN_DATE_VARIABLE, future_dates_rule, last_credible_day, run_date


def _ge0() -> pa.Check:
    return pa.Check.ge(0, error="must be >= 0")


def _future_dates(sess: _Session, column: str, future_dates: str) -> None:
    """Refuse (a problem) or drop (a warning) the rows whose ``column`` is after the last credible day."""
    dates = sess.out[column]
    days = dates.dt.normalize()
    counts = days.value_counts()
    if counts.empty:
        return
    run_day = run_date()
    last = last_credible_day(counts, run_day)
    late = (days > last).to_numpy()
    if not late.any():
        return
    rule = future_dates_rule(last, run_day)
    if future_dates == "refuse":
        sess.add(column, f"must not be {rule}", np.flatnonzero(late), dates,
                 f"Correct these dates or remove the rows; or leave them out with a warning by setting the "
                 f"{sess.table} table's option future_dates: drop in the study file "
                 f"(validate_{sess.table}(..., future_dates='drop')). If the run date is wrong, set "
                 f"{RUN_DATE_VARIABLE}=YYYY-MM-DD")
        return
    rows = sess.row_numbers(sess.out.index[late])
    n_in = len(sess.out)
    text = f"{len(rows)} of {n_in} rows of the {sess.table} table because their {column} is {rule}"
    if len(rows) == n_in:
        raise DataValidationError(f"The {sess.table} table has no rows left after dropping {text}. "
                                  f"{ROW_CONVENTION}")
    sess.out = sess.out.loc[~late]
    warnings.warn(f"Dropped {text} (future_dates='drop'): {_fmt_rows(rows, dates[late].tolist())}. "
                  f"{ROW_CONVENTION}", AnalysisWarning, stacklevel=3)




def _not_before(sess: _Session, later: str, earlier: str, advice: str) -> None:
    """Record the rows whose day in ``later`` is before their day in ``earlier`` (both parsed, both given).

    Days are compared, not times: a resolution written as a date only on the day of a complaint logged
    at 14:00 is not before it.
    """
    if later not in sess.out.columns or earlier not in sess.out.columns:
        return
    first, second = sess.out[earlier], sess.out[later]
    if first.dtype.kind != "M" or second.dtype.kind != "M":
        return
    before = (second.dt.normalize() < first.dt.normalize()).to_numpy()
    if before.any():
        sess.add(later, f"must not be before {earlier}", np.flatnonzero(before), second, advice)
