"""`analysis run --jobs N` (issue 18): notebooks of different studies and languages execute side by
side, one kernel each forked from a warm process, and the site they leave is the one a sequential
run with fresh kernels leaves: every table, figure, finding and page identical; manifests differ
only in times and run ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from study_project import TINY_STUDY, make_project, write_study

from analysis.errors import ReportError
from analysis.report.cli import main
from analysis.report.runner import plan_runs, run_plans
from analysis.study import find_project_root, load_study

pytestmark = pytest.mark.slow

# what differs between two runs of the same notebooks whatever the order: when and how long (and the
# commit, when the working tree changed between the two runs)
_TIMES = {"started", "duration_s", "run", "checked", "updated", "fingerprint", "last_good", "git_commit"}
_BUILT = re.compile(r"Built [^<]*|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?(, [\d.]+ s)?"
                    r'|id="cell-id=[0-9a-f]+"|<code>[0-9a-f]{10}</code>')  # papermill gives its parameters cell a new random id per run


def _without_times(value):
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in _TIMES}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def _site(reports: Path) -> dict[str, object]:
    """Every file of a reports folder, by relative path: bytes, or for manifests and pages the
    content without its times."""
    files: dict[str, object] = {}  # executed notebooks without papermill's timings
    for path in sorted(reports.rglob("*")):
        if not path.is_file() or ".lock" in path.parts or path.name == ".lock":
            continue
        name = path.relative_to(reports).as_posix()
        if path.suffix in (".json", ".ipynb", ".html"):
            text = path.read_text(encoding="utf-8").replace(str(reports), "<reports>")
        if path.name == "manifest.json":
            files[name] = _without_times(json.loads(text))
        elif path.suffix == ".ipynb":
            files[name] = _strip_notebook(text)
        elif path.suffix == ".html":
            files[name] = _BUILT.sub("<time>", text)
        else:
            files[name] = path.read_bytes()
    return files


def _differences(one: dict, other: dict) -> list[str]:
    return sorted({*one, *other} - {k for k in one if k in other and one[k] == other[k]})


def _strip_notebook(text: str) -> str:
    """An executed notebook without papermill's per-cell timings and the kernel's execution times."""
    nb = json.loads(text)
    nb.get("metadata", {}).pop("papermill", None)
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
        cell.pop("id", None)  # papermill's own cells (parameters, error marker) get a random id per run
    return json.dumps(nb, sort_keys=True)


def test_two_studies_two_languages_side_by_side_leave_the_site_a_sequential_run_leaves(tmp_path):
    project = make_project(tmp_path / "proj")
    write_study(project, "tiny", TINY_STUDY.replace("  fixture_ok: {top_n: 2}",
                                                    "  fixture_ok: {top_n: 2}\n  fixture_fail: {fail: true}"))
    write_study(project, "other", TINY_STUDY.replace("name: tiny", "name: other").replace("top_n: 2", "top_n: 3"))
    studies = [load_study(project / "params" / f"{name}.yaml") for name in ("tiny", "other")]
    sites = {}
    for jobs in (1, 3):  # one after another with fresh kernels; three at once, forked
        plans = plan_runs(studies, notebooks_dir=project / "notebooks", language="all")
        seen: list[str] = []
        results = run_plans(plans, reports_dir=tmp_path / f"jobs{jobs}", jobs=jobs, progress=seen.append,
                            fork_kernels=jobs > 1)
        statuses = {(r.study, r.notebook, r.status) for r in results}
        assert statuses == {("tiny", "fixture_ok", "ok"), ("tiny", "fixture_fail", "failed"),
                            ("other", "fixture_ok", "ok")}, results
        assert len(results) == 6 and len(seen) == 6  # one progress line per notebook and edition
        assert [line.split("]")[0] for line in seen] == [f"[{i}/6" for i in range(1, 7)]
        sites[jobs] = _site(tmp_path / f"jobs{jobs}")
    assert _differences(sites[1], sites[3]) == []
    assert len(sites[1]) > 30
    # each kernel had its own language: the failure is isolated and the Chinese page is Chinese
    assert "fixture: 6 transactions from 3 customers." in str(sites[3]["tiny/fixture_ok/findings.json"])
    assert "fixture：3 位客户的 6 笔交易。" in sites[3]["zh/tiny/fixture_ok/findings.json"].decode("utf-8")
    assert "tiny/fixture_fail.failed.ipynb" in sites[3] and "zh/tiny/fixture_fail.failed.ipynb" in sites[3]


def test_real_notebooks_side_by_side_and_forked_equal_fresh_ones_in_turn(tmp_path):
    """02 in Chinese beside 00 in English (every notebook of both bundled studies in both
    languages was compared so once, by hand and by benchmarks/report_cycle.py)."""
    root = find_project_root()
    study = load_study(root / "params" / "service_demo.yaml")
    sites = {}
    for jobs in (1, 2):
        plans = [*plan_runs([study], ["00_data_overview"], language="en"),
                 *plan_runs([study], ["02_clv"], language="zh")]
        results = run_plans(plans, reports_dir=tmp_path / f"jobs{jobs}", jobs=jobs, fork_kernels=jobs > 1)
        assert [r.status for r in results] == ["ok"] * 2, results
        sites[jobs] = _site(tmp_path / f"jobs{jobs}")
    assert _differences(sites[1], sites[2]) == []
    assert sum(name.endswith(".png") for name in sites[2]) > 5 and sum(name.endswith(".csv") for name in sites[2]) > 10
    assert any(name.startswith("zh/service_demo/02_clv/") for name in sites[2])


@pytest.mark.parametrize("jobs", [0, -1, 1.5, True])
def test_jobs_must_be_a_whole_number_from_one(tmp_path, jobs):
    with pytest.raises(ReportError, match="at least 1"):
        run_plans([], reports_dir=tmp_path, jobs=jobs)


def test_the_command_line_refuses_zero_jobs(tmp_path):
    result = CliRunner().invoke(main, ["run", "--jobs", "0", "--reports-dir", str(tmp_path)])
    assert result.exit_code == 2 and "--jobs" in result.output
