"""Incremental regeneration with a real kernel: an unchanged notebook is reused (not
executed), and a change of parameters, input data or package code, or --force,
makes it run again (that the notebook file, Python and package versions are in
the fingerprint too is checked without a kernel in test_report_site)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from study_project import make_project

from analysis.report.cli import main


def _run(*args: str):
    result = CliRunner().invoke(main, ["run", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 0, result.output
    return result


def _entry(reports: Path) -> dict:
    manifest = json.loads((reports / "tiny" / "manifest.json").read_text(encoding="utf-8"))
    return manifest["notebooks"]["fixture_ok"]


@pytest.mark.slow
def test_unchanged_notebooks_are_reused_and_changes_rerun(tmp_path, monkeypatch):
    # the package's code hash is fixed here (other work may edit src/ while tests run);
    # test_report_site checks that the hash follows every file
    code = {"sha": "0" * 64}
    monkeypatch.setattr("analysis.report.manifest.code_sha256", lambda *a, **k: code["sha"])
    project = make_project(tmp_path / "proj", notebooks=("fixture_ok",))
    study = str(project / "params" / "tiny.yaml")
    reports = tmp_path / "reports"
    args = ("--study", study, "--reports-dir", str(reports))

    _run(*args)
    first = _entry(reports)
    assert first["reused"] is False and len(first["fingerprint"]["sha256"]) == 64
    page = reports / "tiny" / "fixture_ok.html"
    page.write_text("stale page", encoding="utf-8")  # a reused run re-renders the page

    second = _run(*args, "--hide-code")
    assert "reused: inputs, parameters and code unchanged" in second.output
    assert "1 ok (1 reused)" in second.output
    entry = _entry(reports)
    assert entry["reused"] is True
    assert entry["started"] == first["started"]  # the results are those of the first run
    assert entry["fingerprint"] == first["fingerprint"]
    html = page.read_text(encoding="utf-8")
    assert "stale page" not in html and "load_tables" not in html  # re-rendered, with --hide-code this time

    def reran(*extra: str) -> dict:
        out = _run(*args, *extra)
        (line,) = [ln for ln in out.output.splitlines() if ln.startswith("[1/1]")]
        assert line.startswith("[1/1] tiny/fixture_ok: ok (") and "reused" not in line, out.output
        now = _entry(reports)
        assert now["reused"] is False
        return now

    forced = reran("--force")
    assert forced["started"] >= first["started"] and forced["fingerprint"] == first["fingerprint"]
    changed_parameter = reran("-p", "top_n=1")
    assert changed_parameter["fingerprint"]["parameters"]["top_n"] == 1
    (project / "data" / "orders.csv").write_text(
        (project / "data" / "orders.csv").read_text(encoding="utf-8") + "D4,2024-04-01,9.00\n", encoding="utf-8")
    changed_data = reran("-p", "top_n=1")
    assert changed_data["fingerprint"]["input_sha256"] != changed_parameter["fingerprint"]["input_sha256"]
    notebook = project / "notebooks" / "fixture_ok.ipynb"  # the notebook file is part of it too
    assert changed_data["fingerprint"]["notebook_sha256"] == hashlib.sha256(notebook.read_bytes()).hexdigest()
    code["sha"] = "1" * 64  # the package code changed
    assert reran("-p", "top_n=1")["fingerprint"]["code_sha256"] == "1" * 64
    assert _run(*args, "-p", "top_n=1").output.count("reused:") == 1  # and now unchanged again
