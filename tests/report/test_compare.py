"""compare_tables and `analysis compare`: two report folders hold the same tables (hand-made folders)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from click.testing import CliRunner

from analysis.report.cli import main
from analysis.report.compare import compare_tables


def _write(root: Path, notebook: str, name: str, frame: pd.DataFrame) -> None:
    folder = root / "demo" / notebook / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_csv(folder / f"{name}.csv", index=False)


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    before, after = tmp_path / "before", tmp_path / "after"
    est = pd.DataFrame({"term": ["a", "b"], "coef": [0.5, -1.25], "se": [0.1, 0.2]})
    _write(before, "03_drivers", "regression", est)
    _write(after, "03_drivers", "regression",  # renamed, reordered, one column added; 1e-12 noise
           pd.DataFrame({"term": ["a", "b"], "estimate": [0.5 + 1e-12, -1.25], "std_error": [0.1, 0.2],
                         "p_value": [0.01, 0.3]}))
    _write(before, "03_drivers", "gaps", pd.DataFrame({"gap": [1.0, 2.0]}))
    _write(after, "03_drivers", "gaps", pd.DataFrame({"gap": [1.0, 2.5]}))
    _write(before, "04_channels", "params", pd.DataFrame({"name": ["r"], "estimate": [0.7], "se": [np.nan]}))
    _write(after, "04_channels", "params", pd.DataFrame({"name": ["r"], "estimate": [0.7], "std_error": [0.05],
                                                         "p_value": [np.nan]}))
    _write(before, "04_channels", "gone", pd.DataFrame({"x": [1]}))
    _write(after, "04_channels", "extra", pd.DataFrame({"x": [1]}))
    _write(before, "00_overview", "rows", pd.DataFrame({"x": [1, 2]}))
    _write(after, "00_overview", "rows", pd.DataFrame({"x": [1, 2, 3]}))
    return before, after


def test_compare_tables_judges_each_table(tmp_path):
    table = compare_tables(*_folders(tmp_path)).set_index("table")
    assert list(table.columns) == ["study", "notebook", "status", "renamed", "changed", "added"]
    assert table.loc["regression", "status"] == "same"
    assert table.loc["regression", "renamed"] == "coef->estimate, se->std_error"
    assert table.loc["regression", "added"] == "p_value"
    assert (table.loc["gaps", "status"], table.loc["gaps", "changed"]) == ("differs", "gap")
    # an empty column has no twin: the empty p_value does not pass for the empty se
    assert (table.loc["params", "status"], table.loc["params", "changed"]) == ("differs", "se")
    assert table.loc["gone", "status"] == "missing" and table.loc["extra", "status"] == "new"
    assert (table.loc["rows", "status"], table.loc["rows", "changed"]) == ("differs", "rows 2 -> 3")
    assert set(table["study"]) == {"demo"}


def test_compare_tables_of_a_folder_with_itself(tmp_path):
    before, _ = _folders(tmp_path)
    table = compare_tables(before, before)
    assert (table["status"] == "same").all() and (table["renamed"] == "").all() and len(table) == 5


def test_compare_command_exit_code_and_listing(tmp_path):
    before, after = _folders(tmp_path)
    result = CliRunner().invoke(main, ["compare", str(before), str(after)])
    assert result.exit_code == 1, result.output
    assert "differs  demo/03_drivers/gaps  (changed: gap)" in result.output
    assert "missing  demo/04_channels/gone" in result.output
    assert "demo/03_drivers/regression" not in result.output  # same: listed only with --all
    assert "1 same, 3 differs, 1 missing, 1 new" in result.output
    same = CliRunner().invoke(main, ["compare", str(before), str(before), "--all"])
    assert same.exit_code == 0 and "same     demo/03_drivers/regression" in same.output
