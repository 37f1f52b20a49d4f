"""Run notebooks with a study's parameters (papermill) into ``reports/<study>/``.

:func:`plan_runs` (:mod:`analysis.report.plan`) checks every study and parameter of
every requested run before any kernel starts; :func:`run_plans` executes them, ``jobs`` at a time
(default: one per core; each in its own kernel, see :mod:`analysis.report.kernels`, forked from a
process that imported the heavy libraries once for the run, see :mod:`analysis.report.zygote`). Each notebook executes
into the run's own staging folder (``reports/.staging/run-<pid>-<id>/<study>/<notebook>/``)
and is moved into place only on success, so a failure or an interruption never replaces
a good report with a half one. A failed notebook is kept as ``<notebook>.failed.ipynb``
(and ``.failed.html``) beside the previous good report.

Runs into one reports folder take turns: :func:`run_plans` holds ``reports/.lock`` for
the whole run (a second run says so and waits; see :mod:`analysis.report.lock`), so
manifest entries are read, changed and written (atomically) by one run at a time.
Ctrl-C (SIGINT) or SIGTERM stops the run cleanly: the kernels are stopped, each notebook that was
running is recorded as ``"interrupted"`` (its previous good report and ``last_good``
are kept), staging is removed and the index is rebuilt. The index is also rebuilt
from the manifests when a run starts, so it is current even after a killed run.

Every notebook of a run sees one run date: the runner sets ``ANALYSIS_RUN_DATE``
(:func:`analysis.window.run_date`) for its kernels, unless it is already set, and
records it in each manifest entry.

Regeneration is incremental: each run's fingerprint (notebook file, study file,
input files, parameters, package code, Python and key package versions, and the run
date when the study drops future dates; see
:func:`analysis.report.manifest.run_fingerprint`) is kept in the manifest, and a
notebook whose last run succeeded with the same fingerprint is not executed again
(its page is re-rendered; ``"reused": true``) unless ``force=True``.

Layout of ``reports/<study>/``: ``<nb>.ipynb``, ``<nb>.html`` (optionally
``<nb>.pdf``), ``<nb>/tables/*.csv``, ``<nb>/figures/*.png``, ``<nb>/findings.json``,
``<nb>/outputs.json`` and ``manifest.json`` (see :mod:`analysis.report.manifest`).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import ReportError
from analysis.messages import DEFAULT_LANGUAGE, LANGUAGE_VARIABLE, LANGUAGES, msg
from analysis.report import manifest as mf
from analysis.report.editions import edition_dir, editions_present, notebook_in
from analysis.report.index import build_index
from analysis.report.kernels import KERNEL_NAME, KernelSet, check_kernel, default_jobs, execute_notebook, papermill_quiet
from analysis.report.lock import interrupts_deferred, reports_lock, run_staging
from analysis.report.plan import RunPlan, plan_runs, select_notebooks
from analysis.report.render import render_html
from analysis.report.schedule import in_turn, side_by_side
from analysis.report.zygote import Zygote
from analysis.study import Study
from analysis.window import RUN_DATE_VARIABLE, run_date

__all__ = ["KERNEL_NAME", "RunPlan", "RunResult", "check_kernel", "plan_runs", "run_plans", "select_notebooks"]

@dataclass(frozen=True)
class RunResult:
    """How one run went. ``status`` is "ok", "failed", "skipped" or "interrupted"; ``html`` is the
    report page (None if it failed); ``reused`` is True when nothing had changed and the
    last run's results were kept."""

    study: str
    notebook: str
    status: str
    duration_s: float
    html: Path | None
    error: str | None = None
    reused: bool = False
    stopped: bool = False  # the run stopped here (Ctrl-C): later plans did not run
    checks_failed: int = 0  # assumption checks that failed or warn (the page's Checks section)
    citation_problems: int = 0  # cited values their written tables do not hold (should be 0)
    reason: str | None = None  # why a "skipped" notebook did not apply to the study's tables


