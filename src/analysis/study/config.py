"""Studies: one YAML file per study says which data to analyse and how to run the notebooks.

A study file lives in ``<project>/params/<name>.yaml``::

    name: service_demo            # must equal the file stem
    title: A synthetic service firm   # or per language: {en: ..., zh: 一家合成的服务企业}
    description: ...
    language: zh                  # optional: the reports' language when `analysis run` does not choose (en)
    data:                         # EITHER a bundled or generated data set
      dataset: service_demo
      options: {n_customers: 5000, seed: 20240601}
    # OR one entry per canonical table (paths relative to the YAML file):
    # data:
    #   transactions:
    #     path: orders.csv
    #     format: csv             # optional: csv, tsv, parquet, excel, cdnow
    #     encoding: gb18030       # optional
    #     sheet: Orders           # Excel only
    #     sep: ";"                # optional
    #     missing_codes: [unknown, 999]   # optional: cells holding these count as missing
    #     derive: {total: {sum: [a, b]}}  # optional: new columns (analysis.prepare)
    #     filter: "total > 0"             # optional: rows kept
    #     columns: {customer_id: CustID, date: OrderDate, amount: Value}
    #     options: {drop_invalid_amounts: true}
    # Data paths stay inside the study file's folder and its project (the folder
    # holding the params/ folder the study is in); a folder elsewhere is read only
    # when listed (relative to the study file, or absolute; symlinks are resolved):
    # allowed_roots: [../../shared/data, /srv/crm-exports]
    # A transaction log too large for memory stays on disk and is queried by DuckDB:
    #   transactions:
    #     path: logs/*.parquet    # a file, folder or glob of Parquet or CSV (UTF-8) files
    #     engine: duckdb          # do not load into pandas (see Study.transaction_log)
    #     memory_limit: 4GB       # optional: DuckDB spills to disk beyond it
    #     temp_directory: spill   # optional: folder for spilled data
    #     columns: {customer_id: CustID}   # applied as renames in SQL
    window:                       # optional: the observation window of every notebook (Study.window)
      observation_end: "1998-06-30"   # default: the last transaction in the data
      calibration_end: "1997-09-30"   # optional: end of the CLV calibration period
      time_unit: W                    # D, W, M or Y (default W)
      holdout_length: 39              # holdout length in time units when no calibration_end
      timezone: UTC                   # zone of purchase days
    notebooks:                    # notebook name -> its parameters (override the window)
      00_data_overview: {top_n: 20}

The window is read once per study (:attr:`Study.window`): notebooks take it with
``load_study(study).window.override(observation_end=...)`` (their own non-None
parameters win) and resolve it against their data. A generated data set's known
truth is handed over by :meth:`Study.truth`.

Everything that can be checked without reading the data is checked by
:func:`load_study`: unknown or missing keys (with the closest valid key suggested),
a key written twice in one mapping (YAML would keep the last one silently; both
lines are named), the name, table names, that data files lie inside the study's
folders (see :func:`analysis.study.data.data_roots`) and exist, that mapped columns
exist in the file's header (or are derived), that the data preparation keys
(``missing_codes``, ``derive``, ``filter``; :mod:`analysis.prepare`) are well formed
and name columns of the header, and that listed notebooks exist.

**The project folder** is the nearest folder holding ``params/``, searched from the
current working directory upwards, then from this package's folder upwards (an
editable install inside a checkout). A study given by path whose file sits in a
``params/`` folder belongs to that folder's parent, so its notebooks are
``<that parent>/notebooks``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from analysis.checks import shown
from analysis.study.data import DataSpec, TableSpec, _inside, check_keys, data_roots, key_label, parse_data, suggest
from analysis.study.settings import CLEANING_KEYS, SETTINGS_KEYS, StudySettings, parse_settings
from analysis.errors import AnalysisError, DatasetError, ParameterError, StudyConfigError
from analysis.messages import DEFAULT_LANGUAGE, msg
from analysis.study.languages import in_language, per_language, study_language
from analysis.prepare import STEP_COLUMNS, StudyTables, prepare_table, preparation_note, steps_frame
from analysis.window import WINDOW_KEYS, Window

__all__ = ["Study", "find_project_root", "load_study"]

TOP_KEYS = ("name", "title", "description", "language", "data", "allowed_roots", "window", *SETTINGS_KEYS,
            "notebooks")
REQUIRED_TOP_KEYS = ("name", "data")


def find_project_root(start: str | Path | None = None) -> Path:
    """Find the project folder: the nearest folder holding ``params/``.

    Searches *start* (default: the current working directory) and its parents,
    then this package's folder and its parents.

    Raises
    ------
    StudyConfigError
        If no such folder exists.

    Examples
    --------
    >>> root = find_project_root()  # doctest: +SKIP
    >>> (root / "params").is_dir()  # doctest: +SKIP
    True
    """
    starts = [Path(start) if start is not None else Path.cwd(), Path(__file__).resolve().parent]
    for base in starts:
        base = base.resolve()
        for folder in (base, *base.parents):
            if (folder / "params").is_dir():
                return folder
    raise StudyConfigError(
        f"cannot find the project folder (a folder holding params/) above {starts[0]} "
        f"or {starts[1]}; run from inside the project or give the study file's path"
    )


@dataclass(frozen=True)
class Study:
    """A validated study file. Build one with :func:`load_study`.

    Attributes
    ----------
    name, title, description : str
        From the file (``title`` defaults to the name); given per language, the one for
        :func:`analysis.messages.current_language` (:meth:`text_in` gives any).
    language : str
        The reports' language when the command line does not choose (default ``en``).
    path : Path
        The study file.
    data : DataSpec
        The ``data:`` section: a data set with options, or one spec per table.
    notebooks : mapping
        Notebook name -> its parameters (``notebooks:``).
    notebooks_dir : Path or None
        Folder the notebook names were checked against.
    window : Window
        The ``window:`` section (unresolved: ``observation_end`` None means the
        day of the last transaction in the data); notebooks override it with their
        own parameters (:meth:`analysis.window.Window.override`).
    settings : StudySettings
        The lifecycle rules, display labels, currency and cleaning policy every
        notebook shares (:mod:`analysis.study.settings`); see :attr:`lifecycle`,
        :meth:`label`, :meth:`currency_name`, :attr:`cleaning`.
    roots : tuple of Path
        The folders the study may read files from (:func:`analysis.study.data.data_roots`).
    """

    name: str
    title: str
    description: str
    path: Path
    data: DataSpec
    notebooks: Mapping[str, Mapping[str, Any]]
    notebooks_dir: Path | None = None
    window: Window = Window()
    settings: StudySettings = StudySettings()
    roots: tuple[Path, ...] = ()
    language: str = DEFAULT_LANGUAGE
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    def text_in(self, language: str, key: str = "title") -> str:
        """The study's *key* (``"title"`` or ``"description"``) in *language*, else in English."""
        given = self.texts.get(key) or {}
        return in_language(dict(given), language) if given else getattr(self, key)

    @property
    def lifecycle(self) -> dict[str, int]:
        """The study's one lifecycle definition (``lifecycle:``; defaults for keys not given)."""
        return dict(self.settings.lifecycle)

    @property
    def cleaning(self) -> dict[str, str]:
        """The cleaning policy every notebook's data follows (``cleaning:``; ``keep`` where not given)."""
        return dict(self.settings.cleaning)

    @property
    def cleaning_given(self) -> tuple[str, ...]:
        """The ``cleaning:`` keys the study sets itself: a decision, not a default."""
        return self.settings.cleaning_given

    def label(self, name: Any) -> str:
        """Display label of a column, arm or driver name (``labels:``; default: underscores as spaces)."""
        return self.settings.label(name)

    def currency_name(self, language: str | None = None) -> str:
        """How money is named in sentences and axis labels ("US dollars" for ``currency: USD``)."""
        return self.settings.currency_name(language)

    def check_readable(self, path: str | Path, key: str) -> Path:
        """*path* resolved (symbolic links too), if it lies in the folders this study may read
        (:attr:`roots`: its folder, its project, its ``allowed_roots:``); else a
        :class:`StudyConfigError` naming *key* and what to add. For files a notebook
        parameter names (notebook 04's ``paths_file``), so a parameter cannot read what
        the ``data:`` section could not."""
        target = Path(path).expanduser().resolve()
        _inside(target, str(path), self.roots, str(self.path), key)
        return target

    def notebook_parameters(self, notebook: str) -> dict[str, Any]:
        """A copy of the study's parameters for *notebook* (``{}`` if not listed)."""
        return dict(self.notebooks.get(notebook, {}))

    def truth(self):
        """The known ground truth behind the study's data, or None.

        Only generated data sets have one: for ``dataset: service_demo`` it is the
        :class:`~analysis.simulate.ServiceTruth` of the firm the study's tables
        come from (equal to ``load_service_demo(**options).truth``). When
        :meth:`load_tables` has already generated the data in this process, the
        truth is handed over without simulating the firm again. None for observed
        data (CDNOW, downloadable sets, the user's files).

        Examples
        --------
        >>> study = load_study("service_demo")  # doctest: +SKIP
        >>> tables = study.load_tables()  # doctest: +SKIP
        >>> study.truth().bgnbd["store"].alpha  # doctest: +SKIP
        6.0
        """
        if self.data.dataset is None:
            return None
        from analysis import datasets

        try:
            return datasets.dataset_truth(self.data.dataset, **dict(self.data.options))
        except (DatasetError, ParameterError) as exc:
            raise StudyConfigError(f"{self.path}: data: {exc}") from None

    def input_files(self) -> list[Path]:
        """The data files this study reads (for checksums in the manifest).

        Examples
        --------
        >>> load_study("cdnow").input_files()  # doctest: +SKIP
        [PosixPath('.../data/cdnow/CDNOW_master.txt')]
        """
        if self.data.dataset is not None:
            from analysis import datasets

            try:
                files = datasets.dataset_files(self.data.dataset, **dict(self.data.options))
            except (DatasetError, ParameterError) as exc:
                raise StudyConfigError(f"{self.path}: data: {exc}") from None
            return [Path(p) for p in files]
        files: list[Path] = []
        for spec in self.data.tables.values():
            files.extend(spec.files if spec.lazy else [spec.path])
        return files

    def lazy_tables(self) -> tuple[str, ...]:
        """Names of the tables that stay on disk (``engine: duckdb``); :meth:`load_tables` leaves them out.

        Examples
        --------
        >>> load_study("service_demo").lazy_tables()  # doctest: +SKIP
        ()
        """
        return tuple(name for name, spec in self.data.tables.items() if spec.lazy)

    def transaction_log(self):
        """The transactions table kept on disk, as a :class:`analysis.customerdata.TransactionLog`, or None.

        None when the study loads its transactions into memory (a data set, or a
        table without ``engine:``); then use ``load_tables()["transactions"]``.
        Summary, overview and RFM functions accept the log in place of a DataFrame.

        Examples
        --------
        >>> study = load_study("big_log")  # doctest: +SKIP
        >>> study.transaction_log().sample_transactions(1000, seed=1)  # doctest: +SKIP
        """
        spec = self.data.tables.get("transactions")
        if spec is None or not spec.lazy:
            return None
        from analysis.customerdata import TransactionLog

        return TransactionLog(
            files=spec.files,
            format=spec.format,
            columns=spec.columns,
            memory_limit=spec.memory_limit,
            temp_directory=spec.temp_directory,
            future_dates=spec.options.get("future_dates", "refuse"),
        )

    def load_tables(self, *, clean: bool = True) -> StudyTables:
        """Read, prepare, map and validate the study's data into canonical tables.

        Each table read from a file goes: read -> ``missing_codes`` -> ``derive``
        -> ``filter`` -> ``columns`` mapping -> validation; then the ``cleaning:``
        policy applies to the transactions (:mod:`analysis.prepare`). The files
        are not changed. Tables kept on disk (``engine: duckdb``, see
        :meth:`lazy_tables`) are left out; get the transaction log with
        :meth:`transaction_log`.

        Parameters
        ----------
        clean : bool, default True
            Apply the study's ``cleaning:`` policy to the transactions (what every
            analysis sees). ``False`` gives the rows as read, for notebook 00 to
            report what the policy keeps or removes.

        Returns
        -------
        StudyTables
            A dict of table name -> DataFrame whose ``preparation`` attribute lists
            every preparation step applied (table, step, column, detail,
            rows_before, rows_after, cells_changed).

        Examples
        --------
        >>> tables = load_study("service_demo").load_tables()  # doctest: +SKIP
        >>> sorted(tables), len(tables.preparation)  # doctest: +SKIP
        (['channel_outcomes', 'customers', 'survey', 'transactions'], 0)
        """
        records: list[dict[str, Any]] = []
        if self.data.dataset is not None:
            from analysis import datasets

            tables = dict(datasets.load_dataset(self.data.dataset, **dict(self.data.options)))
        else:
            from analysis import io, schemas

            tables = {}
            for name, spec in self.data.tables.items():
                if spec.lazy:
                    continue
                raw, steps = prepare_table(io.read_table(spec.path, **spec.read_kwargs()), spec.preparation, name)
                records.extend(steps)
                mapped = io.apply_column_mapping(raw, dict(spec.columns), table=name) if spec.columns else raw
                tables[name] = schemas.validate_table(name, mapped, **dict(spec.options))
        if clean and "transactions" in tables:
            from analysis.overview import apply_cleaning

            for key in CLEANING_KEYS:  # one at a time, so the report counts what each removes
                if self.cleaning.get(key) == "drop":
                    before = tables["transactions"]
                    tables["transactions"] = apply_cleaning(before, {key: "drop"})
                    n = len(tables["transactions"])
                    records.append(dict(zip(STEP_COLUMNS, ("transactions", "cleaning", "", msg(
                        f"prepare.detail.cleaning.{key}"), len(before), n, len(before) - n))))
        return StudyTables(tables, steps_frame(records))

    def preparation_note(self, language: str | None = None) -> str:
        """What the study declares about preparing its data, as Markdown for every notebook's data section.

        Missing-value codes, derived columns and filters per table, and the
        ``cleaning:`` keys the study sets; ``""`` when it declares none.

        Examples
        --------
        >>> load_study("service_demo").preparation_note()  # doctest: +SKIP
        ''
        """
        declared = {name: spec.preparation for name, spec in self.data.tables.items() if spec.preparation.declared}
        return preparation_note(declared, self.cleaning, self.cleaning_given, language=language)


