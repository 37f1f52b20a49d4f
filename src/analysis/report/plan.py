"""Planning runs: every study, notebook and parameter is checked before any kernel starts.

:func:`plan_runs` turns studies (and the command line's notebooks and ``-p`` values)
into :class:`RunPlan` objects for :func:`analysis.report.runner.run_plans`. Asked to
(``invalid=``), it sets aside a study whose own settings are wrong (a notebook it
lists that does not exist, a parameter of the wrong type, a bad date) with the
reason, so the other studies still run; a mistake on the command line stops all.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError, NotebookParameterError, ParameterError, StudyConfigError
from analysis.messages import LANGUAGES
from analysis.report.editions import edition_languages
from analysis.report.parameters import check_parameters, read_parameters
from analysis.study import Study, suggest
from analysis.window import WINDOW_KEYS

__all__ = ["RUNNER_PARAMETERS", "RunPlan", "plan_runs", "select_notebooks"]

RUNNER_PARAMETERS = ("study", "output_dir")


@dataclass(frozen=True)
class RunPlan:
    """One checked run: a study, a notebook and the parameters to inject (besides
    ``study`` and ``output_dir``, which the runner sets).

    :func:`analysis.report.requirements.check_plans` sets ``skipped`` (why the
    notebook does not apply to the study's tables) or ``problem`` (the error that stops
    it before a kernel starts: bad data, a column the table lacks); the runner records
    such a run without executing it."""

    study: Study
    notebook: str
    notebook_path: Path
    parameters: Mapping[str, Any] = field(default_factory=dict)
    skipped: str | None = None
    problem: AnalysisError | None = None
    language: str = "en"


def select_notebooks(study: Study, notebooks_dir: Path) -> list[str]:
    """The notebooks a study runs by default: those listed in its ``notebooks:``
    section, or every notebook in *notebooks_dir* when it lists none (those its tables
    do not serve are then skipped, with the reason, by
    :func:`analysis.report.requirements.check_plans`).

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
    invalid: MutableMapping[Path, str] | None = None,
    language: str | None = None,
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
    invalid : mutable mapping, optional
        When given, a study whose own settings are wrong is left out of the plan
        and recorded here (study file -> the message) instead of stopping every
        run; mistakes in *notebooks* or *overrides* still raise.
    language : str, optional
        The edition(s) to render (``en``, ``zh``, ``zh-Hant`` or ``all``); default:
        each study's ``language:`` (:func:`analysis.report.editions.edition_languages`).
        Each (study, notebook) gets one plan per language.

    Raises
    ------
    StudyConfigError, NotebookParameterError
        A notebook that does not exist, a parameter that is unknown or of the
        wrong type (a date that is no date: ``-p observation_end=garbage``), a
        notebook without a ``parameters`` cell.

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
        if study.name in LANGUAGES:
            raise StudyConfigError(f"{study.path}: a study may not be named {study.name!r}: the reports folder "
                                   f"keeps that edition's pages under that name; rename the study")
        nb_dir = Path(notebooks_dir) if notebooks_dir is not None else study.notebooks_dir
        if notebooks and nb_dir is not None and nb_dir.is_dir():
            for notebook in notebooks:  # the command line's names: a mistake there stops every study
                _notebook_path(notebook.removesuffix(".ipynb"), nb_dir)
        try:
            runs = _study_runs(study, notebooks, nb_dir, declared_cache)
        except StudyConfigError as exc:
            if invalid is None:
                raise
            invalid[study.path] = str(exc)
            continue
        for notebook, path, own, params in runs:
            declared = declared_cache[path]
            mine = {k: v for k, v in overrides.items() if k in declared}
            params.update(check_parameters(declared, mine, notebook=notebook, source="-p"))
            _check_window(study, params, notebook, own, mine)
            plans.extend(RunPlan(study=study, notebook=notebook, notebook_path=path, parameters=params, language=lang)
                         for lang in edition_languages(language, study.language))
    _check_overrides_used(overrides, plans, declared_cache)
    return plans


def _notebook_path(notebook: str, nb_dir: Path) -> Path:
    available = sorted(p.stem for p in nb_dir.glob("*.ipynb"))
    if notebook not in available:
        raise StudyConfigError(
            f"no notebook {notebook}.ipynb in {nb_dir}{suggest(notebook, available)} "
            f"(notebooks: {', '.join(available) or 'none'})"
        )
    return nb_dir / f"{notebook}.ipynb"


def _study_runs(study: Study, notebooks, nb_dir: Path | None, declared_cache: dict[Path, dict]) -> list[tuple]:
    """``(notebook, path, study's own parameters, checked values)`` for each notebook the
    study runs, checking what the study itself sets (its notebooks and their parameters)."""
    if nb_dir is None or not nb_dir.is_dir():
        raise StudyConfigError(f"{study.path}: notebooks folder not found: {nb_dir}; pass --notebooks-dir")
    wanted = notebooks if notebooks else select_notebooks(study, nb_dir)
    runs = []
    for notebook in dict.fromkeys(n.removesuffix(".ipynb") for n in wanted):  # each once, in order
        path = _notebook_path(notebook, nb_dir)
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
        _check_window(study, params, notebook, own, {})
        runs.append((notebook, path, own, params))
    return runs


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
