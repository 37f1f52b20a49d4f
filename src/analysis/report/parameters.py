"""A notebook's ``parameters`` cell, and checking injected values against it.

papermill only warns when an injected name is not in the notebook, and does not
look at types; these checks run before any kernel starts, so a misspelt or
mistyped parameter is reported at once, with the closest name suggested.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import yaml

from analysis.errors import NotebookParameterError
from analysis.messages import msg
from analysis.study import suggest

__all__ = [
    "UNKNOWN",
    "NotebookParameter",
    "check_parameters",
    "parse_cli_parameters",
    "read_parameters",
]

UNKNOWN = "unknown"


@dataclass(frozen=True)
class NotebookParameter:
    """One name assigned in a notebook's ``parameters`` cell.

    ``type`` is the default's type name (``"int"``, ``"str"``, ``"NoneType"``, ...),
    or ``"unknown"`` when the default is not a literal (then any value is accepted).
    ``comment`` is the comment on the assignment's line, if any. ``nullable`` is
    true when the cell allows ``None`` for a parameter whose default is not None,
    by annotating it: ``cost_column: str | None = "cost"`` (or ``Optional[str]``).
    ``annotation`` holds the type names of a simple annotation (``("str", "NoneType")``
    for ``observation_end: str | None = None``); values are then checked against it
    instead of against the default's type. Empty when there is none or it is not simple.
    """

    name: str
    default: Any
    type: str
    comment: str = ""
    nullable: bool = False
    annotation: tuple[str, ...] = ()


def read_parameters(notebook: str | Path) -> dict[str, NotebookParameter]:
    """Read the cell tagged ``parameters`` of a notebook.

    Parameters
    ----------
    notebook : str or Path
        The ``.ipynb`` file.

    Returns
    -------
    dict
        Parameter name -> :class:`NotebookParameter`, in the cell's order.

    Raises
    ------
    NotebookParameterError
        If the notebook has no cell tagged ``parameters`` (papermill would then
        inject values at the top and the notebook's own assignments would silently
        override them), or the cell is not valid Python.

    Examples
    --------
    >>> params = read_parameters("notebooks/00_data_overview.ipynb")  # doctest: +SKIP
    >>> params["top_n"].default  # doctest: +SKIP
    10
    """
    path = Path(notebook)
    try:
        nb = nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotebookParameterError(f"notebook not found: {path}") from None
    except Exception as exc:  # nbformat raises several kinds on a broken file
        raise NotebookParameterError(f"{path}: not a readable notebook: {exc}") from None
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.get("metadata", {}).get("tags", [])]
    if not cells:
        raise NotebookParameterError(
            f"{path.name}: no cell tagged 'parameters'. Tag the cell that sets the notebook's knobs "
            f"(JupyterLab: property inspector > Cell tags > parameters); without it papermill injects "
            f"values before the notebook's own assignments, which silently override them"
        )
    return _parse_cell("\n".join(c.source for c in cells), path.name)


def _parse_cell(source: str, label: str) -> dict[str, NotebookParameter]:
    code = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise NotebookParameterError(f"{label}: the parameters cell is not valid Python (line {exc.lineno}): {exc.msg}") from None
    comments = _comments(code)
    params: dict[str, NotebookParameter] = {}
    for node in tree.body:
        nullable, annotated = False, ()
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
            annotation = ast.unparse(node.annotation)
            nullable = "None" in annotation or "Optional" in annotation
            annotated = _annotation_types(node.annotation) or ()
        else:
            continue
        try:
            default, type_name = ast.literal_eval(value), None
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            default, type_name = None, UNKNOWN
        for target in targets:
            single = isinstance(target, ast.Name)
            for name_node in ast.walk(target):
                if isinstance(name_node, ast.Name):
                    params[name_node.id] = NotebookParameter(
                        name=name_node.id,
                        default=default if single else None,
                        type=(type_name or type(default).__name__) if single else UNKNOWN,
                        comment=comments.get(node.lineno, ""),
                        nullable=nullable,
                        annotation=annotated if single else (),
                    )
    return params


_SIMPLE_TYPES = {"str": "str", "int": "int", "float": "float", "bool": "bool", "list": "list", "dict": "dict",
                 "tuple": "tuple", "None": "NoneType"}


def _annotation_types(node: ast.expr) -> tuple[str, ...] | None:
    """Type names of a simple annotation (``str | None``, ``Optional[int]``, ``float``); None otherwise."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _annotation_types(node.left), _annotation_types(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Constant) and node.value is None:
        return ("NoneType",)
    if isinstance(node, ast.Name) and node.id in _SIMPLE_TYPES:
        return (_SIMPLE_TYPES[node.id],)
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        if node.value.id == "Optional":
            inner = _annotation_types(node.slice)
            return None if inner is None else inner + ("NoneType",)
        if node.value.id in ("list", "dict", "tuple"):  # list[str]: the container is checked
            return (_SIMPLE_TYPES[node.value.id],)
    return None