def run_plans(
    plans: Iterable[RunPlan],
    *,
    reports_dir: str | Path,
    hide_code: bool = False,
    kernel_name: str = KERNEL_NAME,
    timeout: int | None = None,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
    pdf: bool = False,
    jobs: int | None = None,
    fork_kernels: bool = True,
) -> list[RunResult]:
    """Execute checked runs, up to *jobs* at once; one failure does not stop the rest.

    Each plan runs in its language's edition of the site (``reports/`` for English,
    ``reports/<language>/`` otherwise; :mod:`analysis.report.editions`): the notebook
    keeps that language's narrative cells, its kernel gets ``ANALYSIS_LANG``, and its
    page links to its twin in every other edition of the site.

    The run holds the reports folder's lock throughout (another run into the same
    folder waits for it, and *progress* says so), rebuilds ``index.html`` from the
    manifests at its start and end, and sets ``ANALYSIS_RUN_DATE`` (today unless
    already set) for its kernels. Ctrl-C stops it: the notebooks that were running are
    recorded as "interrupted" (their last good reports kept) and are the last results.

    With ``jobs > 1`` notebooks (of any study and edition) execute side by side, one
    kernel each, in the order of *plans*; results come in the order runs finish, and
    every table, figure, finding and page is the same as with ``jobs=1`` (only times
    and the manifests' timestamps differ). Each kernel does its own work single-threaded
    unless the notebook asks otherwise, so *jobs* beyond the number of cores only queues.

    A notebook whose last run succeeded and whose notebook file, study file,
    input files (by SHA-256), parameters, package code (SHA-256 of
    ``src/analysis/**/*.py``), Python and key package versions are all unchanged
    is not executed again: its page is only re-rendered from the executed
    notebook, and its manifest entry says ``"reused": true``. For a study that
    drops future dates (a table option ``future_dates: drop``) the run date is part
    of that comparison too.

    Parameters
    ----------
    plans : iterable of RunPlan
        From :func:`plan_runs`.
    reports_dir : str or Path
        The reports folder (``reports/``).
    hide_code : bool, default False
        Leave the code out of the HTML pages (by default it is there, hidden
        behind a "Show code" button).
    kernel_name : str, default "service-analytics"
    timeout : int, optional
        Seconds a cell may run; default: no limit.
    progress : callable, optional
        Called with one line per finished notebook (the CLI prints it to stderr).
    force : bool, default False
        Execute every notebook, even those whose results could be reused.
    pdf : bool, default False
        Also print each page to ``<notebook>.pdf`` with headless Chromium.
    jobs : int, optional
        Notebooks to execute at once; default: the number of cores this process may use.
    fork_kernels : bool, default True
        Start each kernel by forking a process that has imported the heavy libraries once
        for the whole run (:mod:`analysis.report.zygote`); False starts every kernel afresh.
        The results are the same (a test compares them); forking saves each kernel about
        two seconds of CPU.

    Returns
    -------
    list of RunResult

    Raises
    ------
    ReportError
        The kernel is not installed, *pdf* is asked for and no Chromium is found,
        *reports_dir* cannot be written to, or *jobs* is below 1.
    ParameterError
        ``ANALYSIS_RUN_DATE`` is set but is not a date.

    Examples
    --------
    >>> results = run_plans(plans, reports_dir="reports")  # doctest: +SKIP
    >>> [r.status for r in results]  # doctest: +SKIP
    ['ok']
    """
    plans = list(plans)
    reports_dir = Path(reports_dir).resolve()
    jobs = default_jobs() if jobs is None else jobs
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ReportError(f"jobs must be a whole number of notebooks to run at once, at least 1; got {jobs!r}")
    check_kernel(kernel_name)
    browser = None
    if pdf:
        from analysis.report.pdf import find_chromium

        browser = find_chromium()
        if browser is None:
            raise ReportError("--pdf needs Chromium: install it (Debian/Ubuntu: apt-get install chromium) "
                              "or set ANALYSIS_CHROMIUM to the browser's path; or run without --pdf")
    inputs_cache: dict[Path, list] = {}
    for plan in plans:  # before any kernel: a data set that cannot be found stops the run here
        if plan.study.path not in inputs_cache and plan.skipped is None and plan.problem is None:
            inputs_cache[plan.study.path] = mf.file_records(plan.study.input_files())
    day = run_date().date().isoformat()  # ANALYSIS_RUN_DATE if set (checked here), else today
    with _environment(RUN_DATE_VARIABLE, day), reports_lock(reports_dir, progress):
        build_index(reports_dir)  # a killed run may have left the index behind the manifests
        try:
            with run_staging(reports_dir) as staging, papermill_quiet(), Zygote(enabled=fork_kernels) as zygote:
                editions = {*editions_present(reports_dir), *(plan.language for plan in plans)}
                options = _Options(hide_code, kernel_name, timeout, force, browser, mf.code_sha256(), staging, day,
                                   tuple(lang for lang in LANGUAGES if lang in editions), zygote=zygote)
                return _run_all(plans, reports_dir, options, inputs_cache, progress, min(jobs, max(1, len(plans))))
        finally:
            with interrupts_deferred():
                build_index(reports_dir)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """Set an environment variable (inherited by the kernels) for the block."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def _run_all(plans, reports_dir: Path, options: _Options, inputs_cache, progress, jobs: int) -> list[RunResult]:
    env_cache: dict[Path, dict] = {}
    position = {id(plan): i for i, plan in enumerate(plans)}
    results: list[RunResult] = []
    said: set[str] = set()  # a study's bad-data error is printed once, not once per notebook

    def begin(plan) -> RunResult | _Pending:
        project = plan.notebook_path.parent.parent
        env = env_cache.setdefault(project, mf.environment(project))
        edition = edition_dir(reports_dir, plan.language)
        if plan.skipped is not None or plan.problem is not None:
            return _record_unrun(plan, edition, options, env)
        return _begin(plan, position[id(plan)], edition, options, env, inputs_cache[plan.study.path])

    def finished(plan, result: RunResult) -> None:
        results.append(result)
        if progress is not None:
            _tell(progress, plan, result, len(results), len(plans), said)

    def interrupted(plan, started: str, t0: float) -> RunResult:  # call with interrupts deferred
        return _record_interrupt(plan, edition_dir(reports_dir, plan.language), options, started,
                                 round(time.perf_counter() - t0, 2))

    steps = dict(begin=begin, produce=lambda pending: _produce(pending, options),
                 finish=lambda produced: _finish(produced, options), finished=finished, interrupted=interrupted,
                 done=lambda step: isinstance(step, RunResult))
    if jobs == 1:
        in_turn(plans, **steps)
    else:
        side_by_side(plans, **steps, jobs=jobs, kernels=options.kernels)
    return results


def _tell(progress: Callable[[str], None], plan, result: RunResult, i: int, n: int, said: set[str]) -> None:
    """One progress line per finished notebook."""
    told = result.error or result.reason
    tail = f": {told}" if told and told not in said else ""
    if plan.problem is not None:
        said.add(told)
    tag = "" if plan.language == DEFAULT_LANGUAGE else f" [{plan.language}]"
    progress(msg("report.run.progress", i=i, n=n, run=f"{plan.study.name}/{plan.notebook}{tag}",
                 status=msg(f"site.index.status.{result.status}"), seconds=result.duration_s,
                 reused=msg("report.run.reused") if result.reused else "",
                 checks=msg("report.run.checks", n=result.checks_failed) if result.checks_failed else "",
                 cited=msg("report.run.cited", n=result.citation_problems) if result.citation_problems else "",
                 tail=tail))


def _record_unrun(plan, reports_dir: Path, options: _Options, env) -> RunResult:
    """The manifest entry of a run the pre-run check stopped: "skipped" with the reason
    (the notebook does not apply to the study's tables; its old page is no longer
    listed) or "failed" with the problem (bad data, a column the table lacks; the last
    good report is kept). No kernel starts."""
    nb, study = plan.notebook, plan.study
    study_dir = reports_dir / study.name
    previous = (mf.read_manifest(study_dir) or {}).get("notebooks", {}).get(nb)
    entry: dict[str, Any] = {
        "status": mf.SKIPPED if plan.skipped is not None else "failed", "started": mf.utc_now(), "duration_s": 0.0,
        "run": options.staging.name, "parameters": {"study": str(study.path), **plan.parameters},
        "notebook_file": str(plan.notebook_path), "study_file": str(study.path), "environment": env,
        "run_date": options.run_date, "reused": False, "html": None, "reason": plan.skipped,
        "error": None if plan.problem is None else {"name": type(plan.problem).__name__,
                                                    "message": str(plan.problem), "cell": None},
    }
    if plan.problem is not None:  # "before_run": the index says no kernel started
        entry.update(title=(previous or {}).get("title"), last_good=mf.last_good(previous), before_run=True)
    with interrupts_deferred():
        mf.write_entry(study_dir, mf.study_record(study, plan.language), nb, entry)
    error = None if plan.problem is None else f"{type(plan.problem).__name__}: {plan.problem}"
    return RunResult(study.name, nb, entry["status"], 0.0, None, error, reason=plan.skipped)


def _record_interrupt(plan, reports_dir: Path, options: _Options, started: str, duration: float) -> RunResult:
    """The manifest entry of a notebook stopped by Ctrl-C: its previous good report stays.
    An interrupt that came after this run had recorded the notebook keeps that entry."""
    nb, study = plan.notebook, plan.study
    study_dir = reports_dir / study.name
    previous = (mf.read_manifest(study_dir) or {}).get("notebooks", {}).get(nb)
    if previous and previous.get("run") == options.staging.name:  # finished just before the interrupt
        html = study_dir / previous["html"] if previous.get("html") else None
        return RunResult(study.name, nb, str(previous.get("status")), duration, html, None,
                         reused=bool(previous.get("reused")), stopped=True)
    message = "stopped by Ctrl-C or SIGTERM before it finished; its previous good report, if any, is kept"
    entry: dict[str, Any] = {
        "status": mf.INTERRUPTED, "started": started, "duration_s": duration, "run": options.staging.name,
        "parameters": {"study": str(study.path), **plan.parameters}, "notebook_file": str(plan.notebook_path),
        "study_file": str(study.path), "run_date": options.run_date, "reused": False, "html": None,
        "error": {"name": "KeyboardInterrupt", "message": message, "cell": None},
        "title": (previous or {}).get("title"), "last_good": mf.last_good(previous),
    }
    mf.write_entry(study_dir, mf.study_record(study, plan.language), nb, entry)
    return RunResult(study.name, nb, mf.INTERRUPTED, duration, None, f"KeyboardInterrupt: {message}", stopped=True)


@dataclass(frozen=True)
class _Options:
    hide_code: bool
    kernel_name: str
    timeout: int | None
    force: bool
    browser: str | None
    code: str
    staging: Path
    run_date: str
    editions: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    kernels: KernelSet = field(default_factory=KernelSet)
    zygote: Zygote | None = None


@dataclass(frozen=True)
class _Pending:
    """A run to execute afresh: what the main thread decided before handing it to a worker."""

    plan: RunPlan
    order: int  # the plan's position in the run (finished runs are recorded in this order when they tie)
    study_dir: Path
    env: dict[str, Any]
    inputs: list
    fingerprint: dict[str, Any]
    previous: dict[str, Any] | None


@dataclass(frozen=True)
class _Produced:
    """A run executed and rendered in its staging folder, not yet moved into the site."""

    pending: _Pending
    executed: Path
    page: Path
    outputs: Path
    injected: dict[str, Any]
    started: str
    t0: float
    duration: float
    error: dict[str, Any] | None


def _edition_source(plan, stage: Path) -> Path:
    """The notebook with only the narrative of the plan's language (the code is the same in every edition)."""
    import nbformat

    source = stage / f"{plan.notebook}.{plan.language}.source.ipynb"
    nbformat.write(notebook_in(nbformat.read(plan.notebook_path, as_version=4), plan.language), source)
    return source


