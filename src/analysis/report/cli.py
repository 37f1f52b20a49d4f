"""The ``analysis`` command: ``analysis run`` regenerates reports, ``analysis list`` shows
what there is to run, ``analysis compare`` checks that two report folders hold the same
tables (see :mod:`analysis.report.compare`).

``analysis run`` with no options runs every study in ``params/`` with every notebook
its ``notebooks:`` section lists (a study that lists none runs every notebook in
``notebooks/``). ``--notebook`` runs the named notebooks for each chosen study
instead. All studies and parameters are checked before the first kernel starts.

Exit codes: 0 all notebooks ran, 1 a notebook failed (the others still ran) or the
run could not start, 2 bad input (unknown study, notebook or parameter, a study
file error). Errors are printed as messages, never tracebacks.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from analysis.errors import AnalysisError, StudyConfigError

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
@_friendly
def run(studies, notebooks, parameters, reports_dir, notebooks_dir, hide_code, timeout, force, pdf) -> None:
    """Execute notebooks, render HTML, write manifests and reports/index.html.

    A notebook whose notebook file, study, input files, parameters and package code
    are unchanged since its last successful run is not executed again (its page is
    re-rendered); --force executes it anyway."""
    from analysis.report.index import build_index
    from analysis.report.parameters import parse_cli_parameters
    from analysis.report.runner import plan_runs, run_plans

    overrides = parse_cli_parameters(parameters)
    loaded = _load_studies(studies, notebooks_dir)
    plans = plan_runs(loaded, notebooks or None, overrides, notebooks_dir=notebooks_dir)
    if not plans:
        raise click.UsageError("nothing to run: no studies or notebooks found")
    if reports_dir is None:
        from analysis.study import find_project_root

        reports_dir = find_project_root() / "reports"
    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    echo(f"running {len(plans)} notebook(s) into {reports_dir}")
    results = run_plans(plans, reports_dir=reports_dir, hide_code=hide_code, timeout=timeout, progress=echo,
                        force=force, pdf=pdf)
    index = build_index(reports_dir)
    failed = [r for r in results if r.status != "ok"]
    reused = sum(r.reused for r in results)
    echo(f"{len(results) - len(failed)} ok ({reused} reused), {len(failed)} failed; index: {index}")
    if failed:
        sys.exit(1)


@main.command("list")
@click.option("--notebooks-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of the notebooks. Default: <project>/notebooks.")
@_friendly
def list_(notebooks_dir) -> None:
    """List the studies in params/ and the notebooks with their parameters."""
    from analysis.report.parameters import read_parameters
    from analysis.report.runner import select_notebooks
    from analysis.study import find_project_root

    root = find_project_root()
    nb_dir = notebooks_dir or root / "notebooks"
    click.echo(f"Studies ({root / 'params'}):")
    for study in _load_studies((), notebooks_dir):
        runs = ", ".join(select_notebooks(study, nb_dir)) or "none"
        click.echo(f"  {study.name}: {study.title}\n    notebooks: {runs}")
    click.echo(f"Notebooks ({nb_dir}):")
    for path in sorted(Path(nb_dir).glob("*.ipynb")):
        click.echo(f"  {path.stem}")
        try:
            declared = read_parameters(path)
        except AnalysisError as exc:
            click.echo(f"    (parameters unreadable: {exc})")
            continue
        for p in declared.values():
            comment = f"  # {p.comment}" if p.comment else ""
            default = "<expression>" if p.type == "unknown" else repr(p.default)
            click.echo(f"    {p.name} = {default}{comment}")


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


def _load_studies(names, notebooks_dir):
    from analysis.study import find_project_root, load_study

    if not names:
        params = find_project_root() / "params"
        names = [str(p) for p in sorted(params.glob("*.yaml"))]
        if not names:
            raise StudyConfigError(f"no study files (*.yaml) in {params}")
    studies = {}
    for name in names:
        study = load_study(name, notebooks_dir=notebooks_dir)
        studies.setdefault(study.path, study)  # the same file named twice runs once
    return list(studies.values())


if __name__ == "__main__":  # pragma: no cover
    main()
