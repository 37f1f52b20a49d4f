"""The validation session: a working copy of one table, its problems and a pandera schema."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from analysis.errors import DataValidationError
from analysis.schemas.dates import _parse_dates
from analysis.schemas.problems import (
    _MAX_SHOWN,
    SOURCE_ROWS,
    _duplicate_detail,
    _Problem,
    _raise,
    missing_column_text,
)
from analysis.schemas.values import (
    _finite_or_na,
    _normalise_ids,
    number_hint,
    string_dtype,
    _text_or_na,
    _to_numbers,
)


class _Session:
    """Working copy of one table plus the problems found so far.

    The working frame's index holds each row's 0-based position in the input, so
    row numbers stay those of the input even after rows are dropped. When the input
    carries the file's row numbers (``df.attrs[SOURCE_ROWS]``, set by a caller that
    filtered rows before validation), messages name those instead.
    """

    def __init__(self, table: str, df: Any) -> None:
        if not isinstance(df, pd.DataFrame):
            raise DataValidationError(
                f"The {table} table must be a pandas DataFrame; got {type(df).__name__}."
            )
        self.table = table
        self.original_index = df.index
        given = df.attrs.get(SOURCE_ROWS)
        self.source_rows = tuple(int(r) for r in given) if given is not None and len(given) == len(df) else None
        self.out = df.copy(deep=True)
        self.out.attrs.pop(SOURCE_ROWS, None)
        self.out.index = pd.RangeIndex(len(df))
        self.problems: list[_Problem] = []
        self.spec: dict[str, pa.Column] = {}
        self.not_null_exempt: dict[str, set[int]] = {}
        self.hints: dict[tuple[str, str], str] = {}
        if len(df) == 0:
            cols = ", ".join(repr(str(c)) for c in df.columns) or "none"
            raise DataValidationError(
                f"The {table} table has no rows (columns present: {cols}). "
                "Check the file or the filter that produced it."
            )
        dup = df.columns[df.columns.duplicated()].unique().tolist()
        if dup:  # nothing else can be checked reliably: a column name must mean one column
            _raise(table, [_Problem(
                None, "column names must be unique; repeated: " + ", ".join(repr(str(c)) for c in dup), [], [],
                "Rename or drop the repeated columns")])

    # -- helpers ---------------------------------------------------------- #
    def row_numbers(self, labels: Iterable[Any]) -> list[int]:
        """1-based row numbers (of the file when known) of working-index *labels* (0-based input positions)."""
        if self.source_rows is None:
            return [int(r) + 1 for r in labels]
        return [self.source_rows[int(r)] for r in labels]

    def add(self, column: str | None, rule: str, positions: Sequence[int], source: pd.Series,
            detail: str = "") -> None:
        """Record a problem at 0-based *positions* of the working frame, values from *source*."""
        pos = sorted(int(p) for p in positions)
        vals = [source.iloc[p] for p in pos[:_MAX_SHOWN]]
        rows = [int(self.out.index[p]) + 1 for p in pos]
        self.problems.append(_Problem(column, rule, rows, vals, detail))

    def present(self, column: str) -> bool:
        return column in self.out.columns

    def require(self, columns: Iterable[str], why: str = "is required") -> list[str]:
        found = []
        for col in columns:
            if self.present(col):
                found.append(col)
            else:
                self.problems.append(_Problem(
                    col, f"{why} but missing", [], [],
                    missing_column_text(col, self.out.columns)
                    + " Rename or map your column (study YAML 'columns:' or io.apply_column_mapping).",
                ))
        return found

    def check(self, column: str, dtype: Any, checks: list[pa.Check] | None = None, *,
              nullable: bool = True, unique: bool = False) -> None:
        self.spec[column] = pa.Column(dtype, checks or [], nullable=nullable, unique=unique)

    def hint(self, column: str, rule: str, text: str) -> None:
        """Advice appended to the message when *column* breaks the pandera rule *rule*."""
        self.hints[(column, rule)] = text

    # -- conversions ------------------------------------------------------ #
    def ids(self, column: str, *, unique: bool, nullable: bool = False) -> None:
        """Ids as text (spaces stripped, ``1.0`` -> ``"1"``); missing only where *nullable*."""
        s = self.out[column]
        converted, bad = _normalise_ids(s)
        if bad:
            self.add(column, "must be an id (text or a whole number)", bad, s)
        self.not_null_exempt[column] = {int(self.out.index[p]) for p in bad}
        self.out[column] = converted.astype(string_dtype())
        self.check(column, string_dtype(), nullable=nullable, unique=unique)

    def text(self, column: str, *, nullable: bool = True) -> None:
        s = self.out[column]
        conv = s.map(_text_or_na, na_action="ignore")
        self.out[column] = conv.astype(string_dtype())
        self.check(column, string_dtype(), nullable=nullable)

    def numbers(self, column: str, *, nullable: bool = True, checks: list[pa.Check] | None = None) -> None:
        values, bad = _to_numbers(self.out[column])
        if len(bad):
            raw = self.out[column]
            self.add(column, "must be a number", bad, raw,
                     number_hint([raw.iloc[p] for p in bad[:200]], self.table, column))
        self.not_null_exempt[column] = {int(self.out.index[p]) for p in bad}
        self.out[column] = values
        finite = pa.Check(_finite_or_na, element_wise=False, error="must be a finite number (not inf)")
        self.check(column, "float64", [finite, *(checks or [])], nullable=nullable)

    def dates(self, column: str, *, nullable: bool, date_format: str | None) -> None:
        parsed, problems, failed = _parse_dates(self.out[column], column, date_format)
        self.problems.extend(problems)
        self.not_null_exempt[column] = failed
        self.out[column] = parsed
        self.check(column, "datetime64[ns]", nullable=nullable)

    # -- finish ----------------------------------------------------------- #
    def finish(self) -> pd.DataFrame:
        schema = pa.DataFrameSchema(self.spec, strict=False, coerce=False)
        try:
            schema.validate(self.out, lazy=True)
        except SchemaErrors as exc:
            self.problems.extend(self._translate(exc.failure_cases))
        order = {str(c): k for k, c in enumerate(self.out.columns)}
        self.problems.sort(key=lambda p: -2 if p.column is None else order.get(p.column, -1))
        if self.source_rows is not None:  # problems number rows by input position until here
            for p in self.problems:
                p.rows = self.row_numbers(r - 1 for r in p.rows)
        _raise(self.table, self.problems)
        out = self.out
        out.index = self.original_index[out.index.to_numpy()]
        return out

    def _translate(self, fc: pd.DataFrame) -> list[_Problem]:
        problems: list[_Problem] = []
        for (column, check), grp in fc.groupby(["column", "check"], sort=False, dropna=False):
            column = None if pd.isna(column) else str(column)
            grp = grp[grp["index"].notna()] if grp["index"].notna().any() else grp
            check = str(check)
            if check == "not_nullable":
                exempt = self.not_null_exempt.get(column or "", set())
                grp = grp[~grp["index"].isin(exempt)]
                rule = "must not be missing"
            elif check == "field_uniqueness":
                grp = grp[grp["failure_case"].notna()]
                rule = "must be unique"
            elif check.startswith("dtype("):
                rule = f"must be of type {check[6:-1]}"
            else:
                rule = check
            if grp.empty:
                continue
            if grp["index"].isna().all():
                problems.append(_Problem(column, f"{rule} ({grp['failure_case'].iloc[0]})", [], []))
                continue
            grp = grp.sort_values("index")
            rows = [int(i) + 1 for i in grp["index"]]
            values = [] if check == "not_nullable" else grp["failure_case"].tolist()
            detail = (_duplicate_detail(self.row_numbers(r - 1 for r in rows), values)
                      if check == "field_uniqueness" else "")
            detail = detail or self.hints.get((column or "", rule), "")
            problems.append(_Problem(column, rule, rows, values, detail))
        return problems
