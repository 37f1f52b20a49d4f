"""The tables a study loads, with the record of how they were prepared."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis.errors import StudyConfigError
from analysis.messages import msg
from analysis.prepare.steps import STEP_COLUMNS

__all__ = ["StudyTables", "steps_frame"]


def steps_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """The preparation report: one row per step applied (:data:`~analysis.prepare.steps.STEP_COLUMNS`).

    Examples
    --------
    >>> list(steps_frame([]).columns)
    ['table', 'step', 'column', 'detail', 'rows_before', 'rows_after', 'cells_changed']
    """
    frame = pd.DataFrame(list(records), columns=list(STEP_COLUMNS))
    for name in ("rows_before", "rows_after", "cells_changed"):
        frame[name] = frame[name].astype("int64")
    return frame


class StudyTables(dict):
    """A study's canonical tables by name (a plain ``dict``) that also carries :attr:`preparation`.

    Attributes
    ----------
    preparation : DataFrame
        One row per preparation step applied while loading (missing-value codes,
        derived columns, filters, cleaning): ``table, step, column, detail,
        rows_before, rows_after, cells_changed``. Empty (with these columns)
        when the study declares none. ``cells_changed`` counts, per step: the
        cells that became missing (``missing_codes``, one row per column), the
        values the new column holds (``derive``: its non-missing cells), the
        rows dropped (``filter``, ``cleaning``).

    Examples
    --------
    >>> tables = StudyTables({"survey": None})
    >>> sorted(tables), len(tables.preparation)
    (['survey'], 0)

    A table the study does not have is a :class:`~analysis.errors.StudyConfigError`
    that says so (a notebook opened on the wrong study), not a bare ``KeyError``:

    >>> tables["transactions"]
    Traceback (most recent call last):
    ...
    analysis.errors.StudyConfigError: The study has no transactions table (its tables: survey). Add one under data: in the study file (docs/tables.md lists what each table holds), or open a notebook that works on the tables the study has.
    """

    def __init__(self, tables: Any = (), preparation: pd.DataFrame | None = None):
        super().__init__(tables)
        self.preparation = steps_frame([]) if preparation is None else preparation

    def __missing__(self, name: str) -> Any:
        raise StudyConfigError(msg("prepare.error.no_table", table=name, tables=", ".join(self) or "none"))
