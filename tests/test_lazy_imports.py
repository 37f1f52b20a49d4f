"""A notebook's imports load only the libraries that notebook needs.

Heavy libraries used by one or a few functions are imported inside them
(scikit-learn where clusters are fitted, statsmodels' models where a channel
comparison is adjusted), so a notebook that never calls those functions does not
pay for them when it starts. Each check imports exactly what one notebook's code
cells import, in a fresh interpreter (a module already loaded by another test
would hide an eager import), and lists what got loaded. The ``analysis`` command's
own process (planning, checks, rendering; the analyses run in the kernel) needs
none of the analysis libraries.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

#: modules a notebook's imports must not load: the notebook never needs them, or needs
#: them only in a function that imports them itself
NOT_AT_IMPORT = {
    "00_data_overview": {"sklearn", "statsmodels.api", "duckdb", "nbformat", "nbconvert"},
    "01_segmentation": {"sklearn", "statsmodels.api", "duckdb", "nbformat", "nbconvert"},  # sklearn: when fitting
    "02_clv": {"sklearn", "statsmodels.api", "duckdb", "nbformat", "nbconvert"},
    "03_satisfaction_drivers": {"sklearn", "duckdb", "nbformat", "nbconvert"},  # its regressions need statsmodels
    "04_channel_comparison": {"sklearn", "statsmodels.api", "duckdb", "nbformat", "nbconvert"},
    "05_retention_loyalty": {"sklearn", "statsmodels.api", "duckdb", "nbformat", "nbconvert"},
}


#: what the `analysis run` process imports before it plans, and what it must not load with it
RUNNER_IMPORTS = "\n".join(f"import {name}" for name in ("analysis.report.cli", "analysis.report.runner",
                                                         "analysis.report.requirements", "analysis.study"))
NOT_IN_RUNNER = {"scipy", "sklearn", "statsmodels", "matplotlib", "seaborn", "duckdb"}


def loaded_after(code: str) -> set[str]:
    """The modules loaded after running *code* in a fresh interpreter (in the notebooks folder)."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=NOTEBOOKS, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "analysis" in loaded and "pandas" in loaded  # the probe did import the package
    return loaded


def notebook_imports(path: Path) -> str:
    """Every top-level import statement of the notebook's code cells."""
    lines = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            lines += [ast.get_source_segment(cell.source, node) for node in ast.parse(cell.source).body
                      if isinstance(node, (ast.Import, ast.ImportFrom))]
    return "\n".join(lines)


def test_every_notebook_is_checked():
    assert {p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")} == set(NOT_AT_IMPORT)


@pytest.mark.parametrize("notebook", sorted(NOT_AT_IMPORT))
def test_a_notebooks_imports_load_no_library_it_does_not_need(notebook):
    loaded = loaded_after(notebook_imports(NOTEBOOKS / f"{notebook}.ipynb"))
    unwanted = sorted(NOT_AT_IMPORT[notebook] & loaded)
    assert not unwanted, f"{notebook}'s imports load {unwanted}; import them inside the functions that use them"


def test_the_analysis_command_loads_no_analysis_library_before_it_plans():
    unwanted = sorted(NOT_IN_RUNNER & loaded_after(RUNNER_IMPORTS))
    assert not unwanted, f"the analysis command's process loads {unwanted}; import them where they are used"
