"""The observation window: cut-off dates, time unit and time zone, with one date
parser and one table of time units for the whole package.

A study has one window (its YAML's ``window:`` section); every notebook and every
function that needs a cut-off date takes it from here, so "the end of
observation" means the same thing everywhere:

``observation_end``
    The last day of data used; purchases after it are ignored, a purchase *on* it
    counts. Default: the day of the last transaction in the data.
``calibration_end``
    The end of the calibration period of a holdout check (CLV). Default: none;
    an analysis that needs one takes ``observation_end - holdout_length`` units.
``time_unit``
    The unit of recency, age, horizon and holdout lengths: ``"D"`` days, ``"W"``
    weeks, ``"M"`` months (365.25 / 12 days) or ``"Y"`` years (365.25 days).
``timezone``
    The IANA zone in which a purchase's calendar day is taken; tz-aware
    timestamps are converted to it, naive ones are taken as already in it.

The *run date* (:func:`run_date`) is the day the analysis runs: today, or the
date in the environment variable ``ANALYSIS_RUN_DATE`` (the report runner sets it
once so every notebook of a run shares it). Data dated after it, or far beyond
the rest of the data (:func:`last_credible_day`), cannot be real purchases: the
validators refuse such rows, or drop them with ``future_dates="drop"``.

Examples
--------
>>> from analysis.window import Window, parse_date
>>> parse_date("1998-06-30 17:45", "observation_end")
Timestamp('1998-06-30 00:00:00')
>>> w = Window.from_config({"observation_end": "1998-06-30", "calibration_end": "1997-09-30"})
>>> w.holdout_periods()
39.0
>>> w = Window().resolve(last_day="2024-05-31 18:20")
>>> w.observation_end, w.observation_end_source
(Timestamp('2024-05-31 00:00:00'), 'data')
"""

from __future__ import annotations

import dataclasses
import numbers
import os
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import ParameterError

__all__ = ["UNIT_DAYS", "UNIT_NAMES", "WINDOW_KEYS", "Window", "parse_date", "unit_days", "check_timezone",
           "RUN_DATE_VARIABLE", "FUTURE_DATES", "FAR_TAIL_SHARE", "FAR_TAIL_GAP_DAYS", "run_date",
           "last_credible_day", "check_future_dates", "future_dates_rule"]

#: days per time unit: the one unit table of the package
UNIT_DAYS: Mapping[str, float] = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25}
#: the word for each unit, for messages
UNIT_NAMES: Mapping[str, str] = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}

#: where each date of a window came from (the report says which)
SOURCE_DATA = "data"
SOURCE_STUDY = "study"
SOURCE_NOTEBOOK = "notebook"
SOURCE_ARGUMENT = "argument"
#: the settings of a window, in the order they are applied (zone and unit before the values that use them)
WINDOW_KEYS = ("timezone", "time_unit", "holdout_length", "observation_end", "calibration_end")

#: environment variable holding the run date (YYYY-MM-DD); unset: today
RUN_DATE_VARIABLE = "ANALYSIS_RUN_DATE"
#: what to do with rows dated after the last credible day: stop with a message, or drop them with a warning
FUTURE_DATES = ("refuse", "drop")
#: a late tail of dates is "far beyond the rest" when it holds fewer than this share of the rows ...
FAR_TAIL_SHARE = 0.01
#: ... and its first date is more than this many days after the date before it (so after every other row)
FAR_TAIL_GAP_DAYS = 365


