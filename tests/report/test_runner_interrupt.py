"""Interrupts (issue 14, case 3): Ctrl-C (SIGINT) in the middle of a notebook stops the run
cleanly - the notebook is recorded as interrupted with its last good report kept, the
index is rebuilt and says so, no traceback, exit code 130 - and after SIGKILL the index
is rebuilt from the manifests (`analysis index`, or the next run) and the killed run's
staging folder is removed."""

from __future__ import annotations

import json
import signal

import pytest
from click.testing import CliRunner

from analysis.report.cli import main
from analysis.report.index import render_index

pytestmark = pytest.mark.slow


def _good_run(runs, project, tmp_path, reports):
    first = runs.start(project, tmp_path / "good.log", "--study", "tiny", "--reports-dir", str(reports))
    code, out = runs.finish(first, tmp_path / "good.log")
    assert code == 0, out
    return (reports / "tiny" / "fixture_sleep.html").read_bytes()


def _slow_run(runs, project, tmp_path, reports, log, jobs=1):
    running = tmp_path / "running"
    running.unlink(missing_ok=True)
    process = runs.start(project, tmp_path / log, "--study", "tiny", "--notebook", "fixture_sleep",
                         "--notebook", "fixture_ok", "-p", "seconds=120", "-p", f"running_file={running}",
                         "--force", "--reports-dir", str(reports), "--jobs", str(jobs))
    runs.wait_for(lambda: running.exists() or process.poll() is not None, "the notebook to start")
    assert process.poll() is None, (tmp_path / log).read_text(encoding="utf-8")
    return process


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_sigint_records_the_notebook_as_interrupted_and_keeps_the_good_report(tmp_path, runs, stop):
    """SIGTERM, what a scheduler or `timeout` sends, is handled as Ctrl-C is."""
    project = runs.sleepy_project(tmp_path / "proj")
    reports = tmp_path / "reports"
    good_page = _good_run(runs, project, tmp_path, reports)
    before = runs.manifest(reports, "tiny")["notebooks"]

    process = _slow_run(runs, project, tmp_path, reports, "slow.log")
    process.send_signal(stop)
    code, out = runs.finish(process, tmp_path / "slow.log")
    assert code == 130, out
    assert "Traceback" not in out and "ZMQError" not in out and "Aborted!" not in out
    assert out.rstrip().splitlines()[-1].startswith(
        "interrupted (Ctrl-C or SIGTERM): tiny/fixture_sleep recorded as interrupted (its last good report kept); "
        "0 of 2 notebook(s) finished; index: ")

    entries = runs.manifest(reports, "tiny")["notebooks"]
    stopped = entries["fixture_sleep"]
    assert stopped["status"] == "interrupted" and stopped["error"]["name"] == "KeyboardInterrupt"
    assert stopped["last_good"]["html"] == "fixture_sleep.html"
    assert stopped["last_good"]["started"] == before["fixture_sleep"]["started"]
    assert entries["fixture_ok"] == before["fixture_ok"]  # not started: untouched
    assert (reports / "tiny" / "fixture_sleep.html").read_bytes() == good_page
    assert (reports / "tiny" / "fixture_sleep" / "tables" / "label.csv").is_file()
    assert not (reports / ".staging").exists()

    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "1 interrupted: tiny/fixture_sleep" in index
    assert 'last good report (' in index and 'href="tiny/fixture_sleep.html"' in index
    manifests = [(name, runs.manifest(reports, name)) for name in ("tiny",)]
    assert _cards(index) == _cards(render_index(manifests))  # the index is the manifest's


