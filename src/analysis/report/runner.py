"""Run notebooks with a study's parameters (papermill) into ``reports/<study>/``.

:func:`plan_runs` checks every study and parameter of every requested run before
any kernel starts; :func:`run_plans` executes them one by one. Each run executes
into ``reports/.staging/<study>/<notebook>/`` and is moved into place only on
success, so a failure or an interruption never replaces a good report with a half
one. A failed notebook is kept as ``<notebook>.failed.ipynb`` (and ``.failed.html``)
beside the previous good report; the next run removes any staging left behind.

Regeneration is incremental: each run's fingerprint (notebook file, study file,
input files, parameters, package code, Python and key package versions; see
:func:`analysis.report.manifest.run_fingerprint`) is kept in the manifest, and a
notebook whose last run succeeded with the same fingerprint is not executed again
(its page is re-rendered; ``"reused": true``) unless ``force=True``.

Layout of ``reports/<study>/``: ``<nb>.ipynb``, ``<nb>.html`` (optionally
``<nb>.pdf``), ``<nb>/tables/*.csv``, ``<nb>/figures/*.png``, ``<nb>/findings.json``,
``<nb>/outputs.json`` and ``manifest.json`` (see :mod:`analysis.report.manifest`).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import NotebookParameterError, ParameterError, ReportError, StudyConfigError
from analysis.report import manifest as mf
from analysis.report.parameters import check_parameters, read_parameters
from analysis.report.render import render_html
from analysis.study import Study, suggest
from analysis.window import WINDOW_KEYS

__all__ = ["KERNEL_NAME", "RunPlan", "RunResult", "check_kernel", "plan_runs", "run_plans", "select_notebooks"]

KERNEL_NAME = "service-analytics"
RUNNER_PARAMETERS = ("study", "output_dir")
STAGING = ".staging"


@dataclass(frozen=True)
class RunPlan:
    """One checked run: a study, a notebook and the parameters to inject (besides
    ``study`` and ``output_dir``, which the runner sets)."""

    study: Study
    notebook: str
    notebook_path: Path
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    """How one run went. ``html`` is the report page (None if it failed);
    ``reused`` is True when nothing had changed and the last run's results were kept."""

    study: str
    notebook: str
    status: str
    duration_s: float
    html: Path | None
    error: str | None = None
    reused: bool = False


def select_notebooks(study: Study, notebooks_dir: Path) -> list[str]:
    """The notebooks a study runs by default: those listed in its ``notebooks:``
    section, or every notebook in *notebooks_dir* when it lists none.

    Examples
    --------
    >>> select_notebooks(load_study("cdnow"), Path("notebooks"))  # doctest: +SKIP
    ['00_data_overview']
    """
    if study.notebooks:
        return list(study.notebooks)
    return sorted(p.stem for p in Path(notebooks_dir).glob("*.ipynb"))