def _page_title(plan) -> str:
    return f"{plan.study.text_in(plan.language)}: {plan.notebook}"


def _begin(plan, order: int, reports_dir, options: _Options, env, inputs) -> RunResult | _Pending:
    """Reuse the last good run when nothing it depends on changed; else say what to execute."""
    nb, study = plan.notebook, plan.study
    study_dir = reports_dir / study.name
    injected = {"study": str(study.path), "output_dir": "", **plan.parameters}
    fingerprint = mf.run_fingerprint(
        notebook_sha256=mf.file_records([plan.notebook_path])[0]["sha256"],
        study_sha256=mf.file_records([study.path])[0]["sha256"],
        input_files=inputs,
        parameters={k: v for k, v in injected.items() if k != "output_dir"},
        language=plan.language,
        code=options.code,
        environment=env,
        run_date=options.run_date if _drops_future_dates(study) else None,
    )
    previous = (mf.read_manifest(study_dir) or {}).get("notebooks", {}).get(nb)
    if not options.force:
        reused = _reuse(plan, study_dir, previous, fingerprint, options)
        if reused is not None:
            return reused
    return _Pending(plan, order, study_dir, env, inputs, fingerprint, previous)


def _drops_future_dates(study: Study) -> bool:
    """Whether the study's results depend on the run date: a table drops rows dated after it."""
    return any(spec.options.get("future_dates") == "drop" for spec in study.data.tables.values())


