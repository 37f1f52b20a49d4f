"""The canonical tables' validators and :func:`validate_table`.

The contracts themselves are described in :mod:`analysis.schemas` and, column by column,
in ``docs/tables.md`` (generated from :mod:`analysis.schemas.reference`).
"""

from __future__ import annotations

import keyword
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.checks import shown
from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.schemas.problems import ROW_CONVENTION, _closest, _fmt_rows, _Problem
from analysis.schemas.session import _Session
from analysis.schemas.complaints import validate_complaints
from analysis.schemas.memberships import validate_memberships
from analysis.schemas.paths import validate_paths
from analysis.schemas.rules import _future_dates, _ge0
from analysis.schemas.values import _code_hint, _to_binary, _to_numbers
from analysis.window import check_future_dates

TABLES: tuple[str, ...] = ("transactions", "customers", "survey", "channel_outcomes", "paths", "complaints",
                           "memberships")

#: The customers table's optional numeric columns (numbers >= 0, missing allowed).
CUSTOMER_NUMBERS: tuple[str, ...] = ("acquisition_cost", "cost_to_serve", "recency_days", "frequency", "monetary")


# --------------------------------------------------------------------------- #
# rules shared by the validators
# --------------------------------------------------------------------------- #
def _scale_rule(scale: tuple[float, float], what: str) -> str:
    return f"must be within the {what} scale {scale[0]:g}-{scale[1]:g}"


def _scaled_numbers(sess: _Session, column: str, scale: tuple[float, float], what: str) -> None:
    """Ratings or outcomes: numbers within *scale*; values outside it that look like codes get a hint."""
    sess.numbers(column, checks=_scale_checks(scale, what))
    hint = _code_hint(sess.out[column], *scale)
    if hint:
        sess.hint(column, _scale_rule(scale, what), hint)


def _scale_checks(scale: tuple[float, float], what: str) -> list[pa.Check]:
    lo, hi = scale
    checks = [pa.Check.in_range(lo, hi, error=_scale_rule(scale, what))]
    if _is_integer_scale(scale):
        checks.append(pa.Check(lambda x: x.isna() | (x == np.floor(x)), element_wise=False,
                               error=f"must be a whole number (the {what} scale {lo:g}-{hi:g} has whole points)"))
    return checks


def _is_integer_scale(scale: tuple[float, float]) -> bool:
    return all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in scale)


def _check_scale(scale: Any, name: str) -> tuple[float, float]:
    ok = (isinstance(scale, (tuple, list)) and len(scale) == 2
          and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in scale)
          and scale[0] < scale[1])
    if not ok:
        given = list(scale) if isinstance(scale, (tuple, list, np.ndarray)) else scale
        raise ParameterError(f"{name} must be a pair (lowest, highest) of numbers with lowest < highest, "
                             f"such as (1, 7); got {shown(given)}.")
    return (scale[0], scale[1])