def plan_runs(
    studies: Sequence[Study],
    notebooks: Sequence[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    notebooks_dir: str | Path | None = None,
) -> list[RunPlan]:
    """Check and plan every (study, notebook) run, before any kernel starts.

    Parameters
    ----------
    studies : sequence of Study
    notebooks : sequence of str, optional
        Run these notebooks for every study; default: :func:`select_notebooks`.
    overrides : mapping, optional
        The command line's ``-p`` values, applied after the study's own
        per-notebook parameters, to every notebook that declares them; a name that
        no notebook to run declares is an error.
    notebooks_dir : str or Path, optional
        Default: each study's notebooks folder.

    Raises
    ------
    StudyConfigError, NotebookParameterError
        A notebook that does not exist, a parameter that is unknown or of the
        wrong type, a notebook without a ``parameters`` cell.

    Examples
    --------
    >>> plans = plan_runs([load_study("cdnow")], overrides={"top_n": 5})  # doctest: +SKIP
    """
    overrides = dict(overrides or {})
    for name in RUNNER_PARAMETERS:
        if name in overrides:
            raise NotebookParameterError(f"-p {name}=...: '{name}' is set by the runner; choose the study with --study")
    declared_cache: dict[Path, dict] = {}
    plans = []
    for study in studies:
        nb_dir = Path(notebooks_dir) if notebooks_dir is not None else study.notebooks_dir
        if nb_dir is None or not nb_dir.is_dir():
            raise StudyConfigError(f"{study.path}: notebooks folder not found: {nb_dir}; pass --notebooks-dir")
        available = sorted(p.stem for p in nb_dir.glob("*.ipynb"))
        wanted = notebooks if notebooks else select_notebooks(study, nb_dir)
        for notebook in dict.fromkeys(n.removesuffix(".ipynb") for n in wanted):  # each once, in order
            if notebook not in available:
                raise StudyConfigError(
                    f"no notebook {notebook}.ipynb in {nb_dir}{suggest(notebook, available)} "
                    f"(notebooks: {', '.join(available) or 'none'})"
                )
            path = nb_dir / f"{notebook}.ipynb"
            declared = declared_cache.setdefault(path, read_parameters(path))
            missing = [n for n in RUNNER_PARAMETERS if n not in declared]
            if missing:
                raise NotebookParameterError(
                    f"{path.name}: its parameters cell must set {' and '.join(missing)} "
                    f"(e.g. study = \"../params/service_demo.yaml\" and output_dir = None); the runner injects them"
                )
            own = study.notebook_parameters(notebook)
            for name in RUNNER_PARAMETERS:
                if name in own:
                    raise StudyConfigError(f"{study.path}: notebooks.{notebook}.{name}: '{name}' is set by the runner; remove it")
            params = check_parameters(declared, own, notebook=notebook, source=f"{study.path} notebooks.{notebook}")
            mine = {k: v for k, v in overrides.items() if k in declared}
            params.update(check_parameters(declared, mine, notebook=notebook, source="-p"))
            _check_window(study, params, notebook, own, mine)
            plans.append(RunPlan(study=study, notebook=notebook, notebook_path=path, parameters=params))
    _check_overrides_used(overrides, plans, declared_cache)
    return plans


def _check_window(study: Study, params: Mapping[str, Any], notebook: str, own: Mapping[str, Any],
                  overrides: Mapping[str, Any]) -> None:
    """The notebook's window (the study's, with its own window parameters) must be valid,
    as the notebook will build it: a bad date or a calibration end after the observation
    end is reported now, not from inside a kernel."""
    given = {k: params[k] for k in WINDOW_KEYS if k in params}
    if not given:
        return
    sources = [f"{study.path} notebooks.{notebook}"] if any(k in own for k in given) else []
    sources += ["-p"] if any(k in overrides for k in given) else []
    source = " and ".join(sources)
    try:
        study.window.override(**given)
    except ParameterError as exc:
        raise NotebookParameterError(f"{source}: notebook {notebook}: {exc}") from None


def _check_overrides_used(overrides: Mapping[str, Any], plans: list[RunPlan], declared: dict[Path, dict]) -> None:
    """An override goes to the notebooks that declare it; one that none declares is an error."""
    names = sorted({n for p in plans for n in declared[p.notebook_path]})
    for key in overrides:
        if not any(key in declared[p.notebook_path] for p in plans):
            notebooks = ", ".join(sorted({p.notebook for p in plans}))
            raise NotebookParameterError(
                f"-p {key}: no notebook to run has a parameter {key!r}{suggest(key, names)} "
                f"(notebooks: {notebooks}; their parameters: {', '.join(names)})"
            )


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
) -> list[RunResult]:
    """Execute checked runs one after another; one failure does not stop the rest.

    A notebook whose last run succeeded and whose notebook file, study file,
    input files (by SHA-256), parameters, package code (SHA-256 of
    ``src/analysis/**/*.py``), Python and key package versions are all unchanged
    is not executed again: its page is only re-rendered from the executed
    notebook, and its manifest entry says ``"reused": true``.

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

    Returns
    -------
    list of RunResult

    Raises
    ------
    ReportError
        The kernel is not installed, or *pdf* is asked for and no Chromium is found.

    Examples
    --------
    >>> results = run_plans(plans, reports_dir="reports")  # doctest: +SKIP
    >>> [r.status for r in results]  # doctest: +SKIP
    ['ok']
    """
    plans = list(plans)
    reports_dir = Path(reports_dir).resolve()
    check_kernel(kernel_name)
    browser = None
    if pdf:
        from analysis.report.pdf import find_chromium

        browser = find_chromium()
        if browser is None:
            raise ReportError("--pdf needs Chromium: install it (Debian/Ubuntu: apt-get install chromium) "
                              "or set ANALYSIS_CHROMIUM to the browser's path; or run without --pdf")
    staging = reports_dir / STAGING
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted run
    env_cache: dict[Path, dict] = {}
    inputs_cache: dict[Path, list] = {}
    for plan in plans:  # before any kernel: a data set that cannot be found stops the run here
        if plan.study.path not in inputs_cache:
            inputs_cache[plan.study.path] = mf.file_records(plan.study.input_files())
    code = mf.code_sha256()
    options = _Options(hide_code, kernel_name, timeout, force, browser, code)
    results = []
    for i, plan in enumerate(plans, 1):
        project = plan.notebook_path.parent.parent
        env = env_cache.setdefault(project, mf.environment(project))
        inputs = inputs_cache[plan.study.path]
        result = _run_one(plan, reports_dir, options, env, inputs)
        results.append(result)
        if progress is not None:
            tail = f": {result.error}" if result.error else ""
            reused = ", reused: inputs, parameters and code unchanged" if result.reused else ""
            progress(f"[{i}/{len(plans)}] {plan.study.name}/{plan.notebook}: {result.status} "
                     f"({result.duration_s:.1f} s){reused}{tail}")
    shutil.rmtree(staging, ignore_errors=True)
    return results


