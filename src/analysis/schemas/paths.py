"""The ``paths`` table: customer journeys for channel attribution.

One row per distinct journey: the channels touched, in order, written as one text
(``"search > email > display"``), how many journeys of that form converted, and
optionally their conversion value and how many ended without a conversion.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.checks import shown
from analysis.errors import ParameterError
from analysis.schemas.session import _Session

#: Separators a journey text commonly uses; named when the declared one appears in no path.
_LIKELY_SEPARATORS: tuple[str, ...] = (" > ", " -> ", "|", ",", ";", "/")


def validate_paths(df: pd.DataFrame, *, separator: str = " > ") -> pd.DataFrame:
    """Check a table of customer journeys (attribution paths) and return it in canonical form.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per journey with ``path`` (the channels in order, separated by
        *separator*) and ``conversions`` (number >= 0); optional ``value`` (the
        conversions' total value, >= 0) and ``nulls`` (journeys of this form that
        did not convert, >= 0). Other columns are kept.
    separator : str, default " > "
        The text between two channels of a path. Paths are split at the
        separator without its surrounding spaces and spaces around each channel
        name are removed, so ``"a>b"``, ``"a >b"`` and ``"a > b"`` all name the
        channels ``a`` and ``b``.

    Returns
    -------
    pandas.DataFrame
        A new frame: ``path`` (string; channel names stripped of spaces, joined by
        *separator* as given), ``conversions``, ``value`` and ``nulls`` (``float64``) where
        present; other columns unchanged.

    Raises
    ------
    analysis.errors.DataValidationError
        For a missing column, an empty path or an empty step (``"a >  > b"``),
        a separator that appears in no path although another one does, and
        counts or values that are missing, negative or not numbers.
    analysis.errors.ParameterError
        When *separator* is not a non-empty text.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"path": ["search > email", "email"], "conversions": [2, 0],
    ...                     "nulls": [5, 9]})
    >>> validate_paths(raw)[["path", "conversions"]].values.tolist()
    [['search > email', 2.0], ['email', 0.0]]
    """
    if not isinstance(separator, str) or not separator.strip():
        raise ParameterError(f"separator must be the text between two channels of a path, such as ' > '; "
                             f"got {shown(separator)}.")
    sess = _Session("paths", df)
    present = sess.require(["path", "conversions"])
    if "path" in present:
        sess.text("path", nullable=False)
        _check_steps(sess, separator)
    for col in ("conversions", "value", "nulls"):
        if sess.present(col):
            sess.numbers(col, nullable=False, checks=[pa.Check.ge(0, error="must be >= 0")])
    return sess.finish()


def _check_steps(sess: _Session, separator: str) -> None:
    """Strip each step of every path; record empty steps and a separator that no path uses."""
    paths = sess.out["path"]
    given = paths.notna().to_numpy()
    token = separator.strip()
    steps = paths[given].astype(str).str.split(token, regex=False)
    stripped = steps.map(lambda parts: [p.strip() for p in parts])
    empty = stripped.map(lambda parts: any(p == "" for p in parts)).to_numpy(dtype=bool)
    if empty.any():
        positions = np.flatnonzero(given)[empty]
        sess.add("path", f"must name a channel between every two separators {shown(separator)}", positions,
                 paths, "Remove the doubled or trailing separator, or set the table option separator")
    joined = stripped.map(lambda parts: separator.join(parts))
    sess.out.loc[given, "path"] = joined.to_numpy()
    texts = paths[given].astype(str)
    if len(texts) > 1 and not texts.str.contains(token, regex=False).any():
        other = [s for s in _LIKELY_SEPARATORS if s.strip() != token and texts.str.contains(s, regex=False).any()]
        if other:
            sess.add("path", f"must separate channels with {shown(separator)}, which no path contains",
                     [int(np.flatnonzero(given)[0])], paths,
                     f"The paths seem to use {shown(other[0])}: set the table option separator: "
                     f"{shown(other[0])} in the study file (validate_paths(..., separator={other[0]!r}))")
