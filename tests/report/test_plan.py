"""analysis.report.plan: a study whose own settings are wrong is set aside with the reason
while the others are planned (issue 14, case 8); mistakes on the command line stop all;
every date-valued parameter, from -p or the study file, is checked with the one date
parser before any kernel starts (case 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from study_project import TINY_STUDY, make_project, write_study

from analysis.errors import NotebookParameterError, StudyConfigError
from analysis.report.plan import plan_runs
from analysis.study import load_study

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "proj")
    write_study(root, "bad", TINY_STUDY.replace("name: tiny", "name: bad").replace("{top_n: 2}", "{top_n: two}"))
    write_study(root, "late", TINY_STUDY.replace("name: tiny", "name: late").replace("{top_n: 2}", "{observation_end: someday}"))
    return root


def _studies(project: Path):
    return [load_study(project / "params" / f"{name}.yaml") for name in ("bad", "late", "tiny")]


def test_a_study_with_wrong_settings_is_set_aside_with_the_reason(project):
    invalid: dict = {}
    plans = plan_runs(_studies(project), invalid=invalid)
    assert [(p.study.name, p.notebook) for p in plans] == [("tiny", "fixture_ok")]
    assert sorted(path.name for path in invalid) == ["bad.yaml", "late.yaml"]
    assert "parameter 'top_n' of notebook fixture_ok expects an integer" in invalid[project / "params" / "bad.yaml"]
    assert invalid[project / "params" / "late.yaml"].endswith(
        "late.yaml notebooks.fixture_ok: notebook fixture_ok: observation_end must be a date such as '1997-09-30'; "
        "got 'someday'.")
    with pytest.raises(NotebookParameterError, match="expects an integer"):  # not asked to set aside: stop
        plan_runs(_studies(project))


def test_command_line_mistakes_stop_every_study(project):
    with pytest.raises(StudyConfigError, match=r"no notebook fixture_okk.ipynb .*did you mean 'fixture_ok'"):
        plan_runs(_studies(project), notebooks=["fixture_okk"], invalid={})
    with pytest.raises(NotebookParameterError, match=r"^-p: parameter 'top_n' of notebook fixture_ok"):
        plan_runs(_studies(project), overrides={"top_n": "x"}, invalid={})


@pytest.mark.parametrize("name", ["observation_end", "calibration_end"])
@pytest.mark.parametrize("value", ["garbage", "2024-13-45", "31/02/2024"])
def test_a_date_that_is_no_date_is_refused_before_any_kernel(name, value):
    study = load_study(ROOT / "params" / "service_demo.yaml")
    with pytest.raises(NotebookParameterError, match=rf"^-p: notebook 02_clv: {name} must be a date such as "
                                                     rf"'1997-09-30'; got '{value}'"):
        plan_runs([study], notebooks=["02_clv"], overrides={name: value})


def test_a_date_in_the_study_file_that_is_no_date_is_refused(tmp_path):
    project = make_project(tmp_path / "proj", notebooks=())
    shutil.copy(ROOT / "notebooks" / "02_clv.ipynb", project / "notebooks" / "02_clv.ipynb")
    study = write_study(project, "tiny", TINY_STUDY.replace("fixture_ok: {top_n: 2}", "02_clv: {calibration_end: soon}"))
    invalid: dict = {}
    assert plan_runs([load_study(study)], invalid=invalid) == []
    assert invalid[study.resolve()].endswith("notebooks.02_clv: notebook 02_clv: calibration_end must be a date "
                                             "such as '1997-09-30'; got 'soon'.")