def _reuse(plan, study_dir: Path, previous, fingerprint, options: _Options) -> RunResult | None:
    """Re-render the last good run when nothing it depends on has changed."""
    nb, study = plan.notebook, plan.study
    if not previous or previous.get("status") != "ok":
        return None
    if (previous.get("fingerprint") or {}).get("sha256") != fingerprint["sha256"]:
        return None
    executed = study_dir / str(previous.get("executed") or f"{nb}.ipynb")
    outputs = study_dir / nb
    had_outputs = any((previous.get("outputs") or {}).get(kind) for kind in ("tables", "figures", "findings"))
    if not executed.is_file() or (had_outputs and not (outputs / "outputs.json").is_file()):
        return None  # files removed by hand: run again
    t0 = time.perf_counter()
    page = study_dir / f"{nb}.html"
    try:
        render_html(executed, page, hide_code=options.hide_code, title=_page_title(plan),
                    outputs_dir=outputs if outputs.is_dir() else None, language=plan.language,
                    editions=options.editions, site_path=f"{study.name}/{nb}.html")
    except ReportError:
        return None  # execute afresh instead
    entry = {k: v for k, v in previous.items() if k not in ("last_good",)}
    entry.update(reused=True, checked=mf.utc_now(), run=options.staging.name, html=page.name,
                 outputs=mf.collect_outputs(outputs, nb))
    entry.update(_pdf(page, study_dir / f"{nb}.pdf", options.browser))
    with interrupts_deferred():
        mf.write_entry(study_dir, mf.study_record(study, plan.language), nb, entry)
    return RunResult(study.name, nb, "ok", round(time.perf_counter() - t0, 2), page, None, reused=True,
                     **_outcome(entry["outputs"]))