def parse_date(value: Any, name: str, *, timezone: str = "UTC") -> pd.Timestamp:
    """A date-like value -> midnight of its calendar day, tz-naive.

    The one date parser of the package. Strings, ``datetime``/``date`` objects and
    Timestamps are accepted; a tz-aware value is first converted to ``timezone``
    (so ``2024-06-30T23:30-05:00`` is 1 July in ``"Asia/Shanghai"``).

    Parameters
    ----------
    value : str, datetime, date or Timestamp
        The date.
    name : str
        The parameter's name, for the error message.
    timezone : str, default "UTC"
        Zone to convert tz-aware values to before taking the day.

    Returns
    -------
    Timestamp
        Midnight of the day, without a time zone.

    Raises
    ------
    ParameterError
        When ``value`` is not a date.

    Examples
    --------
    >>> parse_date("2024-06-30", "observation_end")
    Timestamp('2024-06-30 00:00:00')
    >>> parse_date("2024-06-30T23:30:00-05:00", "observation_end", timezone="Asia/Shanghai")
    Timestamp('2024-07-01 00:00:00')
    """
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.")
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.") from exc
    if stamp is pd.NaT:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(check_timezone(timezone)).tz_localize(None)
    return stamp.normalize()


def run_date() -> pd.Timestamp:
    """The day the analysis runs: midnight of today (tz-naive), or of ``ANALYSIS_RUN_DATE`` when set.

    Returns
    -------
    Timestamp
        Midnight of the run date, without a time zone.

    Raises
    ------
    ParameterError
        When ``ANALYSIS_RUN_DATE`` is set but is not a date.

    Examples
    --------
    >>> import os
    >>> os.environ["ANALYSIS_RUN_DATE"] = "2024-06-30"
    >>> run_date()
    Timestamp('2024-06-30 00:00:00')
    >>> del os.environ["ANALYSIS_RUN_DATE"]
    """
    value = os.environ.get(RUN_DATE_VARIABLE)
    if value is None:
        return pd.Timestamp.today().normalize()
    try:
        return parse_date(value, f"The environment variable {RUN_DATE_VARIABLE}")
    except ParameterError as exc:
        raise ParameterError(f"{exc} Set it to the run date as YYYY-MM-DD, or unset it to use today.") from None


def last_credible_day(day_counts: pd.Series, run_day: pd.Timestamp | None = None) -> pd.Timestamp:
    """The last day data may carry: the day after the run date, or the day before a far-off tail if earlier.

    The one rule of the package for dates that cannot be real purchases (both the
    validators and a log kept on disk apply it):

    * a row dated more than one day after the run date (:func:`run_date`) is in
      the future (the day of grace is for time zones: timestamps are read in UTC,
      and an evening purchase west of Greenwich is already dated tomorrow there);
    * a row is *far beyond the rest* when it belongs to a late tail of the data
      that holds fewer than :data:`FAR_TAIL_SHARE` (1 %) of the rows and whose
      first day is more than :data:`FAR_TAIL_GAP_DAYS` (365) days after the day
      before it, i.e. every row of the tail is more than a year after every
      other row (typically a mistyped year). Of several such gaps the earliest
      counts, so the whole tail is caught.

    Rows dated after the returned day break the rule.

    Parameters
    ----------
    day_counts : Series
        Rows per day: index the (distinct, midnight) days, values the counts.
    run_day : Timestamp, optional
        The run date; default :func:`run_date`.

    Returns
    -------
    Timestamp
        The last credible day (midnight).

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.Series([500, 400, 3], index=pd.to_datetime(["2024-01-05", "2024-06-30", "2031-02-01"]))
    >>> last_credible_day(days, pd.Timestamp("2032-01-01"))
    Timestamp('2024-06-30 00:00:00')
    >>> last_credible_day(days, pd.Timestamp("2024-03-01"))
    Timestamp('2024-03-02 00:00:00')
    """
    limit = (run_date() if run_day is None else run_day) + pd.Timedelta(days=1)
    counts = day_counts[day_counts > 0].sort_index()
    days = pd.DatetimeIndex(counts.index)
    if len(days) > 1:
        rows_from = counts.to_numpy()[::-1].cumsum()[::-1]  # rows on or after each day
        gap = np.diff(days.to_numpy().astype("datetime64[D]").astype(np.int64)) > FAR_TAIL_GAP_DAYS  # no ns overflow
        small = rows_from[1:] < FAR_TAIL_SHARE * rows_from[0]
        tails = (gap & small).nonzero()[0]
        if len(tails):
            limit = min(limit, days[tails[0]])
    return limit


