"""Which notebook uses which column of the canonical tables, read from the notebooks and the package's source.

Nothing here is typed by hand per column: the data dictionary page
(:mod:`analysis.report.dictionary`) shows what :func:`column_uses` derives. A notebook
*reads* a table when it needs it (:data:`analysis.report.requirements.NEEDS`) or names
it in its code (``tables.get("complaints")``). It *uses* a column of a table it reads when

1. the column is **required** by the table's validator (every row has it, and every
   analysis of the table relies on it: ids, dates);
2. a **parameter** of the notebook names it by default
   (:data:`~analysis.report.requirements.COLUMN_PARAMETERS`: ``cost_column = "cost_to_serve"``),
   or, for the columns a study declares itself (ratings, outcomes) and the columns the
   validator keeps as they are, a parameter of the notebook names such columns;
3. its **code** names it on the table (``complaints["resolved_date"]``,
   ``"category" in complaints``), or passes the table to a package function whose
   source, or the source of a function it calls (followed through the package),
   names it as a string.

Rule 3 reads names, not values at run time: a function that is handed the table and
mentions the column counts, so a use only on some branch still counts (a notebook
*may* use the column), while a column reached only through a computed name is missed.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.errors import ReportError
from analysis.report.requirements import COLUMN_PARAMETERS, NEEDS
from analysis.schemas.descriptions import TABLE_DOCS

__all__ = ["DECLARED_BY_PARAMETERS", "ColumnUse", "column_uses", "notebook_tables"]

PACKAGE = Path(__file__).resolve().parents[1]
_TABLES = {doc.name: doc for doc in TABLE_DOCS}

#: (table, validator option that declares columns) -> notebook -> the notebook's column parameters that name
#: such columns. A test checks that every column parameter of a table with declared columns appears here or
#: names a canonical column, so a new parameter cannot be left out.
DECLARED_BY_PARAMETERS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("survey", "rating_columns"): {"03_satisfaction_drivers": (
        "item_pattern", "predictors", "expectation_prefix", "perception_prefix", "stated_importance", "pls_blocks",
        "pls_anchors")},
    ("survey", "outcome_columns"): {"03_satisfaction_drivers": ("outcome", "loyalty_outcome", "pls_outcomes",
                                                                "pls_outcome_scale"),
                                    "05_retention_loyalty": ("satisfaction_column",)},
    ("survey", "weight_column"): {"03_satisfaction_drivers": ("weight",)},
    ("survey", "group_columns"): {"03_satisfaction_drivers": ("group",)},
    ("channel_outcomes", "channel_column"): {"04_channel_comparison": ("channel_column",)},
    ("channel_outcomes", "binary_columns"): {"04_channel_comparison": ("binary_outcomes",)},
    ("channel_outcomes", "continuous_columns"): {"04_channel_comparison": ("spend_outcome",)},
}


@dataclass(frozen=True)
class ColumnUse:
    """One column a notebook uses, and why: ``required``, ``parameter`` (``detail`` names it), ``code``
    (the notebook names it) or ``package`` (``detail`` names the package function handed the table)."""

    notebook: str
    table: str
    column: str
    reason: str
    detail: str = ""


def column_uses(notebooks_dir: str | Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """``(table, column) -> notebooks`` for every column of :data:`~analysis.schemas.descriptions.TABLE_DOCS`
    (also the ``<declared>`` ones and each table's ``notebook_columns``), derived from the notebooks in
    *notebooks_dir* and the package's source (see the module's text for the rules).

    Examples
    --------
    >>> uses = column_uses("notebooks")  # doctest: +SKIP
    >>> uses[("complaints", "resolved_date")]  # doctest: +SKIP
    ('00_data_overview', '05_retention_loyalty')
    """
    found: dict[tuple[str, str], set[str]] = {(d.name, c.name): set() for d in TABLE_DOCS
                                              for c in d.columns + d.notebook_columns}
    folder = Path(notebooks_dir).resolve()
    stamps = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")))
    for use in _all_uses(str(folder), stamps):
        found[(use.table, use.column)].add(use.notebook)
    return {key: tuple(sorted(nbs)) for key, nbs in found.items()}


@lru_cache(maxsize=4)
def _all_uses(notebooks_dir: str, stamps: tuple) -> tuple[ColumnUse, ...]:
    """Every use in the notebooks of *notebooks_dir*, read once per state of its notebooks (*stamps*:
    name, modification time and size of each, so an edited notebook is read again)."""
    folder = Path(notebooks_dir)
    names = sorted(p.stem for p in folder.glob("[0-9][0-9]_*.ipynb"))
    if not names:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {folder}: the data dictionary derives its "
                          "'notebooks' column from them; pass the project's notebooks folder")
    package = _Package(PACKAGE)
    uses: list[ColumnUse] = []
    for name in names:
        path = folder / f"{name}.ipynb"
        uses += notebook_uses(name, _code(path), _defaults(path), package)
    return tuple(dict.fromkeys(uses))


def _code(path: Path) -> ast.Module:
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                           for c in cells if c.get("cell_type") == "code")
        lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        return ast.parse("\n".join(lines))
    except (OSError, ValueError, KeyError, SyntaxError) as exc:
        raise ReportError(f"cannot read the code of {path}: {exc}") from exc


def notebook_tables(name: str, code: ast.Module) -> set[str]:
    """The canonical tables notebook *name* reads: those it needs (any alternative) and those its code names.

    Examples
    --------
    >>> sorted(notebook_tables("03_satisfaction_drivers", ast.parse('s = tables["survey"]')))
    ['survey']
    """
    needed = {t for need in NEEDS.get(name, ()) for t in need.tables}
    named = {t for n in ast.walk(code) if (t := _table_literal(n)) is not None}
    for node in ast.walk(code):  # a, b = (tables.get(n) for n in ("x", "y"))
        if isinstance(node, ast.Assign):
            for target in node.targets:
                named |= {_table_literal(v) for _, v in _pairs(target, node.value) if v is not None} - {None}
    return needed | named


def notebook_uses(name: str, code: ast.Module, defaults: Mapping[str, object],
                  package: _Package | None = None) -> list[ColumnUse]:
    """Every :class:`ColumnUse` of notebook *name*, whose code cells are *code* and whose parameters'
    defaults are *defaults*.

    Examples
    --------
    >>> code = ast.parse('complaints = tables.get("complaints")\\nif "category" in complaints: pass')
    >>> sorted({u.column for u in notebook_uses("05_retention_loyalty", code, {})} & {"category", "tier"})
    ['category']
    """
    package = package or _Package(PACKAGE)
    tables = notebook_tables(name, code)
    uses = [ColumnUse(name, t, c.name, "required") for t in sorted(tables) for c in _TABLES[t].columns if c.required]
    uses += _parameter_uses(name, tables, defaults)
    bound = _bindings(code, tables)
    for node in ast.walk(code):
        uses += _literal_uses(name, node, bound)
        if isinstance(node, ast.Call):
            handed = set().union(*(bound.get(n, set()) for n in _argument_names(node)))
            if not handed:
                continue
            for module, target in package.resolve_call(code, node):
                given = _handed(node, target, bound)
                where = f"{module}.{getattr(target, 'name', '')}"
                passed = set().union(*given.values()) if given else set()
                uses += [ColumnUse(name, t, c, "package", where)
                         for t, c in sorted(_strings_for(_direct_arguments(node), passed))]
                uses += [ColumnUse(name, t, c, "package", where) for t, c in sorted(package.flow(module, target, given))]
    return uses


def _named_columns(table: str) -> list[str]:
    return [c.name for c in _TABLES[table].columns if not c.name.startswith("<")]


def _parameter_uses(name: str, tables: set[str], defaults: Mapping[str, object]) -> list[ColumnUse]:
    uses = []
    for doc in TABLE_DOCS:
        for column in doc.notebook_columns:
            notebook, _, parameter = (column.declared_by or "").partition(":")
            if notebook == name:
                uses.append(ColumnUse(name, doc.name, column.name, "parameter", parameter))
    for (table, option), by_notebook in DECLARED_BY_PARAMETERS.items():
        if name in by_notebook and table in tables:
            column = next(c for c in _TABLES[table].columns if c.declared_by == option)
            uses.append(ColumnUse(name, table, column.name, "parameter", ", ".join(by_notebook[name])))
    specs = [p for p in COLUMN_PARAMETERS.get(name, ()) if p.table in tables and p.kind in
             ("column", "columns", "keys", "values", "value_lists")]
    for spec in specs:
        for value in _names_in(defaults.get(spec.name), spec.kind):
            if value in _named_columns(spec.table):
                uses.append(ColumnUse(name, spec.table, value, "parameter", spec.name))
    return uses


def _defaults(path: Path) -> dict[str, object]:
    from analysis.report.parameters import read_parameters

    return {k: p.default for k, p in read_parameters(path).items()}


def _names_in(value, kind: str) -> list[str]:
    if value is None:
        return []
    if kind == "column":
        return [value] if isinstance(value, str) else []
    if kind == "columns":
        return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
    if not isinstance(value, Mapping):
        return []
    if kind == "keys":
        return [k for k in value if isinstance(k, str)]
    if kind == "values":
        return [v for v in value.values() if isinstance(v, str)]
    return [v for vs in value.values() for v in ([vs] if isinstance(vs, str) else vs) if isinstance(v, str)]


def _is_mapping(node: ast.AST) -> bool:
    """The study's tables: the variable ``tables`` or a ``load_tables()`` call."""
    return (isinstance(node, ast.Name) and node.id == "tables") or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load_tables")


