"""The small, safe expression language of a study's ``derive: {x: {expr: ...}}`` and ``filter:``.

An expression is parsed with Python's :mod:`ast` (mode ``"eval"``, which only
builds a syntax tree) and every node is checked against a whitelist; the tree
is then *interpreted* here with pandas and numpy operations on columns. Nothing
is ever passed to ``eval``, ``exec`` or ``compile``, and there is no attribute
access, subscript, lambda, comprehension or call of anything but the functions
below. What an expression may hold:

- column names (``age``), or ``col("name with spaces")`` for any column name;
- numbers, text in quotes, ``True``, ``False``, ``None``;
- ``+ - * / // % **`` and unary ``-`` on numbers;
- comparisons ``== != < <= > >=`` (also chained: ``18 <= age < 65``) and
  ``in`` / ``not in`` a literal list (``job in ['admin.', 'services']``);
- ``and``, ``or``, ``not``;
- ``abs(x)``, ``log(x)``, ``exp(x)``, ``sqrt(x)``, ``round(x)``, ``round(x, 2)``,
  ``isna(x)``, ``notna(x)``, ``where(condition, a, b)``, ``row_number()`` (the row's
  number in the file, from 1: an id for a survey exported without one).

A comparison with a missing value is missing (not false), so a filter can
count the rows it drops for that reason; ``and`` / ``or`` follow three-valued
logic (``False and missing`` is false). At most :data:`MAX_CHARS` characters
and :data:`MAX_NODES` syntax nodes.

Examples
--------
>>> import pandas as pd
>>> e = parse_expression("a * 2 + b", "derive.x.expr")
>>> e.evaluate(pd.DataFrame({"a": [1, 2], "b": [10, 20]})).tolist()
[12, 24]
>>> sorted(e.columns)
['a', 'b']
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import shown
from analysis.errors import StudyConfigError
from analysis.messages import msg
from analysis.prepare.names import suggest

__all__ = ["Expression", "parse_expression", "MAX_CHARS", "MAX_NODES", "FUNCTIONS"]

MAX_CHARS, MAX_NODES = 500, 100
#: function name -> number of arguments it takes (low, high)
FUNCTIONS = {"abs": (1, 1), "log": (1, 1), "exp": (1, 1), "sqrt": (1, 1), "round": (1, 2),
             "isna": (1, 1), "notna": (1, 1), "where": (3, 3), "col": (1, 1), "row_number": (0, 0)}
_ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
               ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Gt: operator.gt, ast.GtE: operator.ge}
_UNARY = (ast.USub, ast.UAdd, ast.Not)
_NUMERIC_FUNCTIONS = {"abs": np.abs, "log": np.log, "exp": np.exp, "sqrt": np.sqrt}


def _refuse(key: str, reason: str) -> StudyConfigError:
    return StudyConfigError(msg("prepare.error.expression", key=key, reason=reason,
                                allowed=msg("prepare.error.expression_allowed")))


@dataclass(frozen=True)
class Expression:
    """A checked expression: its text, the key path it was written under and the columns it reads."""

    text: str
    key: str
    tree: ast.Expression
    columns: frozenset[str]

    def evaluate(self, frame: pd.DataFrame) -> pd.Series:
        """The expression's value for every row of *frame* (a Series on *frame*'s index).

        Raises
        ------
        StudyConfigError
            Naming the key path when the data do not fit the expression (text
            in arithmetic, a column missing from *frame*).
        """
        missing = sorted(self.columns - set(map(str, frame.columns)))
        if missing:
            raise _refuse(self.key, msg("prepare.error.expr_unknown_column", column=shown(missing[0]), hint=""))
        with np.errstate(all="ignore"):
            try:
                value = _Evaluator(frame, self.key).visit(self.tree.body)
            except StudyConfigError:
                raise
            except (TypeError, ValueError, ZeroDivisionError, OverflowError, FloatingPointError) as exc:
                raise _refuse(self.key, msg("prepare.error.expr_failed", error=shown(str(exc)))) from None
        return _broadcast(value, frame.index)


def parse_expression(text: Any, key: str, columns: Iterable[str] | None = None) -> Expression:
    """Check *text* against the expression language and return it parsed (nothing is run).

    Parameters
    ----------
    text : str
        The expression as the study wrote it.
    key : str
        Its key path in the study file (``data.survey.filter``), named in every message.
    columns : iterable of str, optional
        The columns the expression may read; an unknown name is refused with
        the closest column suggested. Default: any name (checked when evaluated).

    Raises
    ------
    StudyConfigError
        For text that is not an expression, too long, or uses anything outside the
        language (naming what is allowed).

    Examples
    --------
    >>> parse_expression("__import__('os')", "data.survey.filter")
    Traceback (most recent call last):
    ...
    analysis.errors.StudyConfigError: data.survey.filter: ...
    """
    if not isinstance(text, str) or not text.strip():
        raise _refuse(key, msg("prepare.error.expr_not_text", value=shown(text)))
    if len(text) > MAX_CHARS:
        raise _refuse(key, msg("prepare.error.expr_too_long", n=len(text), limit=MAX_CHARS))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        reason = getattr(exc, "msg", None) or type(exc).__name__
        raise _refuse(key, msg("prepare.error.expr_syntax", error=shown(reason))) from None
    nodes = sum(1 for _ in ast.walk(tree))
    if nodes > MAX_NODES:
        raise _refuse(key, msg("prepare.error.expr_too_big", n=nodes, limit=MAX_NODES))
    names: set[str] = set()
    _check(tree.body, key, names)
    if columns is not None:
        known = [str(c) for c in columns]
        for name in sorted(names):
            if name not in known:
                raise _refuse(key, msg("prepare.error.expr_unknown_column", column=shown(name),
                                       hint=suggest(name, known)))
    return Expression(text=text, key=key, tree=tree, columns=frozenset(names))


def _check(node: ast.AST, key: str, names: set[str]) -> None:
    """Walk the tree; raise for any node outside the language, collect the column names read."""
    if isinstance(node, ast.Name):
        names.add(node.id)
    elif isinstance(node, ast.Constant):
        if not (node.value is None or isinstance(node.value, (bool, int, float, str))):
            raise _refuse(key, msg("prepare.error.expr_constant", value=shown(node.value)))
    elif isinstance(node, ast.BinOp):
        if type(node.op) not in _ARITHMETIC:
            raise _refuse(key, msg("prepare.error.expr_element", element=_describe(node.op)))
        _check(node.left, key, names)
        _check(node.right, key, names)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, _UNARY):
            raise _refuse(key, msg("prepare.error.expr_element", element=_describe(node.op)))
        _check(node.operand, key, names)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, key, names)
    elif isinstance(node, ast.Compare):
        _check(node.left, key, names)
        for op, right in zip(node.ops, node.comparators):
            if isinstance(op, (ast.In, ast.NotIn)):
                if len(node.ops) > 1:
                    raise _refuse(key, msg("prepare.error.expr_in"))
                _literal_list(right, key)
            elif type(op) in _COMPARE:
                _check(right, key, names)
            else:
                raise _refuse(key, msg("prepare.error.expr_element", element=_describe(op)))
    elif isinstance(node, ast.Call):
        _check_call(node, key, names)
    else:
        raise _refuse(key, msg("prepare.error.expr_element", element=_describe(node)))


def _check_call(node: ast.Call, key: str, names: set[str]) -> None:
    name = node.func.id if isinstance(node.func, ast.Name) else None
    if name not in FUNCTIONS:
        shown_name = shown(name) if name is not None else _describe(node.func)
        raise _refuse(key, msg("prepare.error.expr_function", name=shown_name, hint=suggest(name or "", FUNCTIONS),
                               functions=", ".join(FUNCTIONS)))
    low, high = FUNCTIONS[name]
    if node.keywords or not low <= len(node.args) <= high or any(isinstance(a, ast.Starred) for a in node.args):
        raise _refuse(key, msg("prepare.error.expr_arguments", name=name, low=low, high=high) if low < high
                      else msg("prepare.error.expr_arguments_exact", name=name, n=low))
    if name == "col":
        arg = node.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            raise _refuse(key, msg("prepare.error.expr_col"))
        names.add(arg.value)
        return
    if name == "round" and len(node.args) == 2:
        digits = node.args[1]
        if not (isinstance(digits, ast.Constant) and type(digits.value) is int and -15 <= digits.value <= 15):
            raise _refuse(key, msg("prepare.error.expr_round"))
    for arg in node.args:
        _check(arg, key, names)


def _literal_list(node: ast.AST, key: str) -> list[Any]:
    """The values of ``[...]`` / ``(...)`` after ``in``: literal numbers, text, True/False/None only."""
    if isinstance(node, (ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and (e.value is None or isinstance(e.value, (bool, int, float, str)))
            for e in node.elts):
        return [e.value for e in node.elts]
    raise _refuse(key, msg("prepare.error.expr_in"))


def _describe(node: ast.AST) -> str:
    """A syntax element as a message names it (its Python grammar name)."""
    return shown(type(node).__name__)


def _broadcast(value: Any, index: pd.Index) -> pd.Series:
    if isinstance(value, pd.Series):
        return value
    return pd.Series([value] * len(index), index=index, dtype=None if value is not None else object)


def _numeric(value: Any, key: str) -> Any:
    """*value* if it holds numbers (or booleans); numbers become numpy scalars (no huge Python integers)."""
    if isinstance(value, pd.Series):
        if pd.api.types.is_bool_dtype(value.dtype):
            return value.astype("float64") if value.isna().any() else value.astype("int64")
        if pd.api.types.is_numeric_dtype(value.dtype):
            return value
        if value.isna().all():
            return value.astype("float64")
        example = value.dropna().iloc[0]
        raise _refuse(key, msg("prepare.error.expr_text_arithmetic", column=shown(value.name), value=shown(example)))
    if value is None:
        return np.float64("nan")
    if isinstance(value, (bool, np.bool_)):
        return np.int64(value)
    if isinstance(value, (int, np.integer)):
        return np.int64(value) if -(2**63) <= int(value) < 2**63 else np.float64(value)
    if isinstance(value, (float, np.floating)):
        return np.float64(value)
    raise _refuse(key, msg("prepare.error.expr_text_arithmetic", column="", value=shown(value)))


def _missing(value: Any) -> Any:
    """Where *value* is missing: a boolean Series, or one bool for a scalar."""
    if isinstance(value, pd.Series):
        return value.isna()
    return value is None or (isinstance(value, (float, np.floating)) and np.isnan(value))


def _as_condition(value: Any, key: str) -> Any:
    """*value* as three-valued booleans (pandas ``boolean`` dtype): refuses numbers and text."""
    if isinstance(value, pd.Series):
        if pd.api.types.is_bool_dtype(value.dtype):
            return value.astype("boolean")
        if value.isna().all():
            return pd.Series(pd.NA, index=value.index, dtype="boolean")
        raise _refuse(key, msg("prepare.error.expr_not_condition", value=shown(value.dropna().iloc[0])))
    if value is None:
        return pd.NA
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise _refuse(key, msg("prepare.error.expr_not_condition", value=shown(value)))


class _Evaluator:
    """Interprets a checked tree on a frame: every node kind here was allowed by :func:`_check`."""

    def __init__(self, frame: pd.DataFrame, key: str):
        self.frame, self.key = frame, key
        self.by_name = {str(c): c for c in frame.columns}

    def visit(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Name):
            return self.frame[self.by_name[node.id]]
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.BinOp):
            left = _numeric(self.visit(node.left), self.key)
            right = _numeric(self.visit(node.right), self.key)
            return _ARITHMETIC[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp):
            operand = self.visit(node.operand)
            if isinstance(node.op, ast.Not):
                condition = _as_condition(operand, self.key)
                return ~condition if isinstance(condition, pd.Series) else (
                    pd.NA if condition is pd.NA else not condition)
            number = _numeric(operand, self.key)
            return -number if isinstance(node.op, ast.USub) else +number
        if isinstance(node, ast.BoolOp):
            values = [_as_condition(self.visit(v), self.key) for v in node.values]
            result = values[0]
            for value in values[1:]:
                result = (result & value) if isinstance(node.op, ast.And) else (result | value)
            return result
        if isinstance(node, ast.Compare):
            return self._compare(node)
        return self._call(node)

    def _compare(self, node: ast.Compare) -> Any:
        left = self.visit(node.left)
        result: Any = True
        for op, right_node in zip(node.ops, node.comparators):
            if isinstance(op, (ast.In, ast.NotIn)):
                values = _literal_list(right_node, self.key)
                part = _is_in(left, values)
                part = ~part if isinstance(op, ast.NotIn) and isinstance(part, pd.Series) else part
                if isinstance(op, ast.NotIn) and not isinstance(part, pd.Series):
                    part = pd.NA if part is pd.NA else not part
                return part
            right = self.visit(right_node)
            part = _compare(_COMPARE[type(op)], left, right, self.key)
            result = part if result is True else (result & part)
            left = right
        return result

    def _call(self, node: ast.Call) -> Any:
        name = node.func.id
        if name == "col":
            return self.frame[self.by_name[node.args[0].value]]
        if name == "row_number":  # the row's number in the file, from 1 (an id for a survey that has none)
            return pd.Series(np.arange(1, len(self.frame) + 1), index=self.frame.index)
        args = [self.visit(a) for a in node.args]
        if name in ("isna", "notna"):
            missing = _missing(args[0])
            return (~missing if name == "notna" else missing) if isinstance(missing, pd.Series) else (
                (not missing) if name == "notna" else missing)
        if name == "where":
            return _where(_as_condition(args[0], self.key), args[1], args[2], self.frame.index)
        number = _numeric(args[0], self.key)
        if name == "round":
            digits = int(node.args[1].value) if len(node.args) == 2 else 0
            return number.round(digits) if isinstance(number, pd.Series) else np.round(number, digits)
        return _NUMERIC_FUNCTIONS[name](number)


def _compare(op, left: Any, right: Any, key: str) -> Any:
    """``left op right`` with missing wherever either side is missing; text is compared with text only."""
    if not (isinstance(left, pd.Series) or isinstance(right, pd.Series)):
        if _missing(left) or _missing(right):
            return pd.NA
        try:
            return bool(op(left, right))
        except TypeError:
            raise _refuse(key, msg("prepare.error.expr_compare_types", left=shown(left), right=shown(right))) from None
    index = left.index if isinstance(left, pd.Series) else right.index
    present = ~(_broadcast(_missing(left), index) | _broadcast(_missing(right), index)).to_numpy(dtype=bool)
    left_part = left[present] if isinstance(left, pd.Series) else left
    right_part = right[present] if isinstance(right, pd.Series) else right
    try:
        raw = np.asarray(op(left_part, right_part), dtype=bool)
    except TypeError:
        example = [v.dropna().iloc[0] if isinstance(v, pd.Series) and v.notna().any() else v for v in (left, right)]
        raise _refuse(key, msg("prepare.error.expr_compare_types", left=shown(example[0]),
                               right=shown(example[1]))) from None
    result = pd.Series(pd.NA, index=index, dtype="boolean")
    result[present] = raw
    return result


def _is_in(value: Any, values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if isinstance(value, pd.Series):
        result = value.isin(present).astype("boolean")
        result[value.isna().to_numpy(dtype=bool)] = pd.NA
        return result
    return pd.NA if _missing(value) else value in present


def _where(condition: Any, yes: Any, no: Any, index: pd.Index) -> pd.Series:
    """*yes* where *condition* holds, *no* where it does not, missing where it is missing."""
    condition = _broadcast(condition, index).astype("boolean")
    yes, no = _broadcast(yes, index), _broadcast(no, index)
    result = yes.where(condition.fillna(False).to_numpy(dtype=bool), no)
    if condition.isna().any():
        result = result.astype("float64") if pd.api.types.is_numeric_dtype(result.dtype) else result.astype(object)
        result[condition.isna().to_numpy(dtype=bool)] = np.nan
    return result