def _produce(pending: _Pending, options: _Options) -> _Produced:
    """Execute the notebook and render its page, all inside the run's staging folder.

    Touches nothing outside its own staging folder and no process-wide state, so
    several run at once in worker threads (:func:`analysis.report.schedule.side_by_side`)."""
    from papermill.exceptions import PapermillExecutionError

    plan = pending.plan
    nb, study = plan.notebook, plan.study
    stage = options.staging / plan.language / study.name / nb
    stage.mkdir(parents=True)
    executed, page, outputs = stage / f"{nb}.ipynb", stage / f"{nb}.html", stage / nb
    injected = {"study": str(study.path), "output_dir": str(outputs), **plan.parameters}
    started, t0 = mf.utc_now(), time.perf_counter()
    error: dict[str, Any] | None = None
    try:
        execute_notebook(_edition_source(plan, stage), executed, parameters=injected,
                         cwd=plan.notebook_path.parent, environment={LANGUAGE_VARIABLE: plan.language},
                         kernel_name=options.kernel_name, timeout=options.timeout, kernels=options.kernels,
                         zygote=options.zygote)
    except PapermillExecutionError as exc:
        error = {"name": exc.ename, "message": str(exc.evalue),
                 "cell": {"index": exc.cell_index, "execution_count": exc.exec_count, "source": exc.source}}
    except Exception as exc:  # kernel died, timeout, unreadable notebook: report, go on
        error = {"name": type(exc).__name__, "message": str(exc), "cell": None}
    duration = round(time.perf_counter() - t0, 2)
    _show_final_paths(executed, {str(outputs): str(pending.study_dir / nb)})
    if error is None:
        try:
            render_html(executed, page, hide_code=options.hide_code, title=_page_title(plan),
                        outputs_dir=outputs, language=plan.language, editions=options.editions,
                        site_path=f"{study.name}/{nb}.html")
        except ReportError as exc:
            error = {"name": "ReportError", "message": str(exc), "cell": None}
    return _Produced(pending, executed, page, outputs, injected, started, t0, duration, error)