def check_future_dates(value: Any) -> str:
    """``value`` if it is one of :data:`FUTURE_DATES`, else ParameterError saying what each means.

    Examples
    --------
    >>> check_future_dates("drop")
    'drop'
    """
    if not isinstance(value, str) or value not in FUTURE_DATES:
        raise ParameterError(
            "future_dates must be 'refuse' (the default: stop and name the rows dated after the run date or "
            f"far beyond the rest) or 'drop' (leave those rows out with a warning); got {value!r}."
        )
    return value


def future_dates_rule(last_day: pd.Timestamp, run_day: pd.Timestamp) -> str:
    """Why rows after ``last_day`` are refused, in words (for messages).

    Examples
    --------
    >>> import pandas as pd
    >>> future_dates_rule(pd.Timestamp("2024-06-30"), pd.Timestamp("2026-01-01"))[:34]
    'after 2024-06-30: more than a year'
    """
    if last_day > run_day:
        return (f"more than a day after the run date {run_day.date()} (today, or {RUN_DATE_VARIABLE} when set): "
                "not yet happened in any time zone")
    return (f"after {last_day.date()}: more than a year after every other row and together fewer than "
            f"{FAR_TAIL_SHARE:.0%} of the rows, so far beyond the rest (a mistyped year?); the run date is "
            f"{run_day.date()}")


def unit_days(time_unit: str, *, allowed: tuple[str, ...] = tuple(UNIT_DAYS)) -> float:
    """Days in one ``time_unit``; ParameterError for a unit outside ``allowed``.

    Examples
    --------
    >>> unit_days("W")
    7.0
    """
    if time_unit not in allowed:
        names = ", ".join(f"'{u}' ({UNIT_NAMES[u]})" for u in allowed)
        raise ParameterError(f"time_unit must be one of {names}; got {time_unit!r}.")
    return UNIT_DAYS[time_unit]


def check_timezone(timezone: Any) -> str:
    """``timezone`` if it is an IANA zone name, else ParameterError.

    Examples
    --------
    >>> check_timezone("Asia/Shanghai")
    'Asia/Shanghai'
    """
    if not isinstance(timezone, str) or not timezone:
        raise ParameterError(f"timezone must be an IANA zone name such as 'UTC'; got {timezone!r}.")
    try:
        pd.Timestamp("2000-01-01", tz=timezone)
    except Exception as exc:  # noqa: BLE001 - pytz/zoneinfo raise different errors
        raise ParameterError(
            f"timezone must be an IANA zone name such as 'UTC' or 'Asia/Shanghai'; got {timezone!r}."
        ) from exc
    return timezone


