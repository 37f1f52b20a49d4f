"""The ``analysis`` command: ``analysis run`` regenerates reports, ``analysis check``
checks studies completely without starting a kernel, ``analysis init`` writes a starter
study for data files, ``analysis list`` shows what there is to run, ``analysis index``
rebuilds ``reports/index.html`` from the manifests, ``analysis compare`` checks that two
report folders hold the same tables (see :mod:`analysis.report.compare`).

``analysis run`` with no options runs every study in ``params/`` with every notebook
its ``notebooks:`` section lists (a study that lists none runs every notebook in
``notebooks/``). ``--notebook`` runs the named notebooks for each chosen study
instead. All studies and parameters are checked before the first kernel starts, and
each study's data once (:mod:`analysis.report.requirements`): a notebook whose inputs
the study lacks is recorded as skipped, with the reason; a study whose data are bad,
or a parameter naming a column its table lacks, is recorded as failed without a
kernel and the other studies still run. When every study runs, an invalid study file
is reported and set aside and the valid studies still run. Two runs into one reports
folder take turns (the second says so and waits); Ctrl-C or SIGTERM stops a run cleanly.

Exit codes: 0 all notebooks ran or were skipped, 1 a notebook failed (the others still
ran) or the run could not start, 2 bad input (unknown study, notebook or parameter, a
study file error, bad data, a column that is not there; the valid studies still ran),
130 interrupted (Ctrl-C). Errors are printed as messages, never tracebacks.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import click

from analysis.errors import AnalysisError, StudyConfigError
from analysis.messages import LANGUAGE_VARIABLE, LANGUAGES, join_words, msg

__all__ = ["main"]


def _friendly(command: Callable) -> Callable:
    """Turn the package's errors into click errors: a message, not a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except StudyConfigError as exc:  # includes NotebookParameterError: bad input, exit 2
            raise click.UsageError(str(exc), ctx=click.get_current_context()) from None
        except AnalysisError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


@click.group()
@click.version_option(package_name="service-analytics")
def main() -> None:
    """Run the service-analytics notebooks with a study's parameters into reports/."""


@main.command()
@click.option("--study", "studies", multiple=True, metavar="NAME|PATH",
              help="Study name (params/NAME.yaml) or YAML path; repeatable. Default: every study in params/.")
@click.option("--notebook", "notebooks", multiple=True, metavar="NAME",
              help="Notebook to run (without .ipynb); repeatable. Default: those the study lists.")
@click.option("-p", "--parameter", "parameters", multiple=True, metavar="KEY=VALUE",
              help="Notebook parameter for every run, value read as YAML (top_n=5, flag=true); repeatable.")
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where reports go. Default: <project>/reports.")
@click.option("--notebooks-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the notebooks. Default: <project>/notebooks.")
@click.option("--hide-code/--show-code", default=False, show_default=True, help="Leave the code out of the HTML.")
@click.option("--timeout", type=click.IntRange(min=1), default=None, help="Seconds a cell may run (default: no limit).")
@click.option("--force", is_flag=True, default=False,
              help="Execute every notebook, even those whose data, parameters and code are unchanged.")
@click.option("--pdf", is_flag=True, default=False, help="Also print each page to PDF with headless Chromium.")
@click.option("--lang", "language", type=click.Choice([*LANGUAGES, "all"]), default=None,
              help="Edition(s) to render: en, zh (Simplified Chinese), zh-Hant, or all (en and zh side by side, "
                   "reports/zh/ for Chinese). Default: each study's language: (en).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Notebooks to execute at once, one kernel each. Default: the number of cores.")
@click.option("--fresh-kernels", is_flag=True, default=False,
              help="Start every kernel afresh instead of forking one process that imported the libraries once "
                   "(same results, about 2 s more CPU per notebook).")
