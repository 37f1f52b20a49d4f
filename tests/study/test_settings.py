"""A study's shared settings: one lifecycle, display labels, currency, cleaning policy (issue 13, cases 14, 22, 23)."""

from __future__ import annotations

from pathlib import Path

import pytest
from study_project import TINY_STUDY, make_project, write_study

from analysis.errors import StudyConfigError
from analysis.overview import suspicious_values
from analysis.segmentation.lifecycle import DEFAULT_STAGE_RULES
from analysis.study import load_study

DUPLICATED = TINY_STUDY.replace("notebooks:", "cleaning: {duplicates: drop, zero_amounts: drop}\nnotebooks:")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


def _with(project: Path, extra: str) -> Path:
    return write_study(project, "tiny", TINY_STUDY.replace("notebooks:", extra + "\nnotebooks:"))


def test_defaults_when_the_study_says_nothing(project):
    study = load_study(project / "params" / "tiny.yaml")
    assert study.lifecycle == DEFAULT_STAGE_RULES
    assert study.cleaning == {"duplicates": "keep", "zero_amounts": "keep"}
    assert study.currency_name() == "currency units"
    assert study.label("overall_satisfaction") == "overall satisfaction"


def test_settings_are_read(project):
    path = _with(project, "lifecycle: {lost_days: 400}\ncurrency: EUR\nlabels: {LOYALTY: stated loyalty}")
    study = load_study(path)
    assert study.lifecycle["lost_days"] == 400 and study.lifecycle["new_days"] == DEFAULT_STAGE_RULES["new_days"]
    assert study.currency_name() == "euros"
    assert study.label("LOYALTY") == "stated loyalty"


def test_cdnow_names_its_currency_and_keeps_its_flagged_rows_on_purpose():
    study = load_study("cdnow")
    assert study.currency_name() == "US dollars"  # case 22: not "currency units"
    assert study.cleaning == {"duplicates": "keep", "zero_amounts": "keep"}


@pytest.mark.parametrize(("extra", "words"), [
    ("lifecycle: {lost_days: 100, at_risk_days: 180}", ["lifecycle", "at_risk_days < lost_days"]),
    ("lifecycle: {lost_dys: 100}", ["lifecycle", "lost_days"]),
    ("lifecycle: 365", ["lifecycle", "mapping"]),
    ("labels: {a: ''}", ["labels.a", "1-80 characters"]),
    ("labels: [a, b]", ["labels", "map names"]),
    ("currency: ''", ["currency", "one line"]),
    ("cleaning: {duplicates: remove}", ["cleaning.duplicates", "keep or drop"]),
    ("cleaning: {dupes: drop}", ["cleaning", "duplicates"]),
])
def test_bad_settings_name_the_key_and_the_fix(project, extra, words):
    with pytest.raises(StudyConfigError) as info:
        load_study(_with(project, extra))
    for word in words:
        assert word in str(info.value)


def test_cleaning_drop_removes_what_notebook_00_flags(project):
    orders = project / "data" / "orders.csv"
    orders.write_text(orders.read_text() + "A1,2024-01-03,10.50\nB2,2024-03-05,0\n", encoding="utf-8")
    study = load_study(write_study(project, "tiny", DUPLICATED))
    raw = study.load_tables(clean=False)["transactions"]
    flagged = suspicious_values(raw).set_index("check")["n_rows"]
    cleaned = study.load_tables()["transactions"]
    assert len(raw) == 8 and flagged["duplicate_row"] == 1 and flagged["non_positive_amount"] == 1
    assert len(cleaned) == len(raw) - 2
    assert not cleaned.duplicated().any() and (cleaned["amount"] > 0).all()
    assert orders.read_text().count("\n") == 9  # the input file is never modified
