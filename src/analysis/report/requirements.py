"""What each notebook needs, and the one check of a study's data before any kernel starts.

:data:`NEEDS` says which tables a notebook needs, as alternatives (a notebook applies
when one of them is met); :data:`COLUMN_PARAMETERS` says which of its parameters name
columns of which table, and how (one column, a list, mapping keys or values, a regular
expression or a prefix that must match some column, a value of another parameter's
column). :func:`check_plans` reads, prepares and validates each study's tables once
(``Study.load_tables``; a table kept on disk only has its columns read) and marks each
run: it runs, it is skipped (its inputs are absent: the reason says which), or it has
a problem (bad data, or a column the study or ``-p`` names that the table lacks).

Rules:

- A **default** column that the table lacks is no problem: the notebook skips that part
  and says why. A column the study or ``-p`` **gives** that the table lacks is an error
  naming the parameter, the table, the closest column and what to write instead.
- ``None`` (and ``""`` for a parameter the notebook declares optional, which the runner
  passes as None) skips the part a parameter drives.
- A parameter whose table the study does not have is not checked (that part is skipped).

Notebook 05 applies to a study with transactions (retention, the KPI scorecard), a complaints
log, a loyalty programme's memberships, or customers with a complaint flag (its parameter
``complaint_flag`` names the 0/1 column); each of its sections says why when it cannot run.

Notebook 01 applies to a study without transactions when its ``customers`` table holds
customer-level RFM input: at least ``recency_days`` and ``frequency`` (recency and
frequency make the RFM scores and segments; ``monetary`` is optional, as amounts are in
a count-only log).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from analysis.errors import AnalysisError, AnalysisWarning, NotebookParameterError, ParameterError, StudyConfigError
from analysis.messages import msg
from analysis.report.parameters import read_parameters
from analysis.report.plan import RunPlan
from analysis.study import Study, suggest
from analysis.window import parse_date

__all__ = ["COLUMN_PARAMETERS", "DATA_CHECKS", "DERIVED", "FILE_PARAMETERS", "NEEDS", "REQUIRED", "VALUE_CHECKS", "ColumnParameter", "Need", "StudyData", "check_plans",
           "needs_text", "read_study_data", "require_inputs", "unmet_reason"]


@dataclass(frozen=True)
class Need:
    """One way to meet a notebook's needs: these tables, each with these columns (and,
    optionally, a parameter that is set, such as notebook 04's ``paths_file``)."""

    tables: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    parameter: str | None = None

    def met(self, columns: Mapping[str, Sequence[str]], parameters: Mapping[str, Any]) -> bool:
        if self.parameter is not None and parameters.get(self.parameter) in (None, ""):
            return False
        return all(t in columns and set(cols) <= set(columns[t]) for t, cols in self.tables.items())


#: notebook -> the alternatives, any one of which lets it run; a notebook not listed always runs
NEEDS: dict[str, tuple[Need, ...]] = {
    "00_data_overview": tuple(Need({t: ()}) for t in ("transactions", "customers", "survey", "channel_outcomes",
                                                       "paths", "complaints", "memberships")),
    "01_segmentation": (Need({"transactions": ()}), Need({"customers": ("recency_days", "frequency")})),
    "02_clv": (Need({"transactions": ()}),),
    "03_satisfaction_drivers": (Need({"survey": ()}),),
    "04_channel_comparison": (Need({"channel_outcomes": ()}), Need({"paths": ()}),
                              Need({"transactions": ("amount",), "customers": ("acquisition_channel",)}),
                              Need(parameter="paths_file")),
    "05_retention_loyalty": (Need({"transactions": ()}), Need({"complaints": ()}), Need({"memberships": ()}),
                             Need({"customers": ()}, parameter="complaint_flag")),
}

#: kinds of column parameters (see :class:`ColumnParameter`)
KINDS = ("column", "columns", "keys", "values", "value_lists", "pattern", "prefix", "value", "value_keys")


