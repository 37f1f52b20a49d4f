"""Structured findings and assumption checks: the values a sentence cites, and where they are.

A sentence a report shows about the data is never typed in: it is a
:class:`Finding`, a message key of the catalog plus the fields its template
needs. Every number among the fields is a :class:`Cite`: the value together
with the table the notebook writes (``tables/<table>.csv``), the column, and
the row (or an aggregate over rows) it is found in, so a test can recompute it
from the written tables (:func:`analysis.findings.verify_outputs`). A number
that is not a ``Cite`` is refused when the finding is made.

A :class:`Check` is an assumption check that ran (convergence, independence,
separation, ...): its status, a sentence saying what the result means, and the
keys of the findings it weakens when it fails. Checks cite their numbers the
same way.

Examples
--------
>>> from analysis.findings import Cite, Finding
>>> f = Finding("customers", "findings.example.customers",
...             n=Cite(1200, table="rfm", column="customer_id", agg="count"))
>>> f.text()
'1,200 customers.'
>>> Finding("bad", "findings.example.customers", n=1200)
Traceback (most recent call last):
...
analysis.errors.ParameterError: finding 'bad': field 'n' is the number 1200, not a Cite; every number a sentence cites must say which written table (column, row) holds it
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from analysis.errors import ParameterError
from analysis.messages import msg

__all__ = ["AGGREGATES", "CHECK_KINDS", "CHECK_STATUSES", "Cite", "Finding", "Check"]

#: how a cited value may summarise a column (``None``: one cell)
AGGREGATES = ("sum", "mean", "count", "min", "max", "share")
#: the kinds of assumption checks a notebook reports
CHECK_KINDS = (
    "convergence", "boundary", "independence", "separation", "small_groups", "collinearity",
    "reliability", "cluster_structure", "consistency", "model_fit", "data_quality", "sample_size",
    "overlap", "power",
)
#: a check's result: ``pass``, ``warn`` (weakens a finding), ``fail`` (a finding does not hold as
#: stated), ``not_run`` (the check could not be computed, with the reason)
CHECK_STATUSES = ("pass", "warn", "fail", "not_run")


def _is_number(value: Any) -> bool:
    return isinstance(value, (numbers.Number, np.number)) and not isinstance(value, (bool, np.bool_))


def _plain(value: Any) -> Any:
    """numpy scalars -> Python ones (for JSON and for str.format)."""
    return value.item() if isinstance(value, np.generic) else value


@dataclass(frozen=True)
class Cite:
    """A cited value and where it is in the tables the notebook writes.

    Parameters
    ----------
    value : number, str or bool
        The value as the sentence uses it (before formatting).
    table : str
        Name of the table, as given to ``ReportOutputs.table`` (``tables/<table>.csv``).
    column : str
        The column holding the value (for ``agg="count"`` any column; rows are counted).
    row : str, int or tuple, optional
        Index label of the row (a tuple for a table with several index levels).
        ``None`` with an ``agg``.
    agg : str, optional
        One of :data:`AGGREGATES`: the value summarises the column over the rows
        (selected by ``where``, default all). ``share`` is the share of rows that
        ``where`` selects.
    where : mapping, optional
        ``{column: value or list of values}``: the rows an aggregate is over
        (compared as text, as the CSV holds them).

    Examples
    --------
    >>> Cite(0.21, table="gamma_gamma_independence", column="spearman_rho", row="rho")
    Cite(0.21, gamma_gamma_independence[rho, spearman_rho])
    """

    value: Any
    table: str
    column: str
    row: Any = None
    agg: str | None = None
    where: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _plain(self.value))
        if not isinstance(self.table, str) or not self.table or not isinstance(self.column, str):
            raise ParameterError(f"Cite needs a table name and a column name (str); got {self.table!r}, {self.column!r}")
        if self.agg is not None and self.agg not in AGGREGATES:
            raise ParameterError(f"Cite agg must be one of {AGGREGATES} or None; got {self.agg!r}")
        if self.agg is None and self.row is None:
            raise ParameterError(f"Cite of {self.table}.{self.column}: give the row of the cell, or an agg over rows")
        if self.agg is None and self.where:
            raise ParameterError(f"Cite of {self.table}.{self.column}: where selects rows for an agg only")
        if isinstance(self.value, float) and not np.isfinite(self.value):
            raise ParameterError(f"Cite of {self.table}.{self.column}: a sentence cannot cite {self.value}")
        if self.where is not None:
            object.__setattr__(self, "where", {str(k): ([_plain(x) for x in v] if isinstance(v, (list, tuple)) else _plain(v))
                                               for k, v in self.where.items()})

    def record(self) -> dict[str, Any]:
        """JSON-ready description (what ``outputs.json`` stores)."""
        out: dict[str, Any] = {"value": self.value, "table": self.table, "column": self.column}
        if self.row is not None:
            out["row"] = [_plain(r) for r in self.row] if isinstance(self.row, tuple) else _plain(self.row)
        if self.agg is not None:
            out["agg"] = self.agg
        if self.where:
            out["where"] = dict(self.where)
        return out

    def __repr__(self) -> str:
        where = self.agg if self.agg else self.row
        return f"Cite({self.value!r}, {self.table}[{where}, {self.column}])"


def _check_fields(owner: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in fields.items():
        if _is_number(value):
            raise ParameterError(
                f"{owner}: field {name!r} is the number {value!r}, not a Cite; every number a sentence "
                f"cites must say which written table (column, row) holds it"
            )
        if not isinstance(value, (Cite, str)):
            raise ParameterError(f"{owner}: field {name!r} must be a Cite or words (str); got {type(value).__name__}")
        out[name] = value
    return out


def _render(message: str, fields: Mapping[str, Any], language: str | None) -> str:
    return msg(message, language=language, **{k: (v.value if isinstance(v, Cite) else v) for k, v in fields.items()})


class Finding:
    """One generated sentence: a message key and its fields, every number a :class:`Cite`.

    Parameters
    ----------
    key : str
        Stable name of the finding (a safe file-name stem, e.g. ``"at_risk"``).
    message : str
        Catalog key of the sentence's template.
    checks : iterable of str, optional
        Keys of the :class:`Check`\\ s whose failure weakens this finding.
    **fields
        The template's fields: :class:`Cite` for numbers, ``str`` for words (names
        already translated and escaped for Markdown by the caller).
    """

    def __init__(self, key: str, message: str, *, checks: Iterable[str] = (), **fields: Any) -> None:
        if not isinstance(key, str) or not key:
            raise ParameterError(f"a finding needs a key (str); got {key!r}")
        self.key = key
        self.message = message
        self.checks = tuple(checks)
        self.fields = _check_fields(f"finding {key!r}", fields)
        self.text()  # a missing field or unknown key fails here, where the finding is made

    def text(self, language: str | None = None) -> str:
        """The sentence in *language*."""
        return _render(self.message, self.fields, language)

    def cites(self) -> dict[str, Cite]:
        """The cited fields by name."""
        return {k: v for k, v in self.fields.items() if isinstance(v, Cite)}

    def record(self, language: str | None = None) -> dict[str, Any]:
        """JSON-ready description: text, message key, cited values, checks."""
        return {"text": self.text(language), "message": self.message,
                "cites": {k: c.record() for k, c in self.cites().items()}, "checks": list(self.checks)}

    def __repr__(self) -> str:
        return f"Finding({self.key!r}: {self.text()!r})"


class Check:
    """One assumption check that ran: kind, status, what the result means, what it weakens.

    Parameters
    ----------
    key : str
        Stable name (e.g. ``"gamma_gamma_independence"``).
    kind : str
        One of :data:`CHECK_KINDS`.
    status : str
        One of :data:`CHECK_STATUSES`.
    message : str
        Catalog key of the sentence saying what was checked, the result and what it means
        for the findings.
    affects : iterable of str, optional
        Keys of the findings a failure (``warn`` or ``fail``) weakens.
    **fields
        The template's fields, as for :class:`Finding`.

    Examples
    --------
    >>> from analysis.findings import Check, Cite
    >>> c = Check("fit", "convergence", "pass", "findings.example.converged",
    ...           model="BG/NBD", loglik=Cite(-9582.4, table="model_parameters", column="loglik", row="r"))
    >>> c.failed, c.text()
    (False, 'BG/NBD converged (log-likelihood -9,582.4).')
    """

    def __init__(self, key: str, kind: str, status: str, message: str, *, affects: Iterable[str] = (),
                 **fields: Any) -> None:
        if kind not in CHECK_KINDS:
            raise ParameterError(f"check {key!r}: kind must be one of {CHECK_KINDS}; got {kind!r}")
        if status not in CHECK_STATUSES:
            raise ParameterError(f"check {key!r}: status must be one of {CHECK_STATUSES}; got {status!r}")
        self.key, self.kind, self.status, self.message = key, kind, status, message
        self.affects = tuple(affects)
        self.fields = _check_fields(f"check {key!r}", fields)
        self.text()

    @property
    def failed(self) -> bool:
        """True when the result weakens findings (``warn`` or ``fail``)."""
        return self.status in ("warn", "fail")

    def text(self, language: str | None = None) -> str:
        """What the check found and what it means, in *language*."""
        return _render(self.message, self.fields, language)

    def cites(self) -> dict[str, Cite]:
        """The cited fields by name."""
        return {k: v for k, v in self.fields.items() if isinstance(v, Cite)}

    def record(self, language: str | None = None) -> dict[str, Any]:
        """JSON-ready description."""
        return {"kind": self.kind, "status": self.status, "text": self.text(language), "message": self.message,
                "cites": {k: c.record() for k, c in self.cites().items()}, "affects": list(self.affects)}

    def __repr__(self) -> str:
        return f"Check({self.key!r}, {self.kind}, {self.status})"