@_friendly
def run(studies, notebooks, parameters, reports_dir, notebooks_dir, hide_code, timeout, force, pdf, language,
        jobs, fresh_kernels) -> None:
    """Execute notebooks, render HTML, write manifests and reports/index.html.

    A notebook whose notebook file, study, input files, parameters and package code
    are unchanged since its last successful run is not executed again (its page is
    re-rendered); --force executes it anyway. With one --lang, this command's own
    messages are in that language too (else ANALYSIS_LANG's, default English)."""
    from analysis.report.lock import writable_folder
    from analysis.report.manifest import INTERRUPTED, SKIPPED
    from analysis.report.parameters import parse_cli_parameters
    from analysis.report.requirements import check_plans
    from analysis.report.runner import plan_runs, run_plans

    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    if language in LANGUAGES:
        os.environ[LANGUAGE_VARIABLE] = language  # the command's own messages
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)  # a scheduler's stop or timeout is handled as Ctrl-C is
    try:
        overrides = parse_cli_parameters(parameters)
        invalid: dict[Path, str] = {}
        loaded = _load_studies(studies, notebooks_dir, invalid=None if studies else invalid)
        plans = plan_runs(loaded, notebooks or None, overrides, notebooks_dir=notebooks_dir,
                          invalid=None if studies else invalid, language=language)
        plans = check_plans(plans)  # each study's data read and checked once; no kernel yet
        if not plans:
            raise click.UsageError(_invalid_text(invalid) if invalid else msg("report.run.nothing"))
        if reports_dir is None:
            from analysis.study import find_project_root

            reports_dir = find_project_root() / "reports"
        writable_folder(reports_dir)
        echo(msg("report.run.start", n=len(plans), folder=reports_dir))
        results = run_plans(plans, reports_dir=reports_dir, hide_code=hide_code, timeout=timeout, progress=echo,
                            force=force, pdf=pdf, jobs=jobs, fork_kernels=not fresh_kernels)
    except KeyboardInterrupt:  # before a notebook started, or while cleaning up after one
        echo(msg("report.run.interrupted"))
        sys.exit(130)
    index = Path(reports_dir) / "index.html"
    failed = [r for r in results if r.status not in ("ok", SKIPPED)]
    refused = {(p.study.name, p.notebook) for p in plans if p.problem is not None}  # bad input, no kernel
    skipped = sum(r.status == SKIPPED for r in results)
    reused = sum(r.reused for r in results)
    if any(r.stopped for r in results):
        stopped = [f"{r.study}/{r.notebook}" for r in results if r.status == INTERRUPTED]
        which = "report.run.interrupted_which" if len(stopped) == 1 else "report.run.interrupted_which_many"
        what = msg(which, which=join_words(stopped)) if stopped else ""
        echo(msg("report.run.interrupted_some", what=what, done=len(results) - len(stopped), n=len(plans), index=index))
        sys.exit(130)
    echo(msg("report.run.summary", ok=len(results) - len(failed) - skipped, reused=reused, failed=len(failed),
             skipped=skipped, index=index))
    if invalid:
        echo(_invalid_text(invalid))
    ran_and_failed = [r for r in failed if (r.study, r.notebook) not in refused]
    if failed or invalid:
        sys.exit(1 if ran_and_failed else 2)


def _stop_like_ctrl_c(signum, frame) -> None:
    """SIGTERM (a scheduler stopping the job, ``timeout``, ``kill``) stops a run as Ctrl-C does:
    the running notebook is recorded as interrupted and the index is rebuilt."""
    raise KeyboardInterrupt


@main.command("index")
@click.option("--reports-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The reports folder. Default: <project>/reports.")
@_friendly
def index_(reports_dir) -> None:
    """Rebuild reports/index.html from the studies' manifest.json files (waits for a run in progress)."""
    from analysis.report.index import build_index
    from analysis.report.lock import reports_lock

    if reports_dir is None:
        from analysis.study import find_project_root

        reports_dir = find_project_root() / "reports"
    with reports_lock(reports_dir, progress=lambda line: click.echo(line, err=True)):
        click.echo(build_index(reports_dir))