@dataclass(frozen=True)
class ColumnParameter:
    """A notebook parameter that names columns of *table*.

    ``kind``: ``column`` (one name), ``columns`` (a list), ``keys`` / ``values`` (of a
    mapping), ``value_lists`` (a mapping whose values are lists of columns), ``pattern``
    (a regular expression that must match some column), ``prefix`` (some column must
    start with it), ``value`` (a value of the column the parameter *of* names) and
    ``value_keys`` (mapping keys that are such values).
    """

    name: str
    table: str
    kind: str = "column"
    of: str | None = None


def _params(table: str, *specs: tuple) -> tuple[ColumnParameter, ...]:
    return tuple(ColumnParameter(s[0], table, *s[1:]) for s in specs)


#: notebook -> its parameters that name columns (a test keeps this in step with the notebooks)
COLUMN_PARAMETERS: dict[str, tuple[ColumnParameter, ...]] = {
    "01_segmentation": _params("customers", ("potential_column",), ("cost_column",), ("attributes", "columns"),
                               ("key_account_potential",), ("wallet_column",), ("share_column",)),
    "03_satisfaction_drivers": _params(
        "survey", ("outcome",), ("loyalty_outcome",), ("item_pattern", "pattern"), ("predictors", "columns"),
        ("expectation_prefix", "prefix"), ("perception_prefix", "prefix"), ("weight",), ("group",),
        ("pls_outcomes", "value_lists"), ("pls_outcome_scale", "keys"), ("stated_importance", "values"),
        ("pls_blocks", "value_lists"), ("pls_anchors", "values"),
    ),
    "04_channel_comparison": _params(
        "channel_outcomes", ("channel_column",), ("binary_outcomes", "columns"), ("spend_outcome",),
        ("covariates", "columns"), ("control_arm", "value", "channel_column"), ("cost_column",),
        ("arm_discounts", "value_keys", "channel_column"), ("arm_incentives", "value_keys", "channel_column"),
        ("heterogeneity_by",),
    ) + _params("customers", ("acquisition_channel_column",)),
    "05_retention_loyalty": _params(
        "customers", ("survival_by",), ("complaint_flag",), ("complaint_outcome",), ("complaint_covariates", "columns"),
        ("category_spend_columns", "columns"),
    ) + _params("transactions", ("category_column",), ("basket",)) + _params("survey", ("satisfaction_column",)),
}


def _clv_models(values: Mapping[str, Any]) -> None:
    from analysis import clv

    clv.transaction_models(values["models"])


def _clv_forecast(values: Mapping[str, Any]) -> None:
    from analysis import clv

    clv.check_forecast_settings(horizon=values["horizon"], risk_threshold=values["risk_threshold"],
                                min_p_alive=values["min_p_alive"], discount_rate=values["discount_rate"],
                                margin=values["margin"])


def _class_reference(values: Mapping[str, Any]) -> None:
    from analysis.segmentation import CLASS_REFERENCES

    value = values["rfm_class_reference"]
    if value is not None and value not in CLASS_REFERENCES:
        raise ParameterError(f"rfm_class_reference must be one of {', '.join(map(repr, CLASS_REFERENCES))} or null "
                             f"(skip the eight RFM value classes); got {value!r}")


_STRUCTURE = ("item_pattern", "predictors", "pls_outcomes", "pls_paths", "pls_blocks", "pls_anchors", "pls_modes")


def _structure(values: Mapping[str, Any], frames: Mapping[str, Any]):
    """Notebook 03's structural model as the notebook builds it (None when it has none)."""
    from analysis import drivers

    given = dict(zip(_STRUCTURE, drivers.blank_to_none(*(values[n] for n in _STRUCTURE))))
    constructs, _ = drivers.survey_drivers(frames["survey"], item_pattern=given["item_pattern"],
                                           predictors=given["predictors"])
    model = drivers.structural_model(constructs, given["pls_outcomes"], paths=given["pls_paths"],
                                     blocks=given["pls_blocks"])
    return model, given