def load_study(path_or_name: str | Path, *, notebooks_dir: str | Path | None = None) -> Study:
    """Read and check a study file.

    Parameters
    ----------
    path_or_name : str or Path
        A path to a YAML file, or a study name resolved to
        ``<project>/params/<name>.yaml`` (see the module docstring for the project).
    notebooks_dir : str or Path, optional
        Folder the study's notebook names are checked against. Default: the
        ``notebooks/`` folder of the study's project.

    Returns
    -------
    Study

    Raises
    ------
    StudyConfigError
        Naming the file and the key path, with the closest valid key suggested.

    Examples
    --------
    >>> study = load_study("service_demo")  # doctest: +SKIP
    >>> study.data.dataset  # doctest: +SKIP
    'service_demo'
    """
    path = _resolve_path(path_or_name)
    raw = _read_yaml(path)
    where = str(path)
    check_keys(raw, TOP_KEYS, where, "", required=REQUIRED_TOP_KEYS)
    name = raw["name"]
    if not isinstance(name, str) or name != path.stem:
        raise StudyConfigError(
            f"{where}: name: the study is named {shown(name)} but the file is {path.name}; "
            f"name must equal the file name without .yaml ({path.stem!r})"
        )
    titles = per_language(raw, "title", where, default=name)
    descriptions = per_language(raw, "description", where, default="")
    roots = data_roots(raw.get("allowed_roots"), path)
    data = parse_data(raw["data"], path, roots)
    nb_dir = Path(notebooks_dir).resolve() if notebooks_dir is not None else _default_notebooks_dir(path)
    notebooks = _parse_notebooks(raw.get("notebooks"), where, nb_dir)
    window = _parse_window(raw.get("window"), where)
    settings = parse_settings(raw, where)
    if any(v == "drop" for v in settings.cleaning.values()) and "transactions" in data.tables \
            and data.tables["transactions"].lazy:
        raise StudyConfigError(f"{where}: cleaning: dropping rows is not available for a transaction log kept "
                               f"on disk (engine: duckdb); clean the files, or keep the rows (cleaning: keep)")
    return Study(name=name, title=in_language(titles), description=in_language(descriptions), path=path, data=data,
                 notebooks=MappingProxyType(notebooks), notebooks_dir=nb_dir, window=window, settings=settings,
                 roots=roots, language=study_language(raw, where),
                 texts=MappingProxyType({"title": titles, "description": descriptions}))


