"""The data: section's paths stay inside the study's folders unless the study lists others (issue 14, case 7).

A study file is text anyone can hand over; reading ``../../../../etc/passwd``
through it copied the file's first line into the error, the index and the manifest.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from study_project import ORDERS_CSV, TINY_STUDY, make_project, write_study

from analysis.errors import StudyConfigError
from analysis.study import load_study
from analysis.study.data import data_roots

PASSWD = Path("/etc/passwd")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


@pytest.fixture()
def outside(tmp_path: Path) -> Path:
    """A folder beside the project holding a readable orders file and a secret."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
    (folder / "secret.csv").write_text("token-4711,x\n1,2\n", encoding="utf-8")
    return folder


def _error(path: Path) -> str:
    with pytest.raises(StudyConfigError) as info:
        load_study(path)
    return str(info.value)


def _with_path(project: Path, data_path: str, extra: str = "", columns: bool = True) -> Path:
    text = TINY_STUDY.replace("../data/orders.csv", data_path)
    if not columns:
        text = text.replace("    columns: {customer_id: CustID, date: OrderDate, amount: Value}\n", "    format: csv\n")
    return write_study(project, "tiny", extra + text)


@pytest.mark.skipif(not PASSWD.is_file(), reason="no /etc/passwd on this system")
@pytest.mark.parametrize("columns", [True, False])
def test_a_path_up_to_etc_passwd_is_refused_without_reading_it(project, columns):
    first_line = PASSWD.read_text(encoding="utf-8", errors="replace").splitlines()[0]
    for written in ("../" * 30 + "etc/passwd", "/etc/passwd"):
        message = _error(_with_path(project, written, columns=columns))
        assert "data.transactions.path: /etc/passwd" in message and "is outside the folders" in message
        assert "allowed_roots" in message
        assert first_line not in message and first_line.split(":")[0] + ":" not in message


def test_a_symlink_inside_the_project_to_a_file_outside_is_refused(project, outside):
    (project / "data" / "link.csv").symlink_to(outside / "secret.csv")
    message = _error(_with_path(project, "../data/link.csv"))
    assert f"{(outside / 'secret.csv').resolve()} (written '../data/link.csv') is outside" in message
    assert "token-4711" not in message


def test_a_symlink_to_a_file_inside_is_followed(project):
    (project / "data" / "link.csv").symlink_to(project / "data" / "orders.csv")
    spec = load_study(_with_path(project, "../data/link.csv")).data.tables["transactions"]
    assert spec.path == (project / "data" / "orders.csv").resolve()


