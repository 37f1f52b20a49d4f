"""Executing one notebook in its own kernel (analysis.report.kernels): the kernel gets its
environment and folder without the runner's process changing its own, a timed-out notebook is
kept with what it had done although papermill saves it only at its end, and a KernelSet stops
the kernels of other threads."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import nbformat
import pytest
from study_project import FIXTURES

from analysis.errors import ReportError
from analysis.report.kernels import KERNEL_NAME, KernelSet, execute_notebook

pytestmark = pytest.mark.slow


def _notebook(path: Path, *sources: str) -> Path:
    cells = [nbformat.v4.new_code_cell("x = None", metadata={"tags": ["parameters"]})]
    cells += [nbformat.v4.new_code_cell(source) for source in sources]
    metadata = {"kernelspec": {"name": KERNEL_NAME, "language": "python", "display_name": "Python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=metadata), path)
    return path


def test_the_kernel_gets_its_environment_and_folder_and_the_runner_keeps_its_own(tmp_path):
    source = _notebook(tmp_path / "env.ipynb", "import os; print(os.environ['ANALYSIS_LANG'], os.getcwd())")
    folder = tmp_path / "work"
    folder.mkdir()
    before_env, before_cwd = os.environ.get("ANALYSIS_LANG"), os.getcwd()
    execute_notebook(source, tmp_path / "out.ipynb", parameters={"x": 1}, cwd=folder,
                     environment={"ANALYSIS_LANG": "zh"}, kernel_name=KERNEL_NAME, timeout=None, kernels=KernelSet())
    printed = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[-1].outputs[0]["text"]
    assert printed.split() == ["zh", str(folder)]
    assert os.environ.get("ANALYSIS_LANG") == before_env and os.getcwd() == before_cwd


def test_a_timed_out_notebook_keeps_the_cells_it_had_run(tmp_path):
    source = _notebook(tmp_path / "slow.ipynb", "print('first cell done')", "import time; time.sleep(60)")
    with pytest.raises(Exception, match="(?i)timed? ?out"):
        execute_notebook(source, tmp_path / "out.ipynb", parameters={}, cwd=tmp_path, environment={},
                         kernel_name=KERNEL_NAME, timeout=3, kernels=KernelSet())
    cells = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
    assert any("first cell done" in output.get("text", "") for cell in cells for output in cell.get("outputs", []))


def test_stopping_a_kernel_set_ends_a_notebook_running_in_another_thread(tmp_path):
    running = tmp_path / "running"
    source = FIXTURES / "fixture_sleep.ipynb"
    kernels, outcome = KernelSet(), {}

    def work():
        try:
            execute_notebook(source, tmp_path / "out.ipynb", parameters={"seconds": 120, "running_file": str(running),
                                                                          "output_dir": str(tmp_path / "o")},
                             cwd=tmp_path, environment={}, kernel_name=KERNEL_NAME, timeout=None, kernels=kernels)
        except Exception as exc:  # noqa: BLE001 - what the runner records
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    deadline = time.monotonic() + 120
    while not running.exists() and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running.exists(), outcome
    t0 = time.monotonic()
    kernels.stop()
    thread.join(timeout=60)
    assert not thread.is_alive() and "error" in outcome
    assert time.monotonic() - t0 < 30  # it did not sleep its 120 s
    with pytest.raises(ReportError, match="no new kernel"):  # a stopped set starts nothing more
        execute_notebook(source, tmp_path / "again.ipynb", parameters={}, cwd=tmp_path, environment={},
                         kernel_name=KERNEL_NAME, timeout=None, kernels=kernels)
