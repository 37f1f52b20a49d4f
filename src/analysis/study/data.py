"""Checks and specs of a study file's ``data:`` section (private helper of
:mod:`analysis.study`, which re-exports :class:`TableSpec`, :class:`DataSpec` and
:func:`suggest`)."""

from __future__ import annotations

import codecs
import glob
import inspect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from analysis.checks import shown, shown_names
from analysis.errors import ParameterError, StudyConfigError
from analysis.messages import msg
from analysis.prepare import PREPARE_KEYS, Preparation, parse_preparation
from analysis.prepare.names import suggest
from analysis.schemas.dates import check_date_format
from analysis.window import check_future_dates

DATASET_KEYS = ("dataset", "options")
TABLE_KEYS = ("path", "format", "encoding", "sheet", "sep", *PREPARE_KEYS, "columns", "options",
              "engine", "memory_limit", "temp_directory")
#: tables that may stay on disk (``engine: duckdb``) and the keys that only they take
ENGINE_TABLES = ("transactions",)
ENGINE_KEYS = ("engine", "memory_limit", "temp_directory")
ENGINES = ("duckdb",)
FORMATS = ("csv", "tsv", "parquet", "excel", "cdnow")
FALLBACK_TABLES = ("transactions", "customers", "survey", "channel_outcomes", "paths", "complaints", "memberships")
ROOTS_KEY = "allowed_roots"