def test_allowed_roots_opens_a_folder_outside(project, outside):
    refused = _error(_with_path(project, str(outside / "orders.csv")))
    assert f"allowed_roots: [{outside.resolve()}]" in refused  # the message says what to write
    relative = os.path.relpath(outside, project / "params")
    study = load_study(_with_path(project, str(outside / "orders.csv"), extra=f"allowed_roots: [{relative}]\n"))
    tx = study.load_tables()["transactions"]
    assert tx["amount"].sum() == pytest.approx(97.5)  # the six orders of ORDERS_CSV, by hand
    # another folder outside stays closed
    (outside.parent / "other").mkdir()
    (outside.parent / "other" / "orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
    message = _error(_with_path(project, "../../other/orders.csv", extra=f"allowed_roots: [{relative}]\n"))
    assert "is outside the folders" in message and str(outside.resolve()) in message


@pytest.mark.parametrize(("value", "expected"), [
    ("[../nowhere]", "allowed_roots[0]: folder not found"),
    ("../data", "allowed_roots: expected a list of folders"),
    ("[1]", "allowed_roots: expected a list of folders"),
])
def test_allowed_roots_must_be_existing_folders(project, value, expected):
    assert expected in _error(_with_path(project, "../data/orders.csv", extra=f"allowed_roots: {value}\n"))


def test_roots_are_the_study_folder_and_its_project(project, tmp_path):
    params = (project / "params").resolve()
    assert data_roots(None, params / "tiny.yaml") == (params, project.resolve())
    (params / "examples").mkdir()
    assert data_roots(None, params / "examples" / "x.yaml") == (params / "examples", project.resolve())
    loose = tmp_path / "loose"
    loose.mkdir()
    assert data_roots(None, loose / "x.yaml") == (loose.resolve(),)  # no params/ folder: no project


def test_a_study_outside_a_project_reads_its_own_folder_only(tmp_path):
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
    (tmp_path / "orders.csv").write_text(ORDERS_CSV, encoding="utf-8")
    text = TINY_STUDY.replace("../data/orders.csv", "orders.csv").replace("notebooks:\n  fixture_ok: {top_n: 2}\n", "")
    (loose / "tiny.yaml").write_text(text, encoding="utf-8")
    assert load_study(loose / "tiny.yaml").data.tables["transactions"].path == (loose / "orders.csv").resolve()
    (loose / "tiny.yaml").write_text(text.replace("orders.csv", "../orders.csv"), encoding="utf-8")
    assert "is outside the folders" in _error(loose / "tiny.yaml")


def _lazy(project: Path, data_path: str, extra: str = "") -> Path:
    text = TINY_STUDY.replace("    path: ../data/orders.csv\n    columns: {customer_id: CustID, date: OrderDate, "
                              "amount: Value}\n", f"    path: {data_path}\n    engine: duckdb\n{extra}")
    return write_study(project, "tiny", text)


def test_a_log_kept_on_disk_stays_inside_too(project, outside):
    log = project / "data" / "log"
    log.mkdir()
    frame = pd.DataFrame({"customer_id": ["a"], "date": [pd.Timestamp("2024-01-01")], "amount": [1.0]})
    frame.to_parquet(log / "part-0.parquet")
    assert load_study(_lazy(project, "../data/log/*.parquet")).transaction_log() is not None
    message = _error(_lazy(project, f"{outside}/*.csv"))
    assert f"data.transactions.path: {outside.resolve()} (written '{outside}/*.csv') is outside" in message
    frame.to_parquet(outside / "part-1.parquet")
    (log / "part-1.parquet").symlink_to(outside / "part-1.parquet")  # a link in the folder pointing out
    message = _error(_lazy(project, "../data/log/*.parquet"))
    assert f"{(outside / 'part-1.parquet').resolve()}" in message and "is outside" in message
    (log / "part-1.parquet").unlink()
    message = _error(_lazy(project, "../data/log/*.parquet", extra=f"    temp_directory: {outside}\n"))
    assert "data.transactions.temp_directory" in message and "is outside" in message


@pytest.mark.parametrize(("entry", "key"), [
    ('    path: "../data/orders.csv\\0"\n', "data.transactions.path: expected the path of a data file"),
    ('    path: "../data/*.csv\\0"\n    engine: duckdb\n', "data.transactions.path: expected the path of a data file"),
    ('    path: "../data/*.csv"\n    engine: duckdb\n    temp_directory: "\\0"\n',
     "data.transactions.temp_directory: expected the path of a folder"),
])
def test_a_path_with_a_nul_character_is_a_study_error(project, entry, key):
    """Found by the property tests: a NUL in a path ("\\0" in YAML) raised ValueError: embedded null byte."""
    text = TINY_STUDY.replace("    path: ../data/orders.csv\n    columns: {customer_id: CustID, date: OrderDate, "
                              "amount: Value}\n", entry)
    assert key in _error(write_study(project, "tiny", text))


@pytest.mark.parametrize(("entry", "expected"), [
    ("    encoding: x\n", "data.transactions.encoding: unknown encoding 'x'; for example gb18030"),
    ("    encoding: 5\n", "data.transactions.encoding: unknown encoding 5"),
    ("    sep: 5\n", "data.transactions.sep: expected the separator as text"),
    ("    sheet: [1]\n", "data.transactions.sheet: expected a sheet name or its position"),
])
def test_reader_options_are_checked_before_the_header_is_read(project, entry, expected):
    """Found by the property tests: encoding: x raised LookupError while the column names were read."""
    text = TINY_STUDY.replace("    columns:", entry + "    columns:")
    assert expected in _error(write_study(project, "tiny", text))


def test_odd_keys_are_quoted_in_the_key_path(project):
    message = _error(write_study(project, "tiny", TINY_STUDY.replace("  transactions:", "  ' ':")))
    assert "data.' ': unknown table ' '" in message


@pytest.mark.parametrize(("suffix", "content", "expected"), [
    (".xlsx", b"PK\x03\x04garbage", "data.transactions.path: cannot read the column names of"),
    (".xls", b"PK\x03\x04garbage", "data.transactions.path: "),
    (".parquet", b"PAR1garbagePAR1", "data.transactions.path: cannot read the column names of"),
])
def test_a_broken_workbook_or_parquet_file_is_a_study_error(project, suffix, content, expected):
    """A file that starts like a zip archive raised zipfile.BadZipFile from the header check."""
    (project / "data" / f"orders{suffix}").write_bytes(content)
    assert expected in _error(_with_path(project, f"../data/orders{suffix}"))


def test_a_missing_sheet_names_the_sheets(project):
    pd.read_csv(project / "data" / "orders.csv").to_excel(project / "data" / "orders.xlsx", sheet_name="Orders",
                                                          index=False)
    message = _error(_with_path(project, "../data/orders.xlsx\n    sheet: Order"))
    assert "data.transactions.sheet: orders.xlsx has no sheet 'Order'; its sheets are 'Orders'" in message
    for sheet in ("Orders", "0"):
        assert load_study(_with_path(project, f"../data/orders.xlsx\n    sheet: {sheet}")).data.tables


def test_a_date_format_pandas_cannot_read_stops_the_study_before_any_kernel(project):
    """It was accepted by load_study and failed inside the notebook, naming no key of the study."""
    text = TINY_STUDY.replace("    columns:", "    options: {date_format: '%Q'}\n    columns:")
    message = _error(write_study(project, "tiny", text))
    assert "data.transactions.options.date_format: date_format '%Q' is not a date format" in message
    text = TINY_STUDY.replace("    columns:", "    options: {date_format: '%Y-%m-%d'}\n    columns:")
    assert load_study(write_study(project, "tiny", text)).load_tables()["transactions"]["date"].notna().all()


def test_a_log_kept_on_disk_takes_the_future_dates_option(project, monkeypatch):
    """Issue 14 (case 6): a study could not ask a log on disk to drop future dates, because every
    option of such a table was refused; future_dates is the one that applies there."""
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-06-30")
    log = project / "data" / "log"
    log.mkdir()
    frame = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2031-01-01"]),
                          "amount": [1.0, 2.0]})
    frame.to_parquet(log / "part-0.parquet")
    study = load_study(_lazy(project, "../data/log/*.parquet", extra="    options: {future_dates: drop}\n"))
    assert study.transaction_log().last_day() == pd.Timestamp("2024-01-01")
    message = _error(_lazy(project, "../data/log/*.parquet", extra="    options: {future_dates: later}\n"))
    assert "data.transactions.options.future_dates" in message and "drop" in message
    message = _error(_lazy(project, "../data/log/*.parquet", extra="    options: {drop_invalid_amounts: true}\n"))
    assert "'drop_invalid_amounts': only future_dates applies to a table kept on disk" in message


