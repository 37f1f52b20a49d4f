"""Study files: loading, and one test per error load_study must catch before any kernel starts."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from study_project import ORDERS_CSV, TINY_STUDY, make_project, write_study

from analysis.datasets import load_service_demo
from analysis.errors import AnalysisError, StudyConfigError
from analysis.prepare import STEP_COLUMNS
from analysis.study import StudyTables, find_project_root, load_study
from analysis.window import WINDOW_KEYS
from analysis.window import Window


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


def _error(path: Path) -> str:
    with pytest.raises(StudyConfigError) as info:
        load_study(path)
    return str(info.value)


def test_file_form_is_parsed_and_resolved(project):
    study = load_study(project / "params" / "tiny.yaml")
    assert study.name == "tiny" and study.title == "A tiny test study"
    spec = study.data.tables["transactions"]
    assert spec.path == (project / "data" / "orders.csv").resolve()
    assert dict(spec.columns) == {"customer_id": "CustID", "date": "OrderDate", "amount": "Value"}
    assert study.data.dataset is None
    assert study.notebooks_dir == (project / "notebooks").resolve()
    assert study.notebook_parameters("fixture_ok") == {"top_n": 2}
    assert study.notebook_parameters("fixture_fail") == {}
    assert study.input_files() == [spec.path]
    with pytest.raises(AttributeError):
        study.name = "other"  # frozen


def test_load_tables_reads_maps_and_validates(project):
    tables = load_study(project / "params" / "tiny.yaml").load_tables()
    tx = tables["transactions"]
    assert list(tables) == ["transactions"]
    assert len(tx) == 6 and tx["customer_id"].nunique() == 3
    assert str(tx["date"].dtype) == "datetime64[ns]"
    assert tx["amount"].sum() == pytest.approx(97.5)  # 10.5+22+5.25+7.75+40+12, by hand


def test_name_resolves_from_the_working_directory(project, monkeypatch):
    monkeypatch.chdir(project / "notebooks")
    assert find_project_root() == project.resolve()
    assert load_study("tiny").path == (project / "params" / "tiny.yaml").resolve()
    with pytest.raises(StudyConfigError, match=r"no study named 'tinny'.*did you mean 'tiny'"):
        load_study("tinny")


def test_bundled_studies_load(project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    cdnow = load_study("cdnow")
    assert cdnow.data.dataset == "cdnow" and dict(cdnow.data.options) == {"kind": "master"}
    assert cdnow.notebook_parameters("00_data_overview") == {}  # the dates are in the study's window
    assert cdnow.window.observation_end == pd.Timestamp("1998-06-30")
    assert cdnow.window.calibration_end == pd.Timestamp("1997-09-30")
    assert cdnow.window.observation_end_source == "study" and cdnow.window.holdout_periods() == 39.0
    for notebook in cdnow.notebooks:  # no notebook repeats the window's dates
        assert not {"observation_end", "calibration_end", "as_of"} & set(cdnow.notebook_parameters(notebook))
    demo = load_study("service_demo")
    assert dict(demo.data.options) == {"n_customers": 5000, "seed": 20240601}


def test_unknown_top_level_key(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("title:", "titel:"))
    message = _error(path)
    assert str(path) in message and "titel" in message and "did you mean 'title'" in message


def test_unknown_nested_key_names_the_key_path(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("columns:", "colums:"))
    message = _error(path)
    assert "data.transactions.colums" in message and "did you mean 'columns'" in message


def test_missing_required_key(project):
    text = "name: tiny\ntitle: no data\n"
    message = _error(write_study(project, "tiny", text))
    assert "missing required key 'data'" in message


def test_name_must_equal_file_stem(project):
    path = write_study(project, "other", TINY_STUDY)
    message = _error(path)
    assert "name" in message and "'tiny'" in message and "other.yaml" in message


def test_unknown_table_name(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("  transactions:", "  transaction:"))
    message = _error(path)
    assert "data.transaction" in message and "did you mean 'transactions'" in message


def test_missing_data_file(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("orders.csv", "order.csv"))
    message = _error(path)
    assert "data.transactions.path" in message and "data file not found" in message
    assert str((project / "data" / "order.csv").resolve()) in message


def test_mapping_to_a_column_not_in_the_header(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("customer_id: CustID", "customer_id: CustId"))
    message = _error(path)
    assert "data.transactions.columns.customer_id" in message
    assert "'CustId'" in message and "did you mean 'CustID'" in message
    assert "CustID, OrderDate, Value" in message


def test_semicolon_file_without_sep_is_explained(project):
    (project / "data" / "orders.csv").write_text("CustID;OrderDate;Value\nA1;2024-01-03;10.5\n", encoding="utf-8")
    message = _error(project / "params" / "tiny.yaml")
    assert "data.transactions.sep" in message and "sep: ';'" in message


def test_misspelt_notebook_name(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("fixture_ok:", "fixture_okk:"))
    message = _error(path)
    assert "notebooks.fixture_okk" in message and "did you mean 'fixture_ok'" in message


def test_unknown_validator_option(project):
    text = TINY_STUDY.replace("    columns:", "    options: {drop_invalid_amount: true}\n    columns:")
    message = _error(write_study(project, "tiny", text))
    assert "data.transactions.options.drop_invalid_amount" in message
    assert "did you mean 'drop_invalid_amounts'" in message


def test_unknown_format(project):
    text = TINY_STUDY.replace("    columns:", "    format: cvs\n    columns:")
    message = _error(write_study(project, "tiny", text))
    assert "data.transactions.format" in message and "did you mean 'csv'" in message


def test_dataset_form_rejects_unknown_key(project):
    text = "name: tiny\ndata:\n  dataset: cdnow\n  option: {kind: master}\n"
    message = _error(write_study(project, "tiny", text))
    assert "data.option" in message and "did you mean 'options'" in message


def test_invalid_yaml_names_the_file(project):
    path = write_study(project, "tiny", "name: tiny\ndata: [unclosed\n")
    message = _error(path)
    assert str(path) in message and re.search(r"not valid YAML", message)


def test_unknown_dataset_name(project):
    text = "name: tiny\ndata:\n  dataset: cdnw\n"
    message = _error(write_study(project, "tiny", text))
    assert "data.dataset" in message and "did you mean 'cdnow'" in message


def test_unknown_dataset_option_is_a_study_error(project):
    study = load_study(write_study(project, "tiny", "name: tiny\ndata: {dataset: cdnow, options: {knd: master}}\n"))
    with pytest.raises(StudyConfigError, match=r"tiny.yaml: data: .*knd"):
        study.input_files()


def test_dataset_input_files(project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    assert [p.name for p in load_study("cdnow").input_files()] == ["CDNOW_master.txt"]
    assert load_study("service_demo").input_files() == []


# ------------------------------------------------------------------ window
def _with_window(project: Path, window: str) -> Path:
    return write_study(project, "tiny", TINY_STUDY.replace("notebooks:", f"window:\n{window}notebooks:"))


def test_window_section_is_read_once_for_the_study(project):
    study = load_study(_with_window(project, "  observation_end: 2024-03-15\n  calibration_end: '2024-02-01'\n"
                                             "  time_unit: D\n  timezone: Asia/Shanghai\n"))
    w = study.window
    assert w.observation_end == pd.Timestamp("2024-03-15") and w.calibration_end == pd.Timestamp("2024-02-01")
    assert (w.time_unit, w.timezone, w.observation_end_source) == ("D", "Asia/Shanghai", "study")
    assert w.holdout_periods() == 43.0  # 2024-02-01 .. 2024-03-15, by hand
    # a notebook's own non-None value wins; its None keeps the study's
    nb = w.override(observation_end="2024-03-01", calibration_end=None)
    assert nb.observation_end == pd.Timestamp("2024-03-01") and nb.observation_end_source == "notebook"
    assert nb.calibration_end_source == "study"
    assert w.as_dict()["observation_end"] == "2024-03-15"


def test_window_absent_means_the_last_transaction(project):
    w = load_study(project / "params" / "tiny.yaml").window
    assert w == Window() and w.observation_end is None
    assert w.resolve("2024-03-30 18:00").observation_end == pd.Timestamp("2024-03-30")


def test_window_keys_are_the_window_settings():
    assert set(WINDOW_KEYS) == {"observation_end", "calibration_end", "holdout_length", "time_unit", "timezone"}
    assert set(WINDOW_KEYS) | {"observation_end_source", "calibration_end_source"} == set(Window().as_dict())


def test_window_unknown_key_names_file_and_key(project):
    path = _with_window(project, "  observation_ned: '2024-03-15'\n")
    message = _error(path)
    assert str(path) in message and "window.observation_ned" in message
    assert "did you mean 'observation_end'" in message


def test_window_bad_date_names_file_and_key(project):
    path = _with_window(project, "  observation_end: 2024-13-45\n")
    message = _error(path)
    assert str(path) in message and "window.observation_end:" in message and "'2024-13-45'" in message


def test_window_calibration_after_observation_end_names_file_and_key(project):
    path = _with_window(project, "  observation_end: '2024-03-15'\n  calibration_end: '2024-04-01'\n")
    message = _error(path)
    assert str(path) in message and "window.calibration_end:" in message
    assert "must be before observation_end" in message


@pytest.mark.parametrize("setting, key", [("time_unit: fortnight", "time_unit"), ("timezone: Mars/Base", "timezone"),
                                          ("holdout_length: 0", "holdout_length")])
def test_window_bad_settings_name_the_key(project, setting, key):
    path = _with_window(project, f"  {setting}\n")
    message = _error(path)
    assert str(path) in message and f"window.{key}:" in message


def test_window_must_be_a_mapping(project):
    message = _error(_with_window(project, "  - 2024-03-15\n"))
    assert "window:" in message and "mapping" in message


# ------------------------------------------------------------------- truth
def test_truth_of_a_generated_study_is_handed_over(project, monkeypatch):
    path = write_study(project, "tiny", "name: tiny\ndata: {dataset: service_demo, options: {n_customers: 300, seed: 9}}\n")
    study = load_study(path)
    tables = study.load_tables()
    from analysis.datasets import bundled

    monkeypatch.setattr(bundled, "simulate_service_firm", lambda *a, **k: pytest.fail("simulated again"))
    truth = study.truth()
    monkeypatch.undo()
    assert truth == load_service_demo(300, seed=9).truth  # the same truth as the data set's
    assert truth.n_customers == 300 and tables["customers"]["customer_id"].nunique() == 300


def test_truth_without_loading_first_simulates_once(project):
    path = write_study(project, "tiny", "name: tiny\ndata: {dataset: service_demo, options: {n_customers: 200, seed: 4}}\n")
    assert load_study(path).truth() == load_service_demo(200, seed=4).truth


def test_truth_is_none_for_observed_data(project, project_root, monkeypatch):
    assert load_study(project / "params" / "tiny.yaml").truth() is None  # the user's files
    monkeypatch.chdir(project_root)
    assert load_study("cdnow").truth() is None


def test_truth_with_a_bad_option_is_a_study_error(project):
    study = load_study(write_study(project, "tiny", "name: tiny\ndata: {dataset: cdnow, options: {knd: master}}\n"))
    with pytest.raises(StudyConfigError, match=r"tiny.yaml: data: .*knd"):
        study.truth()


# ------------------------------------------------------- duplicate keys (issue 14, case 5)
def test_duplicate_options_are_refused_with_both_lines(project):
    text = TINY_STUDY.replace("    columns:", "    options: {drop_invalid_amounts: true}\n    options: {}\n    columns:")
    path = write_study(project, "tiny", text)
    message = _error(path)
    assert str(path) in message
    assert "data.transactions: key 'options' is written twice, on lines 7 and 8" in message


def test_a_notebook_listed_twice_is_refused(project):
    path = write_study(project, "tiny", TINY_STUDY + "  fixture_fail: {}\n  fixture_ok: {top_n: 3}\n")
    message = _error(path)
    assert "notebooks: key 'fixture_ok' is written twice, on lines 9 and 11" in message


@pytest.mark.parametrize(("text", "expected"), [
    ("name: tiny\nname: tiny\ndata: {dataset: cdnow}\n", "tiny.yaml: key 'name' is written twice, on lines 1 and 2"),
    ("name: tiny\ndata: {dataset: cdnow, options: {kind: master, kind: sample}}\n",
     "data.options: key 'kind' is written twice, on line 2"),
    ("name: tiny\ndata: {dataset: cdnow}\nwindow:\n  time_unit: W\n  time_unit: D\n",
     "window: key 'time_unit' is written twice, on lines 4 and 5"),
    ("name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok:\n    top_n: 1\n    top_n: 2\n",
     "notebooks.fixture_ok: key 'top_n' is written twice, on lines 5 and 6"),
    ("name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok: {a: [{x: 1, x: 2}]}\n",
     "notebooks.fixture_ok.a[0]: key 'x' is written twice"),
    ("name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok: {1: a, 1.0: b}\n",
     "notebooks.fixture_ok: key 1.0 is written twice"),  # one key to Python: the loader would drop one
])
def test_duplicate_keys_at_any_depth_are_refused(project, text, expected):
    assert expected in _error(write_study(project, "tiny", text))


def test_merged_keys_may_be_overridden(project):
    text = ("name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok: &base {top_n: 2, x: 1}\n"
            "  fixture_fail: {<<: *base, top_n: 5}\n")
    study = load_study(write_study(project, "tiny", text))
    assert study.notebook_parameters("fixture_fail") == {"top_n": 5, "x": 1}


# --------------------------------------------------------------- aliases that never end
def test_aliases_that_expand_to_a_billion_values_are_refused(project):
    """Loaded by reference in no time, they hung whatever showed or passed on the value (messages, papermill).
    Line 10 is the first value over 100,000 (3 * 9**5 items)."""
    levels = "".join(f"    {b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))
    text = "name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok:\n    a: &a [lol, lol, lol]\n" + levels
    message = _error(write_study(project, "tiny", text))
    assert "tiny.yaml: line 10: YAML aliases (*name) expand this value to more than 100,000 values" in message


def test_an_alias_inside_its_own_value_is_refused(project):
    message = _error(write_study(project, "tiny", "name: tiny\ndata: {dataset: cdnow}\n"
                                                  "notebooks: {fixture_ok: {top_n: &a [1, *a]}}\n"))
    assert "line 3: a YAML alias (*name) refers to a value it is inside of" in message


def test_aliases_of_a_few_values_still_load(project):
    text = "name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok: &p {top_n: 3}\n  fixture_fail: *p\n"
    assert load_study(write_study(project, "tiny", text)).notebook_parameters("fixture_fail") == {"top_n": 3}


# -- data preparation (issue 12, contract C2) ----------------------------------------------------------------

SURVEY_CSV = "id,sat1,sat2,y,age,job\nr1,7,8,yes,30,admin.\nr2,999,6,no,17,unknown\nr3,5,,yes,52,Unknown\nr4,9,9,no,41,services\n"
PREPARED_STUDY = """\
name: tiny
data:
  survey:
    path: ../data/survey.csv
    missing_codes: {sat1: [999], job: [unknown]}
    derive:
      satisfaction: {mean: [sat1, sat2], min_items: 1}
      subscribed: {recode: y, map: {"yes": 1, "no": 0}}
    filter: "age >= 18"
    columns: {respondent_id: id}
  transactions:
    path: ../data/orders.csv
    columns: {customer_id: CustID, date: OrderDate, amount: Value}