@main.command("list")
@click.option("--notebooks-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the notebooks. Default: <project>/notebooks.")
@_friendly
def list_(notebooks_dir) -> None:
    """List the studies in params/ (an invalid one with the reason; exit code 2) and the
    notebooks with what they need and their parameters."""
    from analysis.report.parameters import read_parameters
    from analysis.report.requirements import needs_text
    from analysis.report.runner import plan_runs, select_notebooks
    from analysis.study import find_project_root

    root = find_project_root()
    nb_dir = notebooks_dir or root / "notebooks"
    click.echo(f"Studies ({root / 'params'}):")
    invalid: dict[Path, str] = {}
    studies = {study.path: study for study in _load_studies((), notebooks_dir, invalid=invalid)}
    plan_runs(list(studies.values()), notebooks_dir=notebooks_dir, invalid=invalid)  # their notebooks' parameters
    for path in sorted({*studies, *invalid}):
        if path in invalid:
            click.echo(f"  {path.stem}: INVALID\n    " + invalid[path].replace("\n", "\n    "))
            continue
        study = studies[path]
        runs = ", ".join(select_notebooks(study, nb_dir)) or "none"
        click.echo(f"  {study.name}: {study.title}\n    notebooks: {runs}")
    click.echo(f"Notebooks ({nb_dir}):")
    for path in sorted(Path(nb_dir).glob("*.ipynb")):
        click.echo(f"  {path.stem}")
        if needs_text(path.stem):
            click.echo(msg("report.list.needs", needs=needs_text(path.stem)))
        try:
            declared = read_parameters(path)
        except AnalysisError as exc:
            click.echo(f"    (parameters unreadable: {exc})")
            continue
        for p in declared.values():
            comment = f"  # {p.comment}" if p.comment else ""
            default = "<expression>" if p.type == "unknown" else repr(p.default)
            click.echo(f"    {p.name} = {default}{comment}")
    if invalid:
        sys.exit(2)


@main.command()
@click.option("--study", "studies", multiple=True, metavar="NAME|PATH",
              help="Study name (params/NAME.yaml) or YAML path; repeatable. Default: every study in params/.")
@click.option("--notebook", "notebooks", multiple=True, metavar="NAME",
              help="Check only these notebooks (without .ipynb); repeatable. Default: those the study runs.")
@click.option("-p", "--parameter", "parameters", multiple=True, metavar="KEY=VALUE",
              help="Notebook parameter for every run, as `analysis run -p` takes it; repeatable.")
@click.option("--notebooks-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the notebooks. Default: <project>/notebooks.")
@_friendly
def check(studies, notebooks, parameters, notebooks_dir) -> None:
    """Check studies completely without starting a kernel: the study file, its tables
    (read, prepared and validated once), every notebook's needs and every parameter,
    including those that name columns. Prints what will run, what is skipped and why.

    Exit code 0 when nothing is wrong (skipped notebooks are fine), 2 otherwise."""
    from analysis.report.parameters import parse_cli_parameters
    from analysis.report.requirements import check_plans
    from analysis.report.runner import plan_runs

    overrides = parse_cli_parameters(parameters)
    invalid: dict[Path, str] = {}
    loaded = _load_studies(studies, notebooks_dir, invalid=invalid)
    plans = plan_runs(loaded, notebooks or None, overrides, notebooks_dir=notebooks_dir, invalid=invalid)
    data: dict = {}
    plans = check_plans(plans, data=data)
    for path, message in sorted(invalid.items()):
        click.echo(msg("report.check.invalid", path=path, error=message))
    for study in loaded:
        if study.path in invalid:
            continue
        click.echo(msg("report.check.study", study=study.name, path=study.path))
        _echo_study_check(study, [p for p in plans if p.study.path == study.path], data.get(study.path))
    problems = sum(p.problem is not None for p in plans)
    click.echo(msg("report.check.summary", studies=len(loaded) + len(invalid), problems=problems + len(invalid),
                   run=sum(p.problem is None and p.skipped is None for p in plans),
                   skipped=sum(p.skipped is not None for p in plans)))
    if problems or invalid:
        sys.exit(2)


def _echo_study_check(study, plans, data) -> None:
    """What ``analysis check`` prints for one study: its tables, then each notebook's fate."""

    if data is not None and data.error is not None:
        click.echo(msg("report.check.data", error=data.error))
        return
    if data is not None:
        tables = [msg("report.check.table_on_disk", table=t) if frame is None
                  else msg("report.check.table", table=t, rows=len(frame)) for t, frame in data.frames.items()]
        click.echo(msg("report.check.tables", tables=", ".join(tables)))
        for note in data.notes:
            click.echo(msg("report.check.note", note=note))
    for plan in plans:
        if plan.problem is not None:
            click.echo(msg("report.check.problem", notebook=plan.notebook, error=plan.problem))
        elif plan.skipped is not None:
            click.echo(msg("report.check.skip", notebook=plan.notebook, reason=plan.skipped))
        else:
            click.echo(msg("report.check.run", notebook=plan.notebook))
    if plans and all(p.skipped is not None for p in plans):
        click.echo(msg("report.check.none_apply", tables=", ".join(sorted(data.columns)) if data else ""))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", default=None, help="The study's name (default: from the first file's name).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the study YAML (default: params/<name>.yaml).")
