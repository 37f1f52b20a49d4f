"""The run date and reuse (issue 14, case 10): every notebook of a run sees one run date
(ANALYSIS_RUN_DATE, set by the runner unless already set) recorded in its manifest
entry, and a study that drops future dates is executed again on another run date
instead of keeping the old "today"."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from study_project import TINY_STUDY, make_project, write_study

from analysis.report.cli import main

pytestmark = pytest.mark.slow

DROPS = TINY_STUDY.replace("    columns: {customer_id: CustID, date: OrderDate, amount: Value}\n",
                           "    columns: {customer_id: CustID, date: OrderDate, amount: Value}\n"
                           "    options: {future_dates: drop}\n")


def _run(monkeypatch, reports, study, run_date: str | None) -> dict:
    if run_date is None:
        monkeypatch.delenv("ANALYSIS_RUN_DATE", raising=False)
    else:
        monkeypatch.setenv("ANALYSIS_RUN_DATE", run_date)
    result = CliRunner().invoke(main, ["run", "--study", str(study), "--reports-dir", str(reports)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    manifest = json.loads((reports / study.stem / "manifest.json").read_text(encoding="utf-8"))
    return manifest["notebooks"]["fixture_ok"]


def _finding(reports, study) -> str:
    return json.loads((reports / study.stem / "fixture_ok" / "findings.json").read_text(encoding="utf-8"))["findings"]["n_rows"]["text"]


def test_a_study_that_drops_future_dates_runs_again_on_another_run_date(tmp_path, monkeypatch):
    project = make_project(tmp_path / "proj")
    study = write_study(project, "tiny", DROPS)
    reports = tmp_path / "reports"

    first = _run(monkeypatch, reports, study, "2024-02-29")
    assert first["run_date"] == "2024-02-29" and first["fingerprint"]["run_date"] == "2024-02-29"
    # orders more than a day after 29 February (2 and 30 March) dropped
    assert _finding(reports, study) == "fixture: 4 transactions from 3 customers."
    assert _run(monkeypatch, reports, study, "2024-02-29")["reused"] is True  # same day: nothing changed

    later = _run(monkeypatch, reports, study, "2024-04-01")
    assert later["reused"] is False and later["run_date"] == "2024-04-01"
    assert _finding(reports, study) == "fixture: 6 transactions from 3 customers."


def test_a_study_that_keeps_future_dates_out_is_reused_on_any_run_date(tmp_path, monkeypatch):
    project = make_project(tmp_path / "proj")
    study = project / "params" / "tiny.yaml"  # refuses future dates (the default): its results do not move
    reports = tmp_path / "reports"
    first = _run(monkeypatch, reports, study, None)
    assert first["run_date"] == date.today().isoformat() and "run_date" not in first["fingerprint"]
    again = _run(monkeypatch, reports, study, "2099-01-01")
    assert again["reused"] is True and again["run_date"] == first["run_date"]  # the date its results saw
