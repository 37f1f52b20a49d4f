"""Apply a table's declared preparation to the rows as read: missing-value codes, derived columns, a filter.

:func:`prepare_table` returns a new frame (the input is not changed) and one
record per step applied, for the preparation report of notebook 00
(:data:`STEP_COLUMNS`). After a filter, ``frame.attrs[SOURCE_ROWS]`` holds each
kept row's number in the file (from 1), so validation messages name the file's
rows (:data:`analysis.schemas.SOURCE_ROWS`).

**How values match** (missing-value codes and recode maps): a number matches
the same number written any way (``999`` matches ``999``, ``999.0`` and the
text ``"999"``); text matches text after stripping spaces, ignoring case
(``unknown`` matches ``" Unknown"``); ``true``/``false`` (YAML reads unquoted
``yes``/``no`` as these) match the text ``"true"``/``"false"`` and boolean cells.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from analysis.checks import shown, shown_names
from analysis.errors import DataValidationError
from analysis.messages import msg
from analysis.prepare.spec import ROW_KINDS, Derivation, Preparation
from analysis.schemas import SOURCE_ROWS

__all__ = ["STEP_COLUMNS", "match_key", "prepare_table"]

#: the columns of the preparation report: one row per step applied
STEP_COLUMNS = ("table", "step", "column", "detail", "rows_before", "rows_after", "cells_changed")
#: a message shows at most this many distinct values or row numbers
MAX_SHOWN = 5


def match_key(value: Any) -> tuple[str, Any] | None:
    """How *value* is compared with codes and recode keys: ``("n", number)``, ``("t", text)`` or None (missing).

    Examples
    --------
    >>> match_key(999) == match_key("999") == match_key(999.0)
    True
    >>> match_key(" Unknown ") == match_key("unknown")
    True
    >>> match_key(True) == match_key("TRUE"), match_key(float("nan"))
    (True, None)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return ("t", "true" if value else "false")
    if isinstance(value, (int, float, np.integer, np.floating)):
        return None if math.isnan(float(value)) else ("n", float(value))
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return ("t", text.casefold())
    return ("n", number) if math.isfinite(number) else ("t", text.casefold())


def _uniques(series: pd.Series) -> list[Any]:
    return list(pd.unique(series.dropna()))


def _record(table: str, step: str, column: str, detail: str, before: int, after: int, cells: int) -> dict[str, Any]:
    return dict(zip(STEP_COLUMNS, (table, step, column, detail, before, after, cells)))


def prepare_table(frame: pd.DataFrame, preparation: Preparation, table: str) -> tuple[pd.DataFrame, list[dict]]:
    """*frame* after the table's missing-value codes, derived columns and filter, and what each step did.

    Parameters
    ----------
    frame : DataFrame
        The rows as read from the file (not changed).
    preparation : Preparation
        The table's declared steps (:func:`analysis.prepare.parse_preparation`).
    table : str
        The canonical table's name (first column of the records).

    Returns
    -------
    (DataFrame, list of dict)
        The prepared rows, and one record per step (:data:`STEP_COLUMNS`).

    Raises
    ------
    DataValidationError
        When the data do not fit a step (text where numbers are needed, values a
        recode does not map), naming the key path and the first rows (from 1).

    Examples
    --------
    >>> from analysis.prepare import parse_preparation
    >>> prep = parse_preparation({"missing_codes": [999], "derive": {"s": {"sum": ["a", "b"]}}},
    ...                          where="s.yaml", key="data.survey", header=["a", "b"])
    >>> out, steps = prepare_table(pd.DataFrame({"a": [1, 999], "b": [2, 3]}), prep, "survey")
    >>> out["s"].tolist(), [s["step"] for s in steps]
    ([3.0, nan], ['missing_codes', 'derive'])
    """
    records: list[dict] = []
    if not preparation.declared:
        return frame, records
    frame = frame.copy()
    frame.columns = [str(c) for c in frame.columns]  # as the study file names them (an Excel header may be numbers)
    if preparation.missing_codes:
        frame = _apply_codes(frame, preparation, table, records)
    for derivation in preparation.derive:
        frame[derivation.name] = _derive(frame, derivation)
        n = len(frame)
        records.append(_record(table, "derive", derivation.name, _derive_detail(derivation, frame), n, n,
                               int(frame[derivation.name].notna().sum())))
    if preparation.filter is not None:
        condition = preparation.filter.evaluate(frame)
        if not pd.api.types.is_bool_dtype(condition.dtype):
            example = condition.dropna().iloc[0] if condition.notna().any() else None
            raise DataValidationError(msg("prepare.error.filter_not_condition", key=preparation.filter.key,
                                          value=shown(example)))
        unknown = int(condition.isna().sum())
        keep = condition.fillna(False).to_numpy(dtype=bool)
        before = len(frame)
        rows = tuple(int(r) + 1 for r in np.flatnonzero(keep))  # each kept row's number in the file, from 1
        frame = frame.loc[keep].reset_index(drop=True)
        frame.attrs[SOURCE_ROWS] = rows  # so that validation messages name the file's rows
        records.append(_record(table, "filter", "", msg("prepare.detail.filter", expression=preparation.filter.text,
                                                        missing=unknown), before, len(frame), before - len(frame)))
    return frame, records


