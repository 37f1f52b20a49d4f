"""The package's layout rules, checked on the source so they cannot silently erode.

- Layers: a module imports only from its own layer or below (see LAYERS), and
  the packages' import graph has no cycles.
- No module imports another package's underscore module or private name.
- One date parser (analysis.window.parse_date), one table of time units
  (analysis.window.UNIT_DAYS) and one not-fitted check (analysis.checks).
- No module over about 600 lines.
- Tests mirror the package and never skip the project's own imports.
- Notebook cells stay thin.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "analysis"
TESTS = ROOT / "tests"
NOTEBOOKS = ROOT / "notebooks"

#: bottom to top. The message catalog sits low: analyses name segments and write
#: findings in the reader's language, so they look words up; the catalog itself
#: depends on nothing but errors.
LAYERS = [
    {"errors"},
    {"window", "checks", "results", "messages"},
    {"schemas", "io", "prepare"},
    {"customerdata", "datasets", "simulate"},
    {"summary", "overview", "segmentation", "clv", "drivers", "channels", "retention"},
    {"findings", "plots", "scoring"},
    {"study", "report", "course", "__main__", "__init__"},
]
LAYER_OF = {name: i for i, layer in enumerate(LAYERS) for name in layer}
MAX_LINES = 620
MAX_CELL_LINES = 18  # "about 15" lines of logic that is not a plotting call


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def _unit(path: Path) -> str:
    """The top-level unit of a module: its package, or the module itself (private helpers of a module
    ``_x_y`` belong to the module ``x``)."""
    first = path.relative_to(SRC).parts[0]
    return first[:-3] if first.endswith(".py") else first


def _dotted(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path):
    """(imported module, imported names, line) for every import of analysis.* in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _dotted(path) if path.name == "__init__.py" else _dotted(path).rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("analysis"):
                    yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            if module.startswith("analysis"):
                yield module, [a.name for a in node.names], node.lineno


def _unit_of_module(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(unit: str) -> int:
    if unit not in LAYER_OF:
        pytest.fail(f"analysis.{unit} is in no layer of tests/test_architecture.py: add it where it belongs")
    return LAYER_OF[unit]


def test_imports_point_down_and_packages_form_no_cycle():
    upward, edges = [], {}
    for path in _modules():
        unit = _unit(path)
        for module, _names, line in _imports(path):
            target = _unit_of_module(module)
            if target == unit:
                continue
            edges.setdefault(unit, set()).add(target)
            if _layer(target) > _layer(unit):
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {module} (layer {_layer(target)} > {_layer(unit)})")
    assert not upward, "imports from a layer above:\n" + "\n".join(upward)

    def visit(node, stack):
        for nxt in sorted(edges.get(node, ())):
            if nxt in stack:
                return stack[stack.index(nxt):] + [nxt]
            found = visit(nxt, stack + [nxt])
            if found:
                return found
        return None

    for start in sorted(edges):
        cycle = visit(start, [start])
        assert cycle is None, f"import cycle between packages: {' -> '.join(cycle)}"


def test_no_module_imports_another_packages_private_parts():
    bad = []
    for path in _modules():
        unit = _unit(path)
        for module, names, line in _imports(path):
            if _unit_of_module(module) == unit:
                continue
            private = [p for p in module.split(".")[1:] if p.startswith("_") and p != "__init__"]
            private += [n for n in names if n.startswith("_")]
            if private:
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {module} {names}")
    assert not bad, "imports of another package's private module or name:\n" + "\n".join(bad)


def test_no_module_is_over_about_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these by concern: {long}"


def _parsed_parameters(path: Path) -> list[str]:
    """Calls of pd.Timestamp / pd.to_datetime on a function's own parameter: a date parser of its own."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = {a.arg for a in func.args.args + func.args.kwonlyargs + func.args.posonlyargs}
        for node in ast.walk(func):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("Timestamp", "to_datetime")
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "pd"
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in params):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {func.name}({node.args[0].id})")
    return found


def test_one_date_parser_and_one_unit_table():
    # data columns are parsed by schemas (validation) and io (reading); parameters only by window.parse_date
    exempt = {SRC / "window.py"}
    exempt |= set((SRC / "schemas").rglob("*.py")) | set((SRC / "io").rglob("*.py"))
    parsers = [hit for p in _modules() if p not in exempt for hit in _parsed_parameters(p)]
    assert not parsers, "dates parsed outside analysis.window.parse_date:\n" + "\n".join(parsers)
    tables = []
    for path in _modules():
        if path == SRC / "window.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if {"D", "W"} <= keys:
                    tables.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not tables, "time-unit tables besides analysis.window.UNIT_DAYS:\n" + "\n".join(tables)


def test_one_not_fitted_check():
    raising = [str(p.relative_to(ROOT)) for p in _modules()
               if p not in (SRC / "checks.py", SRC / "errors.py") and "NotFittedError(" in p.read_text(encoding="utf-8")]
    assert not raising, f"not-fitted errors raised outside analysis.checks.check_is_fitted: {raising}"


def test_tests_mirror_the_package_and_never_skip_own_imports():
    units = {_unit(p) for p in _modules()}
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and p.name not in ("fixtures", "__pycache__")}
    assert folders - units - {"notebooks"} == set(), "test folders that match no package of analysis"
    skips = [f"{p.relative_to(ROOT)}:{i}" for p in TESTS.rglob("*.py")
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"importorskip\(\s*[\"']analysis", line)]
    assert not skips, f"a broken import of the project must fail, not skip: {skips}"
    for package in ("customerdata", "messages"):
        modules = [p.stem for p in (SRC / package).glob("*.py") if p.stem != "__init__" and not p.stem.startswith("_")]
        missing = [m for m in modules if not (TESTS / package / f"test_{m}.py").exists()]
        assert not missing, f"modules of analysis.{package} without tests/{package}/test_<module>.py: {missing}"


def _logic_lines(source: str) -> int:
    """Lines of top-level statements that are not imports, plotting or display calls."""
    tree = ast.parse(source)
    lines = 0
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            continue
        names = {n.attr if isinstance(n, ast.Attribute) else n.id
                 for n in ast.walk(stmt) if isinstance(n, (ast.Name, ast.Attribute))}
        if any(name.startswith("plot_") or name == "figure" for name in names) and not isinstance(
                stmt, (ast.For, ast.If, ast.While, ast.With, ast.FunctionDef)):
            continue
        lines += stmt.end_lineno - stmt.lineno + 1
    return lines


def notebook_metrics(path: Path) -> tuple[int, int]:
    """(code lines, longest cell's lines of non-plot logic) of a notebook, parameters cell excluded."""
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    code = [c for c in cells if "parameters" not in c.get("metadata", {}).get("tags", [])]
    total = sum(len([ln for ln in "".join(c["source"]).splitlines() if ln.strip()]) for c in cells)
    longest = max((_logic_lines("".join(c["source"])) for c in code), default=0)
    return total, longest


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_cells_are_thin(notebook):
    _total, longest = notebook_metrics(notebook)
    assert longest <= MAX_CELL_LINES, f"{notebook.name}: a cell holds {longest} lines of logic; move it into the package"