def test_with_two_jobs_ctrl_c_stops_the_running_notebook_and_keeps_the_one_that_finished(tmp_path, runs):
    """--jobs 2: fixture_ok finishes beside the sleeping notebook; Ctrl-C then records only the
    sleeping one as interrupted (its kernel stopped, its last good report kept)."""
    project = runs.sleepy_project(tmp_path / "proj")
    reports = tmp_path / "reports"
    good_page = _good_run(runs, project, tmp_path, reports)
    before = runs.manifest(reports, "tiny")["notebooks"]

    process = _slow_run(runs, project, tmp_path, reports, "slow.log", jobs=2)
    runs.wait_for(lambda: "fixture_ok: ok" in (tmp_path / "slow.log").read_text(encoding="utf-8"),
                  "fixture_ok to finish beside the sleeping notebook")
    process.send_signal(signal.SIGINT)
    code, out = runs.finish(process, tmp_path / "slow.log")
    assert code == 130, out
    assert "Traceback" not in out and "ZMQError" not in out
    assert out.rstrip().splitlines()[-1].startswith(
        "interrupted (Ctrl-C or SIGTERM): tiny/fixture_sleep recorded as interrupted (its last good report kept); "
        "1 of 2 notebook(s) finished; index: ")
    entries = runs.manifest(reports, "tiny")["notebooks"]
    assert entries["fixture_sleep"]["status"] == "interrupted"
    assert entries["fixture_sleep"]["last_good"]["started"] == before["fixture_sleep"]["started"]
    assert entries["fixture_ok"]["status"] == "ok" and entries["fixture_ok"]["run"] != before["fixture_ok"]["run"]
    assert (reports / "tiny" / "fixture_sleep.html").read_bytes() == good_page
    assert not (reports / ".staging").exists()


def test_after_sigkill_the_next_run_first_rebuilds_the_index_and_cleans_staging(tmp_path, runs):
    project = runs.sleepy_project(tmp_path / "proj")
    reports = tmp_path / "reports"
    _good_run(runs, project, tmp_path, reports)
    process = _slow_run(runs, project, tmp_path, reports, "killed.log")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    (stale,) = (reports / ".staging").iterdir()
    assert stale.name.startswith(f"run-{process.pid}-")  # left behind by the killed run

    manifest_file = reports / "tiny" / "manifest.json"
    data = json.loads(manifest_file.read_text(encoding="utf-8"))
    data["notebooks"]["fixture_ok"]["status"] = "failed"  # the manifest moved on, the index did not
    manifest_file.write_text(json.dumps(data), encoding="utf-8")
    running, release = tmp_path / "running", tmp_path / "release"
    running.unlink(missing_ok=True)
    again = runs.start(project, tmp_path / "again.log", "--study", "tiny", "--notebook", "fixture_sleep",
                       "-p", "seconds=120", "-p", f"running_file={running}", "-p", f"release_file={release}",
                       "--reports-dir", str(reports))
    try:
        runs.wait_for(lambda: running.exists() or again.poll() is not None, "the next run's notebook to start")
        # while its notebook runs: the index already follows the manifest, the dead run's folder is gone
        assert "2 notebook(s), 1 ok (0 reused unchanged), 1 failed." in (reports / "index.html").read_text("utf-8")
        assert not stale.exists()
    finally:
        release.write_text("go", encoding="utf-8")
    code, out = runs.finish(again, tmp_path / "again.log")
    assert code == 0, out
    assert not (reports / ".staging").exists()


def test_analysis_index_rebuilds_a_stale_index(tmp_path, runs, monkeypatch):
    project = runs.sleepy_project(tmp_path / "proj")
    reports = tmp_path / "reports"
    _good_run(runs, project, tmp_path, reports)
    (reports / "index.html").write_text("stale", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["index", "--reports-dir", str(reports)])
    assert result.exit_code == 0, result.output
    manifests = [("tiny", runs.manifest(reports, "tiny"))]
    assert _cards((reports / "index.html").read_text(encoding="utf-8")) == _cards(render_index(manifests))


def _cards(page: str) -> str:
    """The page without its "Built <time>" line."""
    return "\n".join(line for line in page.splitlines() if not line.startswith('<p class="muted">Built '))