def _table_literal(node: ast.AST) -> str | None:
    """``T`` of ``tables["T"]``, ``tables.get("T")``, ``study.load_tables()["T"]`` (a table looked up by name)."""
    if (isinstance(node, ast.Subscript) and _is_mapping(node.value) and isinstance(node.slice, ast.Constant)
            and node.slice.value in _TABLES):
        return node.slice.value
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
            and _is_mapping(node.func.value) and node.args and isinstance(node.args[0], ast.Constant)
            and node.args[0].value in _TABLES):
        return node.args[0].value
    return None


def _frame_tables(node: ast.AST, bound: Mapping[str, set[str]], tables: set[str]) -> set[str]:
    """The tables an expression may be: a lookup by name, a bound variable, either side of ``a if c else b``,
    the whole ``load_tables()`` mapping, and the on-disk transactions log."""
    if (found := _table_literal(node)) is not None:
        return {found}
    if isinstance(node, ast.Name):
        return set(bound.get(node.id, set()))
    if isinstance(node, ast.IfExp):
        return _frame_tables(node.body, bound, tables) | _frame_tables(node.orelse, bound, tables)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_frame_tables(v, bound, tables) for v in node.values))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "load_tables":
            return set(tables)
        if node.func.attr == "transaction_log":
            return {"transactions"} & tables
    return set()


