"""Execute one notebook in its own Jupyter kernel (papermill), safe to do in several threads at once.

:func:`analysis.report.runner.run_plans` with ``jobs > 1`` executes notebooks side by side, one
thread and one kernel each, in one process. Nothing here changes process-wide state: a kernel's
environment (``ANALYSIS_LANG`` of its edition) and working folder are handed to the kernel when it
starts, not set in ``os.environ`` or by ``chdir`` (which papermill's ``cwd=`` would do for the whole
process), and a :class:`KernelSet` knows every kernel a run started so that Ctrl-C in the main
thread can stop the kernels of the other threads.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from analysis.errors import ReportError
from analysis.report.zygote import Zygote

__all__ = ["KERNEL_NAME", "KernelSet", "check_kernel", "default_jobs", "execute_notebook", "papermill_quiet"]

KERNEL_NAME = "service-analytics"


def check_kernel(kernel_name: str = KERNEL_NAME) -> None:
    """Raise :class:`ReportError` if the Jupyter kernel is not installed.

    Examples
    --------
    >>> check_kernel("service-analytics")  # doctest: +SKIP
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise ReportError(f"Jupyter kernel {kernel_name!r} is not installed; run `make kernel` (or `make venv`)") from None


def default_jobs() -> int:
    """Notebooks to execute side by side by default: the cores this process may use.

    Examples
    --------
    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class KernelSet:
    """The kernels one run has started, so that all can be stopped at once.

    :meth:`stop` kills every running kernel (their threads then see a dead kernel and
    return) and makes any kernel that would start afterwards fail at once.

    Examples
    --------
    >>> kernels = KernelSet()
    >>> kernels.stopping
    False
    >>> kernels.stop()
    >>> kernels.stopping
    True
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._managers: set[Any] = set()
        self._stop = threading.Event()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            managers = list(self._managers)
        for manager in managers:
            process = getattr(manager.provisioner, "process", None)
            if process is not None and process.poll() is None:
                process.kill()

    def _add(self, manager: Any) -> None:
        with self._lock:
            if self._stop.is_set():
                raise ReportError("the run is stopping (Ctrl-C or SIGTERM): no new kernel starts")
            self._managers.add(manager)

    def _discard(self, managers: list[Any]) -> None:
        with self._lock:
            self._managers.difference_update(managers)


def execute_notebook(source: Path, executed: Path, *, parameters: Mapping[str, Any], cwd: Path,
                     environment: Mapping[str, str], kernel_name: str, timeout: int | None,
                     kernels: KernelSet, zygote: Zygote | None = None) -> None:
    """Execute *source* into *executed* with papermill in a new kernel.

    The kernel runs in *cwd* with this process's environment plus *environment*,
    forked from *zygote* when one is given (:mod:`analysis.report.zygote`).
    papermill's exceptions (``PapermillExecutionError`` for a failing cell) pass through.
    """
    import papermill as pm
    from jupyter_client.manager import AsyncKernelManager

    started: list[AsyncKernelManager] = []

    class _Manager(AsyncKernelManager):
        async def start_kernel(self, **kw: Any) -> None:
            kernels._add(self)
            started.append(self)
            kw.update(env={**os.environ, **environment}, cwd=str(cwd))
            await super().start_kernel(**kw)

        def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
            command = super().format_kernel_cmd(extra_arguments)
            return command if zygote is None else zygote.kernel_command(command)

    try:
        pm.execute_notebook(
            str(source), str(executed), parameters=dict(parameters), kernel_name=kernel_name,
            engine_name=_engine_name(), progress_bar=False, log_output=False, execution_timeout=timeout,
            kernel_manager_class=_Manager,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # quiet the kernel's own start-up warnings
            shutdown_kernel="immediate",  # on Ctrl-C too: no graceful shutdown that prints a ZMQ traceback
        )
    finally:
        kernels._discard(started)


@functools.cache
def _engine_name() -> str:
    """papermill's nbclient engine, saving the executed notebook once at its end.

    papermill writes the whole notebook (figures included, validated) when each cell
    starts and when it finishes: a notebook of 40 cells is serialised about 80 times, a
    tenth of a report cycle's time in the runner's process. The runner reads the
    notebook only when it has finished, so it is saved once then, also when a cell
    fails, the kernel dies or a cell times out (papermill completes the notebook in
    every case), so a failed notebook keeps what it had done."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class _SavedAtEnd(NotebookExecutionManager):
        finished = False

        def save(self, **kwargs: Any) -> None:
            if self.finished:
                super().save(**kwargs)

        def notebook_complete(self, **kwargs: Any) -> None:
            self.finished = True
            super().notebook_complete(**kwargs)

    class _Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, **kwargs):  # papermill's Engine.execute_notebook, own manager
            nb_man = _SavedAtEnd(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                 autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register(_ENGINE, _Engine)
    return _ENGINE


_ENGINE = "analysis-saved-at-end"


class _ParameterNoise(logging.Filter):
    """papermill re-parses the parameters cell with regular expressions and warns
    ("Unable to parse line", "Passed unknown parameter") where a comment holds a
    colon; :func:`analysis.report.plan.plan_runs` has already checked every name with ``ast``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Unable to parse line", "Passed unknown parameter"))


@contextmanager
def papermill_quiet() -> Iterator[None]:
    """Silence papermill's parameter-parsing warnings for the block (all threads)."""
    noise = _ParameterNoise()
    loggers = [logging.getLogger("papermill"), logging.getLogger("papermill.translators")]
    for logger in loggers:
        logger.addFilter(noise)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(noise)