@dataclass(frozen=True)
class TableSpec:
    """Where one canonical table comes from (the file form of ``data:``)."""

    table: str
    path: Path
    format: str | None = None
    encoding: str | None = None
    sheet: str | int | None = None
    sep: str | None = None
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    engine: str | None = None
    memory_limit: str | None = None
    temp_directory: Path | None = None
    files: tuple[Path, ...] = ()
    #: missing-value codes, derived columns and filter (``missing_codes``, ``derive``, ``filter``)
    preparation: Preparation = Preparation()

    @property
    def lazy(self) -> bool:
        """True when the table stays on disk and is queried through ``engine`` (not loaded into pandas)."""
        return self.engine is not None

    def read_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`analysis.io.read_table` (only those given)."""
        given = {"format": self.format, "encoding": self.encoding, "sheet": self.sheet, "sep": self.sep}
        return {k: v for k, v in given.items() if v is not None}


@dataclass(frozen=True)
class DataSpec:
    """The ``data:`` section: either ``dataset`` (+ ``options``) or ``tables``."""

    dataset: str | None = None
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    tables: Mapping[str, TableSpec] = field(default_factory=lambda: MappingProxyType({}))


def key_label(key: Any) -> str:
    """A key as a key path shows it: plain names as they are, anything else quoted (``data.' '``).

    Examples
    --------
    >>> key_label("transactions"), key_label(" "), key_label(2024)
    ('transactions', "' '", '2024')
    """
    text = str(key)
    return text if re.fullmatch(r"[\w\-]+", text) else shown(key)


def check_keys(raw: Any, allowed: tuple[str, ...], where: str, key_path: str, *, required=()) -> None:
    """Raise :class:`StudyConfigError` for an unknown key (closest suggested) or a missing one."""
    label = key_path or "top level"
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: {label}: expected a mapping, got {type(raw).__name__} ({shown(raw)})")
    for key in raw:
        if key not in allowed:
            full = f"{key_path}.{key_label(key)}" if key_path else key_label(key)
            raise StudyConfigError(
                f"{where}: {full}: unknown key {shown(key)}{suggest(key, allowed)} (valid keys: {', '.join(allowed)})"
            )
    for key in required:
        if key not in raw:
            raise StudyConfigError(f"{where}: {label}: missing required key {key!r}")


def data_roots(raw: Any, path: Path) -> tuple[Path, ...]:
    """The folders the data files of the study file *path* may lie in.

    The study file's folder; its project (the folder holding the ``params/``
    folder the study file is in, directly or in a sub-folder such as
    ``params/examples/``); and the folders listed under ``allowed_roots:``
    (*raw*), relative to the study file or absolute. Symbolic links are
    resolved, so a link inside these folders to a file elsewhere does not count
    as inside. A study that is not in a ``params/`` folder has no project.

    Examples
    --------
    >>> data_roots(None, Path("/proj/params/tiny.yaml"))  # doctest: +SKIP
    (PosixPath('/proj/params'), PosixPath('/proj'))
    """
    where = f"{path}: {ROOTS_KEY}"
    folder = path.parent.resolve()
    roots = [folder]
    project = next((p.parent for p in (folder, *folder.parents) if p.name == "params"), None)
    if project is not None:
        roots.append(project)
    if raw is None:
        return tuple(roots)
    if not isinstance(raw, list) or not all(_is_path(r) for r in raw):
        raise StudyConfigError(f"{where}: expected a list of folders such as [../../shared/data], got {shown(raw)}")
    for i, entry in enumerate(raw):
        root = (folder / Path(entry).expanduser()).resolve()
        if not root.is_dir():
            raise StudyConfigError(f"{where}[{i}]: folder not found: {root} (folders are relative to the study file)")
        roots.append(root)
    return tuple(dict.fromkeys(roots))


def _is_path(value: Any) -> bool:
    """True for text that can name a file: not empty, no NUL character."""
    return isinstance(value, str) and bool(value.strip()) and "\x00" not in value


def _inside(target: Path, written: str, roots: tuple[Path, ...], where: str, key: str) -> None:
    """Raise :class:`StudyConfigError` unless the resolved *target* lies in one of *roots*."""
    if any(target.is_relative_to(root) for root in roots):
        return
    via = f" (written {written!r})" if written != str(target) else ""
    raise StudyConfigError(
        f"{where}: {key}: {target}{via} is outside the folders this study may read "
        f"({', '.join(map(str, roots))}); a study reads files inside its own folder and project only. "
        f"If the data really lives there, list its folder under {ROOTS_KEY}: at the top of the study file, "
        f"e.g. {ROOTS_KEY}: [{target.parent}]"
    )


def parse_data(raw: Any, path: Path, roots: tuple[Path, ...] | None = None) -> DataSpec:
    """Check the ``data:`` section of the study file *path* and return its spec.

    Data files must lie in *roots* (default: :func:`data_roots` without ``allowed_roots``).
    """
    where = str(path)
    roots = data_roots(None, path) if roots is None else roots
    if not isinstance(raw, dict) or not raw:
        raise StudyConfigError(
            f"{where}: data: expected either 'dataset: <name>' or one entry per table "
            f"({', '.join(_table_names())}), got {shown(raw)}"
        )
    if "dataset" in raw:
        for key in PREPARE_KEYS:
            if key in raw:
                raise StudyConfigError(f"{where}: data.{key}: {msg('prepare.error.not_dataset', key=f'data.{key}')}")
        check_keys(raw, DATASET_KEYS, where, "data")
        dataset, options = raw["dataset"], raw.get("options") or {}
        if not isinstance(dataset, str):
            raise StudyConfigError(f"{where}: data.dataset: expected a data set name, got {shown(dataset)}")
        if not isinstance(options, dict):
            raise StudyConfigError(f"{where}: data.options: expected a mapping, got {shown(options)}")
        known = _dataset_names()
        if known and dataset not in known:
            raise StudyConfigError(
                f"{where}: data.dataset: unknown data set {shown(dataset)}{suggest(dataset, known)} "
                f"(data sets: {', '.join(known)})"
            )
        return DataSpec(dataset=dataset, options=MappingProxyType(dict(options)))
    tables = {}
    for table, spec in raw.items():
        if table not in _table_names():
            raise StudyConfigError(
                f"{where}: data.{key_label(table)}: unknown table {shown(table)}{suggest(table, _table_names())} "
                f"(tables: {', '.join(_table_names())}; or use 'dataset:')"
            )
        tables[table] = _parse_table(table, spec, path, roots)
    return DataSpec(tables=MappingProxyType(tables))


def _parse_table(table: str, raw: Any, path: Path, roots: tuple[Path, ...]) -> TableSpec:
    where, key = str(path), f"data.{table}"
    check_keys(raw, TABLE_KEYS, where, key, required=("path",))
    fmt = raw.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise StudyConfigError(f"{where}: {key}.format: unknown format {shown(fmt)}{suggest(fmt, FORMATS)} "
                               f"(formats: {', '.join(FORMATS)})")
    columns, options = raw.get("columns") or {}, raw.get("options") or {}
    for sub, value in (("columns", columns), ("options", options)):
        if not isinstance(value, dict):
            raise StudyConfigError(f"{where}: {key}.{sub}: expected a mapping, got {shown(value)}")
    for canonical, source in columns.items():
        if not isinstance(source, str):
            raise StudyConfigError(f"{where}: {key}.columns.{canonical}: expected a column name, got {shown(source)}")
    _check_validator_options(table, options, where, key)
    _check_reader_options(raw, where, key)
    written = raw["path"]
    if not _is_path(written):
        raise StudyConfigError(f"{where}: {key}.path: expected the path of a data file, got {shown(written)}")
    if raw.get("engine") is not None or any(raw.get(k) is not None for k in ENGINE_KEYS):
        for prepare_key in PREPARE_KEYS:
            if prepare_key in raw:
                raise StudyConfigError(f"{where}: {key}.{prepare_key}: {msg('prepare.error.not_lazy')}")
        return _parse_lazy_table(table, raw, path, fmt, columns, options, roots)
    data_path = (path.parent / Path(written).expanduser()).resolve()
    _inside(data_path, written, roots, where, f"{key}.path")
    if not data_path.is_file():
        raise StudyConfigError(f"{where}: {key}.path: data file not found: {data_path} (paths are relative to the study file)")
    spec = TableSpec(
        table=table,
        path=data_path,
        format=fmt,
        encoding=raw.get("encoding"),
        sheet=raw.get("sheet"),
        sep=raw.get("sep"),
        columns=MappingProxyType({str(k): v for k, v in columns.items()}),
        options=MappingProxyType(dict(options)),
    )
    if not spec.columns and not any(k in raw for k in PREPARE_KEYS):
        return spec
    from analysis.study.headers import read_header

    try:
        header = read_header(spec)
    except StudyConfigError as exc:
        raise StudyConfigError(f"{where}: {exc}") from None
    except (OSError, ValueError) as exc:
        raise StudyConfigError(f"{where}: {key}: cannot read the column names of {data_path}: {exc}") from None
    preparation = parse_preparation(raw, where=where, key=key, header=header)
    _check_mapped_columns(spec.columns, [*header, *preparation.derived_names], where, key, data_path.name)
    return replace(spec, preparation=preparation)


def _check_mapped_columns(columns, header: list[str], where: str, key: str, file_name: str) -> None:
    """Every source column the ``columns:`` mapping names is in the file's header."""
    for canonical, source in columns.items():
        if source not in header:
            raise StudyConfigError(
                f"{where}: {key}.columns.{canonical}: column {shown(source)} is not in {file_name}"
                f"{suggest(source, header)} (columns there: {shown_names(header, quote=False)})"
            )