def _pls_paths(values: Mapping[str, Any], frames: Mapping[str, Any]) -> None:
    if "survey" in frames and values.get("pls_paths"):
        _structure(values, frames)


def _pls_anchors(values: Mapping[str, Any], frames: Mapping[str, Any]) -> None:
    from analysis.drivers.pls.spec import model_spec

    if "survey" not in frames or not values.get("pls_anchors"):
        return
    model, given = _structure(values, frames)
    if model is not None:
        model_spec(model.paths, model.blocks, given["pls_modes"] or "A", values["pls_scheme"],
                   bool(values["pls_scaled"]), 100, 1e-6, given["pls_anchors"])


def _targets(values: Mapping[str, Any]) -> None:
    """Notebook 05's ``targets`` name KPIs of the scorecard (checked by the scorecard itself, on no data)."""
    from analysis import retention

    retention.scorecard({}, values["targets"])


def _loyalty_covariates(values: Mapping[str, Any]) -> None:
    """Notebook 05's ``loyalty_covariates`` name pre-launch columns of the programme sample."""
    import pandas as pd

    from analysis import retention

    if values["loyalty_covariates"] is not None:
        retention.programme_covariates(pd.DataFrame(columns=list(retention.PRE_LAUNCH)), values["loyalty_covariates"])


def _good_resolutions(values: Mapping[str, Any], frames: Mapping[str, Any]) -> None:
    """Notebook 05's ``good_resolutions`` name resolutions the complaints table has (a misspelt one would
    count every complaint as not resolved well)."""
    from analysis import retention

    if frames.get("complaints") is not None and values.get("good_resolutions") is not None:
        retention.check_good_resolutions(frames["complaints"], values["good_resolutions"])


def _date(name: str) -> Callable[[Mapping[str, Any]], None]:
    """A check that the parameter *name* is None or a date (:func:`analysis.window.parse_date`)."""
    def check(values: Mapping[str, Any]) -> None:
        if values[name] is not None:
            parse_date(values[name], name)

    return check


#: notebook -> checks of its parameters that need the study's tables (no kernel): (the parameter, the check,
#: which raises a ParameterError); the notebook would find the same problem only after its kernel started
DATA_CHECKS: dict[str, tuple[tuple[str, Callable[[Mapping[str, Any], Mapping[str, Any]], None], ...]]] = {
    "03_satisfaction_drivers": (("pls_paths", _pls_paths), ("pls_anchors", _pls_anchors)),
    "05_retention_loyalty": (("good_resolutions", _good_resolutions),),
}

#: notebook -> its parameters that name a file to read (relative to the notebook's folder, where its
#: kernel runs): it must lie where the study's data may (Study.check_readable)
FILE_PARAMETERS: dict[str, tuple[str, ...]] = {"04_channel_comparison": ("paths_file",)}

#: notebook -> checks of its parameter values that need no data: (the parameter it checks, the check, which
#: raises a ParameterError); None where the check's own message names the parameters
VALUE_CHECKS: dict[str, tuple[tuple[str | None, Callable[[Mapping[str, Any]], None]], ...]] = {
    "01_segmentation": (("rfm_class_reference", _class_reference),),
    "02_clv": (("models", _clv_models), (None, _clv_forecast)),
    "05_retention_loyalty": (("targets", _targets), ("loyalty_covariates", _loyalty_covariates),
                             *((name, _date(name)) for name in ("launch_date", "tier_start", "tier_end"))),
}

#: notebook -> the column parameters without which it cannot run, so their DEFAULT is checked too (a default
#: that names no column stops the notebook in its kernel) -> a parameter whose value stands in for it (or None)
REQUIRED: dict[str, dict[str, str | None]] = {
    "03_satisfaction_drivers": {"outcome": None, "item_pattern": "predictors"},
    "04_channel_comparison": {"channel_column": None},
}

#: notebook -> table -> column the notebook adds itself -> the columns it is made from
#: (a parameter may name it when the table has those columns)
DERIVED: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "04_channel_comparison": {"channel_outcomes": {"lifecycle_stage": ("recency_days", "n_orders", "tenure_days")}},
}