@click.option("--force", is_flag=True, default=False, help="Overwrite an existing study file.")
@_friendly
def init(files, name, output, force) -> None:
    """Inspect data files and write a commented starter study (YAML) to edit, check and run."""
    from analysis.study.starter import write_starter

    path = write_starter(list(files), output=output, name=name, force=force)
    click.echo(msg("report.init.written", path=path))
    click.echo(msg("report.init.next", path=path), err=True)


@main.command()
@click.argument("notebook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(LANGUAGES), required=True,
              help="The language to keep: en, zh or zh-Hant (converted from zh).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the copy (default: NOTEBOOK's name with .<lang> before .ipynb, beside it).")
@_friendly
def export(notebook, language, output) -> None:
    """Write a copy of NOTEBOOK with the narrative in one language (for reading in JupyterLab).

    The suite's notebooks hold each narrative cell in English and in Chinese; the copy
    keeps the code and the cells of --lang. Edit the original, not the copy."""
    from analysis.report.editions import export_notebook

    target = output or notebook.with_name(f"{notebook.stem}.{language}.ipynb")
    click.echo(msg("report.export.written", path=export_notebook(notebook, target, language), lang=language))


@main.command()
@click.argument("before", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("after", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--study", "studies", multiple=True, metavar="NAME", help="Compare only this study; repeatable.")
@click.option("--rtol", type=float, default=1e-9, show_default=True, help="Relative tolerance for numbers.")
@click.option("--all", "show_all", is_flag=True, default=False, help="List the tables that are the same too.")
@_friendly
def compare(before, after, studies, rtol, show_all) -> None:
    """Compare the CSV tables of two report folders (e.g. before and after a refactoring).

    Exit code 0 when every table of BEFORE is in AFTER with the same rows and values
    (renamed columns allowed), else 1."""
    from analysis.report.compare import compare_tables

    table = compare_tables(before, after, rtol=rtol)
    if studies:
        table = table[table["study"].isin(studies)]
    for row in table.itertuples(index=False):
        if row.status == "same" and not show_all:
            continue
        details = [f"{label}: {text}" for label, text in (("renamed", row.renamed), ("changed", row.changed),
                                                            ("added", row.added)) if text]
        click.echo(f"{row.status:8} {row.study}/{row.notebook}/{row.table}" + (f"  ({'; '.join(details)})"
                                                                                if details else ""))
    counts = table["status"].value_counts()
    click.echo(", ".join(f"{counts.get(s, 0)} {s}" for s in ("same", "differs", "missing", "new")), err=True)
    if counts.get("differs", 0) or counts.get("missing", 0):
        sys.exit(1)


def _load_studies(names, notebooks_dir, invalid: dict[Path, str] | None = None):
    """The studies named (default: every ``params/*.yaml``); with *invalid* given, a study
    file that cannot be loaded is recorded there (path -> message) instead of stopping."""
    from analysis.study import find_project_root, load_study

    if not names:
        params = find_project_root() / "params"
        names = [str(p) for p in sorted(params.glob("*.yaml"))]
        if not names:
            raise StudyConfigError(f"no study files (*.yaml) in {params}")
    studies = {}
    for name in names:
        try:
            study = load_study(name, notebooks_dir=notebooks_dir)
        except StudyConfigError as exc:
            if invalid is None:
                raise
            invalid[Path(name).resolve()] = str(exc)
            continue
        studies.setdefault(study.path, study)  # the same file named twice runs once
    return list(studies.values())


def _invalid_text(invalid: dict[Path, str]) -> str:
    """Which study files were set aside, and why."""
    lines = [f"{len(invalid)} invalid study file(s), not run:"]
    lines += [f"  {path.name}: " + message.replace("\n", "\n    ") for path, message in sorted(invalid.items())]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    main()
