"""The data dictionary's side of analysis.schemas.descriptions (issue 17): every column a validator checks
has a description and a place in the customer database, and the columns notebooks name by a parameter
are parameters those notebooks really have."""

from __future__ import annotations

import pytest

import analysis.schemas as schemas
from analysis.errors import ParameterError
from analysis.report.requirements import COLUMN_PARAMETERS
from analysis.schemas.descriptions import CONTENTS, TABLE_DOCS, ColumnDoc, column_content, table_doc
from tests.schemas.test_reference import _asked_columns


@pytest.mark.parametrize("doc", TABLE_DOCS, ids=lambda d: d.name)
def test_every_column_a_validator_checks_has_a_description(doc, monkeypatch):
    asked = set().union(*_asked_columns(monkeypatch, getattr(schemas, doc.validator)))
    described = {c.name: c for c in doc.columns}
    assert asked, doc.name
    for name in asked:
        column = described[name]
        assert column.meaning.strip() and column.type.strip() and column.unit.strip(), name


@pytest.mark.parametrize("doc", TABLE_DOCS, ids=lambda d: d.name)
def test_every_column_has_a_place_in_the_customer_database(doc):
    assert doc.content in CONTENTS
    for column in doc.columns + doc.notebook_columns:
        assert column_content(doc, column) in CONTENTS
        assert column.meaning.strip(), column


def test_the_places_the_course_names():
    """Acquisition = basic information; a purchase's category = transaction history; a customer's category
    spend = preferences; survey answers, complaints, campaign contacts = interaction records."""
    def where(table, column):
        doc = table_doc(table)
        return column_content(doc, next(c for c in doc.columns + doc.notebook_columns if c.name == column))

    assert where("customers", "acquisition_channel") == "basic_information"
    assert where("transactions", "category") == "transaction_history"
    assert where("customers", "frequency") == "transaction_history"
    assert where("customers", "<category_spend_columns>") == "preferences"
    assert where("survey", "<rating_columns>") == where("complaints", "category") == "interaction_records"
    assert where("channel_outcomes", "<binary_columns>") == "interaction_records"
    assert {column_content(d, c) for d in TABLE_DOCS for c in d.columns + d.notebook_columns} == set(CONTENTS)


def test_a_wrong_place_is_a_clear_error():
    doc = table_doc("paths")
    with pytest.raises(ParameterError, match="content 'wishes' is none of basic_information"):
        column_content(doc, ColumnDoc("path", "text", "-", "x", content="wishes"))


def test_notebook_columns_are_parameters_of_their_notebooks():
    for doc in TABLE_DOCS:
        for column in doc.notebook_columns:
            notebook, _, parameter = (column.declared_by or "").partition(":")
            specs = {(p.name, p.table) for p in COLUMN_PARAMETERS[notebook]}
            assert (parameter, doc.name) in specs, column
            assert column.name == f"<{parameter}>"