def _finish(produced: _Produced, options: _Options) -> RunResult:
    """Move an executed run into the site (or keep its failure) and record it; main thread only."""
    pending, error = produced.pending, produced.error
    plan, study_dir, fingerprint = pending.plan, pending.study_dir, pending.fingerprint
    nb, study = plan.notebook, plan.study
    entry: dict[str, Any] = {
        "status": "ok" if error is None else "failed",
        "started": produced.started,
        "duration_s": produced.duration,
        "parameters": {**produced.injected, "output_dir": str(study_dir / nb)},
        "notebook_file": str(plan.notebook_path),
        "notebook_sha256": fingerprint["notebook_sha256"],
        "study_file": str(study.path),
        "study_sha256": fingerprint["study_sha256"],
        "input_files": pending.inputs,
        "environment": pending.env,
        "fingerprint": fingerprint,
        "reused": False,
        "run": options.staging.name,
        "run_date": options.run_date,
        "language": plan.language,
        "error": error,
    }
    with interrupts_deferred():  # a report is moved into place and recorded whole, or not at all
        _commit(produced.executed, produced.page, produced.outputs, study_dir, plan, options, entry, pending.previous)
    html = study_dir / entry["html"] if entry.get("html") else None
    message = None if error is None else f"{error['name']}: {error['message']}"
    return RunResult(study.name, nb, entry["status"], produced.duration, html, message,
                     **_outcome(entry.get("outputs")))


def _outcome(outputs: dict[str, Any] | None) -> dict[str, int]:
    """The counts the progress line reports: failed checks and unverified citations."""
    outputs = outputs or {}
    failed = sum(c.get("status") in ("warn", "fail") for c in (outputs.get("checks") or {}).values()
                 if isinstance(c, dict))
    return {"checks_failed": failed, "citation_problems": len(outputs.get("citation_problems") or [])}