@dataclass
class StudyData:
    """A study's tables as the check sees them: loaded frames (None for a table kept on
    disk) and every table's column names; ``error`` when they cannot be read or validated."""

    frames: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    error: AnalysisError | None = None
    notes: list[str] = field(default_factory=list)  # warnings while reading (rows dropped, ...), said once


def read_study_data(study: Study) -> StudyData:
    """Read, prepare and validate the study's tables once (a table kept on disk: its columns only).

    Examples
    --------
    >>> read_study_data(load_study("cdnow")).columns["transactions"]  # doctest: +SKIP
    ['customer_id', 'date', 'amount', 'quantity']
    """
    data = StudyData()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tables = study.load_tables()
        data.notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, AnalysisWarning)))
        for name, frame in tables.items():
            data.frames[name] = frame
            data.columns[name] = [str(c) for c in frame.columns]
        for name in study.lazy_tables():
            data.frames[name] = None
            data.columns[name] = _disk_columns(study.data.tables[name])
    except AnalysisError as exc:
        data.error = exc
    return data


def _disk_columns(spec) -> list[str]:
    """Canonical column names of a table kept on disk: its first file's header, mapped."""
    from analysis.study import TableSpec
    from analysis.study.headers import read_header

    header = read_header(TableSpec(table=spec.table, path=spec.files[0], format=spec.format))
    renamed = {source: canonical for canonical, source in spec.columns.items()}
    return [renamed.get(c, c) for c in header]


def needs_text(notebook: str) -> str:
    """What *notebook* needs, in words ("a survey table", "... or ...")."""
    alternatives = []
    for need in NEEDS.get(notebook, ()):
        parts = [msg("report.need.table_columns", table=t, columns=", ".join(cols)) if cols
                 else msg("report.need.table", table=t) for t, cols in need.tables.items()]
        if need.parameter:
            parts.append(msg("report.need.parameter", parameter=need.parameter))
        text = parts[0]
        for part in parts[1:]:
            text = msg("report.need.and", first=text, second=part)
        alternatives.append(text)
    return msg("report.need.or").join(alternatives)


def unmet_reason(notebook: str, columns: Mapping[str, Sequence[str]], parameters: Mapping[str, Any]) -> str | None:
    """Why *notebook* cannot run on tables with these *columns*, or None when it can.

    Examples
    --------
    >>> unmet_reason("02_clv", {"survey": ["respondent_id"]}, {}) is not None
    True
    >>> unmet_reason("02_clv", {"transactions": ["customer_id", "date"]}, {}) is None
    True
    """
    needs = NEEDS.get(notebook)
    if not needs or any(need.met(columns, parameters) for need in needs):
        return None
    tables = ", ".join(sorted(columns)) or msg("report.skip.no_tables")
    return msg("report.skip.reason", notebook=notebook, needs=needs_text(notebook), tables=tables)


def require_inputs(notebook: str, tables: Mapping[str, Any], **parameters: Any) -> None:
    """Raise :class:`StudyConfigError` with the reason when *notebook* does not apply to
    *tables* (name -> DataFrame, or anything else for a table kept on disk, e.g. a
    ``TransactionLog``): the same words ``analysis run`` records for a skipped notebook,
    for a notebook opened in JupyterLab on a study it does not serve.

    Examples
    --------
    >>> import pandas as pd
    >>> require_inputs("03_satisfaction_drivers", {"transactions": pd.DataFrame({"customer_id": []})})
    Traceback (most recent call last):
    ...
    analysis.errors.StudyConfigError: notebook 03_satisfaction_drivers needs a survey table; ...
    """
    columns = {name: [str(c) for c in getattr(table, "columns", ())] for name, table in tables.items()}
    reason = unmet_reason(notebook, columns, parameters)
    if reason is not None:
        raise StudyConfigError(reason)