@dataclass(frozen=True)
class _Options:
    hide_code: bool
    kernel_name: str
    timeout: int | None
    force: bool
    browser: str | None
    code: str


class _ParameterNoise(logging.Filter):
    """papermill re-parses the parameters cell with regular expressions and warns
    ("Unable to parse line", "Passed unknown parameter") where a comment holds a
    colon; :func:`plan_runs` has already checked every name with ``ast``."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Unable to parse line", "Passed unknown parameter"))


def _run_one(plan, reports_dir, options, env, inputs) -> RunResult:
    noise = _ParameterNoise()
    loggers = [logging.getLogger("papermill"), logging.getLogger("papermill.translators")]
    for logger in loggers:
        logger.addFilter(noise)
    try:
        return _execute(plan, reports_dir, options, env, inputs)
    finally:
        for logger in loggers:
            logger.removeFilter(noise)


def _page_title(study: Study, nb: str) -> str:
    return f"{study.title}: {nb}"


def _execute(plan, reports_dir, options: _Options, env, inputs) -> RunResult:
    nb, study = plan.notebook, plan.study
    study_dir = reports_dir / study.name
    injected = {"study": str(study.path), "output_dir": "", **plan.parameters}
    fingerprint = mf.run_fingerprint(
        notebook_sha256=mf.file_records([plan.notebook_path])[0]["sha256"],
        study_sha256=mf.file_records([study.path])[0]["sha256"],
        input_files=inputs,
        parameters={k: v for k, v in injected.items() if k != "output_dir"},
        code=options.code,
        environment=env,
    )
    previous = (mf.read_manifest(study_dir) or {}).get("notebooks", {}).get(nb)
    if not options.force:
        reused = _reuse(plan, study_dir, previous, fingerprint, options)
        if reused is not None:
            return reused
    return _execute_fresh(plan, reports_dir, options, env, inputs, fingerprint, previous)


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
        render_html(executed, page, hide_code=options.hide_code, title=_page_title(study, nb),
                    outputs_dir=outputs if outputs.is_dir() else None)
    except ReportError:
        return None  # execute afresh instead
    entry = {k: v for k, v in previous.items() if k not in ("last_good",)}
    entry.update(reused=True, checked=mf.utc_now(), html=page.name, outputs=_collect_outputs(outputs, nb))
    entry.update(_pdf(page, study_dir / f"{nb}.pdf", options.browser))
    _write_entry(study_dir, study, nb, entry)
    return RunResult(study.name, nb, "ok", round(time.perf_counter() - t0, 2), page, None, reused=True)


def _execute_fresh(plan, reports_dir, options: _Options, env, inputs, fingerprint, previous) -> RunResult:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    nb, study = plan.notebook, plan.study
    study_dir = reports_dir / study.name
    stage = reports_dir / STAGING / study.name / nb
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    executed, page, outputs = stage / f"{nb}.ipynb", stage / f"{nb}.html", stage / nb
    injected = {"study": str(study.path), "output_dir": str(outputs), **plan.parameters}
    started, t0 = mf.utc_now(), time.perf_counter()
    error: dict[str, Any] | None = None
    try:
        pm.execute_notebook(
            str(plan.notebook_path), str(executed), parameters=injected, kernel_name=options.kernel_name,
            cwd=str(plan.notebook_path.parent), progress_bar=False, log_output=False,
            execution_timeout=options.timeout,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # quiet the kernel's own start-up warnings
        )
    except PapermillExecutionError as exc:
        error = {"name": exc.ename, "message": str(exc.evalue),
                 "cell": {"index": exc.cell_index, "execution_count": exc.exec_count, "source": exc.source}}
    except Exception as exc:  # kernel died, timeout, unreadable notebook: report, go on
        error = {"name": type(exc).__name__, "message": str(exc), "cell": None}
    duration = round(time.perf_counter() - t0, 2)
    _show_final_paths(executed, {str(outputs): str(study_dir / nb)})
    if error is None:
        try:
            render_html(executed, page, hide_code=options.hide_code, title=_page_title(study, nb),
                        outputs_dir=outputs)
        except ReportError as exc:
            error = {"name": "ReportError", "message": str(exc), "cell": None}

    entry: dict[str, Any] = {
        "status": "ok" if error is None else "failed",
        "started": started,
        "duration_s": duration,
        "parameters": {**injected, "output_dir": str(study_dir / nb)},
        "notebook_file": str(plan.notebook_path),
        "notebook_sha256": fingerprint["notebook_sha256"],
        "study_file": str(study.path),
        "study_sha256": fingerprint["study_sha256"],
        "input_files": inputs,
        "environment": env,
        "fingerprint": fingerprint,
        "reused": False,
        "error": error,
    }
    study_dir.mkdir(parents=True, exist_ok=True)
    if error is None:
        _replace(outputs, study_dir / nb)
        _replace(executed, study_dir / f"{nb}.ipynb")
        _replace(page, study_dir / f"{nb}.html")
        for stale in (f"{nb}.failed.ipynb", f"{nb}.failed.html", f"{nb}.pdf"):  # a PDF of the old results
            (study_dir / stale).unlink(missing_ok=True)
        entry.update(html=f"{nb}.html", executed=f"{nb}.ipynb", outputs=_collect_outputs(study_dir / nb, nb),
                     title=_notebook_heading(study_dir / f"{nb}.ipynb"))
        entry.update(_pdf(study_dir / f"{nb}.html", study_dir / f"{nb}.pdf", options.browser))
    else:
        entry.update(_keep_failure(executed, study_dir, nb, options.hide_code, study.title))
        if previous:
            last_good = previous if previous.get("status") == "ok" else previous.get("last_good")
            entry["last_good"] = {k: v for k, v in last_good.items() if k != "last_good"} if last_good else None
    _write_entry(study_dir, study, nb, entry)
    html = study_dir / entry["html"] if entry.get("html") else None
    message = None if error is None else f"{error['name']}: {error['message']}"
    return RunResult(study.name, nb, entry["status"], duration, html, message)


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


def _keep_failure(executed: Path, study_dir: Path, nb: str, hide_code: bool, title: str) -> dict[str, Any]:
    kept: dict[str, Any] = {"failed_notebook": None, "failed_html": None, "html": None}
    if not executed.is_file():
        return kept
    target = study_dir / f"{nb}.failed.ipynb"
    os.replace(executed, target)
    kept["failed_notebook"] = target.name
    try:
        render_html(target, study_dir / f"{nb}.failed.html", hide_code=hide_code, title=f"{title}: {nb} (failed)")
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


def _collect_outputs(out_dir: Path, nb: str) -> dict[str, Any]:
    try:
        records = json.loads((out_dir / "outputs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        records = {}
    prefix = lambda rec: {k: (f"{nb}/{v}" if k == "path" and v else v) for k, v in rec.items()}  # noqa: E731
    return {
        "tables": {n: prefix(r) for n, r in records.get("tables", {}).items()},
        "figures": {n: prefix(r) for n, r in records.get("figures", {}).items()},
        "findings": dict(records.get("findings", {})),
    }


def _write_entry(study_dir: Path, study: Study, nb: str, entry: dict[str, Any]) -> None:
    manifest = mf.read_manifest(study_dir) or {}
    notebooks = dict(manifest.get("notebooks", {}))
    notebooks[nb] = entry
    mf.write_manifest(study_dir, {
        **mf.study_record(study),
        "updated": mf.utc_now(),
        "notebooks": dict(sorted(notebooks.items())),
    })