def _parse_lazy_table(table: str, raw: dict, path: Path, fmt: str | None, columns: dict, options: dict,
                      roots: tuple[Path, ...]) -> TableSpec:
    """A table kept on disk: ``path`` may be a glob or folder of Parquet/CSV files."""
    where, key = str(path), f"data.{table}"
    engine = raw.get("engine")
    if engine not in ENGINES:
        raise StudyConfigError(
            f"{where}: {key}.engine: expected one of {', '.join(ENGINES)} (the table stays on disk and is "
            f"queried there), got {shown(engine)}{suggest(str(engine), ENGINES)}; memory_limit and "
            "temp_directory need engine: duckdb"
        )
    if table not in ENGINE_TABLES:
        raise StudyConfigError(
            f"{where}: {key}.engine: only the {', '.join(ENGINE_TABLES)} table can stay on disk; "
            f"load the {table} table into memory (remove engine, memory_limit, temp_directory)"
        )
    for unsupported in ("encoding", "sheet", "sep"):
        if raw.get(unsupported) is not None:
            raise StudyConfigError(
                f"{where}: {key}.{unsupported}: not supported with engine: duckdb, which reads Parquet "
                "or UTF-8, comma-separated CSV files; convert the files or load the table into memory"
            )
    other = sorted(set(options) - {"future_dates"})
    if other:
        raise StudyConfigError(
            f"{where}: {key}.options: {shown_names(other)}: only future_dates applies to a table kept on "
            "disk (it is not loaded and validated row by row; its queries stop on missing values and "
            "negative amounts); remove the others or fix the files"
        )
    if "future_dates" in options:
        try:
            check_future_dates(options["future_dates"])
        except ParameterError as exc:
            raise StudyConfigError(f"{where}: {key}.options.future_dates: {exc}") from None
    if fmt is not None and fmt not in ("parquet", "csv"):
        raise StudyConfigError(f"{where}: {key}.format: engine: duckdb reads parquet or csv files, not {shown(fmt)}")
    memory_limit = raw.get("memory_limit")
    if memory_limit is not None and not isinstance(memory_limit, str):
        raise StudyConfigError(f"{where}: {key}.memory_limit: expected text such as '4GB', got {shown(memory_limit)}")
    temp = raw.get("temp_directory")
    if temp is not None and not _is_path(temp):
        raise StudyConfigError(f"{where}: {key}.temp_directory: expected the path of a folder, got {shown(temp)}")
    temp_path = (path.parent / Path(str(temp)).expanduser()).resolve() if temp is not None else None
    if temp_path is not None:
        _inside(temp_path, str(temp), roots, where, f"{key}.temp_directory")
    if temp_path is not None and not temp_path.is_dir():
        raise StudyConfigError(f"{where}: {key}.temp_directory: folder not found: {temp_path} (create it first)")
    from analysis.errors import AnalysisError
    from analysis.customerdata import resolve_source

    written = str(raw["path"])
    pattern = path.parent / Path(written).expanduser()  # an absolute path replaces the parent
    fixed = Path(*_until_magic(pattern.parts))  # the folder before any wildcard: checked before globbing
    _inside(fixed.resolve(), written, roots, where, f"{key}.path")
    try:
        source = resolve_source(str(pattern))
    except AnalysisError as exc:
        raise StudyConfigError(f"{where}: {key}.path: {exc} (paths and globs are relative to the study file)") from None
    for file in source.files:  # a link in the folder may point elsewhere
        _inside(Path(file).resolve(), written, roots, where, f"{key}.path")
    if fmt is not None and source.format != fmt:
        raise StudyConfigError(f"{where}: {key}.format: says {fmt} but the files are {source.format}")
    spec = TableSpec(
        table=table,
        path=Path(pattern),
        format=source.format,
        columns=MappingProxyType({str(k): v for k, v in columns.items()}),
        engine=engine,
        memory_limit=memory_limit,
        temp_directory=temp_path,
        files=tuple(Path(f).resolve() for f in source.files),
        options=MappingProxyType(dict(options)),
    )
    if spec.columns:
        from analysis.study.headers import read_header

        first = TableSpec(table=table, path=spec.files[0], format=spec.format)
        try:
            header = read_header(first)
        except (OSError, ValueError) as exc:
            raise StudyConfigError(f"{where}: {key}: cannot read the column names of {first.path}: {exc}") from None
        _check_mapped_columns(spec.columns, header, where, key, first.path.name)
    return spec