def check_plans(plans: Iterable[RunPlan], *, data: dict | None = None) -> list[RunPlan]:
    """Mark each planned run: it runs, is skipped (``plan.skipped``: why) or has a problem
    (``plan.problem``: the :class:`AnalysisError` to report); no kernel starts.

    Each study's data are read once (:func:`read_study_data`); pass *data* (a dict) to
    see them afterwards (study file -> :class:`StudyData`). A study whose data cannot
    be used gives every one of its runs that one error.

    Examples
    --------
    >>> checked = check_plans(plan_runs([load_study("cdnow")]))  # doctest: +SKIP
    >>> [(p.notebook, p.skipped) for p in checked]  # doctest: +SKIP
    [('00_data_overview', None), ..., ('03_satisfaction_drivers', 'Skipped: notebook 03_satisfaction_drivers needs ...')]
    """
    data = {} if data is None else data
    checked = []
    for plan in plans:
        study_data = data.get(plan.study.path)
        if study_data is None:
            study_data = data[plan.study.path] = read_study_data(plan.study)
        checked.append(_check_plan(plan, study_data))
    return checked


def _check_plan(plan: RunPlan, data: StudyData) -> RunPlan:
    if data.error is not None:
        return replace(plan, problem=data.error)
    declared = read_parameters(plan.notebook_path)
    values = {name: p.default for name, p in declared.items()}
    values.update(plan.parameters)
    reason = unmet_reason(plan.notebook, data.columns, values)
    if reason is not None:
        return replace(plan, skipped=reason)
    own = plan.study.notebook_parameters(plan.notebook)
    columns = _with_derived(plan.notebook, data.columns)
    try:
        for name, check in VALUE_CHECKS.get(plan.notebook, ()):
            _value_check(check, values, name, plan, own)
        for name in FILE_PARAMETERS.get(plan.notebook, ()):
            if values.get(name):
                plan.study.check_readable(plan.notebook_path.parent / str(values[name]),
                                          f"notebooks.{plan.notebook}.{name}")
        for param in COLUMN_PARAMETERS.get(plan.notebook, ()):
            if param.table not in columns:
                continue
            skip = msg("report.column.skip_null")
            if param.name in plan.parameters:
                source = (f"{plan.study.path} notebooks.{plan.notebook}"
                          if param.name in own and own[param.name] == plan.parameters[param.name] else "-p")
            elif param.name in REQUIRED.get(plan.notebook, {}) and not values.get(REQUIRED[plan.notebook][param.name]):
                source = msg("report.column.default_source", path=plan.study.path, notebook=plan.notebook)
                instead = REQUIRED[plan.notebook][param.name]
                skip = msg("report.column.skip_required", notebook=plan.notebook, alternative=msg(
                    "report.column.skip_instead", alternative=instead) if instead else "")
            else:
                continue
            _check_column_parameter(param, values[param.name], values, data, columns[param.table], plan.notebook,
                                    source, skip)
        for name, check in DATA_CHECKS.get(plan.notebook, ()):  # after the columns: they name existing ones
            _value_check(lambda given, check=check: check(given, data.frames), values, name, plan, own)
    except AnalysisError as exc:
        return replace(plan, problem=exc)
    return plan


def _value_check(check: Callable, values: Mapping[str, Any], name: str | None, plan: RunPlan,
                 own: Mapping[str, Any]) -> None:
    try:
        check(values)
    except ParameterError as exc:
        if name is None:
            raise
        source = (f"{plan.study.path} notebooks.{plan.notebook}" if name in own and own[name] == values[name]
                  else "-p")
        raise NotebookParameterError(msg("report.value.problem", source=source, parameter=name,
                                         notebook=plan.notebook, error=str(exc))) from None