@dataclasses.dataclass(frozen=True)
class Window:
    """The observation window of a study (see the module docstring).

    Parameters
    ----------
    observation_end, calibration_end : date-like or None
        Cut-off dates; parsed with :func:`parse_date`. ``None``: not set (an
        observation end is then taken from the data by :meth:`resolve`).
    holdout_length : float, default 39
        Length of the holdout period in ``time_unit`` when no ``calibration_end``
        is set.
    time_unit : {"D", "W", "M", "Y"}, default "W"
        Unit of ages, horizons and holdout lengths.
    timezone : str, default "UTC"
        Zone of purchase days.
    observation_end_source, calibration_end_source : str
        Where each date came from: "data", "study", "notebook" or "argument".

    Examples
    --------
    >>> w = Window(observation_end="1998-06-30", time_unit="D")
    >>> w.observation_end, w.unit_days
    (Timestamp('1998-06-30 00:00:00'), 1.0)
    """

    observation_end: pd.Timestamp | None = None
    calibration_end: pd.Timestamp | None = None
    holdout_length: float = 39.0
    time_unit: str = "W"
    timezone: str = "UTC"
    observation_end_source: str = SOURCE_ARGUMENT
    calibration_end_source: str = SOURCE_ARGUMENT

    def __post_init__(self) -> None:
        check_timezone(self.timezone)
        unit_days(self.time_unit)
        for name in ("observation_end", "calibration_end"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, parse_date(value, name, timezone=self.timezone))
        length = self.holdout_length
        if isinstance(length, (bool, np.bool_)) or not isinstance(length, numbers.Real) or not length > 0:
            raise ParameterError(f"holdout_length must be a positive number of {UNIT_NAMES[self.time_unit]}; "
                                 f"got {np.asarray(length).tolist()!r}.")
        object.__setattr__(self, "holdout_length", float(length))
        if (self.observation_end is not None and self.calibration_end is not None
                and self.calibration_end >= self.observation_end):
            raise ParameterError(
                f"calibration_end ({self.calibration_end.date()}) must be before observation_end "
                f"({self.observation_end.date()}): the holdout period would be empty."
            )

    # ------------------------------------------------------------ building
    @classmethod
    def from_config(cls, raw: Mapping[str, Any] | None, *, source: str = SOURCE_STUDY,
                    base: Window | None = None) -> Window:
        """A window from a mapping (a study's ``window:`` section or notebook parameters).

        Keys: ``observation_end``, ``calibration_end``, ``holdout_length``,
        ``time_unit``, ``timezone``; a missing key or a ``None`` value keeps the
        value of ``base`` (or the default). Unknown keys are refused.

        Examples
        --------
        >>> study = Window.from_config({"observation_end": "1998-06-30"})
        >>> Window.from_config({"time_unit": "D"}, source="notebook", base=study).observation_end_source
        'study'
        """
        raw = dict(raw or {})
        unknown = sorted(set(raw) - set(WINDOW_KEYS))
        if unknown:
            raise ParameterError(f"Unknown window setting(s) {unknown}; the window takes {list(WINDOW_KEYS)}.")
        given = {k: v for k, v in raw.items() if v is not None}
        start = base if base is not None else cls()
        for name in ("observation_end", "calibration_end"):
            if name in given:
                given[f"{name}_source"] = source
        return dataclasses.replace(start, **given)

    def override(self, **values: Any) -> Window:
        """This window with the non-``None`` values replaced (by a notebook's parameters).

        Examples
        --------
        >>> Window(time_unit="D").override(time_unit=None, observation_end="2024-01-31").observation_end_source
        'notebook'
        """
        return Window.from_config(values, source=SOURCE_NOTEBOOK, base=self)

    def resolve(self, last_day: Any) -> Window:
        """This window with ``observation_end`` set, by default to ``last_day``.

        ``last_day`` is the date of the last transaction in the data. Analyses call
        this once, with their data, so every default means the same thing.
        """
        if self.observation_end is not None:
            return self
        end = parse_date(last_day, "last transaction date", timezone=self.timezone)
        return dataclasses.replace(self, observation_end=end, observation_end_source=SOURCE_DATA)

    # ------------------------------------------------------------ reading
    @property
    def unit_days(self) -> float:
        """Days in one time unit."""
        return UNIT_DAYS[self.time_unit]

    @property
    def unit_name(self) -> str:
        """The time unit as a word ("weeks")."""
        return UNIT_NAMES[self.time_unit]

    def holdout_end(self) -> pd.Timestamp:
        """The calibration end: ``calibration_end`` or ``observation_end - holdout_length`` units."""
        end = self._require_end()
        if self.calibration_end is not None:
            return self.calibration_end
        return end - pd.Timedelta(days=round(self.holdout_length * self.unit_days))

    def holdout_periods(self) -> float:
        """Length of the holdout period in time units (from the dates actually used)."""
        end = self._require_end()
        return (end - self.holdout_end()).days / self.unit_days

    def as_dict(self) -> dict[str, Any]:
        """The settings as plain values (dates as ISO strings), e.g. for a manifest."""
        out = {k: getattr(self, k) for k in WINDOW_KEYS}
        for name in ("observation_end", "calibration_end"):
            out[name] = None if out[name] is None else out[name].date().isoformat()
            out[f"{name}_source"] = getattr(self, f"{name}_source")
        return out

    def _require_end(self) -> pd.Timestamp:
        if self.observation_end is None:
            raise ParameterError("The window has no observation_end yet; call resolve(last_day) with the data's "
                                 "last transaction date first.")
        return self.observation_end
