"""messages.prepare: every derive kind, cleaning key and cleaning choice the package names has its words."""

from analysis.messages import msg
from analysis.prepare import DERIVE_KINDS
from analysis.study.settings import CLEANING_CHOICES, CLEANING_KEYS


def test_every_derive_kind_has_a_report_detail():
    for kind in DERIVE_KINDS:
        fields = {"columns": "a, b", "column": "a", "edges": "1, 2", "outside": 0, "expression": "a + b"}
        assert msg(f"prepare.detail.{kind}", **fields).strip()


def test_every_row_wise_kind_and_cleaning_choice_has_a_note():
    for kind in ("mean", "sum", "min", "max"):
        assert msg(f"prepare.note.kind.{kind}")
    for key in CLEANING_KEYS:
        assert msg(f"prepare.detail.cleaning.{key}")
        notes = {msg(f"prepare.note.cleaning.{key}.{choice}") for choice in CLEANING_CHOICES}
        assert len(notes) == len(CLEANING_CHOICES)


def test_the_refusal_of_an_expression_lists_what_is_allowed():
    text = msg("prepare.error.expression", key="data.survey.filter", reason="x is not allowed",
               allowed=msg("prepare.error.expression_allowed"))
    assert text.startswith("data.survey.filter: x is not allowed.") and "where(condition, a, b)" in text