def _apply_codes(frame: pd.DataFrame, preparation: Preparation, table: str, records: list[dict]) -> pd.DataFrame:
    every = preparation.missing_codes.get(None)
    plan = {str(c): every for c in frame.columns} if every is not None else {}
    plan.update({c: v for c, v in preparation.missing_codes.items() if c is not None})
    n = len(frame)
    for column, codes in plan.items():
        mask = _matches(frame[column], codes)
        changed = int(mask.sum())
        if changed:
            values = frame[column].mask(mask)
            if not pd.api.types.is_numeric_dtype(values.dtype):  # numbers once the codes are gone: numbers
                numbers = pd.to_numeric(values, errors="coerce")
                if numbers.notna().sum() == values.notna().sum():
                    values = numbers
            frame[column] = values
        if changed or every is None or column in preparation.missing_codes:
            records.append(_record(table, "missing_codes", column, msg("prepare.detail.codes", codes=_codes_text(codes)),
                                   n, n, changed))
    if every is not None and not any(r["step"] == "missing_codes" for r in records):
        records.append(_record(table, "missing_codes", msg("prepare.all_columns"),
                               msg("prepare.detail.codes", codes=_codes_text(every)), n, n, 0))
    return frame


def _matches(column: pd.Series, codes: tuple[Any, ...]) -> pd.Series:
    """Where *column* holds one of *codes* (compared as :func:`match_key` says)."""
    wanted = {match_key(c) for c in codes}
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
        return column.isin([number for kind, number in wanted if kind == "n"])  # fast for many distinct numbers
    hits = [u for u in _uniques(column) if match_key(u) in wanted]
    return column.isin(hits) if hits else pd.Series(False, index=column.index)


def _codes_text(codes: tuple[Any, ...]) -> str:
    return ", ".join(str(c) for c in codes)


def _numbers(frame: pd.DataFrame, derivation: Derivation) -> pd.DataFrame:
    """The source columns as numbers; text that is not a number is an error naming the column and rows."""
    out = {}
    for name in derivation.sources:
        column = frame[name]
        if pd.api.types.is_bool_dtype(column.dtype):
            out[name] = column.astype("float64")
            continue
        numbers = pd.to_numeric(column, errors="coerce") if not pd.api.types.is_numeric_dtype(column.dtype) else column
        bad = numbers.isna() & column.notna()
        if bad.any():
            rows = np.flatnonzero(bad.to_numpy())
            raise DataValidationError(msg(
                "prepare.error.not_numbers", key=derivation.key, column=shown(name), n=len(rows),
                rows=", ".join(str(r + 1) for r in rows[:MAX_SHOWN]),
                values=shown_names(_uniques(column[bad])[:MAX_SHOWN])))
        out[name] = numbers.astype("float64")
    return pd.DataFrame(out, index=frame.index)


