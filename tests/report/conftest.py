"""Fixtures of the report tests: `analysis run` in a child process, for the concurrency
and interrupt tests, in a small project whose notebook fixture_sleep sleeps until the
test lets it go (or is interrupted)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from study_project import TINY_STUDY, make_project, write_study

TIMEOUT = 180  # seconds any one run may take on a busy machine


@pytest.fixture()
def runs() -> SimpleNamespace:
    """The helpers below, for tests that start `analysis run` processes."""
    return SimpleNamespace(sleepy_project=sleepy_project, start=start_run, wait_for=wait_for, finish=finish,
                           manifest=manifest)


def sleepy_project(root: Path) -> Path:
    """A project with the notebooks fixture_ok and fixture_sleep and two studies, tiny and other."""
    project = make_project(root, notebooks=("fixture_ok", "fixture_sleep"))
    write_study(project, "tiny", TINY_STUDY.replace("  fixture_ok: {top_n: 2}", "  fixture_ok: {top_n: 2}\n  fixture_sleep: {}"))
    write_study(project, "other", TINY_STUDY.replace("name: tiny", "name: other").replace("A tiny", "Another tiny"))
    return project


def start_run(project: Path, log: Path, *args: str) -> subprocess.Popen:
    """``python -m analysis run ARGS`` in *project*; its output goes to *log*."""
    handle = log.open("w", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "analysis", "run", *args], cwd=project, stdout=handle,
                            stderr=subprocess.STDOUT, text=True)


def wait_for(condition, what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def finish(process: subprocess.Popen, log: Path) -> tuple[int, str]:
    """Wait for *process*; its exit code and output."""
    try:
        code = process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
    return code, log.read_text(encoding="utf-8")


def manifest(reports: Path, study: str) -> dict:
    return json.loads((reports / study / "manifest.json").read_text(encoding="utf-8"))
