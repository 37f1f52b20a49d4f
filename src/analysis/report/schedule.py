"""In what order and how many at a time a run's notebooks execute: in turn, or side by side.

A run's notebooks go through three steps (:mod:`analysis.report.runner`): *begin* in the main
thread (a notebook that is not executed, because it is skipped, refused or reused, is done here),
*produce* (execute and render inside the run's staging folder; nothing shared is touched, so it
may run in a worker thread) and *finish* in the main thread (move into the site, write the
manifest). Only the main thread writes to the site, so two notebooks never write at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from analysis.report.kernels import KernelSet
from analysis.report.lock import interrupts_deferred
from analysis.report.manifest import utc_now

__all__ = ["in_turn", "side_by_side"]


def in_turn(plans: Sequence[Any], *, begin: Callable, produce: Callable, finish: Callable, finished: Callable,
            interrupted: Callable, done: Callable[[Any], bool]) -> None:
    """One notebook after another in the main thread (Ctrl-C reaches papermill directly).

    *begin(plan)* returns a result (done) or a pending run for *produce*; *finished(plan,
    result)* takes every result; *interrupted(plan, started, t0)* records a stopped run
    (called with interrupts deferred); *done(step)* says whether *begin* finished the plan."""
    for plan in plans:
        started, t0 = utc_now(), time.perf_counter()
        try:
            step = begin(plan)
            result = step if done(step) else finish(produce(step))
        except KeyboardInterrupt:
            with interrupts_deferred():
                result = interrupted(plan, started, t0)
        finished(plan, result)
        if getattr(result, "stopped", False):
            return


def side_by_side(plans: Sequence[Any], *, begin: Callable, produce: Callable, finish: Callable, finished: Callable,
                 interrupted: Callable, done: Callable[[Any], bool], jobs: int, kernels: KernelSet) -> None:
    """Up to *jobs* notebooks at once, each produced in a worker thread with its own kernel.

    Plans start in their order; runs are finished (moved into place, recorded) by the main
    thread as they complete, those completing together in plan order (a pending run's
    ``order``). Ctrl-C stops every running kernel (*kernels*): the notebooks that were
    running are recorded as interrupted, one that had just completed is kept, and no
    further notebook starts. A produced run has ``error``, ``started`` and ``t0``."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    waiting = list(plans)[::-1]
    running: dict[Any, Any] = {}
    current = None  # the plan the main thread is beginning (a reused page renders in the main thread)
    started, t0 = utc_now(), time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="notebook") as pool:
        try:
            while waiting or running:
                while waiting and len(running) < jobs:
                    current, started, t0 = waiting.pop(), utc_now(), time.perf_counter()
                    step = begin(current)
                    if done(step):
                        finished(current, step)
                    else:
                        running[pool.submit(produce, step)] = step
                    current = None
                completed, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(completed, key=lambda f: running[f].order):
                    finished(running.pop(future).plan, finish(future.result()))
        except KeyboardInterrupt:
            with interrupts_deferred():
                kernels.stop()
                if current is not None:
                    finished(current, interrupted(current, started, t0))
                for future, pending in sorted(running.items(), key=lambda item: item[1].order):
                    produced = future.result()  # soon: its kernel was stopped
                    if produced.error is None:  # it had completed just before the interrupt: keep it
                        finished(pending.plan, finish(produced))
                    else:
                        finished(pending.plan, interrupted(pending.plan, produced.started, produced.t0))
