"""Every example study of params/examples/ is accepted by `analysis check` as written, runs every notebook it
lists, and each of those notebooks verifies (issue 12, "Done when").

Each example's own test (test_example_*.py, test_hillstrom.py) runs the analysis notebooks it is about and checks
their numbers against published figures or an independent computation; this file adds the check of the whole
study and the notebook those tests leave out (00, the data overview, on the surveys, the bank contacts and the
attribution paths), so that every example runs every notebook that applies somewhere in the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from analysis.findings import verify_outputs
from analysis.report.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "params" / "examples"
#: hillstrom is a `dataset:` study read from the download cache (its own test passes the local copy)
FILE_EXAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml") if p.stem != "hillstrom")
#: examples whose own test does not run notebook 00
OVERVIEW_ONLY_HERE = ["bank_marketing", "ecsi_mobi", "ecsi_satisfaction", "path_attribution"]


def test_the_examples_are_the_public_data_sets_that_fit_an_analysis():
    assert FILE_EXAMPLES == ["bank_marketing", "ecsi_mobi", "ecsi_satisfaction", "grocery", "ifood",
                             "path_attribution"]


@pytest.mark.parametrize("name", FILE_EXAMPLES)
def test_analysis_check_accepts_each_example_and_every_notebook_it_lists_will_run(shared_data, name):
    study = EXAMPLES / f"{name}.yaml"
    listed = list(yaml.safe_load(study.read_text(encoding="utf-8"))["notebooks"])
    result = CliRunner().invoke(main, ["check", "--study", str(study), "--notebooks-dir", str(ROOT / "notebooks")])
    assert result.exit_code == 0, result.output
    assert f"{len(listed)} notebook(s) will run, 0 skipped, 0 problem(s)" in result.output, result.output


@pytest.mark.slow
def test_the_data_overview_runs_and_verifies_on_the_examples_whose_own_tests_leave_it_out(shared_data, tmp_path):
    args = ["run", "--notebook", "00_data_overview", "--force", "--reports-dir", str(tmp_path),
            "--notebooks-dir", str(ROOT / "notebooks")]
    for name in OVERVIEW_ONLY_HERE:
        args += ["--study", str(EXAMPLES / f"{name}.yaml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    for name in OVERVIEW_ONLY_HERE:
        assert verify_outputs(tmp_path / name / "00_data_overview") == [], name
