"""How messages list a file's column names: the first 20, each shortened.

A message names a column so that the user can find it, but never copies more of
a file than that: a list of names stops after 20, and a name is cut to 60
characters, so that a file that is not the table it was taken for does not end
up in an error, a report index or a manifest. Single values are quoted with
:func:`analysis.checks.shown`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from analysis.checks import shown

MAX_CHARS = 60
MAX_NAMES = 20


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
    short = [n if len(n) <= MAX_CHARS else n[: MAX_CHARS - 3] + "..." for n in names[:MAX_NAMES]]
    text = ", ".join(shown(n) if quote else n for n in short)
    return text + (f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else "")