# -- helpers -----------------------------------------------------------------


def _parse_window(raw: Any, where: str) -> Window:
    """The study's window; errors name the file and the key (``window.calibration_end``)."""
    if raw is None:
        return Window()
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: window: must be a mapping such as {{observation_end: '1998-06-30'}}; "
                               f"got {shown(raw)}")
    check_keys(raw, WINDOW_KEYS, where, "window")
    settings: dict[str, Any] = {}
    for key in WINDOW_KEYS:  # one key at a time, so the message names the key that is wrong
        if key not in raw:
            continue
        settings[key] = raw[key]
        try:
            window = Window.from_config(settings, source="study")
        except ParameterError as exc:
            raise StudyConfigError(f"{where}: window.{key}: {exc}") from None
    return window if settings else Window()


def _resolve_path(path_or_name: str | Path) -> Path:
    text = str(path_or_name)
    looks_like_path = isinstance(path_or_name, Path) or text.endswith((".yaml", ".yml")) or os.sep in text
    if looks_like_path:
        path = Path(text).expanduser().resolve()
        if not path.is_file():
            raise StudyConfigError(f"study file not found: {path}")
        return path
    params = find_project_root() / "params"
    path = params / f"{text}.yaml"
    if not path.is_file():
        names = sorted(p.stem for p in params.glob("*.yaml"))
        raise StudyConfigError(
            f"no study named {text!r} in {params}{suggest(text, names)} "
            f"(studies there: {', '.join(names) or 'none'})"
        )
    return path.resolve()


