"""Parameter constraints, the not-fitted check and the default seed: written once.

In the spirit of scikit-learn's parameter constraints, a public function or class
declares what each parameter may be, once, and one validator writes every
message in the same form::

    The 'n_clusters' parameter of fit_clusters must be an int in the range [1, inf). Got 0 instead.

Constraints are a list per parameter; the value is accepted when it satisfies any
of them:

- a type (``int``, ``float``, ``str``, ``bool``, ``dict``, ``list``, a class):
  ``isinstance`` (``int`` refuses ``True``/``False``; ``float`` accepts ints);
- ``None``: the value may be ``None``;
- :class:`Interval`: a number in a range;
- :class:`Options`: one of a set of values;
- ``"seed"``: an int or a ``numpy.random.Generator``;
- ``"array-like"``: a list, tuple, numpy array, pandas Series or Index;
- ``"frame"``: a pandas DataFrame.

Examples
--------
>>> from analysis.checks import Interval, Options, validate_params
>>> @validate_params({"k": [Interval(int, 1, None, closed="left")], "how": [Options({"a", "b"})]})
... def f(k, how="a"):
...     return k
>>> f(2)
2
>>> f(0)
Traceback (most recent call last):
...
analysis.errors.ParameterError: The 'k' parameter of f must be an int in the range [1, inf). Got 0 instead.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.errors import NotFittedError, ParameterError

__all__ = [
    "DEFAULT_SEED",
    "Interval",
    "Options",
    "check_params",
    "validate_params",
    "check_is_fitted",
    "rng_from",
    "check_alpha",
    "plain",
    "shown",
    "shown_names",
]

#: the one default seed of every function and model that draws random numbers
DEFAULT_SEED = 0


@dataclass(frozen=True)
class Interval:
    """A number of ``type`` (``int`` or ``float``; ``numbers.Real`` for either) in a range.

    ``closed`` is "both", "left", "right" or "neither"; ``None`` bounds are infinite.
    """

    type: type
    low: float | None
    high: float | None
    closed: str = "both"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, (bool, np.bool_)):
            return False
        if self.type is int:
            if not isinstance(value, numbers.Integral):
                return False
        elif not isinstance(value, numbers.Real) or not math.isfinite(float(value)):
            return False
        low_ok = self.low is None or (value >= self.low if self.closed in ("both", "left") else value > self.low)
        high_ok = self.high is None or (value <= self.high if self.closed in ("both", "right") else value < self.high)
        return low_ok and high_ok

    def __str__(self) -> str:
        kind = "an int" if self.type is int else "a number"
        left = "[" if self.closed in ("both", "left") and self.low is not None else "("
        right = "]" if self.closed in ("both", "right") and self.high is not None else ")"
        low = "-inf" if self.low is None else f"{self.low:g}"
        high = "inf" if self.high is None else f"{self.high:g}"
        return f"{kind} in the range {left}{low}, {high}{right}"


@dataclass(frozen=True)
class Options:
    """One of a fixed set of values."""

    values: Iterable[Any]

    def accepts(self, value: Any) -> bool:
        try:
            return value in set(self.values)
        except TypeError:  # unhashable value
            return False

    def __str__(self) -> str:
        return "one of " + ", ".join(repr(v) for v in sorted(self.values, key=str))


_TYPE_TEXT = {int: "an int", float: "a number", str: "a str", bool: "a bool", dict: "a dict", list: "a list",
              tuple: "a tuple"}


def _accepts(constraint: Any, value: Any) -> bool:
    if constraint is None:
        return value is None
    if isinstance(constraint, (Interval, Options)):
        return constraint.accepts(value)
    if constraint == "seed":
        return isinstance(value, np.random.Generator) or (
            isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_)))
    if constraint == "array-like":
        return isinstance(value, (list, tuple, np.ndarray, pd.Series, pd.Index))
    if constraint == "frame":
        return isinstance(value, pd.DataFrame)
    if constraint is int:
        return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))
    if constraint is float:
        return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
    if constraint is bool:
        return isinstance(value, (bool, np.bool_))
    if isinstance(constraint, type):
        return isinstance(value, constraint)
    raise TypeError(f"unknown parameter constraint {constraint!r}")


def _describe(constraint: Any) -> str:
    if constraint is None:
        return "None"
    if isinstance(constraint, (Interval, Options)):
        return str(constraint)
    if constraint == "seed":
        return "an int or a numpy.random.Generator"
    if constraint == "array-like":
        return "a list or array"
    if constraint == "frame":
        return "a pandas DataFrame"
    return _TYPE_TEXT.get(constraint, f"an instance of {getattr(constraint, '__name__', constraint)}")


def plain(value: Any) -> Any:
    """*value* as a message shows it: numpy scalars as Python numbers, timestamps as dates.

    The one place that keeps ``np.float64(0.5)`` and ``Timestamp('2024-01-01 00:00:00')``
    out of messages; lists and tuples are converted element by element.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> plain(np.float64(0.5)), plain([np.int64(7), "a"]), plain(pd.Timestamp("2024-01-31"))
    (0.5, [7, 'a'], '2024-01-31')
    """
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    return value


def shown(value: Any) -> str:
    """*value* as quoted in a message: :func:`plain`, ``repr`` and cut at 80 characters.

    Examples
    --------
    >>> shown(np.int64(3)), shown("a" * 100)[-5:]
    ('3', 'aa...')
    """
    if isinstance(value, (pd.DataFrame, pd.Series, np.ndarray)):
        return f"a {type(value).__name__}"
    text = repr(plain(value))
    return text if len(text) <= 80 else text[:77] + "..."


#: a message lists at most this many names of a file's columns, each cut to this many characters:
#: it names a column so that the user can find it, but never copies more of a file than that, so
#: a file that is not the table it was taken for does not end up in an error, an index or a manifest
MAX_NAMES, MAX_NAME_CHARS = 20, 60


def shown_names(names: Iterable[Any], *, quote: bool = True) -> str:
    """Column names as a message lists them: the first 20, each shortened, then how many more.

    Examples
    --------
    >>> shown_names(["CustID", "Value"])
    "'CustID', 'Value'"
    >>> shown_names([f"c{i}" for i in range(25)], quote=False)
    'c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 and 5 more'
    >>> shown_names(["x" * 100])[-6:]
    "xx...'"
    """
    names = [str(n) for n in names]
    short = [n if len(n) <= MAX_NAME_CHARS else n[: MAX_NAME_CHARS - 3] + "..." for n in names[:MAX_NAMES]]
    text = ", ".join(shown(n) if quote else n for n in short)
    return text + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else "")


def check_params(constraints: Mapping[str, list], values: Mapping[str, Any], owner: str) -> None:
    """Raise :class:`ParameterError` for the first value that meets none of its constraints.

    Parameters
    ----------
    constraints : mapping
        Parameter name -> list of constraints (see the module docstring).
    values : mapping
        Parameter name -> value; names without a constraint are not checked.
    owner : str
        The function or class named in the message.

    Examples
    --------
    >>> check_params({"alpha": [Interval(float, 0, 0.5, closed="neither")]}, {"alpha": 0.05}, "compare_rates")
    >>> check_params({"seed": ["seed"]}, {"seed": None}, "bootstrap")
    Traceback (most recent call last):
    ...
    analysis.errors.ParameterError: The 'seed' parameter of bootstrap must be an int or a numpy.random.Generator. Got None instead.
    """
    for name, allowed in constraints.items():
        if name not in values:
            continue
        value = values[name]
        if any(_accepts(c, value) for c in allowed):
            continue
        texts = [_describe(c) for c in allowed]
        wanted = texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " or " + texts[-1]
        raise ParameterError(f"The {name!r} parameter of {owner} must be {wanted}. Got {shown(value)} instead.")


def validate_params(constraints: Mapping[str, list]) -> Callable:
    """Decorator: check a function's arguments against ``constraints`` at each call.

    Declared once per public function; see :func:`check_params` for the message.
    """

    def decorate(func: Callable) -> Callable:
        signature = inspect.signature(func)
        unknown = set(constraints) - set(signature.parameters)
        if unknown:
            raise TypeError(f"constraints for unknown parameters {sorted(unknown)} of {func.__qualname__}")

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            check_params(constraints, bound.arguments, func.__name__)
            return func(*args, **kwargs)

        return wrapper

    return decorate


def check_is_fitted(model: Any, attribute: str = "params_") -> None:
    """Raise :class:`NotFittedError` unless ``model`` has ``attribute`` (set by ``fit``).

    The one not-fitted check of the package.

    Examples
    --------
    >>> class M:
    ...     pass
    >>> check_is_fitted(M())
    Traceback (most recent call last):
    ...
    analysis.errors.NotFittedError: This M is not fitted yet; call fit(...) first.
    """
    if getattr(model, attribute, None) is None:
        raise NotFittedError(f"This {type(model).__name__} is not fitted yet; call fit(...) first.")


def rng_from(seed: int | np.random.Generator) -> np.random.Generator:
    """A numpy Generator from an int seed, or the Generator passed in.

    ``None`` is refused: results must repeat, so a seed is always given (the
    default of every function is :data:`DEFAULT_SEED`).

    Examples
    --------
    >>> float(rng_from(0).random()) == float(rng_from(0).random())
    True
    """
    check_params({"seed": ["seed"]}, {"seed": seed}, "rng_from")
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(int(seed))


def check_alpha(alpha: Any, owner: str) -> float:
    """``alpha`` (one minus the confidence level) as a float in (0, 0.5).

    ``alpha`` is the one name of the confidence level in the package:
    intervals are ``1 - alpha`` intervals and tests are judged at level ``alpha``.

    Examples
    --------
    >>> check_alpha(0.05, "summary")
    0.05
    """
    check_params({"alpha": [Interval(float, 0.0, 0.5, closed="neither")]}, {"alpha": alpha}, owner)
    return float(alpha)