def _comments(code: str) -> dict[int, str]:
    found: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            if tok.type == tokenize.COMMENT:
                found[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    return found


def parse_cli_parameters(pairs: Iterable[str]) -> dict[str, Any]:
    """Parse ``key=value`` strings; values are read as YAML scalars.

    ``top_n=5`` gives the int 5, ``share=0.5`` a float, ``flag=true`` a bool,
    ``x=null`` None, ``day=1998-06-30`` a date (accepted where the notebook's default
    is text); quote to force text: ``name='"yes"'``.

    Raises
    ------
    NotebookParameterError
        If an item has no ``=`` or an empty name, or the value is not valid YAML
        (or looks like a date but is none, such as ``2024-02-30``).

    Examples
    --------
    >>> parse_cli_parameters(["top_n=5", "observation_end=null", "label=Q1 2024"])
    {'top_n': 5, 'observation_end': None, 'label': 'Q1 2024'}
    """
    parsed: dict[str, Any] = {}
    for item in pairs:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier():
            raise NotebookParameterError(f"-p {item!r}: expected name=value with a Python name, e.g. -p top_n=5")
        try:
            parsed[key] = yaml.safe_load(text) if text.strip() else ""
        except yaml.YAMLError as exc:
            raise NotebookParameterError(f"-p {item!r}: the value is not a valid YAML scalar: {exc}") from None
        except ValueError as exc:  # a date-shaped value that is no date: 2024-02-30
            raise NotebookParameterError(f"-p {item!r}: not a date ({exc}); write a real day as YYYY-MM-DD, "
                                         f"e.g. -p {key}=2024-02-29") from None
    return parsed


def check_parameters(
    declared: Mapping[str, NotebookParameter], given: Mapping[str, Any], *, notebook: str, source: str = "parameters"
) -> dict[str, Any]:
    """Check *given* values against a notebook's declared parameters.

    Type rules: an int is fine where the default is a float; a ``None`` default
    accepts text, numbers and None; None is accepted where the cell annotates the
    parameter as optional (``x: str | None = "a"``), and ``""`` is then passed as None
    (also where the default is None; elsewhere ``""`` is refused); a parameter with a simple annotation
    is checked against it (``observation_end: str | None = None`` takes text, a date or
    None, not a number); a bool is not an int; dates (as YAML reads ``1998-06-30``, or
    ``-p observation_end=1998-06-30``) become ISO text where text is expected; a default
    that is not a literal accepts anything.

    Parameters
    ----------
    declared : mapping
        From :func:`read_parameters`.
    given : mapping
        Name -> value to inject.
    notebook, source : str
        Named in the error messages (e.g. the notebook and "params/x.yaml").

    Returns
    -------
    dict
        The values to inject (dates converted to text).

    Raises
    ------
    NotebookParameterError
        Naming the parameter, the expected and the given type; for an unknown name,
        the closest declared name.

    Examples
    --------
    >>> declared = {"top_n": NotebookParameter("top_n", 10, "int")}
    >>> check_parameters(declared, {"top_n": 5}, notebook="demo")
    {'top_n': 5}
    """
    checked: dict[str, Any] = {}
    for name, value in given.items():
        if name not in declared:
            raise NotebookParameterError(
                f"{source}: notebook {notebook} has no parameter {name!r}{suggest(name, declared)} "
                f"(its parameters: {', '.join(declared) or 'none'})"
            )
        checked[name] = _check_one(declared[name], value, notebook, source)
    return checked


def _check_one(param: NotebookParameter, value: Any, notebook: str, source: str) -> Any:
    if isinstance(value, str) and value == "" and param.type != UNKNOWN:
        if param.nullable or param.type == "NoneType":
            return None  # "" for an optional parameter means what None means: skip that part
        raise NotebookParameterError(msg("report.parameter.empty", source=source, parameter=param.name,
                                         notebook=notebook, default=param.default))
    if param.annotation:
        return _check_annotated(param, value, notebook, source)
    expected = param.type
    if expected == UNKNOWN or (value is None and param.nullable):
        return value
    if isinstance(value, (dt.date, dt.datetime)) and expected in ("str", "NoneType"):
        return value.isoformat()
    checks = _type_checks(value)
    # an unannotated None default accepts text and numbers too
    checks["NoneType"] = value is None or isinstance(value, str) or checks["float"]
    ok = checks.get(expected, type(value).__name__ == expected)
    if ok:
        return list(value) if isinstance(value, tuple) else value
    wanted = "None, text or a number" if expected == "NoneType" else _TYPE_WORDS.get(expected, expected)
    raise NotebookParameterError(
        f"{source}: parameter {param.name!r} of notebook {notebook} expects {wanted} "
        f"(its default is {param.default!r}), got {type(value).__name__} {value!r}"
    )


def _check_annotated(param: NotebookParameter, value: Any, notebook: str, source: str) -> Any:
    """Check *value* against the parameter's annotation (``observation_end: str | None = None``)."""
    allowed = param.annotation
    if isinstance(value, (dt.date, dt.datetime)) and "str" in allowed:
        return value.isoformat()
    ok = _type_checks(value)
    if any(ok[name] for name in allowed):
        return list(value) if isinstance(value, tuple) else value
    words = [_TYPE_WORDS.get(name, "None") for name in allowed]
    wanted = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    raise NotebookParameterError(
        f"{source}: parameter {param.name!r} of notebook {notebook} expects {wanted} "
        f"(its default is {param.default!r}), got {type(value).__name__} {value!r}"
    )


def _type_checks(value: Any) -> dict[str, bool]:
    """Whether *value* passes as each type a parameters cell can declare, by type name
    (a bool is no number, a tuple passes as a list)."""
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return {
        "NoneType": value is None,
        "float": number,
        "int": isinstance(value, int) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "str": isinstance(value, str),
        "list": isinstance(value, (list, tuple)),
        "tuple": isinstance(value, (list, tuple)),
        "dict": isinstance(value, dict),
    }


_TYPE_WORDS = {"float": "a number (float)", "int": "an integer (int)", "bool": "true or false (bool)",
               "str": "text (str)", "list": "a list", "tuple": "a list", "dict": "a mapping"}