cleaning: {duplicates: drop}
"""


def test_load_tables_prepares_before_mapping_and_reports_each_step(project):
    data = project / "data" / "survey.csv"
    data.write_text(SURVEY_CSV, encoding="utf-8")
    (project / "data" / "orders.csv").write_text(ORDERS_CSV + "A1,2024-01-03,10.50\n", encoding="utf-8")
    study = load_study(write_study(project, "tiny", PREPARED_STUDY))
    tables = study.load_tables()
    survey = tables["survey"]
    assert isinstance(tables, StudyTables) and isinstance(tables, dict) and sorted(tables) == ["survey", "transactions"]
    assert survey["respondent_id"].tolist() == ["r1", "r3", "r4"]  # r2 is 17
    assert survey["satisfaction"].tolist() == [7.5, 5.0, 9.0] and survey["subscribed"].tolist() == [1, 1, 0]
    assert survey["job"].isna().tolist() == [False, True, False]
    report = tables.preparation
    assert list(report.columns) == list(STEP_COLUMNS)
    assert report[["table", "step", "column", "rows_before", "rows_after", "cells_changed"]].values.tolist() == [
        ["survey", "missing_codes", "sat1", 4, 4, 1],
        ["survey", "missing_codes", "job", 4, 4, 2],
        ["survey", "derive", "satisfaction", 4, 4, 4],
        ["survey", "derive", "subscribed", 4, 4, 4],
        ["survey", "filter", "", 4, 3, 1],
        ["transactions", "cleaning", "", 7, 6, 1],
    ]
    assert data.read_text(encoding="utf-8") == SURVEY_CSV  # the input file is never changed
    note = study.preparation_note()
    assert "in column sat1, the codes 999 count as missing" in note and "exact duplicate rows are dropped" in note
    assert len(study.load_tables(clean=False)["transactions"]) == 7


def test_a_study_without_preparation_has_an_empty_report_and_note(project):
    study = load_study(project / "params" / "tiny.yaml")
    tables = study.load_tables()
    assert tables.preparation.empty and list(tables.preparation.columns) == list(STEP_COLUMNS)
    assert study.preparation_note() == ""


def test_bundled_studies_give_the_same_frames_as_before(project_root, monkeypatch):
    """Before this change, load_tables was load_dataset followed by the cleaning policy: the same frames now."""
    from analysis.datasets import load_dataset
    from analysis.overview import apply_cleaning

    monkeypatch.chdir(project_root)
    for name in ("service_demo", "cdnow"):
        study = load_study(name)
        tables = study.load_tables()
        before = dict(load_dataset(study.data.dataset, **dict(study.data.options)))
        before["transactions"] = apply_cleaning(before["transactions"], study.cleaning)
        assert sorted(tables) == sorted(before)
        for table, frame in before.items():
            pd.testing.assert_frame_equal(tables[table], frame)
        assert tables.preparation.empty or set(tables.preparation["step"]) == {"cleaning"}


def test_after_a_filter_validation_names_the_files_rows(project):
    """Row 1 (age 17) is filtered out; the duplicate ids are the file's rows 2 and 3, not positions 1 and 2."""
    (project / "data" / "s.csv").write_text("id,age\nr1,17\nr2,30\nr2,40\n", encoding="utf-8")
    study = load_study(write_study(project, "tiny", "name: tiny\ndata:\n  survey:\n    path: ../data/s.csv\n"
                                   "    filter: \"age >= 18\"\n    columns: {respondent_id: id}\n"))
    with pytest.raises(AnalysisError, match=r"rows 2, 3 \(values 'r2', 'r2'\)"):
        study.load_tables()