def _bindings(code: ast.Module, tables: set[str]) -> dict[str, set[str]]:
    """Variable -> the tables it may hold, from the notebook's assignments (two passes, so an alias of an
    alias is followed)."""
    bound: dict[str, set[str]] = {}
    for _ in range(2):
        for node in ast.walk(code):
            if not isinstance(node, ast.Assign):
                continue
            for target in node.targets:
                for var, value in _pairs(target, node.value):
                    found = _frame_tables(value, bound, tables) if value is not None else set()
                    if found:
                        bound.setdefault(var, set()).update(found)
    return bound


def _pairs(target: ast.AST, value: ast.AST) -> Iterable[tuple[str, ast.AST | None]]:
    """(variable, expression) of ``a = x``, ``a, b = x, y`` and ``a, b = (t.get(n) for n in ("x", "y"))``."""
    if isinstance(target, ast.Name):
        yield target.id, value
    elif isinstance(target, ast.Tuple):
        names = [t.id if isinstance(t, ast.Name) else None for t in target.elts]
        if isinstance(value, ast.Tuple) and len(value.elts) == len(names):
            yield from ((n, v) for n, v in zip(names, value.elts) if n)
        elif isinstance(value, ast.GeneratorExp) and isinstance(value.generators[0].iter, ast.Tuple):
            items = value.generators[0].iter.elts
            for var, item in zip(names, items):
                if var and isinstance(item, ast.Constant) and item.value in _TABLES:
                    yield var, ast.Subscript(value=ast.Name("tables"), slice=ast.Constant(item.value))


def _literal_uses(name: str, node: ast.AST, bound: Mapping[str, set[str]]) -> list[ColumnUse]:
    """Columns the notebook names on a table itself (see :func:`_named_on`)."""
    return [ColumnUse(name, t, c, "code") for t, c in _named_on(node, bound)]


