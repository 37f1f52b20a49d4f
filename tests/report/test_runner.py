"""End to end: `analysis run` executes real notebooks (kernel "service-analytics") into a
reports folder; plus the runner's planning rules and the index page, which need no kernel."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from study_project import TINY_STUDY, make_project, write_study

from analysis.errors import NotebookParameterError, ReportError, StudyConfigError
from analysis.report.cli import main
from analysis.report.index import render_index
from analysis.report.manifest import study_record
from analysis.report.parameters import parse_cli_parameters
from analysis.report.runner import plan_runs, run_plans, select_notebooks
from analysis.study import load_study

BOTH = TINY_STUDY.replace("  fixture_ok: {top_n: 2}", "  fixture_ok: {top_n: 2}\n  fixture_fail: {fail: %s}")


def _run(*args: str):
    result = CliRunner().invoke(main, ["run", *args])
    assert "Traceback" not in result.output, result.output
    return result


def _manifest(reports: Path) -> dict:
    return json.loads((reports / "tiny" / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_run_success_then_failure_keeps_the_previous_good_report(tmp_path):
    project = make_project(tmp_path / "proj")
    study = write_study(project, "tiny", BOTH % "false")
    reports = tmp_path / "reports"
    leftover = reports / ".staging" / "tiny" / "fixture_ok"
    leftover.mkdir(parents=True)  # as an interrupted run would leave it

    # 1. both notebooks succeed
    first = _run("--study", str(study), "--reports-dir", str(reports))
    assert first.exit_code == 0, first.output
    assert "tiny/fixture_ok: ok" in first.output and "1 check(s) failed or warn (see its Checks)" in first.output
    assert "not in their tables" not in first.output  # its one finding cites what its table holds
    assert not (reports / ".staging").exists()
    out = reports / "tiny"
    for name in ("fixture_ok.html", "fixture_ok.ipynb", "fixture_fail.html", "manifest.json"):
        assert (out / name).is_file(), name
    head = (out / "fixture_ok" / "tables" / "head.csv").read_text(encoding="utf-8").splitlines()
    assert len(head) == 1 + 2  # header + top_n=2 rows from the study's per-notebook parameters
    assert (out / "fixture_ok" / "figures" / "amounts.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads((out / "fixture_ok" / "findings.json").read_text())["findings"]["n_rows"]["text"] == \
        "fixture: 6 transactions from 3 customers."
    assert "load_tables" in (out / "fixture_ok.html").read_text(encoding="utf-8")  # code shown by default

    manifest = _manifest(reports)
    assert manifest["window"] == load_study(study).window.as_dict()  # the study's window, recorded once
    assert manifest["window"]["observation_end"] is None  # tiny sets none: the last transaction
    ok = manifest["notebooks"]["fixture_ok"]
    assert ok["status"] == "ok" and ok["reused"] is False and ok["error"] is None
    assert ok["parameters"]["top_n"] == 2 and ok["parameters"]["study"] == str(study.resolve())
    expected_sha = hashlib.sha256((project / "data" / "orders.csv").read_bytes()).hexdigest()
    assert [f["sha256"] for f in ok["input_files"]] == [expected_sha]
    assert datetime.fromisoformat(ok["started"]).utcoffset().total_seconds() == 0
    assert ok["duration_s"] > 0 and ok["environment"]["python"].count(".") == 2
    assert ok["outputs"]["figures"]["amounts"] == {"path": "fixture_ok/figures/amounts.png",
                                                   "alt": "Amount per transaction"}
    good_page = (out / "fixture_fail.html").read_bytes()
    assert (out / "fixture_fail" / "tables" / "partial.csv").read_text().splitlines()[1].endswith("complete")

    # 2. the study now makes fixture_fail raise; fixture_ok still runs
    write_study(project, "tiny", BOTH % "true")
    second = _run("--study", str(study), "--reports-dir", str(reports), "--hide-code")
    assert second.exit_code == 1, second.output
    assert re.search(r"tiny/fixture_fail: failed \(\d+\.\d s\): ValueError: deliberate failure", second.output)
    assert re.search(r"tiny/fixture_ok: ok \(\d+\.\d s\)", second.output)
    failed = _manifest(reports)["notebooks"]["fixture_fail"]
    assert failed["status"] == "failed"
    assert failed["error"]["name"] == "ValueError"
    assert failed["error"]["message"] == "deliberate failure for the test"
    assert "raise ValueError" in failed["error"]["cell"]["source"]
    assert failed["last_good"]["status"] == "ok" and failed["last_good"]["html"] == "fixture_fail.html"
    assert (out / "fixture_fail.failed.ipynb").is_file() and (out / "fixture_fail.failed.html").is_file()
    # the good report and its tables are untouched, not replaced by the half-written ones
    assert (out / "fixture_fail.html").read_bytes() == good_page
    assert (out / "fixture_fail" / "tables" / "partial.csv").read_text().splitlines()[1].endswith("complete")
    assert _manifest(reports)["notebooks"]["fixture_ok"]["status"] == "ok"
    assert "load_tables" not in (out / "fixture_ok.html").read_text(encoding="utf-8")  # --hide-code

    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "ValueError: deliberate failure for the test" in index
    assert 'href="tiny/fixture_fail.failed.html"' in index and 'href="tiny/fixture_fail.html"' in index
    assert 'href="tiny/fixture_ok/tables/head.csv"' in index
    assert "fixture: 6 transactions from 3 customers." in index and expected_sha[:16] in index
    assert "http://" not in index and "https://" not in index  # self-contained

    # 3. fixed again: only that notebook runs; the failure files are removed
    write_study(project, "tiny", BOTH % "false")
    third = _run("--study", str(study), "--notebook", "fixture_fail", "--reports-dir", str(reports))
    assert third.exit_code == 0, third.output
    assert not (out / "fixture_fail.failed.ipynb").exists() and not (out / "fixture_fail.failed.html").exists()
    assert _manifest(reports)["notebooks"]["fixture_fail"]["status"] == "ok"


# -- planning: no kernel ---------------------------------------------------------


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj")


def test_plan_uses_study_parameters_then_overrides(project):
    study = load_study(project / "params" / "tiny.yaml")
    (plan,) = plan_runs([study])
    assert plan.notebook == "fixture_ok" and dict(plan.parameters) == {"top_n": 2}
    (plan,) = plan_runs([study], overrides={"top_n": 4, "scale": 2})
    assert dict(plan.parameters) == {"top_n": 4, "scale": 2}


def test_date_parameters_from_the_study_and_the_command_line(project):
    text = TINY_STUDY.replace("{top_n: 2}", "{top_n: 2, observation_end: 2024-03-01}")
    text = text.replace("notebooks:", "window: {observation_end: 2024-03-30}\nnotebooks:")
    study = load_study(write_study(project, "tiny", text))
    (plan,) = plan_runs([study])
    assert dict(plan.parameters) == {"top_n": 2, "observation_end": "2024-03-01"}  # a YAML date becomes text
    overrides = parse_cli_parameters(["observation_end=1998-06-30"])
    (plan,) = plan_runs([study], overrides=overrides)
    assert plan.parameters["observation_end"] == "1998-06-30"
    (plan,) = plan_runs([study], overrides=parse_cli_parameters(["observation_end=null"]))
    assert plan.parameters["observation_end"] is None  # None: the study's window
    with pytest.raises(NotebookParameterError, match=r"'observation_end' of notebook fixture_ok expects text"):
        plan_runs([study], overrides={"observation_end": 5})


def test_window_parameters_are_checked_before_any_kernel_starts(project):
    text = TINY_STUDY.replace("notebooks:", "window: {observation_end: '2024-03-30', calibration_end: '2024-02-01'}\n"
                                            "notebooks:")
    study = load_study(write_study(project, "tiny", text))
    (plan,) = plan_runs([study], overrides={"observation_end": "2024-03-15"})  # still after the calibration end
    assert plan.parameters["observation_end"] == "2024-03-15"
    with pytest.raises(NotebookParameterError, match=r"^-p: notebook fixture_ok: calibration_end \(2024-02-01\) "
                                                     r"must be before observation_end \(2024-01-15\)"):
        plan_runs([study], overrides={"observation_end": "2024-01-15"})
    with pytest.raises(NotebookParameterError, match=r"^-p: notebook fixture_ok: observation_end must be a date"):
        plan_runs([study], overrides={"observation_end": "mid-March"})
    own = text.replace("{top_n: 2}", "{top_n: 2, observation_end: '2023-12-31'}")
    bad = load_study(write_study(project, "tiny", own))
    message = r"tiny.yaml notebooks.fixture_ok: notebook fixture_ok: calibration_end"
    with pytest.raises(NotebookParameterError, match=message):
        plan_runs([bad])


def test_manifest_study_record_holds_the_window(project):
    text = TINY_STUDY.replace("notebooks:", "window: {observation_end: '2024-03-30', time_unit: D}\nnotebooks:")
    record = study_record(load_study(write_study(project, "tiny", text)))
    assert record["study"] == "tiny" and record["title"] == "A tiny test study"
    assert record["window"]["observation_end"] == "2024-03-30" and record["window"]["time_unit"] == "D"
    assert record["window"]["observation_end_source"] == "study" and record["window"]["calibration_end"] is None
    json.dumps(record)  # plain values


def test_repeated_notebooks_run_once_and_notebooks_dir_is_honoured(project, tmp_path):
    study = load_study(project / "params" / "tiny.yaml")
    plans = plan_runs([study], notebooks=["fixture_ok", "fixture_ok.ipynb", "fixture_ok"])
    assert [p.notebook for p in plans] == ["fixture_ok"]
    other = tmp_path / "other_notebooks"
    other.mkdir()
    (other / "fixture_ok.ipynb").write_bytes((project / "notebooks" / "fixture_ok.ipynb").read_bytes())
    (plan,) = plan_runs([study], notebooks=["fixture_ok"], notebooks_dir=other)
    assert plan.notebook_path == other / "fixture_ok.ipynb"
    with pytest.raises(StudyConfigError, match=r"no notebook fixture_fail.ipynb in .*other_notebooks"):
        plan_runs([study], notebooks=["fixture_fail"], notebooks_dir=other)


def test_missing_kernel_is_reported_before_anything_runs(project, tmp_path):
    plans = plan_runs([load_study(project / "params" / "tiny.yaml")])
    with pytest.raises(ReportError, match=r"kernel 'no-such-kernel' is not installed; run `make kernel`"):
        run_plans(plans, reports_dir=tmp_path / "reports", kernel_name="no-such-kernel")
    assert not (tmp_path / "reports").exists()


def test_study_listing_no_notebooks_runs_all(project):
    path = write_study(project, "tiny", TINY_STUDY.split("notebooks:")[0])
    study = load_study(path)
    assert select_notebooks(study, study.notebooks_dir) == ["fixture_fail", "fixture_ok"]
    assert [p.notebook for p in plan_runs([study])] == ["fixture_fail", "fixture_ok"]


def test_overrides_go_to_the_notebooks_that_declare_them(project):
    study = load_study(project / "params" / "tiny.yaml")
    plans = plan_runs([study], notebooks=["fixture_ok", "fixture_fail"], overrides={"top_n": 1, "fail": False})
    assert [dict(p.parameters) for p in plans] == [{"top_n": 1}, {"fail": False}]


def test_override_no_notebook_declares_is_refused(project):
    study = load_study(project / "params" / "tiny.yaml")
    with pytest.raises(NotebookParameterError, match=r"-p topn: no notebook to run .*did you mean 'top_n'"):
        plan_runs([study], notebooks=["fixture_ok", "fixture_fail"], overrides={"topn": 1})


def test_every_run_is_checked_before_any_starts(project):
    study = load_study(project / "params" / "tiny.yaml")
    # fine for fixture_ok's parameters; the wrong type for fixture_fail's: the whole plan is refused
    with pytest.raises(NotebookParameterError, match=r"parameter 'fail' of notebook fixture_fail expects true or false"):
        plan_runs([study], notebooks=["fixture_ok", "fixture_fail"], overrides={"top_n": 1, "fail": "no"})


def test_study_parameter_of_wrong_type(project):
    study = load_study(write_study(project, "tiny", TINY_STUDY.replace("{top_n: 2}", "{top_n: two}")))
    with pytest.raises(NotebookParameterError, match=r"tiny.yaml notebooks.fixture_ok: parameter 'top_n'.*got str 'two'"):
        plan_runs([study])


def test_runner_parameters_cannot_be_overridden(project):
    study = load_study(project / "params" / "tiny.yaml")
    with pytest.raises(NotebookParameterError, match="set by the runner"):
        plan_runs([study], overrides={"output_dir": "/tmp/x"})


def test_notebook_without_parameters_tag_is_refused(project):
    make_project(project, notebooks=("fixture_no_tag",))
    study = load_study(project / "params" / "tiny.yaml")
    with pytest.raises(StudyConfigError, match="no cell tagged 'parameters'"):
        plan_runs([study], notebooks=["fixture_no_tag"])


# -- index page ------------------------------------------------------------------


def test_index_escapes_everything():
    manifest = {
        "study": "x<y", "title": "<script>alert(1)</script>", "study_file": "/p/x.yaml",
        "notebooks": {"nb&1": {
            "status": "failed", "started": "2024-01-01T00:00:00+00:00", "duration_s": 1.0,
            "parameters": {"label": "<b>bold</b>"}, "input_files": [],
            "error": {"name": "ValueError", "message": "bad <value> & \"quote\"", "cell": {"source": "x < 1"}},
            "failed_html": 'nb".failed.html',
        }},
    }
    page = render_index([("x<y", manifest)])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "bad &lt;value&gt; &amp; &quot;quote&quot;" in page and "x &lt; 1" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert 'href="x%3Cy/nb%22.failed.html"' in page


def test_index_shows_the_study_window():
    manifest = {"study": "cdnow", "title": "CDNOW", "study_file": "/p/cdnow.yaml", "notebooks": {},
                "window": {"observation_end": "1998-06-30", "calibration_end": "1997-09-30", "time_unit": "W"}}
    page = render_index([("cdnow", manifest)])
    assert "Window of the study: observation end 1998-06-30 · calibration end 1997-09-30 · time unit W" in page
    manifest["window"] = {"observation_end": None, "calibration_end": None, "time_unit": "<D>"}
    page = render_index([("cdnow", manifest)])
    assert "observation end the last transaction in the data · time unit &lt;D&gt;" in page


def test_index_policy_allows_its_own_style_by_hash_only():
    page = render_index([])
    (policy,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert "'unsafe-inline'" not in policy and "script-src 'none'" in policy
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    assert f"style-src 'sha256-{digest}'" in policy
