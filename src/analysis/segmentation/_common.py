"""Input checks shared by the segmentation modules (private)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.errors import DataValidationError, ParameterError

_REQUIRED = ("customer_id", "date", "amount")


def rows_text(mask: np.ndarray, values: Sequence | None = None, limit: int = 5) -> str:
    """'rows 3, 7 (values ...)' for the first few True positions of ``mask`` (rows from 1)."""
    positions = np.flatnonzero(mask)[:limit]
    rows = ", ".join(str(p + 1) for p in positions)
    if values is not None:
        shown = ", ".join(repr(values[p]) for p in positions)
        return f"rows {rows} (values {shown})"
    return f"rows {rows}"


def check_transactions(transactions: pd.DataFrame) -> None:
    """Raise DataValidationError unless the canonical columns are usable."""
    if not isinstance(transactions, pd.DataFrame):
        raise DataValidationError(
            f"transactions must be a pandas DataFrame, not {type(transactions).__name__}."
        )
    missing = [c for c in _REQUIRED if c not in transactions.columns]
    if missing:
        raise DataValidationError(
            f"The transactions table lacks column(s) {missing}; it has "
            f"{list(transactions.columns)}. Validate it with "
            "analysis.schemas.validate_transactions or map your columns in the study YAML."
        )
    if not pd.api.types.is_datetime64_any_dtype(transactions["date"]):
        raise DataValidationError(
            "Column 'date' of the transactions table must hold dates (datetime64), not "
            f"{transactions['date'].dtype}; validate it with analysis.schemas.validate_transactions."
        )
    amount = transactions["amount"]
    if not pd.api.types.is_numeric_dtype(amount):
        raise DataValidationError(
            f"Column 'amount' of the transactions table must be numeric, not {amount.dtype}."
        )
    for column in _REQUIRED:
        bad = transactions[column].isna().to_numpy()
        if bad.any():
            raise DataValidationError(
                f"Column {column!r} of the transactions table has {int(bad.sum())} missing "
                f"value(s) ({rows_text(bad)}); drop or fill those rows before segmenting "
                "(analysis.schemas.validate_transactions reports them all)."
            )


def timestamp(value, name: str) -> pd.Timestamp:
    """A tz-naive Timestamp from a date-like parameter, or ParameterError."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.") from exc
    if stamp is pd.NaT:
        raise ParameterError(f"{name} must be a date such as '1997-09-30'; got {value!r}.")
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def check_int(value, name: str, low: int, high: int | None = None) -> int:
    """An int within [low, high], or ParameterError in scikit-learn's words."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ParameterError(f"The {name!r} parameter must be an int; got {value!r} instead.")
    if value < low or (high is not None and value > high):
        upper = "inf" if high is None else str(high)
        raise ParameterError(
            f"The {name!r} parameter must be an int in the range [{low}, {upper}]; got {value} instead."
        )
    return int(value)


def check_fraction(value, name: str, *, open_low: bool = True) -> float:
    """A float in (0, 1] (or [0, 1] when open_low is False), or ParameterError."""
    try:
        x = float(value)
    except (TypeError, ValueError) as exc:
        raise ParameterError(f"The {name!r} parameter must be a number in (0, 1]; got {value!r}.") from exc
    if not np.isfinite(x) or x > 1 or x < 0 or (open_low and x == 0):
        bounds = "(0, 1]" if open_low else "[0, 1]"
        raise ParameterError(f"The {name!r} parameter must be a number in {bounds}; got {value!r}.")
    return x


def rng_from(seed) -> np.random.Generator:
    """A numpy Generator from an int seed or a Generator (passed through)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ParameterError(
            f"seed must be an int or a numpy.random.Generator so results repeat; got {seed!r}."
        )
    return np.random.default_rng(int(seed))