# -- data preparation keys (issue 12, contract C2) ---------------------------------------------------------

SURVEY_CSV = "id,sat1,sat2,y,age\nr1,7,8,yes,30\nr2,999,6,no,17\nr3,5,,yes,52\n"


def _survey_study(project: Path, table_text: str, extra: str = "") -> Path:
    (project / "data" / "survey.csv").write_text(SURVEY_CSV, encoding="utf-8")
    return write_study(project, "tiny", f"name: tiny\n{extra}data:\n  survey:\n    path: ../data/survey.csv\n"
                       + "".join(f"    {line}\n" for line in table_text.strip().splitlines()))


def test_preparation_keys_are_parsed_and_a_mapping_may_name_a_derived_column(project):
    study = load_study(_survey_study(project, """
missing_codes: {sat1: [999]}
derive: {satisfaction: {mean: [sat1, sat2], min_items: 1}, subscribed: {recode: y, map: {"yes": 1, "no": 0}}}
filter: "age >= 18"
columns: {respondent_id: id, overall: satisfaction}
"""))
    spec = study.data.tables["survey"]
    assert spec.preparation.derived_names == ("satisfaction", "subscribed")
    assert dict(spec.preparation.missing_codes) == {"sat1": (999,)} and spec.preparation.filter.text == "age >= 18"
    assert dict(spec.columns) == {"respondent_id": "id", "overall": "satisfaction"}


def test_a_table_without_preparation_has_none(project):
    assert not load_study(project / "params" / "tiny.yaml").data.tables["transactions"].preparation.declared


@pytest.mark.parametrize("table_text, expected", [
    ("derived: {s: {sum: [sat1]}}", "data.survey.derived: unknown key 'derived'; did you mean 'derive'?"),
    ("derive: {s: {mean: [sat1, sat3]}}", "data.survey.derive.s.mean[1]: column 'sat3' is not in the file"),
    ("derive: {age: {sum: [sat1]}}", "data.survey.derive.age: the file already has a column 'age'"),
    ("missing_codes: {sat3: [999]}", "data.survey.missing_codes.sat3: column 'sat3' is not in the file"),
    ("filter: \"open('x')\"", "data.survey.filter: the function 'open' is not available"),
    ("columns: {respondent_id: idd}", "data.survey.columns.respondent_id: column 'idd' is not in survey.csv"),
])
def test_preparation_mistakes_stop_the_study_before_any_data_is_read(project, table_text, expected):
    message = _error(_survey_study(project, table_text))
    assert expected in message and message.startswith(str(project / "params" / "tiny.yaml"))


def test_preparation_of_a_table_kept_on_disk_is_refused(project):
    path = write_study(project, "tiny", TINY_STUDY.replace("    columns:", "    engine: duckdb\n"
                                                           "    derive: {x: {expr: 'Value * 2'}}\n    columns:"))
    message = _error(path)
    assert "data.transactions.derive: data preparation (missing_codes, derive, filter) is not available" in message
    assert "engine: duckdb" in message


def test_preparation_of_a_dataset_study_is_refused(project):
    path = write_study(project, "tiny", "name: tiny\ndata:\n  dataset: service_demo\n  filter: \"amount > 0\"\n")
    message = _error(path)
    assert "data.filter: data preparation (missing_codes, derive, filter) applies to tables read from files" in message
