"""analysis.report.lock: the reports folder's lock (a second holder waits and says who has
it), per-run staging folders (a dead run's removed, a live one's kept), deferred
interrupts, and a clear message for a folder that cannot be written to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from analysis.errors import ReportError
from analysis.report.lock import STAGING, interrupts_deferred, reports_lock, run_staging, writable_folder


def test_a_folder_that_cannot_be_written_is_a_message(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ReportError, match=r"^cannot write reports into .*a_file/reports: Not a directory; "
                                          r"choose a folder you can write to with --reports-dir"):
        writable_folder(blocker / "reports")
    with pytest.raises(ReportError, match=r"a_file: it is a file, not a folder; choose a folder with --reports-dir"):
        writable_folder(blocker)


def test_a_second_holder_waits_and_says_who_holds_the_lock(tmp_path):
    reports, held, release = tmp_path / "reports", tmp_path / "held", tmp_path / "release"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import pathlib, time
        from analysis.report.lock import reports_lock
        with reports_lock({str(reports)!r}):
            pathlib.Path({str(held)!r}).write_text("yes")
            while not pathlib.Path({str(release)!r}).exists():
                time.sleep(0.05)
        """)])
    try:
        for _ in range(600):
            if held.exists() or holder.poll() is not None:
                break
            time.sleep(0.1)
        assert held.exists()
        said = []

        def progress(line):
            said.append(line)
            release.write_text("go", encoding="utf-8")  # let the holder finish: we then get the lock

        with reports_lock(reports, progress=progress):
            assert said == [f"another analysis run (pid {holder.pid}, started {said[0].split('started ')[1]}"]
            assert said[0].endswith(f") is writing {reports}; waiting...")
    finally:
        release.write_text("go", encoding="utf-8")
        assert holder.wait(timeout=60) == 0


def test_the_lock_is_reentrant_within_a_process(tmp_path):
    with reports_lock(tmp_path, progress=pytest.fail), reports_lock(tmp_path, progress=pytest.fail):
        pass


def test_staging_of_a_dead_run_is_removed_and_of_a_live_run_kept(tmp_path):
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        root = tmp_path / STAGING
        for name in (f"run-{live.pid}-aaaa", f"run-{dead.pid}-bbbb", "tiny"):  # "tiny": the old single staging
            (root / name / "x").mkdir(parents=True)
        with run_staging(tmp_path) as stage:
            assert sorted(p.name for p in root.iterdir()) == sorted([f"run-{live.pid}-aaaa", stage.name])
            assert stage.is_dir() and not any(stage.iterdir())
        assert [p.name for p in root.iterdir()] == [f"run-{live.pid}-aaaa"]  # ours removed, the live one kept
    finally:
        live.kill()
        live.wait()


def test_an_interrupt_in_a_deferred_block_comes_after_it():
    before = signal.getsignal(signal.SIGINT)  # not always Python's default: pyspark installs its own
    done = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("finished")
    assert done == ["finished"]
    assert signal.getsignal(signal.SIGINT) is before