def _commit(executed: Path, page: Path, outputs: Path, study_dir: Path, plan, options: _Options,
            entry: dict[str, Any], previous) -> None:
    """Move a finished run's files into *study_dir* (or keep a failure beside the last good
    report) and write its manifest entry; *entry* is completed in place."""
    nb, study = plan.notebook, plan.study
    study_dir.mkdir(parents=True, exist_ok=True)
    if entry["error"] is None:
        _replace(outputs, study_dir / nb)
        _replace(executed, study_dir / f"{nb}.ipynb")
        _replace(page, study_dir / f"{nb}.html")
        for stale in (f"{nb}.failed.ipynb", f"{nb}.failed.html", f"{nb}.pdf"):  # a PDF of the old results
            (study_dir / stale).unlink(missing_ok=True)
        entry.update(html=f"{nb}.html", executed=f"{nb}.ipynb", outputs=mf.collect_outputs(study_dir / nb, nb),
                     title=_notebook_heading(study_dir / f"{nb}.ipynb"))
        entry.update(_pdf(study_dir / f"{nb}.html", study_dir / f"{nb}.pdf", options.browser))
    else:
        entry.update(_keep_failure(executed, study_dir, nb, options.hide_code, _page_title(plan), plan.language))
        if previous:
            entry["last_good"] = mf.last_good(previous)
    mf.write_entry(study_dir, mf.study_record(study, plan.language), nb, entry)


def _show_final_paths(executed: Path, moves: dict[str, str]) -> None:
    """In the executed notebook's injected-parameters cell, show where the outputs
    end up rather than the staging folder they were written to."""
    import nbformat

    try:
        nb = nbformat.read(executed, as_version=4)
    except Exception:  # noqa: BLE001 - no executed notebook (kernel did not start): nothing to fix
        return
    changed = False
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.source
            for old, new in moves.items():
                source = source.replace(repr(old), repr(new)).replace(f'"{old}"', f'"{new}"')
            changed |= source != cell.source
            cell.source = source
    if changed:
        nbformat.write(nb, executed)


def _notebook_heading(path: Path) -> str | None:
    """The text of the notebook's first level-1 heading, for the index."""
    import re

    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001 - a title is a nicety
        return None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+?)\s*#*\s*$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).replace("`", "")
    return None


def _pdf(page: Path, target: Path, browser: str | None) -> dict[str, Any]:
    """Print *page* to *target* when a browser was found; a PDF that fails is
    recorded, not fatal (the HTML page is the report)."""
    if browser is None:
        return {}
    from analysis.report.pdf import print_pdf

    try:
        print_pdf(page, target, browser=browser)
    except ReportError as exc:
        return {"pdf": None, "pdf_error": str(exc)}
    return {"pdf": target.name, "pdf_error": None}


def _keep_failure(executed: Path, study_dir: Path, nb: str, hide_code: bool, title: str,
                  language: str) -> dict[str, Any]:
    kept: dict[str, Any] = {"failed_notebook": None, "failed_html": None, "html": None}
    if not executed.is_file():
        return kept
    target = study_dir / f"{nb}.failed.ipynb"
    os.replace(executed, target)
    kept["failed_notebook"] = target.name
    try:
        render_html(target, study_dir / f"{nb}.failed.html", hide_code=hide_code, language=language,
                    title=msg("site.page.failed_title", language=language, title=title))
        kept["failed_html"] = f"{nb}.failed.html"
    except ReportError:
        (study_dir / f"{nb}.failed.html").unlink(missing_ok=True)
    return kept


def _replace(src: Path, dst: Path) -> None:
    """Move *src* onto *dst*; a folder is swapped whole (a missing *src* removes *dst*)."""
    if dst.is_dir():
        trash = dst.with_name(f".{dst.name}.old-{os.getpid()}")
        shutil.rmtree(trash, ignore_errors=True)
        os.replace(dst, trash)
        if src.exists():
            os.replace(src, dst)
        shutil.rmtree(trash, ignore_errors=True)
    elif src.exists():
        os.replace(src, dst)
