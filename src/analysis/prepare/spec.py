"""Check a table's preparation keys of a study file (``missing_codes``, ``derive``, ``filter``) before any data is read.

Every message names the study file and the key path, says what is wrong and
what to write instead. Column names are checked against the file's header (and
the columns derived before), so a misspelt column stops the study at once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from analysis.checks import shown, shown_names
from analysis.errors import StudyConfigError
from analysis.messages import msg
from analysis.prepare.expressions import Expression, parse_expression
from analysis.prepare.names import suggest

__all__ = ["Derivation", "Preparation", "PREPARE_KEYS", "DERIVE_KINDS", "parse_preparation"]

#: the keys of a table under ``data:`` that prepare its rows, in the order they apply
PREPARE_KEYS = ("missing_codes", "derive", "filter")
ROW_KINDS = ("mean", "sum", "min", "max")
DERIVE_KINDS = (*ROW_KINDS, "recode", "bins", "largest", "expr")
#: the keys each kind of derived column takes besides its own
EXTRA_KEYS = {**{kind: ("min_items",) for kind in ROW_KINDS}, "recode": ("map", "other"),
              "bins": ("edges", "labels", "right"), "largest": (), "expr": ()}


@dataclass(frozen=True)
class Derivation:
    """One derived column: its name, kind (:data:`DERIVE_KINDS`), the columns it reads and its settings."""

    name: str
    kind: str
    sources: tuple[str, ...]
    settings: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    expression: Expression | None = None
    key: str = ""


@dataclass(frozen=True)
class Preparation:
    """What a study declares for one table: missing-value codes, derived columns, a row filter.

    ``missing_codes`` maps a column to its codes; the column ``None`` stands for
    every column of the file.
    """

    missing_codes: Mapping[str | None, tuple[Any, ...]] = field(default_factory=lambda: MappingProxyType({}))
    derive: tuple[Derivation, ...] = ()
    filter: Expression | None = None

    @property
    def declared(self) -> bool:
        """True when the table declares any preparation."""
        return bool(self.missing_codes or self.derive or self.filter is not None)

    @property
    def derived_names(self) -> tuple[str, ...]:
        """The names of the derived columns, in order."""
        return tuple(d.name for d in self.derive)


def _error(where: str, key: str, template: str, **fields: Any) -> StudyConfigError:
    return StudyConfigError(f"{where}: {key}: {msg(template, **fields)}")


def parse_preparation(raw: Mapping[str, Any], *, where: str, key: str, header: Sequence[str]) -> Preparation:
    """Check the preparation keys of the table spec *raw* (``data.<table>``) against the file's *header*.

    Parameters
    ----------
    raw : mapping
        The table's entry of the study file (other keys are ignored here).
    where : str
        The study file (first part of every message).
    key : str
        The table's key path, e.g. ``data.survey``.
    header : sequence of str
        The file's column names.

    Raises
    ------
    StudyConfigError
        Naming the key path, the problem and what to write instead.

    Examples
    --------
    >>> prep = parse_preparation({"derive": {"total": {"sum": ["a", "b"]}}, "filter": "total > 0"},
    ...                          where="s.yaml", key="data.survey", header=["a", "b"])
    >>> prep.derived_names, sorted(prep.filter.columns)
    (('total',), ['total'])
    """
    header = [str(c) for c in header]
    codes = _parse_codes(raw.get("missing_codes"), where, f"{key}.missing_codes", header)
    derive = _parse_derive(raw.get("derive"), where, f"{key}.derive", header)
    available = [*header, *(d.name for d in derive)]
    filter_expr = None
    if raw.get("filter") is not None:
        filter_expr = parse_expression(raw["filter"], f"{where}: {key}.filter", available)
    return Preparation(missing_codes=MappingProxyType(codes), derive=derive, filter=filter_expr)


def _code(value: Any, where: str, key: str) -> Any:
    if isinstance(value, bool):
        raise _error(where, key, "prepare.error.code_bool", value=shown(value))
    if value is None or not isinstance(value, (str, int, float)) or (isinstance(value, str) and not value.strip()) \
            or (isinstance(value, float) and not math.isfinite(value)):
        raise _error(where, key, "prepare.error.code_type", value=shown(value))
    return value


def _code_list(raw: Any, where: str, key: str) -> tuple[Any, ...]:
    values = raw if isinstance(raw, list) else [raw] if isinstance(raw, (str, int, float)) else None
    if not values:
        raise _error(where, key, "prepare.error.codes_list", value=shown(raw))
    return tuple(_code(v, where, f"{key}[{i}]") for i, v in enumerate(values))


def _parse_codes(raw: Any, where: str, key: str, header: list[str]) -> dict[str | None, tuple[Any, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        return {None: _code_list(raw, where, key)}
    if not raw:
        raise _error(where, key, "prepare.error.codes_list", value=shown(raw))
    codes: dict[str | None, tuple[Any, ...]] = {}
    for column, values in raw.items():
        column_key = f"{key}.{column}"
        _known_column(column, header, where, column_key)
        codes[str(column)] = _code_list(values, where, column_key)
    return codes


def _known_column(column: Any, available: Sequence[str], where: str, key: str) -> str:
    if not isinstance(column, str) or column not in available:
        raise _error(where, key, "prepare.error.unknown_column", column=shown(column),
                     hint=suggest(column, available), columns=shown_names(available, quote=False))
    return column


def _parse_derive(raw: Any, where: str, key: str, header: list[str]) -> tuple[Derivation, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not raw:
        raise _error(where, key, "prepare.error.derive_mapping", value=shown(raw))
    available = list(header)
    derived = []
    for name, spec in raw.items():
        name_key = f"{key}.{name}"
        if not isinstance(name, str) or not name.strip():
            raise _error(where, name_key, "prepare.error.derive_name", value=shown(name))
        if name in header:
            raise _error(where, name_key, "prepare.error.derive_clash", column=shown(name))
        derived.append(_parse_one(name, spec, where, name_key, available))
        available.append(name)
    return tuple(derived)


def _parse_one(name: str, spec: Any, where: str, key: str, available: list[str]) -> Derivation:
    kinds = [k for k in DERIVE_KINDS if isinstance(spec, dict) and k in spec]
    if not isinstance(spec, dict) or len(kinds) != 1:
        raise _error(where, key, "prepare.error.derive_kind", value=shown(spec), kinds=", ".join(DERIVE_KINDS))
    kind = kinds[0]
    allowed = (kind, *EXTRA_KEYS[kind])
    for extra in spec:
        if extra not in allowed:
            raise _error(where, f"{key}.{extra}", "prepare.error.derive_key", value=shown(extra),
                         hint=suggest(extra, allowed), kind=kind, keys=", ".join(allowed))
    value, kind_key = spec[kind], f"{key}.{kind}"
    if kind == "expr":
        expression = parse_expression(value, f"{where}: {kind_key}", available)
        return Derivation(name, kind, tuple(sorted(expression.columns)), expression=expression, key=key)
    if kind in ROW_KINDS:
        sources = _column_list(value, where, kind_key, available)
        settings = {"min_items": _min_items(spec.get("min_items"), len(sources), where, f"{key}.min_items")}
        return Derivation(name, kind, sources, MappingProxyType(settings), key=key)
    if kind == "largest":
        if not isinstance(value, dict) or not value:
            raise _error(where, kind_key, "prepare.error.largest_mapping", value=shown(value))
        for column in value:
            _known_column(column, available, where, f"{kind_key}.{column}")
        labels = {str(c): _label(lbl, where, f"{kind_key}.{c}") for c, lbl in value.items()}
        return Derivation(name, kind, tuple(labels), MappingProxyType({"labels": labels}), key=key)
    source = (_known_column(value, available, where, kind_key),)
    if kind == "recode":
        return Derivation(name, kind, source, MappingProxyType(_recode_settings(spec, where, key)), key=key)
    return Derivation(name, kind, source, MappingProxyType(_bins_settings(spec, where, key)), key=key)


def _column_list(value: Any, where: str, key: str, available: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _error(where, key, "prepare.error.column_list", value=shown(value))
    columns = tuple(_known_column(c, available, where, f"{key}[{i}]") for i, c in enumerate(value))
    if len(set(columns)) != len(columns):
        twice = next(c for c in columns if columns.count(c) > 1)
        raise _error(where, key, "prepare.error.column_twice", column=shown(twice))
    return columns


def _min_items(value: Any, n: int, where: str, key: str) -> int:
    if value is None:
        return n
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= n:
        raise _error(where, key, "prepare.error.min_items", value=shown(value), n=n)
    return value


def _label(value: Any, where: str, key: str) -> Any:
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        raise _error(where, key, "prepare.error.label", value=shown(value))
    return value


def _recode_settings(spec: dict, where: str, key: str) -> dict[str, Any]:
    mapping = spec.get("map")
    if not isinstance(mapping, dict) or not mapping:
        raise _error(where, f"{key}.map", "prepare.error.recode_map", value=shown(mapping))
    for code, target in mapping.items():
        if not isinstance(code, bool):  # YAML reads yes/no unquoted as true/false: they match "true"/"false"
            _code(code, where, f"{key}.map")
        if target is not None and (isinstance(target, (list, dict)) or not isinstance(target, (str, int, float))):
            raise _error(where, f"{key}.map.{code}", "prepare.error.label", value=shown(target))
    settings: dict[str, Any] = {"map": dict(mapping)}
    if "other" in spec:
        settings["other"] = spec["other"]
        if isinstance(spec["other"], (list, dict)):
            raise _error(where, f"{key}.other", "prepare.error.label", value=shown(spec["other"]))
    return settings


def _bins_settings(spec: dict, where: str, key: str) -> dict[str, Any]:
    edges = spec.get("edges")
    numbers = isinstance(edges, list) and all(isinstance(e, (int, float)) and not isinstance(e, bool)
                                              for e in edges)
    if not numbers or len(edges) < 2 or any(b <= a for a, b in zip(edges, edges[1:])):
        raise _error(where, f"{key}.edges", "prepare.error.edges", value=shown(edges))
    labels = spec.get("labels")
    if labels is not None:
        if not isinstance(labels, list) or len(labels) != len(edges) - 1:
            raise _error(where, f"{key}.labels", "prepare.error.bin_labels", value=shown(labels), n=len(edges) - 1)
        labels = [_label(lbl, where, f"{key}.labels[{i}]") for i, lbl in enumerate(labels)]
        if len({str(lbl) for lbl in labels}) != len(labels):
            raise _error(where, f"{key}.labels", "prepare.error.bin_labels", value=shown(labels), n=len(edges) - 1)
    right = spec.get("right", False)
    if not isinstance(right, bool):
        raise _error(where, f"{key}.right", "prepare.error.right", value=shown(right))
    return {"edges": list(edges), "labels": labels, "right": right}