def _derive(frame: pd.DataFrame, derivation: Derivation) -> pd.Series:
    kind, settings = derivation.kind, derivation.settings
    if kind == "expr":
        value = derivation.expression.evaluate(frame)
        if value.dtype == "boolean" and not value.isna().any():
            value = value.astype(bool)
        return value
    if kind in ROW_KINDS:
        data = _numbers(frame, derivation)
        result = getattr(data, kind)(axis=1, skipna=True)
        return result.where(data.notna().sum(axis=1) >= settings["min_items"])
    if kind == "largest":
        data = _numbers(frame, derivation)
        labels = list(settings["labels"].values())
        first_max = data.fillna(-np.inf).to_numpy().argmax(axis=1)  # argmax: the first of equal values
        result = pd.Series([labels[i] for i in first_max], index=frame.index, dtype=object)
        return result.where(data.notna().any(axis=1))
    if kind == "recode":
        return _recode(frame[derivation.sources[0]], derivation)
    return _bins(frame, derivation)


def _recode(column: pd.Series, derivation: Derivation) -> pd.Series:
    settings = derivation.settings
    mapping = {match_key(k): v for k, v in settings["map"].items()}
    targets: dict[Any, Any] = {}
    unmapped = []
    for value in _uniques(column):
        key = match_key(value)
        if key in mapping:
            targets[value] = mapping[key]
        elif "other" in settings:
            targets[value] = settings["other"]
        else:
            unmapped.append(value)
    if unmapped:
        counts = column[column.isin(unmapped)].value_counts()
        listed = ", ".join(f"{shown(v)} ({int(n)})" for v, n in counts.head(MAX_SHOWN).items())
        hint = msg("prepare.hint.yaml_booleans") if any(isinstance(k, bool) for k in settings["map"]) else ""
        raise DataValidationError(msg("prepare.error.unmapped", key=derivation.key, column=shown(column.name),
                                      n=len(unmapped), values=listed, hint=hint))
    result = column.map(targets) if targets else pd.Series(np.nan, index=column.index)
    chosen = [v for v in targets.values() if v is not None]
    if chosen and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in chosen):
        result = pd.to_numeric(result)
    return result


def _bins(frame: pd.DataFrame, derivation: Derivation) -> pd.Series:
    settings = derivation.settings
    x = _numbers(frame, derivation).iloc[:, 0]
    edges, right = settings["edges"], settings["right"]
    labels = settings["labels"] or [_interval(a, b, right) for a, b in zip(edges, edges[1:])]
    codes = pd.cut(x, bins=[float(e) for e in edges], right=right, labels=False)
    label_array = np.asarray([str(lbl) for lbl in labels], dtype=object)
    result = pd.Series(np.nan, index=frame.index, dtype=object)
    inside = codes.notna().to_numpy()
    result[inside] = label_array[codes[inside].astype(int).to_numpy()]
    return result


def _interval(low: Any, high: Any, right: bool) -> str:
    low_text, high_text = format(low, "g"), format(high, "g")
    return f"({low_text}, {high_text}]" if right else f"[{low_text}, {high_text})"


def _derive_detail(derivation: Derivation, frame: pd.DataFrame) -> str:
    columns = ", ".join(derivation.sources)
    if derivation.kind == "expr":
        return msg("prepare.detail.expr", expression=derivation.expression.text)
    if derivation.kind == "bins":
        source = derivation.sources[0]
        outside = int((frame[derivation.name].isna() & frame[source].notna()).sum())
        return msg("prepare.detail.bins", column=source, edges=", ".join(format(e, "g") for e in
                                                                          derivation.settings["edges"]),
                   outside=outside)
    return msg(f"prepare.detail.{derivation.kind}", columns=columns)
