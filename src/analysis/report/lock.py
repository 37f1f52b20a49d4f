"""One run at a time per reports folder, a staging folder per run, and interrupts.

Two ``analysis run`` processes writing into the same ``reports/`` would overwrite
each other's manifest entries and staging folders. :func:`reports_lock` holds a lock
file (``reports/.lock``, :mod:`filelock`: works on Linux, macOS and Windows) for the
whole of a run; a second run says who holds it and waits. Each run executes into a
staging folder of its own (:func:`run_staging`), so what a killed run left behind is
recognised by its dead process id and removed, never the folder of a live run.

An interrupt (Ctrl-C, SIGINT) arrives as :class:`KeyboardInterrupt`; the runner
records the notebook as interrupted and rebuilds the index. The few steps that must
not stop half-way (moving a finished report into place, writing the manifest, the
clean-up) run inside :func:`interrupts_deferred`: an interrupt there takes effect
when the step is done.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from analysis.errors import ReportError

__all__ = ["LOCK_NAME", "OWNER_NAME", "STAGING", "interrupts_deferred", "reports_lock", "run_staging",
           "writable_folder"]

LOCK_NAME = ".lock"
OWNER_NAME = ".lock-owner.json"  # who holds the lock: pid and start time, for the waiting run's message
STAGING = ".staging"


def writable_folder(folder: str | Path) -> Path:
    """Create *folder* if needed and check that files can be written in it.

    Raises
    ------
    ReportError
        Naming the folder and the reason, and what to pass instead.

    Examples
    --------
    >>> import tempfile
    >>> writable_folder(Path(tempfile.mkdtemp()) / "reports").name
    'reports'
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ReportError(f"cannot write reports into {folder}: it is a file, not a folder; choose a folder "
                          f"with --reports-dir (it is created if missing)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ReportError(f"cannot write reports into {folder}: {reason}; choose a folder you can write to "
                          f"with --reports-dir (it is created if missing)") from None
    return folder


@contextmanager
def reports_lock(reports_dir: str | Path, progress: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the lock of *reports_dir* (``.lock``) for the block; wait if another run holds it.

    While waiting, *progress* is called once with ``another analysis run (pid N, started T)
    is writing <reports_dir>; waiting...``. Re-entrant within one process.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with reports_lock(folder):
    ...     (folder / OWNER_NAME).is_file()
    True
    """
    from filelock import FileLock, Timeout

    from analysis.io import write_text_atomic
    from analysis.report.manifest import utc_now

    folder = writable_folder(reports_dir)
    lock = FileLock(folder / LOCK_NAME, is_singleton=True)
    owner = folder / OWNER_NAME
    if lock.is_locked:  # this process holds it already (a nested call)
        with lock:
            yield folder
        return
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if progress is not None:
            progress(f"another analysis run ({_owner_text(owner)}) is writing {folder}; waiting...")
        lock.acquire()
    try:
        write_text_atomic(owner, json.dumps({"pid": os.getpid(), "started": utc_now()}) + "\n")
        yield folder
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def _owner_text(owner: Path) -> str:
    try:
        record = json.loads(owner.read_text(encoding="utf-8"))
        return f"pid {int(record['pid'])}, started {record['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "pid unknown"


@contextmanager
def run_staging(reports_dir: str | Path) -> Iterator[Path]:
    """A new, empty staging folder for this run, ``<reports_dir>/.staging/run-<pid>-<id>``,
    removed (with ``.staging`` if it is then empty) when the block ends, however it ends.

    Folders left by runs whose process no longer exists (a killed run) are removed
    first; use it while holding :func:`reports_lock`.

    Examples
    --------
    >>> import tempfile
    >>> reports = Path(tempfile.mkdtemp())
    >>> with run_staging(reports) as stage:
    ...     stage.name.startswith(f"run-{os.getpid()}-")
    True
    >>> (reports / STAGING).exists()
    False
    """
    root = Path(reports_dir) / STAGING
    if root.is_dir():
        for left in root.iterdir():
            if not _alive(_staging_pid(left.name)):
                shutil.rmtree(left, ignore_errors=True)
    stage = root / f"run-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    stage.mkdir(parents=True)
    try:
        yield stage
    finally:
        with interrupts_deferred():
            shutil.rmtree(stage, ignore_errors=True)
            with suppress(OSError):
                root.rmdir()  # only when no other folder is left in it


def _staging_pid(name: str) -> int | None:
    parts = name.split("-")
    if len(parts) == 3 and parts[0] == "run" and parts[1].isdigit():
        return int(parts[1])
    return None  # not a run's folder (e.g. the single staging folder of older versions)


def _alive(pid: int | None) -> bool:
    if pid is None or pid == os.getpid() or os.name == "nt":
        # this process starts a new run: an older folder of its own is stale too; on Windows
        # os.kill(pid, 0) would send CTRL_C_EVENT, and under the lock no other run is live anyway
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else (or cannot tell): leave it
    return True


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Run the block to its end even if SIGINT arrives; raise :class:`KeyboardInterrupt` after it.

    Only in the main thread (elsewhere Python delivers no signals): there the
    block runs unchanged.

    Examples
    --------
    >>> with interrupts_deferred():
    ...     done = True
    >>> done
    True
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