def _named_on(node: ast.AST, bound: Mapping[str, set[str]]) -> list[tuple[str, str]]:
    """(table, column) that *node* names on a variable holding a table: ``t["c"]``, ``t[["c", ...]]``,
    ``t.loc[:, "c"]``, ``"c" in t`` (or ``t.columns``), ``t.get("c")``, ``t.groupby("c")``, ``t.c``."""
    pairs: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr in ("loc", "at") \
            and isinstance(node.value.value, ast.Name):
        pairs.append((node.value.value.id, node.slice))
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        pairs.append((node.value.id, ast.Constant(node.attr)))
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        pairs.append((node.value.id, node.slice))
    elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
        holder = node.comparators[0]
        holder = holder.value if isinstance(holder, ast.Attribute) and holder.attr == "columns" else holder
        if isinstance(holder, ast.Name):
            pairs.append((holder.id, node.left))
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        pairs += [(node.func.value.id, a) for a in node.args]
    out = []
    for var, expr in pairs:
        for table in sorted(bound.get(var, set())):
            strings = {n.value for n in ast.walk(expr) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
            out += [(table, c) for c in _named_columns(table) if c in strings]
    return out


def _direct_arguments(call: ast.Call) -> list[ast.AST]:
    return list(call.args) + [k.value for k in call.keywords]


def _strings_for(nodes: Iterable[ast.AST], tables: set[str]) -> set[tuple[str, str]]:
    """(table, column) for each string constant in *nodes* (outside nested calls) that is a column of one of
    *tables*."""
    strings: set[str] = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Call):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
        stack.extend(ast.iter_child_nodes(node))
    return {(t, c) for t in tables for c in _named_columns(t) if c in strings}


