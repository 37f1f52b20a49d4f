"""Two `analysis run` processes into one reports folder at once (issue 14, case 2): the
second waits for the first and says so, both succeed, and the index and the manifests
list every notebook of both (before, the second run deleted reports/.staging under the
first and both lost notebooks)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_two_runs_into_one_folder_take_turns_and_keep_every_entry(tmp_path, runs):
    project = runs.sleepy_project(tmp_path / "proj")
    reports, running, release = tmp_path / "reports", tmp_path / "running", tmp_path / "release"
    first = runs.start(project, tmp_path / "first.log", "--study", "tiny", "--notebook", "fixture_sleep",
                      "-p", "seconds=120", "-p", f"running_file={running}", "-p", f"release_file={release}",
                      "--reports-dir", str(reports))
    try:
        runs.wait_for(running.exists, "the first run's notebook to start")
        second = runs.start(project, tmp_path / "second.log", "--study", "tiny", "--study", "other",
                           "--notebook", "fixture_ok", "--reports-dir", str(reports))
        said = lambda: "waiting..." in (tmp_path / "second.log").read_text(encoding="utf-8")  # noqa: E731
        runs.wait_for(lambda: said() or second.poll() is not None, "the second run to say that it waits")
        assert said(), (tmp_path / "second.log").read_text(encoding="utf-8")
        assert first.poll() is None  # still in its notebook: the second run did not disturb it
    finally:
        release.write_text("go", encoding="utf-8")
    code1, out1 = runs.finish(first, tmp_path / "first.log")
    code2, out2 = runs.finish(second, tmp_path / "second.log")
    assert code1 == 0, out1
    assert code2 == 0, out2
    assert "Traceback" not in out1 + out2
    assert f"another analysis run (pid {first.pid}, started " in out2 and f"is writing {reports}; waiting..." in out2

    tiny = runs.manifest(reports, "tiny")["notebooks"]
    assert {nb: e["status"] for nb, e in tiny.items()} == {"fixture_ok": "ok", "fixture_sleep": "ok"}
    assert tiny["fixture_ok"]["run"] != tiny["fixture_sleep"]["run"]  # one entry from each run
    assert runs.manifest(reports, "other")["notebooks"]["fixture_ok"]["status"] == "ok"
    index = (reports / "index.html").read_text(encoding="utf-8")
    for link in ('href="tiny/fixture_sleep.html"', 'href="tiny/fixture_ok.html"', 'href="other/fixture_ok.html"'):
        assert link in index
    assert "3 notebook(s), 3 ok" in index
    assert not (reports / ".staging").exists() and not (reports / ".lock-owner.json").exists()
