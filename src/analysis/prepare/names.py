"""The closest valid name to a misspelt one, for messages (used by the study file checks too)."""

from __future__ import annotations

import difflib
from typing import Any

__all__ = ["suggest"]


def suggest(word: Any, choices: Any) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest of *choices*, or ``""``.

    Examples
    --------
    >>> suggest("colums", ["path", "columns"])
    "; did you mean 'columns'?"
    >>> suggest("zzz", ["path"])
    ''
    """
    from analysis.messages import msg

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return msg("study.suggest", name=close[0]) if close else ""
