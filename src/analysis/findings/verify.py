"""Recompute every cited value from the tables a notebook wrote.

A notebook run by the report runner leaves ``outputs.json`` (what it recorded,
with every finding's and check's citations) and ``tables/<name>.csv``.
:func:`verify_outputs` reads each citation's table back from the CSV, finds the
cell (or computes the aggregate) and compares it with the value the sentence
used. Tables are usually rounded before they are written, so a number agrees
when it is within half a unit of the last digit the CSV shows (for a sum, that
times the number of rows); text and yes/no values must be equal.

Examples
--------
>>> import json, tempfile, pathlib, pandas as pd
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "tables").mkdir()
>>> pd.DataFrame({"clv": [10.123, 30.0]}, index=pd.Index(["a", "b"], name="customer_id")).round(2).to_csv(
...     folder / "tables" / "value.csv")
>>> records = {"tables": {"value": {"path": "tables/value.csv", "index_levels": 1}},
...            "findings": {"total": {"text": "...", "cites": {"total": {"value": 40.123, "table": "value",
...                                                                       "column": "clv", "agg": "sum"}}}}}
>>> _ = (folder / "outputs.json").write_text(json.dumps(records))
>>> verify_outputs(folder)
[]
>>> records["findings"]["total"]["cites"]["total"]["value"] = 41.0
>>> _ = (folder / "outputs.json").write_text(json.dumps(records))
>>> verify_outputs(folder)
["finding 'total', field 'total': cites 41.0 but the sum of value.clv is 40.12 (tolerance 0.1)"]
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["verify_outputs", "check_cite"]


def _half_unit(text: str) -> float | None:
    """Half a unit of the last digit *text* shows, or None when it is not a number."""
    try:
        number = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    if not number.is_finite():
        return None
    return 0.5 * 10.0 ** number.as_tuple().exponent


def _read(folder: Path, record: dict[str, Any]) -> pd.DataFrame:
    levels = int(record.get("index_levels", 1))
    table = pd.read_csv(folder / record["path"], dtype=str, keep_default_na=False,
                        index_col=list(range(levels)) if levels else None)
    if not levels:  # a table written without its index: rows are cited by position
        table.index = table.index.astype(str)
    return table


def _selected(table: pd.DataFrame, where: dict[str, Any] | None) -> pd.DataFrame:
    if not where:
        return table
    mask = pd.Series(True, index=table.index)
    for column, wanted in where.items():
        values = table.index.get_level_values(column) if column not in table.columns else table[column]
        wanted = [str(w) for w in (wanted if isinstance(wanted, list) else [wanted])]
        mask &= pd.Series(values, index=table.index).isin(wanted).to_numpy()
    return table[mask.to_numpy()]


def _row_key(row: Any) -> Any:
    return tuple(str(r) for r in row) if isinstance(row, list) else str(row)


def _compare(value: Any, texts: list[str], agg: str | None) -> tuple[bool, str, float | None]:
    """(agrees, the table's value as text, tolerance)."""
    if isinstance(value, bool) or isinstance(value, str):
        if len(texts) != 1:
            return False, f"{len(texts)} cells", None
        shown = texts[0]
        return (shown == str(value) or shown.lower() == str(value).lower()), shown, None
    if agg == "count":  # rows are counted, whatever the column holds
        return float(value) == len(texts), str(len(texts)), 0.0
    units = [_half_unit(t) for t in texts if t != ""]
    if any(u is None for u in units):
        return False, "non-numeric cells", None
    numbers = [float(t) for t in texts if t != ""]
    if not numbers:
        return False, "no values", None
    unit = max(units)
    computed, tolerance = {
        None: (numbers[0] if len(numbers) == 1 else float("nan"), unit),
        "sum": (sum(numbers), unit * len(numbers)),
        "mean": (sum(numbers) / len(numbers), unit),
        "min": (min(numbers), unit),
        "max": (max(numbers), unit),
    }[agg]
    tolerance += 1e-9 * max(abs(computed), 1.0)
    return abs(float(value) - computed) <= tolerance, f"{computed:.10g}", tolerance


def check_cite(folder: str | Path, tables: dict[str, Any], cite: dict[str, Any]) -> str | None:
    """The problem with one citation (``Cite.record()``) against the written tables, or None.

    Parameters
    ----------
    folder : str or Path
        The notebook's output folder.
    tables : dict
        The ``tables`` records of its ``outputs.json``.
    cite : dict
        One citation record.
    """
    folder = Path(folder)
    name, column, agg = cite["table"], cite["column"], cite.get("agg")
    record = tables.get(name)
    if record is None or not record.get("path"):
        return f"cites table {name!r}, which the notebook did not write"
    table = _read(folder, record)
    if column not in table.columns and column not in (table.index.names or []):
        return f"cites column {column!r} of {name}, which has columns {list(table.columns)}"
    rows = _selected(table, cite.get("where"))
    if agg is None:
        key = _row_key(cite["row"])
        if key not in rows.index:
            return f"cites row {cite['row']!r} of {name}, which is not in the table"
        rows = rows.loc[[key]]
    if agg == "share":
        computed = len(rows) / len(table) if len(table) else float("nan")
        ok = abs(float(cite["value"]) - computed) <= 1e-9
        return None if ok else f"cites {cite['value']!r} but the share of rows of {name} selected is {computed:.6g}"
    values = rows.index.get_level_values(column) if column not in rows.columns else rows[column]
    ok, shown, tolerance = _compare(cite["value"], [str(v) for v in values], agg)
    if ok:
        return None
    what = f"the {agg} of {name}.{column}" if agg else f"{name}.{column}[{cite['row']}]"
    limit = f" (tolerance {tolerance:.3g})" if tolerance else ""
    return f"cites {cite['value']!r} but {what} is {shown}{limit}"


def verify_outputs(folder: str | Path) -> list[str]:
    """Problems with the cited values of a notebook's findings and checks; ``[]`` when all agree.

    Parameters
    ----------
    folder : str or Path
        A notebook's output folder (``outputs.json`` and ``tables/``).

    Returns
    -------
    list of str
        One line per citation that does not agree with its table.
    """
    folder = Path(folder)
    records = json.loads((folder / "outputs.json").read_text(encoding="utf-8"))
    tables = records.get("tables", {})
    problems = []
    for kind in ("findings", "checks"):
        for key, record in (records.get(kind) or {}).items():
            if not isinstance(record, dict):
                problems.append(f"{kind[:-1]} {key!r} is plain text, not a structured finding")
                continue
            for name, cite in record.get("cites", {}).items():
                problem = check_cite(folder, tables, cite)
                if problem:
                    problems.append(f"{kind[:-1]} {key!r}, field {name!r}: {problem}")
    return problems
