"""StudyTables is a plain dict of tables that also carries the preparation report."""

from __future__ import annotations

import pandas as pd

from analysis.prepare import STEP_COLUMNS, StudyTables, steps_frame


def test_a_dict_with_an_empty_report_by_default():
    tables = StudyTables({"survey": pd.DataFrame({"a": [1]})})
    assert isinstance(tables, dict) and list(tables) == ["survey"]
    assert list(tables.preparation.columns) == list(STEP_COLUMNS) and tables.preparation.empty
    assert dict(tables) == {"survey": tables["survey"]}


def test_the_report_has_one_row_per_step_with_whole_numbers():
    record = dict(zip(STEP_COLUMNS, ("survey", "filter", "", "rows kept where a > 1", 5, 3, 2)))
    frame = steps_frame([record])
    assert frame.to_dict("records") == [record]
    assert all(frame[c].dtype == "int64" for c in ("rows_before", "rows_after", "cells_changed"))
    assert StudyTables({}, frame).preparation is frame


def test_a_table_the_study_lacks_is_named_not_a_key_error():
    """Notebook 03 opened on a study without a survey stopped with a bare KeyError: 'survey'."""
    import pytest

    from analysis.errors import StudyConfigError
    from analysis.prepare import StudyTables

    tables = StudyTables({"transactions": None})
    with pytest.raises(StudyConfigError, match=r"no survey table \(its tables: transactions\)\. Add one under data:"):
        tables["survey"]
    assert tables.get("survey") is None and "survey" not in tables
