"""Compare the CSV tables of two report folders: did a change keep every number?

A refactoring that changes no statistic must leave every table a notebook writes
(``reports/<study>/<notebook>/tables/*.csv``) with the same rows and the same
values; a column may be renamed (``se`` -> ``std_error``). :func:`compare_tables`
says, table by table, whether that holds, and ``analysis compare BEFORE AFTER``
prints it.

A column of the earlier table that the later one lacks counts as *renamed* when
a column new in the later table holds the same values (to ``rtol``); a column
whose values changed, or that vanished without a twin (an empty column has
none), makes the table differ.
Columns the later table adds without an earlier twin are listed, not judged.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["compare_tables"]

COLUMNS = ["study", "notebook", "table", "status", "renamed", "changed", "added"]


def compare_tables(before: str | Path, after: str | Path, *, rtol: float = 1e-9,
                   atol: float = 1e-12) -> pd.DataFrame:
    """Compare every CSV table of two report folders.

    Parameters
    ----------
    before, after : str or Path
        Report folders (``reports/``), each with ``<study>/<notebook>/tables/*.csv``.
    rtol, atol : float
        Tolerances for numbers (``numpy.isclose``); text must be equal. NaN equals NaN.

    Returns
    -------
    DataFrame
        One row per table in either folder: ``study``, ``notebook``, ``table``,
        ``status`` ("same": same rows and values, columns possibly renamed;
        "differs"; "missing": only in *before*; "new": only in *after*),
        ``renamed`` ("old->new, ..."), ``changed`` (columns of *before* whose
        values changed or that vanished), ``added`` (new columns without an earlier twin).

    Examples
    --------
    >>> table = compare_tables("/tmp/reports_baseline", "reports")  # doctest: +SKIP
    >>> table[table["status"] != "same"]  # doctest: +SKIP
    """
    before, after = Path(before), Path(after)
    old, new = _tables(before), _tables(after)
    rows = []
    for key in sorted(set(old) | set(new)):
        if key not in new:
            rows.append([*key, "missing", "", "", ""])
        elif key not in old:
            rows.append([*key, "new", "", "", ""])
        else:
            rows.append([*key, *_compare(pd.read_csv(old[key]), pd.read_csv(new[key]), rtol, atol)])
    return pd.DataFrame(rows, columns=COLUMNS)


def _tables(root: Path) -> dict[tuple[str, str, str], Path]:
    return {(p.parts[-4], p.parts[-3], p.stem): p for p in root.glob("*/*/tables/*.csv")}


def _equal(x: pd.Series, y: pd.Series, rtol: float, atol: float) -> bool:
    if len(x) != len(y):
        return False
    if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
        return bool(np.allclose(x.to_numpy(float), y.to_numpy(float), rtol=rtol, atol=atol, equal_nan=True))
    return x.fillna("").astype(str).reset_index(drop=True).equals(y.fillna("").astype(str).reset_index(drop=True))


def _compare(a: pd.DataFrame, b: pd.DataFrame, rtol: float, atol: float) -> list[str]:
    added = [c for c in b.columns if c not in a.columns]
    if len(a) != len(b):
        return ["differs", "", f"rows {len(a)} -> {len(b)}", ", ".join(added)]
    renamed, changed = [], []
    for col in a.columns:
        if col in b.columns:
            if not _equal(a[col], b[col], rtol, atol):
                changed.append(col)
            continue
        # an empty column has no recognisable twin: it vanished
        candidates = added if a[col].notna().any() else []
        twin = next((c for c in candidates if _equal(a[col], b[c], rtol, atol)), None)
        if twin is None:
            changed.append(col)
        else:
            renamed.append(f"{col}->{twin}")
            added.remove(twin)
    status = "differs" if changed else "same"
    return [status, ", ".join(renamed), ", ".join(changed), ", ".join(added)]