def _handed(call: ast.Call, target: ast.AST, bound: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Parameter of *target* (a function, or a class's ``__init__``) -> the tables *call* hands it."""
    if isinstance(target, ast.ClassDef):
        target = next((n for n in target.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
    if not isinstance(target, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {}
    params = [a.arg for a in target.args.posonlyargs + target.args.args]
    params = params[1:] if params[:1] in (["self"], ["cls"]) else params
    given: dict[str, set[str]] = {}
    for param, arg in [*zip(params, call.args), *((k.arg, k.value) for k in call.keywords if k.arg)]:
        tables = _held(arg, bound)
        if tables:
            given.setdefault(param, set()).update(tables)
    return given


def _held(node: ast.AST, bound: Mapping[str, set[str]]) -> set[str]:
    """The tables an expression inside a function may hold: a variable holding one, or a method, attribute or
    row selection of it (``t.copy()``, ``t.set_index("c")``, ``t[t["a"] > 0]``), either side of ``if``/``or``."""
    if isinstance(node, ast.IfExp):
        return _held(node.body, bound) | _held(node.orelse, bound)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_held(v, bound) for v in node.values))
    while True:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func.value
        elif isinstance(node, ast.Subscript) and not (isinstance(node.slice, ast.Constant)
                                                      and isinstance(node.slice.value, str)):
            node = node.value
        elif isinstance(node, ast.Attribute) and node.attr in ("loc", "iloc"):
            node = node.value
        else:
            break
    return set(bound.get(node.id, set())) if isinstance(node, ast.Name) else set()


def _argument_names(call: ast.Call) -> set[str]:
    """Names handed to *call* (not those inside a nested call: that call gets them, not this one)."""
    names: set[str] = set()
    stack = list(call.args) + [k.value for k in call.keywords]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Call):
            continue
        if isinstance(node, ast.Name):
            names.add(node.id)
        stack.extend(ast.iter_child_nodes(node))
    return names


class _Package:
    """The package's modules, parsed on demand; resolves names to definitions and follows a table through
    the functions it is handed to (:meth:`flow`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._modules: dict[str, tuple[dict[str, ast.AST], dict[str, tuple[str, str | None]]] | None] = {}

    def _module(self, dotted: str):
        if dotted not in self._modules:
            rel = Path(*dotted.split(".")[1:])
            candidates = [self.root / rel / "__init__.py", self.root.joinpath(rel).with_suffix(".py")] if \
                dotted != "analysis" else [self.root / "__init__.py"]
            path = next((p for p in candidates if p.is_file()), None)
            self._modules[dotted] = None if path is None else self._index(ast.parse(path.read_text("utf-8")), dotted,
                                                                              path.name == "__init__.py")
        return self._modules[dotted]

    @staticmethod
    def _index(tree: ast.Module, dotted: str, is_package: bool):
        defs: dict[str, ast.AST] = {}
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defs[node.name] = node
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    if isinstance(target, ast.Name):
                        defs[target.id] = node
        return defs, _imports(tree, dotted if is_package else dotted.rsplit(".", 1)[0])

    def resolve(self, module: str, name: str, depth: int = 0) -> list[tuple[str, ast.AST]]:
        """(module, definition) of *name* in *module* (following re-exports), or [] outside the package."""
        index = self._module(module)
        if index is None or depth > 10:
            return []
        defs, imports = index
        if name in defs:
            return [(module, defs[name])]
        if name in imports:
            source, attr = imports[name]
            if attr is None or self._module(f"{source}.{attr}") is not None:
                return []  # a module, not a definition
            return self.resolve(source, attr, depth + 1)
        return []

    def _module_alias(self, module: str, name: str, local: Mapping[str, tuple[str, str | None]]) -> str | None:
        index = self._module(module)
        imports = {**(index[1] if index else {}), **local}
        if name not in imports:
            return None
        source, attr = imports[name]
        dotted = source if attr is None else f"{source}.{attr}"
        return dotted if dotted.startswith("analysis") and self._module(dotted) is not None else None

    def resolve_call(self, code: ast.Module, call: ast.Call) -> list[tuple[str, ast.AST]]:
        """The package definitions a notebook's call may run (by the notebook's imports)."""
        imports = _imports(code, "analysis")
        func = call.func
        if isinstance(func, ast.Name) and func.id in imports:
            source, attr = imports[func.id]
            return self.resolve(source, attr) if attr is not None else []
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            alias = func.value.id
            if alias in imports:
                source, attr = imports[alias]
                dotted = source if attr is None else f"{source}.{attr}"
                if self._module(dotted) is not None:
                    return self.resolve(dotted, func.attr)
        return []

    def flow(self, module: str, target: ast.AST, given: Mapping[str, set[str]]) -> set[tuple[str, str]]:
        """(table, column) that *target* names on the tables handed to its parameters (*given*), following
        the variables they are copied to and the package functions they are handed on to."""
        found: set[tuple[str, str]] = set()
        stack = [(module, target, {k: frozenset(v) for k, v in given.items()}, 0)]
        seen: set = set()
        while stack:
            mod, func, params, depth = stack.pop()
            if isinstance(func, ast.ClassDef):
                func = next((n for n in func.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"), None)
            key = (mod, id(func), frozenset(params.items()))
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or key in seen or depth > 12:
                continue
            seen.add(key)
            handed = set().union(*params.values())
            defaults = [d for d in func.args.defaults + func.args.kw_defaults if d is not None]
            found.update(_strings_for(defaults, handed))  # def f(customers, cost_column="acquisition_cost")
            bound: dict[str, set[str]] = {k: set(v) for k, v in params.items()}
            for _ in range(2):
                for node in ast.walk(func):
                    if isinstance(node, ast.Assign):
                        for target_node in node.targets:
                            for var, value in _pairs(target_node, node.value):
                                if value is not None and (held := _held(value, bound)):
                                    bound.setdefault(var, set()).update(held)
            local = _imports(func, mod if self._is_package(mod) else mod.rsplit(".", 1)[0])
            for node in ast.walk(func):
                found.update(_named_on(node, bound))
                if isinstance(node, ast.Call):
                    for callee_mod, callee in self._callee(mod, node.func, local):
                        passed = _handed(node, callee, bound)
                        if passed:  # f(complaints, by="channel"): the callee gets the column's name
                            found.update(_strings_for(_direct_arguments(node), set().union(*passed.values())))
                            stack.append((callee_mod, callee, {k: frozenset(v) for k, v in passed.items()}, depth + 1))
        return found

    def _callee(self, module: str, func: ast.AST, local: Mapping[str, tuple[str, str | None]]):
        if isinstance(func, ast.Name):
            if func.id in local and local[func.id][1] is not None:
                return self.resolve(*local[func.id])
            return self.resolve(module, func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            dotted = self._module_alias(module, func.value.id, local)
            if dotted is not None:
                return self.resolve(dotted, func.attr)
        return []

    def _is_package(self, dotted: str) -> bool:
        return (self.root / Path(*dotted.split(".")[1:]) / "__init__.py").is_file()


def _imports(tree: ast.AST, package: str) -> dict[str, tuple[str, str | None]]:
    """alias -> (module, name or None for a module) of the ``analysis`` imports anywhere in *tree*."""
    found: dict[str, tuple[str, str | None]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            if module.startswith("analysis"):
                for alias in node.names:
                    found[alias.asname or alias.name] = (module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("analysis"):
                    if alias.asname:
                        found[alias.asname] = (alias.name, None)
                    else:
                        found[alias.name.split(".")[0]] = ("analysis", None)
    return found
