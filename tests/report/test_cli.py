"""The `analysis` command: bad input gives a message and exit code 2, never a traceback,
and never starts a kernel (these tests run no notebook)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from study_project import TINY_STUDY, make_project, write_study

from analysis.report.cli import main


@pytest.fixture()
def project(tmp_path: Path, monkeypatch) -> Path:
    root = make_project(tmp_path / "proj")
    monkeypatch.chdir(root)
    return root


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_list_shows_studies_and_notebook_parameters(project):
    result = _invoke("list")
    assert result.exit_code == 0, result.output
    assert "tiny: A tiny test study" in result.output
    assert "notebooks: fixture_ok" in result.output
    assert "top_n = 3  # rows in the head table" in result.output
    assert "fail = True" in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--study", "tinyy"], "did you mean 'tiny'"),
        (["--notebook", "fixture_okk"], "did you mean 'fixture_ok'"),
        (["-p", "topn=5"], "no notebook to run has a parameter 'topn'; did you mean 'top_n'"),
        (["-p", "top_n=five"], "parameter 'top_n' of notebook fixture_ok expects an integer"),
        (["-p", "top_n"], "expected name=value"),
        (["-p", "study=x.yaml"], "set by the runner"),
        (["--study", "missing.yaml"], "study file not found"),
    ],
)
def test_bad_input_is_a_usage_error_before_any_kernel(project, tmp_path, args, words):
    reports = tmp_path / "reports"
    result = _invoke("run", *args, "--reports-dir", str(reports))
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert not reports.exists()  # nothing ran


def test_a_bad_override_for_one_notebook_stops_all(project, tmp_path):
    reports = tmp_path / "reports"
    result = _invoke("run", "--notebook", "fixture_ok", "--notebook", "fixture_fail", "-p", "top_n=1",
                     "-p", "fail=maybe", "--reports-dir", str(reports))
    assert result.exit_code == 2 and "parameter 'fail' of notebook fixture_fail" in result.output
    assert "run [OPTIONS]" in result.output  # the usage of the run command, not of the group
    assert not reports.exists()


def test_study_file_error_is_a_message(project, tmp_path):
    (project / "params" / "tiny.yaml").write_text("name: tiny\ndata: {dataset: x}\ntitel: t\n", encoding="utf-8")
    result = _invoke("run", "--reports-dir", str(tmp_path / "r"))
    assert result.exit_code == 2 and "unknown key 'titel'; did you mean 'title'" in result.output


def test_python_dash_m_analysis(project_root):
    done = subprocess.run([sys.executable, "-m", "analysis", "run", "--help"], capture_output=True, text=True,
                          cwd=project_root, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--hide-code / --show-code" in done.stdout and "--notebooks-dir" in done.stdout


BROKEN_YAML = "name: broken\ndata: [unclosed\n"


def test_list_shows_every_study_with_its_status(project):
    write_study(project, "broken", BROKEN_YAML)
    write_study(project, "mistyped", TINY_STUDY.replace("name: tiny", "name: mistyped").replace("{top_n: 2}",
                                                                                               "{top_n: two}"))
    result = _invoke("list")
    assert result.exit_code == 2, result.output
    assert "  broken: INVALID\n    " in result.output and "broken.yaml: not valid YAML" in result.output
    assert "  mistyped: INVALID\n    " in result.output and "expects an integer (int)" in result.output
    assert "  tiny: A tiny test study\n    notebooks: fixture_ok" in result.output
    assert "Notebooks (" in result.output and "top_n = 3" in result.output  # the listing went on


@pytest.mark.slow
def test_run_runs_the_valid_studies_and_names_the_invalid_ones(project, tmp_path):
    write_study(project, "broken", BROKEN_YAML)
    reports = tmp_path / "reports"
    result = _invoke("run", "--reports-dir", str(reports))
    assert result.exit_code == 2, result.output
    assert "[1/1] tiny/fixture_ok: ok" in result.output and (reports / "tiny" / "fixture_ok.html").is_file()
    assert "1 invalid study file(s), not run:\n  broken.yaml: " in result.output
    assert "broken.yaml: not valid YAML" in result.output


def test_only_invalid_studies_is_a_usage_error(project, tmp_path):
    (project / "params" / "tiny.yaml").unlink()
    write_study(project, "broken", BROKEN_YAML)
    result = _invoke("run", "--reports-dir", str(tmp_path / "reports"))
    assert result.exit_code == 2 and "1 invalid study file(s), not run:" in result.output
    assert not (tmp_path / "reports").exists()


def test_a_reports_dir_that_cannot_be_written_is_a_message(project, tmp_path):
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    result = _invoke("run", "--reports-dir", str(tmp_path / "a_file" / "reports"))
    assert result.exit_code == 1, result.output
    assert "Error: cannot write reports into" in result.output and "a_file/reports: Not a directory" in result.output
    assert "running" not in result.output  # said before anything started


def test_a_run_date_that_is_no_date_is_a_message(project, tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "tomorrow")
    result = _invoke("run", "--reports-dir", str(tmp_path / "reports"))
    assert result.exit_code == 1 and "ANALYSIS_RUN_DATE" in result.output and "'tomorrow'" in result.output
    assert not (tmp_path / "reports" / "index.html").exists()  # no kernel started, nothing written


def test_index_command_rebuilds_the_index(project, tmp_path):
    reports = tmp_path / "reports"
    result = _invoke("index", "--reports-dir", str(reports))
    assert result.exit_code == 0 and result.output.strip() == str(reports / "index.html")
    assert "No reports yet" in (reports / "index.html").read_text(encoding="utf-8")


# issue 12: `analysis check`, the one pre-run check of `analysis run`, skipped notebooks, `analysis init`

def _no_kernel(monkeypatch) -> list:
    """Make papermill fail the test if a kernel would start; returns the notebooks it was asked for."""
    import papermill

    asked: list = []

    def refuse(path, *args, **kwargs):
        asked.append(Path(path).stem)
        raise AssertionError("a kernel would have started")

    monkeypatch.setattr(papermill, "execute_notebook", refuse)
    return asked


def test_check_prints_what_runs_and_exits_0_without_a_kernel(project, monkeypatch):
    asked = _no_kernel(monkeypatch)
    result = _invoke("check")
    assert result.exit_code == 0, result.output
    assert "tiny (" in result.output and "tables: transactions (6 rows)" in result.output
    assert "  run   fixture_ok" in result.output and "0 problem(s)" in result.output
    assert asked == []


def test_check_refuses_bad_data_and_names_the_column(project, monkeypatch):
    asked = _no_kernel(monkeypatch)
    (project / "data" / "orders.csv").write_text("CustID,OrderDate,Value\nA1,2024-01-03,ten\n", encoding="utf-8")
    result = _invoke("check", "--study", "tiny")
    assert result.exit_code == 2, result.output
    assert "  DATA  " in result.output and "amount" in result.output and "1 problem(s)" in result.output
    assert asked == []


def test_run_records_a_notebook_without_its_inputs_as_skipped(project, tmp_path, monkeypatch):
    from analysis.report import requirements as rq

    asked = _no_kernel(monkeypatch)
    monkeypatch.setitem(rq.NEEDS, "fixture_ok", (rq.Need({"survey": ()}),))
    reports = tmp_path / "reports"
    result = _invoke("run", "--reports-dir", str(reports))
    assert result.exit_code == 0, result.output
    assert "tiny/fixture_ok: skipped" in result.output and "needs a survey table" in result.output
    assert "0 failed, 1 skipped" in result.output and asked == []
    entry = json.loads((reports / "tiny" / "manifest.json").read_text(encoding="utf-8"))["notebooks"]["fixture_ok"]
    assert entry["status"] == "skipped" and "the study has transactions" in entry["reason"]
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "1 skipped (the study lacks their inputs)" in index and "needs a survey table" in index


def test_run_gives_bad_data_one_error_and_starts_no_kernel_for_that_study(project, tmp_path, monkeypatch):
    asked = _no_kernel(monkeypatch)
    write_study(project, "tiny", TINY_STUDY.replace("  fixture_ok: {top_n: 2}", "  fixture_ok: {top_n: 2}\n  fixture_fail: {}"))
    (project / "data" / "orders.csv").write_text("CustID,OrderDate,Value\nA1,2024-01-03,ten\n", encoding="utf-8")
    reports = tmp_path / "reports"
    result = _invoke("run", "--reports-dir", str(reports))
    assert result.exit_code == 2, result.output
    assert asked == []
    assert result.output.count("DataValidationError") == 1  # said once, not once per notebook
    assert "tiny/fixture_ok: failed" in result.output and "tiny/fixture_fail: failed" in result.output
    entries = json.loads((reports / "tiny" / "manifest.json").read_text(encoding="utf-8"))["notebooks"]
    assert {e["error"]["name"] for e in entries.values()} == {"DataValidationError"}
    assert all(e["before_run"] for e in entries.values())
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "Stopped by the check before any kernel started" in index
    # no data were hashed for these runs: the card must not claim the study reads no input files
    assert "no input files" not in index


def test_init_calls_write_starter_and_says_what_next(project, tmp_path, monkeypatch):
    import sys as system
    import types

    calls = []

    def write_starter(files, *, output=None, name=None, force=False):
        calls.append((files, output, name, force))
        return tmp_path / "params" / "mine.yaml"

    monkeypatch.setitem(system.modules, "analysis.study.starter", types.SimpleNamespace(write_starter=write_starter))
    result = _invoke("init", str(project / "data" / "orders.csv"), "--name", "mine", "--force")
    assert result.exit_code == 0, result.output
    assert calls == [([project / "data" / "orders.csv"], None, "mine", True)]
    assert f"wrote {tmp_path / 'params' / 'mine.yaml'}" in result.output
    assert "analysis check --study" in result.output


def test_check_says_a_warning_of_the_data_once_as_a_note(project, monkeypatch):
    _no_kernel(monkeypatch)
    write_study(project, "tiny", TINY_STUDY.replace("amount: Value}", "amount: Value}\n    options: {future_dates: drop}"))
    monkeypatch.setenv("ANALYSIS_RUN_DATE", "2024-02-29")
    result = _invoke("check", "--study", "tiny")
    assert result.exit_code == 0, result.output
    assert result.output.count("  note: Dropped 2 of 6 rows") == 1 and "AnalysisWarning" not in result.output


def test_list_says_what_each_notebook_needs(project, project_root):
    result = _invoke("list", "--notebooks-dir", str(project_root / "notebooks"))
    assert "  03_satisfaction_drivers\n    needs a survey table\n" in result.output
    assert "customers table with the column(s) recency_days, frequency" in result.output
