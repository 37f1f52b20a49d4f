"""Problems found by the validators and the one readable message they make.

Every broken rule becomes a :class:`_Problem` (column, rule, 1-based rows, their
values, advice); :func:`_raise` turns a table's problems into one
:class:`~analysis.errors.DataValidationError` whose lines all read alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import shown, shown_names
from analysis.errors import DataValidationError

ROW_CONVENTION = (
    "Row numbers count data rows from 1 (the first row under the header is row 1; "
    "in a spreadsheet with one header line it is line 2)."
)
_MAX_SHOWN = 5

#: ``DataFrame.attrs`` key under which a caller that dropped or reordered rows before validation (a study's
#: ``filter:``) gives each remaining row's 1-based row number in the file, as a tuple of ints; messages then
#: name the file's rows instead of the positions in the frame that was validated.
SOURCE_ROWS = "analysis.source_rows"


@dataclass
class _Problem:
    column: str | None
    rule: str
    rows: list[int]  # 1-based data row numbers, sorted
    values: list[Any]
    detail: str = ""
    count: int | None = None  # rows breaking the rule, when more than len(rows)


def _fmt_value(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return "missing"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    if isinstance(value, (np.floating, float)):
        return repr(float(value))
    if isinstance(value, (np.integer, int)):
        return str(int(value))
    return repr(value)


def _fmt_rows(rows: Sequence[int], values: Sequence[Any] | None, count: int | None = None) -> str:
    total = len(rows) if count is None else count
    shown = list(rows)[:_MAX_SHOWN]
    word = "row" if len(shown) == 1 else "rows"
    text = f"{word} {', '.join(str(r) for r in shown)}"
    if total > len(shown):
        text += f" and {total - len(shown)} more"
    if values is not None and len(values):
        vals = ", ".join(_fmt_value(v) for v in list(values)[: len(shown)])
        text += f" ({'value' if len(shown) == 1 else 'values'} {vals})"
    return text


def _fmt_problem(p: _Problem) -> str:
    head = f"column {shown(p.column)}" if p.column is not None else "table"
    if not p.rows:
        text = f"{head}: {p.rule}"
    else:
        n = len(p.rows) if p.count is None else p.count
        text = f"{head}: {p.rule}; {n} {'row breaks' if n == 1 else 'rows break'} it: {_fmt_rows(p.rows, p.values, p.count)}"
    if p.detail:
        text += f". {p.detail}"
    return text if text.endswith(".") else text + "."


def _raise(table: str, problems: list[_Problem]) -> None:
    if not problems:
        return
    n = len(problems)
    lines = [
        f"The {table} table breaks its data contract ({n} {'problem' if n == 1 else 'problems'}). "
        + ROW_CONVENTION
    ]
    lines += [f"  - {_fmt_problem(p)}" for p in problems]
    raise DataValidationError("\n".join(lines))


def _closest(name: str, candidates: Iterable[Hashable]) -> str | None:
    cands = [str(c) for c in candidates]
    lowered = {c.lower().strip(): c for c in cands}
    key = name.lower().strip()
    if key in lowered:
        return lowered[key]
    match = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.5)
    return lowered[match[0]] if match else None


def missing_column_text(name: str, columns: Iterable[Hashable]) -> str:
    """Describe a missing column: what is present and the closest name.

    Parameters
    ----------
    name : str
        The column that was looked for.
    columns : iterable
        The columns that are present.

    Returns
    -------
    str
        For example ``"Columns present: 'cust', 'date'. Did you mean 'cust'?"``.

    Examples
    --------
    >>> missing_column_text("amount", ["Amount", "date"])
    "Columns present: 'Amount', 'date'. Did you mean 'Amount'?"
    """
    cols = list(columns)
    text = "Columns present: " + (shown_names(cols) if cols else "none") + "."
    guess = _closest(name, cols)
    if guess is not None:
        text += f" Did you mean {shown(guess)}?"
    return text


def _duplicate_detail(rows: list[int], values: list[Any]) -> str:
    groups: dict[Any, list[int]] = {}
    for r, v in zip(rows, values):
        groups.setdefault(v, []).append(r)
    shown = list(groups.items())[:_MAX_SHOWN]
    parts = [f"{_fmt_value(v)} ({_fmt_rows(rs, None)})" for v, rs in shown]
    more = f" and {len(groups) - len(shown)} more" if len(groups) > len(shown) else ""
    return f"{len(groups)} duplicated {'id' if len(groups) == 1 else 'ids'}: " + "; ".join(parts) + more