def _check_reader_options(raw: dict, where: str, key: str) -> None:
    """``encoding`` names a codec (or ``auto``), ``sep`` is text, ``sheet`` a name or a 0-based position."""
    encoding, sep, sheet = raw.get("encoding"), raw.get("sep"), raw.get("sheet")
    if encoding is not None:
        try:
            known = isinstance(encoding, str) and (encoding == "auto" or bool(codecs.lookup(encoding)))
        except LookupError:
            known = False
        if not known:
            raise StudyConfigError(f"{where}: {key}.encoding: unknown encoding {shown(encoding)}; for example "
                                   "gb18030 (Chinese Excel exports), cp1252 (Western Excel exports), utf-8 or auto")
    if sep is not None and (not isinstance(sep, str) or not sep):
        raise StudyConfigError(f"{where}: {key}.sep: expected the separator as text such as ';' or '\\t', "
                               f"got {shown(sep)}")
    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, (str, int))):
        raise StudyConfigError(f"{where}: {key}.sheet: expected a sheet name or its position from 0, "
                               f"got {shown(sheet)}")


def _until_magic(parts: tuple[str, ...]) -> list[str]:
    """The leading path parts without a glob wildcard."""
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return fixed


def _table_names() -> tuple[str, ...]:
    try:
        from analysis.schemas import TABLES
    except ImportError:  # schemas not installed yet: the agreed names
        return FALLBACK_TABLES
    return tuple(TABLES)


def _dataset_names() -> tuple[str, ...]:
    try:
        from analysis.datasets import DATASETS
    except ImportError:
        return ()
    return tuple(DATASETS)


def _check_validator_options(table: str, options: dict, where: str, key: str) -> None:
    try:
        from analysis import schemas

        validator = getattr(schemas, f"validate_{table}")
    except (ImportError, AttributeError):
        return
    params = inspect.signature(validator).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return
    allowed = [n for n, p in params.items() if p.kind is p.KEYWORD_ONLY or (p.kind is p.POSITIONAL_OR_KEYWORD and n != "df")]
    for option in options:
        if option not in allowed:
            raise StudyConfigError(
                f"{where}: {key}.options.{option}: unknown option {shown(option)} for the {table} table"
                f"{suggest(option, allowed)} (options: {', '.join(allowed) or 'none'})"
            )
    if options.get("date_format") is not None:
        try:
            check_date_format(options["date_format"])
        except ParameterError as exc:
            raise StudyConfigError(f"{where}: {key}.options.date_format: {exc}") from None
