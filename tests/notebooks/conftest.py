"""The bundled studies' report site in both editions, made once for the tests that read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from analysis.report.cli import main

STUDIES = ("service_demo", "cdnow")


@pytest.fixture(scope="session")
def bundled_reports(project_root, tmp_path_factory) -> Path:
    """`analysis run --lang all` on both bundled studies, every notebook they list (as `make reports`
    runs them, plus the Chinese edition in reports/zh/)."""
    folder = tmp_path_factory.mktemp("bundled_reports")
    args = ["run", "--force", "--lang", "all", "--reports-dir", str(folder),
            "--notebooks-dir", str(project_root / "notebooks")]
    for study in STUDIES:
        args += ["--study", str(project_root / "params" / f"{study}.yaml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return folder
