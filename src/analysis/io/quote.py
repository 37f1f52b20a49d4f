"""How messages quote what a file or a study file holds: names and values, shortened.

A message names a column or quotes a value so that the user can find it, but
never copies more of a file than that: a quoted text is cut to about 60
characters and a list of names to its first 20, so that a file that is not the
table it was taken for (or a YAML alias that expands to millions of items) does
not end up in an error, a report index or a manifest.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from typing import Any

MAX_CHARS = 60
MAX_NAMES = 20

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = MAX_CHARS
_REPR.maxlevel = 3


def shown(value: Any) -> str:
    """*value* as a message quotes it: its repr, shortened.

    Examples
    --------
    >>> shown("CustID")
    "'CustID'"
    >>> shown(list(range(100)))
    '[0, 1, 2, 3, 4, 5, ...]'
    >>> len(shown("x" * 10_000)) <= 60
    True
    """
    return _REPR.repr(value)


def shown_names(names: Iterable[Any], *, quote: bool = True) -> str:
    """Column names as a message lists them: the first 20, each shortened, then how many more.

    Examples
    --------
    >>> shown_names(["CustID", "Value"])
    "'CustID', 'Value'"
    >>> shown_names([f"c{i}" for i in range(25)], quote=False)
    'c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 and 5 more'
    """
    names = [str(n) for n in names]
    short = [n if len(n) <= MAX_CHARS else n[: MAX_CHARS - 3] + "..." for n in names[:MAX_NAMES]]
    text = ", ".join(repr(n) if quote else n for n in short)
    return text + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else "")
