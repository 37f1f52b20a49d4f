"""Compare the CSV tables of two report folders: same tables, same numbers.

Used to show that a refactor changed no statistic: run ``analysis run --force``
before and after, keep a copy of ``reports/`` from before, then::

    python benchmarks/compare_reports.py BEFORE_DIR reports/ [--renames renames.json] [--rtol 1e-9]

Every ``<study>/<notebook>/tables/*.csv`` of BEFORE must exist in AFTER with the
same rows and, after applying the renames, the same columns; numbers agree to
``rtol`` (relative, default 1e-9: the refactor moves code, not arithmetic, but
a sum over a different grouping may differ in the last bits), text exactly.
``renames.json`` maps ``"<table path>"`` or ``"*"`` to ``{old column: new column}``
and may list ``"changed"`` tables with the reason they changed deliberately.
Exit status 1 when anything differs that is not declared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _tables(root: Path) -> dict[str, Path]:
    return {str(p.relative_to(root)): p for p in sorted(root.glob("*/*/tables/*.csv"))}


def compare_table(before: pd.DataFrame, after: pd.DataFrame, rtol: float) -> list[str]:
    """Differences between two tables, in words (empty when equal)."""
    problems = []
    if list(before.columns) != list(after.columns):
        missing = [c for c in before.columns if c not in after.columns]
        added = [c for c in after.columns if c not in before.columns]
        if missing or added:
            problems.append(f"columns missing {missing}, added {added}")
        common = [c for c in before.columns if c in after.columns]
        before, after = before[common], after[common]
    if len(before) != len(after):
        return problems + [f"{len(before)} rows before, {len(after)} after"]
    for col in before.columns:
        a, b = before[col], after[col]
        num_a, num_b = pd.to_numeric(a, errors="coerce"), pd.to_numeric(b, errors="coerce")
        numeric = num_a.notna().eq(a.notna()).all() and num_b.notna().eq(b.notna()).all() and a.notna().any()
        if numeric:
            x, y = num_a.to_numpy(float), num_b.to_numpy(float)
            same = np.isclose(x, y, rtol=rtol, atol=0.0, equal_nan=True) | (x == y)
        else:
            same = (a.astype(str) == b.astype(str)).to_numpy() | (a.isna() & b.isna()).to_numpy()
        if not same.all():
            i = int(np.flatnonzero(~same)[0])
            problems.append(f"{col}: {int((~same).sum())} value(s) differ, first at row {i + 1}: "
                            f"{a.iloc[i]!r} -> {b.iloc[i]!r}")
    return problems


def compare(before_root: Path, after_root: Path, renames: dict, rtol: float) -> tuple[list[str], int]:
    """(lines of differences, number of tables compared)."""
    before, after = _tables(before_root), _tables(after_root)
    changed = renames.get("changed", {})
    out = []
    for name, path in before.items():
        table_renames = {**renames.get("*", {}), **renames.get(name, {})}
        if name not in after:
            moved = renames.get("moved", {}).get(name)
            if moved in after:
                after_path = after[moved]
            else:
                out.append(f"{name}: missing after" + (f" ({changed[name]})" if name in changed else ""))
                continue
        else:
            after_path = after[name]
        a = pd.read_csv(path).rename(columns=table_renames)
        b = pd.read_csv(after_path)
        problems = compare_table(a, b, rtol)
        if problems:
            note = f" [declared: {changed[name]}]" if name in changed else ""
            out.extend(f"{name}: {p}{note}" for p in problems)
    for name in after.keys() - before.keys():
        if name not in renames.get("moved", {}).values():
            out.append(f"{name}: new table")
    return out, len(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--renames", type=Path, help="JSON of column renames and declared changes")
    parser.add_argument("--rtol", type=float, default=1e-9)
    args = parser.parse_args(argv)
    renames = json.loads(args.renames.read_text(encoding="utf-8")) if args.renames else {}
    lines, n = compare(args.before, args.after, renames, args.rtol)
    declared = [ln for ln in lines if "[declared:" in ln or "new table" in ln]
    undeclared = [ln for ln in lines if ln not in declared]
    print(f"{n} tables compared; {len(undeclared)} undeclared difference(s), {len(declared)} declared")
    for line in lines:
        print("  " + line)
    return 1 if undeclared else 0


if __name__ == "__main__":
    sys.exit(main())