def _names(value: Any, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ParameterError(f"{name} must be a column name or a list of column names; got {value!r}.")


# --------------------------------------------------------------------------- #
# public validators
# --------------------------------------------------------------------------- #
def validate_transactions(df: pd.DataFrame, *, drop_invalid_amounts: bool = False,
                          date_format: str | None = None, future_dates: str = "refuse") -> pd.DataFrame:
    """Check a transaction log and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per purchase with at least ``customer_id`` and ``date``; optional
        ``amount``, ``channel``, ``quantity``, ``order_id`` and ``category`` (the
        product or service category). Other columns are kept. A log without ``amount`` (a grocery or visit log: who came when) is a
        *count-only* log: it validates, and the result has no ``amount`` column;
        analyses that need money say so.
    drop_invalid_amounts : bool, default False
        If False, amounts that are negative, missing, infinite or not numbers
        (``"12,50"``, ``"abc"``) are errors. If True, those rows are dropped with
        an :class:`~analysis.errors.AnalysisWarning` that says how many rows were
        dropped and why.
    date_format : str, optional
        A ``strftime`` format (``"%d/%m/%Y"``) for the ``date`` column, needed only
        when the form of the dates cannot be told from the data.
    future_dates : {"refuse", "drop"}, default "refuse"
        Rows dated more than a day after the run date (:func:`analysis.window.run_date`: today, or
        ``ANALYSIS_RUN_DATE``), or far beyond the rest (a late tail of fewer than 1 %
        of the rows, each more than a year after every other row; see
        :func:`analysis.window.last_credible_day`), cannot be real purchases.
        "refuse": they are errors (the message counts them and names the first
        rows); "drop": they are left out with an
        :class:`~analysis.errors.AnalysisWarning` stating how many. In a study
        file: the table's ``options: {future_dates: drop}``.

    Returns
    -------
    pandas.DataFrame
        A new frame (the input is not modified; the index is the input's, less any
        dropped rows): ``customer_id`` (string), ``date`` (``datetime64[ns]``, no
        time zone; aware timestamps converted to UTC), ``amount`` (``float64``)
        when present,
        ``quantity`` (``float64``) when present, ``channel``, ``order_id`` and
        ``category`` (string) when present, then the other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Listing every broken rule: missing columns, missing or malformed ids,
        unparseable or mixed-format dates, dates after the run date or far beyond
        the rest, bad amounts, an empty table.
    analysis.errors.ParameterError
        When ``future_dates`` is neither "refuse" nor "drop".

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2024-03-01", "2024-03-02"],
    ...                     "amount": [10.0, -1.0]})
    >>> import warnings
    >>> with warnings.catch_warnings(record=True):
    ...     warnings.simplefilter("always")
    ...     validate_transactions(raw, drop_invalid_amounts=True)["amount"].tolist()
    [10.0]
    """
    check_future_dates(future_dates)
    sess = _Session("transactions", df)
    present = sess.require(["customer_id", "date"])
    if sess.present("amount"):
        present.append("amount")
    else:
        _amount_look_alike(sess)
    if "amount" in present and drop_invalid_amounts:
        _drop_invalid_amounts(sess)
    if "customer_id" in present:
        sess.ids("customer_id", unique=False)
    if "date" in present:
        sess.dates("date", nullable=False, date_format=date_format)
        _future_dates(sess, "date", future_dates)
    if "amount" in present:
        sess.numbers("amount", nullable=False, checks=[_ge0()])
        sess.hint("amount", "must be >= 0", "Refunds and returns are not purchases: remove them, or pass "
                  "drop_invalid_amounts=True to drop such rows with a warning")
        sess.hint("amount", "must not be missing", "Pass drop_invalid_amounts=True to drop such rows with a warning")
    if sess.present("quantity"):
        sess.numbers("quantity", checks=[_ge0()])
    for col in ("channel", "order_id", "category"):
        if sess.present(col):
            sess.text(col)
    return sess.finish()


def _amount_look_alike(sess: _Session) -> None:
    """A log without ``amount`` is count-only; one with ``Amount `` or ``AMOUNT`` most likely is not."""
    alike = [c for c in sess.out.columns if str(c).strip().lower() == "amount"]
    if alike:
        sess.problems.append(_Problem(
            "amount", f"is missing although {shown(alike[0])} looks like it", [], [],
            f"Map {shown(alike[0])} to amount (study YAML 'columns:' or io.apply_column_mapping); a log without "
            f"an amount column is read as a count-only log (who bought when, no money)"))


def _drop_invalid_amounts(sess: _Session) -> None:
    values, bad = _to_numbers(sess.out["amount"])
    not_number = np.zeros(len(values), dtype=bool)
    not_number[bad] = True
    v = values.to_numpy()
    reasons = {
        "not a number": not_number,
        "missing": np.isnan(v) & ~not_number,
        "negative": v < 0,
        "infinite": np.isinf(v),
    }
    drop = np.logical_or.reduce(list(reasons.values()))
    if not drop.any():
        return
    labels = sess.out.index.to_numpy()
    parts = []
    for why, mask in reasons.items():
        if mask.any():
            rows = sess.row_numbers(labels[mask])
            parts.append(f"{int(mask.sum())} {why} ({_fmt_rows(rows, None)})")
    n_in = len(values)
    sess.out = sess.out.loc[~drop]
    message = (f"Dropped {int(drop.sum())} of {n_in} rows of the transactions table because their amount "
               f"was invalid: {', '.join(parts)}. {ROW_CONVENTION}")
    if len(sess.out) == 0:
        raise DataValidationError(f"The transactions table has no rows left: every amount was invalid "
                                  f"({', '.join(parts)}). {ROW_CONVENTION}")
    warnings.warn(message, AnalysisWarning, stacklevel=3)


def validate_customers(df: pd.DataFrame, *, date_format: str | None = None,
                       future_dates: str = "refuse") -> pd.DataFrame:
    """Check a customer table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer with ``customer_id`` (unique); optional
        ``acquisition_date``, ``acquisition_channel``, ``acquisition_cost`` and
        ``cost_to_serve`` (numbers >= 0; missing allowed), the customer-level
        purchase summary of a CRM export ``recency_days`` (days since the last
        purchase at the study's observation end), ``frequency`` (number of
        purchases) and ``monetary`` (total spend), all numbers >= 0 with missing
        allowed, ``referred_by`` (the ``customer_id`` of the customer who referred
        this one, normalised like ``customer_id``; missing = not referred; never
        the customer's own id), and any descriptive attributes, which are kept
        unchanged.
    date_format : str, optional
        A ``strftime`` format for ``acquisition_date`` when the data cannot tell it.
    future_dates : {"refuse", "drop"}, default "refuse"
        Acquisition dates after the run date or far beyond the rest, as for
        :func:`validate_transactions`: errors, or (``"drop"``) those customers'
        rows left out with a warning.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``customer_id`` (string), ``acquisition_date``
        (``datetime64[ns]``), ``acquisition_channel`` and ``referred_by``
        (string), costs and the purchase summary (``float64``) where present;
        other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Among others when ids repeat; the message lists the repeated ids.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_customers(pd.DataFrame({"customer_id": [7, 8], "acquisition_cost": [20, 35.5]})).dtypes["acquisition_cost"]
    dtype('float64')
    """
    check_future_dates(future_dates)
    sess = _Session("customers", df)
    if sess.require(["customer_id"]):
        sess.ids("customer_id", unique=True)
    if sess.present("acquisition_date"):
        sess.dates("acquisition_date", nullable=True, date_format=date_format)
        _future_dates(sess, "acquisition_date", future_dates)
    if sess.present("acquisition_channel"):
        sess.text("acquisition_channel")
    for col in CUSTOMER_NUMBERS:
        if sess.present(col):
            sess.numbers(col, checks=[_ge0()])
    if sess.present("referred_by"):
        _referred_by(sess)
    return sess.finish()


def _referred_by(sess: _Session) -> None:
    """``referred_by`` holds the referrer's id (normalised like ``customer_id``); nobody refers herself."""
    sess.ids("referred_by", unique=False, nullable=True)
    if "customer_id" not in sess.out.columns or sess.out["customer_id"].dtype != sess.out["referred_by"].dtype:
        return
    own = (sess.out["referred_by"] == sess.out["customer_id"]).fillna(False).to_numpy(dtype=bool)
    if own.any():
        sess.add("referred_by", "must not be the customer's own id", np.flatnonzero(own), sess.out["referred_by"],
                 "A customer cannot refer herself: leave referred_by empty for customers who were not referred")



def validate_survey(df: pd.DataFrame, *, rating_columns: Sequence[str] | str | None = None,
                    scale: tuple[float, float] = (1, 7), outcome_columns: Sequence[str] | str | None = None,
                    outcome_scale: tuple[float, float] | None = None, weight_column: str | None = None,
                    group_columns: Sequence[str] | str | None = None) -> pd.DataFrame:
    """Check a survey table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per respondent with ``respondent_id`` (unique).
    rating_columns : list of str, optional
        Attribute ratings; each must be a number within ``scale`` (missing answers
        are allowed). None checks no rating column.
    scale : (low, high), default (1, 7)
        The rating scale. With whole-number bounds (``(1, 7)``) ratings must also
        be whole numbers; with float bounds (``(0.0, 10.0)``) any number within
        the range is accepted.
    outcome_columns : list of str, optional
        Overall outcomes (satisfaction, recommend, loyalty), checked like ratings.
    outcome_scale : (low, high), optional
        The outcomes' scale; defaults to ``scale``.
    weight_column : str, optional
        Survey weights: numbers >= 0, none missing.
    group_columns : list of str, optional
        Columns that define groups (channel, segment); they must exist.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``respondent_id`` (string), ratings, outcomes and weights as
        ``float64``; other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        For example when a rating lies outside the scale; the message names the
        column, the rows and their values.
    analysis.errors.ParameterError
        When ``scale`` is not a pair (low, high) with low < high.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"respondent_id": [1, 2], "q1": [5, 7], "sat": [6, 4]})
    >>> validate_survey(raw, rating_columns=["q1"], outcome_columns="sat")["q1"].tolist()
    [5.0, 7.0]
    """
    scale = _check_scale(scale, "scale")
    outcome_scale = scale if outcome_scale is None else _check_scale(outcome_scale, "outcome_scale")
    ratings = _names(rating_columns, "rating_columns")
    outcomes = _names(outcome_columns, "outcome_columns")
    groups = _names(group_columns, "group_columns")
    weights = _names(weight_column, "weight_column")
    sess = _Session("survey", df)
    if sess.require(["respondent_id"]):
        sess.ids("respondent_id", unique=True)
    for col in sess.require(ratings, "is declared as a rating column"):
        _scaled_numbers(sess, col, scale, "rating")
    for col in sess.require(outcomes, "is declared as an outcome column"):
        _scaled_numbers(sess, col, outcome_scale, "outcome")
    for col in sess.require(weights, "is declared as the weight column"):
        sess.numbers(col, nullable=False, checks=[_ge0()])
    sess.require(groups, "is declared as a group column")
    return sess.finish()


def validate_channel_outcomes(df: pd.DataFrame, *, channel_column: str = "channel",
                              binary_columns: Sequence[str] | str | None = None,
                              continuous_columns: Sequence[str] | str | None = None) -> pd.DataFrame:
    """Check a channel or campaign outcome table and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per customer or contact.
    channel_column : str, default "channel"
        The channel (or campaign arm); required, no value missing.
    binary_columns : list of str, optional
        Yes/no outcomes (conversion, visit). Accepted: 0/1, booleans and the words
        yes/no, true/false, y/n in any case; stored as ``int64`` 0/1. No value may
        be missing.
    continuous_columns : list of str, optional
        Numeric outcomes (spend); finite numbers, none missing.

    Returns
    -------
    pandas.DataFrame
        A new frame: the channel column as string, binary columns ``int64``,
        continuous columns ``float64``; other columns (covariates, costs) unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        Naming each broken column, rule and the first rows that break it.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"channel": ["web", "store"], "converted": ["yes", "no"], "spend": [12, 0]})
    >>> out = validate_channel_outcomes(raw, binary_columns=["converted"], continuous_columns=["spend"])
    >>> out["converted"].tolist()
    [1, 0]
    """
    if not isinstance(channel_column, str):
        raise ParameterError(f"channel_column must be a column name; got {channel_column!r}.")
    binary = _names(binary_columns, "binary_columns")
    continuous = _names(continuous_columns, "continuous_columns")
    sess = _Session("channel_outcomes", df)
    if sess.require([channel_column]):
        sess.text(channel_column, nullable=False)
    binary_ok = []
    for col in sess.require(binary, "is declared as a binary outcome column"):
        values, bad = _to_binary(sess.out[col])
        if bad:
            sess.add(col, "must be 0 or 1 (or yes/no, true/false)", bad, sess.out[col],
                     _unknown_outcome_hint(col, [sess.out[col].iloc[p] for p in bad[:200]]))
        sess.not_null_exempt[col] = {int(sess.out.index[p]) for p in bad}
        sess.out[col] = values
        sess.check(col, "float64", [pa.Check.isin([0.0, 1.0], error="must be 0 or 1 (or yes/no, true/false)")],
                   nullable=False)
        binary_ok.append(col)
    for col in sess.require(continuous, "is declared as a continuous outcome column"):
        sess.numbers(col, nullable=False)
    out = sess.finish()
    for col in binary_ok:
        out[col] = out[col].astype("int64")
    return out


def _unknown_outcome_hint(column: str, values: list[Any]) -> str:
    """Advice for words such as 'unknown' in a yes/no outcome, which may not be missing."""
    words = list(dict.fromkeys(str(v).strip() for v in values))[:3]
    if len(words) != 1:
        return ""
    name = column if column.isidentifier() and not keyword.iskeyword(column) else f"col('{column}')"
    return (f"If {words[0]!r} marks an unknown outcome, leave those rows out with the table's filter in the "
            f"study file (filter: \"{name} != '{words[0]}'\"); a yes/no outcome cannot be missing")


_VALIDATORS: dict[str, Callable[..., pd.DataFrame]] = {
    "transactions": validate_transactions,
    "customers": validate_customers,
    "survey": validate_survey,
    "channel_outcomes": validate_channel_outcomes,
    "paths": validate_paths,
    "complaints": validate_complaints,
    "memberships": validate_memberships,
}


def validate_table(name: str, df: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Validate *df* as the canonical table *name*.

    Parameters
    ----------
    name : str
        One of :data:`TABLES`.
    df : pandas.DataFrame
        The table.
    **options
        Passed to that table's validator (for example ``drop_invalid_amounts``
        for transactions, ``rating_columns`` and ``scale`` for a survey,
        ``separator`` for paths).

    Returns
    -------
    pandas.DataFrame
        The validated, typed table.

    Raises
    ------
    analysis.errors.ParameterError
        For an unknown table name or an option the validator does not take.
    analysis.errors.DataValidationError
        When the table breaks its contract.

    Examples
    --------
    >>> import pandas as pd
    >>> validate_table("customers", pd.DataFrame({"customer_id": ["a", "b"]}))["customer_id"].tolist()
    ['a', 'b']
    """
    if name not in _VALIDATORS:
        guess = _closest(str(name), TABLES)
        raise ParameterError(f"Unknown table {name!r}; the tables are {', '.join(TABLES)}."
                             + (f" Did you mean '{guess}'?" if guess else ""))
    func = _VALIDATORS[name]
    import inspect

    accepted = [p for p in inspect.signature(func).parameters if p != "df"]
    unknown = [k for k in options if k not in accepted]
    if unknown:
        raise ParameterError(f"Unknown option(s) {', '.join(map(repr, unknown))} for the {name} table; "
                             f"accepted: {', '.join(accepted)}.")
    return func(df, **options)