COMPLAINTS_CSV = """Ticket,Cust,Opened,Closed,Outcome,Refund,Kind
T1,A1,2024-01-20,2024-01-22,good,5,billing
T2,B2,2024-02-01,,n/a,-99,delay
T3,C3,2024-03-01,2024-02-28,poor,0,test
"""

LOYALTY_CSV = """Member,From,To,Level,Points
A1,2024-01-05,2024-02-11,base,120
A1,2024-02-11,,silver,-1
B2,2024-01-20,,base,40
"""


def test_complaints_and_memberships_load_through_every_preparation_step(project):
    """Issue 15 (C1): both new tables are declared like any other and take missing_codes, derive, filter,
    columns and their validator's options; load_tables() returns them under their canonical names."""
    (project / "data" / "tickets.csv").write_text(COMPLAINTS_CSV, encoding="utf-8")
    (project / "data" / "loyalty.csv").write_text(LOYALTY_CSV, encoding="utf-8")
    extra = """\
  complaints:
    path: ../data/tickets.csv
    missing_codes: {Refund: [-99]}
    derive:
      recovered: {recode: Outcome, map: {"good": 1, "poor": 0}}
    filter: "Kind != 'test'"
    columns: {complaint_id: Ticket, customer_id: Cust, date: Opened, resolved_date: Closed,
              resolution: Outcome, compensation: Refund, category: Kind}
    options: {future_dates: drop}
  memberships:
    path: ../data/loyalty.csv
    columns: {customer_id: Member, start_date: From, end_date: To, tier: Level, points_earned: Points}
    missing_codes: [-1]
"""
    text = TINY_STUDY.replace("notebooks:\n", extra + "notebooks:\n")
    tables = load_study(write_study(project, "tiny", text)).load_tables()
    complaints, memberships = tables["complaints"], tables["memberships"]
    assert complaints["complaint_id"].tolist() == ["T1", "T2"]  # the filter left out the test ticket
    assert complaints["compensation"].isna().tolist() == [False, True]  # -99 was a missing code
    assert complaints["recovered"].tolist()[0] == 1 and pd.isna(complaints["resolution"].iloc[1])
    assert str(complaints["resolved_date"].dtype) == "datetime64[ns]"
    assert memberships["tier"].tolist() == ["base", "silver", "base"]
    assert memberships["points_earned"].isna().tolist() == [False, True, False]
    steps = tables.preparation
    assert {"complaints", "memberships"} <= set(steps["table"]) and "filter" in set(steps["step"])


def test_a_complaints_file_that_breaks_the_contract_names_the_rows_of_the_file(project):
    (project / "data" / "tickets.csv").write_text(COMPLAINTS_CSV, encoding="utf-8")
    extra = """\
  complaints:
    path: ../data/tickets.csv
    filter: "Kind != 'billing'"
    columns: {complaint_id: Ticket, customer_id: Cust, date: Opened, resolved_date: Closed}
    options: {date_format: "%Y-%m-%d"}
"""
    study = load_study(write_study(project, "tiny", TINY_STUDY.replace("notebooks:\n", extra + "notebooks:\n")))
    with pytest.raises(AnalysisError, match=r"resolved_date': must not be before date; 1 row breaks it: row 3 "):
        study.load_tables()
