"""Input checks shared by the segmentation modules (private)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import DataValidationError, ParameterError

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