def _with_derived(notebook: str, columns: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """The tables' columns as *notebook* sees them: with the columns it derives (:data:`DERIVED`)."""
    seen = {table: list(names) for table, names in columns.items()}
    for table, derived in DERIVED.get(notebook, {}).items():
        if table in seen:
            seen[table] += [c for c, sources in derived.items() if set(sources) <= set(seen[table])
                            and c not in seen[table]]
    return seen


def _check_column_parameter(param: ColumnParameter, value: Any, values: Mapping[str, Any], data: StudyData,
                            columns: list[str], notebook: str, source: str, skip: str) -> None:
    """Raise :class:`NotebookParameterError` when a given value names what *columns* lack (*skip*: what else
    to write: null, or, for a default the notebook cannot run without, where to set it)."""
    if value is None:
        return
    where = {"source": source, "parameter": param.name, "notebook": notebook, "table": param.table, "skip": skip}
    example = columns[0] if columns else "column"
    if param.kind in ("column", "pattern", "prefix", "value"):
        if not isinstance(value, str):
            raise NotebookParameterError(msg("report.column.not_text", **where, value=value, example=example))
        if param.kind == "column":
            _column(value, columns, where)
        elif param.kind in ("pattern", "prefix"):
            _matches(param.kind, value, columns, where)
        else:
            _arm(value, param, values, data, where)
    elif param.kind == "columns":
        if not isinstance(value, (list, tuple)):
            raise NotebookParameterError(msg("report.column.not_list", **where, value=value, example=example))
        for item in value:
            _text_column(item, columns, where, example)
    else:
        if not isinstance(value, Mapping):
            raise NotebookParameterError(msg("report.column.not_mapping", **where, value=value, example=example))
        if param.kind == "keys":
            for key in value:
                _text_column(key, columns, where, example)
        elif param.kind == "values":
            for item in value.values():
                _text_column(item, columns, where, example)
        elif param.kind == "value_lists":
            for items in value.values():
                if not isinstance(items, (list, tuple)):
                    raise NotebookParameterError(msg("report.column.not_list", **where, value=items, example=example))
                for item in items:
                    _text_column(item, columns, where, example)
        else:  # value_keys
            for key in value:
                _arm(key, param, values, data, where)


def _shown_columns(columns: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(columns[:limit])
    return shown + (", ..." if len(columns) > limit else "")


def _text_column(item: Any, columns: Sequence[str], where: dict, example: str) -> None:
    if not isinstance(item, str):
        raise NotebookParameterError(msg("report.column.not_text", **where, value=item, example=example))
    _column(item, columns, where)


def _column(value: str, columns: Sequence[str], where: dict) -> None:
    if value in columns:
        return
    if value == "":
        raise NotebookParameterError(msg("report.column.empty", **where, columns=_shown_columns(columns)))
    raise NotebookParameterError(msg("report.column.missing", **where, value=value, hint=suggest(value, columns) or ".",
                                     columns=_shown_columns(columns)))


def _matches(kind: str, value: str, columns: Sequence[str], where: dict) -> None:
    if kind == "pattern":
        try:
            pattern = re.compile(value)
        except re.error as exc:
            raise NotebookParameterError(msg("report.column.bad_pattern", **where, error=exc)) from None
        found = any(pattern.search(c) for c in columns)
    else:
        found = value != "" and any(c.startswith(value) for c in columns)
    if not found:
        raise NotebookParameterError(msg("report.column.no_match", **where, value=value,
                                         columns=_shown_columns(columns), what=msg(f"report.column.what.{kind}")))


def _arm(value: Any, param: ColumnParameter, values: Mapping[str, Any], data: StudyData, where: dict) -> None:
    """*value* must be a value of the column that parameter ``param.of`` names (when it can be told)."""
    column = values.get(param.of)
    frame = data.frames.get(param.table)
    if frame is None or not isinstance(column, str) or column not in frame.columns:
        return  # no column to look in: the notebook skips the part that needs it
    seen = sorted({str(v) for v in frame[column].dropna().unique()})
    if str(value) in seen:
        return
    raise NotebookParameterError(msg("report.column.no_value", **where, value=value, column=column,
                                     hint=suggest(str(value), seen) or ".", values=_shown_columns(seen)))
