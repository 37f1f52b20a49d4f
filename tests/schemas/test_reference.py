"""docs/tables.md, the table reference (issue 12): generated from analysis.schemas.descriptions and kept
equal to what the validators really take and check, so the documentation cannot drift from the code."""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

import analysis.schemas as schemas
from analysis.errors import DataValidationError, ParameterError
from analysis.schemas import TABLES
from analysis.schemas.descriptions import PREPARATION_KEYS, STUDY_KEYS, TABLE_DOCS, table_doc
from analysis.schemas.reference import tables_markdown, write_tables_markdown
from analysis.schemas.session import _Session

ROOT = Path(__file__).resolve().parents[2]


def test_committed_page_equals_the_generated_text():
    page = ROOT / "docs" / "tables.md"
    assert page.read_text(encoding="utf-8") == tables_markdown(), (
        "docs/tables.md is out of date: run .venv/bin/python -m analysis.schemas.reference docs/tables.md")


def test_every_table_is_described_in_order():
    assert tuple(doc.name for doc in TABLE_DOCS) == TABLES
    text = tables_markdown()
    for doc in TABLE_DOCS:
        assert f"## `{doc.name}`" in text and doc.example in text


@pytest.mark.parametrize("doc", TABLE_DOCS, ids=lambda d: d.name)
def test_every_validator_parameter_is_a_documented_option(doc):
    validator = getattr(schemas, doc.validator)
    parameters = [p for p in inspect.signature(validator).parameters if p != "df"]
    assert parameters == [o.name for o in doc.options]
    for column in doc.columns:
        if column.declared_by is not None:
            assert column.declared_by in parameters, column


def _asked_columns(monkeypatch, validator) -> tuple[set[str], set[str]]:
    """(required, optional) column names the validator looks for, recorded while it checks a frame of none."""
    required: set[str] = set()
    optional: set[str] = set()
    real_require, real_present = _Session.require, _Session.present

    def require(self, columns, why="is required"):
        columns = list(columns)
        required.update(columns)
        return real_require(self, columns, why)

    def present(self, column):
        optional.add(column)
        return real_present(self, column)

    monkeypatch.setattr(_Session, "require", require)
    monkeypatch.setattr(_Session, "present", present)
    with pytest.raises(DataValidationError):
        validator(pd.DataFrame({"unrelated": [1]}))
    monkeypatch.undo()
    return required, optional


@pytest.mark.parametrize("doc", TABLE_DOCS, ids=lambda d: d.name)
def test_every_column_a_validator_checks_is_documented(doc, monkeypatch):
    required, optional = _asked_columns(monkeypatch, getattr(schemas, doc.validator))
    named = {c.name: c for c in doc.columns if not c.name.startswith("<")}
    assert required == {n for n, c in named.items() if c.required}
    assert optional - required == {n for n, c in named.items() if not c.required}


def test_study_and_preparation_keys_are_those_the_study_file_takes():
    from analysis.prepare import PREPARE_KEYS
    from analysis.study.data import TABLE_KEYS

    assert [k.name for k in PREPARATION_KEYS] == list(PREPARE_KEYS)
    assert [k.name for k in STUDY_KEYS] == [k for k in TABLE_KEYS if k not in PREPARE_KEYS]
    assert 'README section "Data preparation"' in tables_markdown()


def test_package_docstring_points_to_the_page_not_to_a_missing_design():
    assert "docs/tables.md" in schemas.__doc__ and "DESIGN.md" not in schemas.__doc__


def test_the_command_writes_the_page_and_unknown_tables_are_named(tmp_path):
    assert write_tables_markdown(tmp_path / "docs" / "t.md").read_text(encoding="utf-8") == tables_markdown()
    with pytest.raises(ParameterError, match="no canonical table 'survey_data'; the tables are transactions"):
        table_doc("survey_data")