class _StudyLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a date that does not exist (``2024-13-45``) stays text,
    so the check of its key names the key instead of the YAML library failing."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_StudyLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise StudyConfigError(f"{path}: study files must be saved as UTF-8") from None
    try:
        loader = _StudyLoader(text)  # its reader refuses control characters at once
        try:
            node = loader.get_single_node()
            if node is not None:
                _reject_duplicate_keys(loader, node, path)
                _limit_expansion(node, path, {}, set())
            raw = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise StudyConfigError(f"{path}: not valid YAML: {exc}") from None
    except RecursionError:
        raise StudyConfigError(f"{path}: not valid YAML: nested too deeply; a study file is a few levels "
                               "of keys (data: transactions: columns: ...)") from None
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{path}: expected a mapping of keys (name, title, data, ...), got {type(raw).__name__}")
    return raw


#: values a study file may hold once its aliases (``*name``) are expanded; a study holds a few hundred
MAX_VALUES = 100_000


def _limit_expansion(node: yaml.Node, path: Path, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """The number of values *node* holds with its aliases expanded; raise :class:`StudyConfigError` when an
    alias refers to a value it is inside of, or the values exceed :data:`MAX_VALUES` ("billion laughs").

    A loaded study is shown in messages and handed to notebooks as parameters, where
    either would never end.
    """
    if id(node) in sizes:
        return sizes[id(node)]
    line = node.start_mark.line + 1
    if id(node) in open_nodes:
        raise StudyConfigError(f"{path}: line {line}: a YAML alias (*name) refers to a value it is inside of, "
                               "so the value never ends; write the value out")
    open_nodes.add(id(node))
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    size = 1 + sum(_limit_expansion(child, path, sizes, open_nodes) for child in children)
    open_nodes.discard(id(node))
    if size > MAX_VALUES:
        raise StudyConfigError(f"{path}: line {line}: YAML aliases (*name) expand this value to more than "
                               f"{MAX_VALUES:,} values; a study file holds a few hundred: write the values out")
    sizes[id(node)] = size
    return size


def _reject_duplicate_keys(loader: yaml.SafeLoader, root: yaml.Node, path: Path) -> None:
    """Raise :class:`StudyConfigError` for a key written twice in one mapping, naming the key path and both lines.

    YAML's loader keeps the later value silently, so a second ``options:`` would
    replace the first. Keys merged in with ``<<: *anchor`` may be overridden.
    """
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    visited: set[int] = set()
    while stack:
        node, key_path = stack.pop()
        if id(node) in visited:  # an alias: its keys were checked where the anchor is
            continue
        visited.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{key_path}[{i}]") for i, item in enumerate(node.value))
        if not isinstance(node, yaml.MappingNode):
            continue
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                stack.append((value_node, key_path))
                continue
            key = loader.construct_object(key_node)
            line = key_node.start_mark.line + 1
            try:
                earlier = first_line.get(key)
            except TypeError:  # an unhashable key: the YAML library names it below
                continue
            if earlier is not None:
                where = f"{key_path}: " if key_path else ""
                lines = f"lines {earlier} and {line}" if earlier != line else f"line {line}"
                raise StudyConfigError(
                    f"{path}: {where}key {shown(key)} is written twice, on {lines}; YAML would keep only "
                    "the second silently: keep one of them (merge their entries into one)"
                )
            first_line[key] = line
            stack.append((value_node, f"{key_path}.{key_label(key)}" if key_path else key_label(key)))


def _default_notebooks_dir(path: Path) -> Path | None:
    if path.parent.name == "params":
        return path.parent.parent / "notebooks"
    try:
        return find_project_root() / "notebooks"
    except AnalysisError:
        return None


def _parse_notebooks(raw: Any, where: str, nb_dir: Path | None) -> dict[str, dict[str, Any]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise StudyConfigError(f"{where}: notebooks: expected a mapping of notebook name -> parameters, "
                               f"got {shown(raw)}")
    available = sorted(p.stem for p in nb_dir.glob("*.ipynb")) if nb_dir is not None and nb_dir.is_dir() else None
    notebooks = {}
    for name, params in raw.items():
        name = str(name)
        if available is None:
            raise StudyConfigError(f"{where}: notebooks.{name}: cannot check it: notebooks folder {nb_dir} not found")
        if name not in available:
            raise StudyConfigError(
                f"{where}: notebooks.{name}: no notebook {name}.ipynb in {nb_dir}{suggest(name, available)} "
                f"(notebooks: {', '.join(available) or 'none'})"
            )
        if params is None:
            params = {}
        if not isinstance(params, dict):
            raise StudyConfigError(f"{where}: notebooks.{name}: expected a mapping of parameter -> value, "
                                   f"got {shown(params)}")
        notebooks[name] = MappingProxyType({str(k): v for k, v in params.items()})
    return notebooks
