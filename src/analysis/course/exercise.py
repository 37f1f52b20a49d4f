"""One exercise: its place in the course, the package computation that answers it, and how answers are compared.

An :class:`Exercise` is defined once, in the module of its notebook
(:mod:`analysis.course.overview` for notebook 00, ...). Its words (title,
question, hint, model answer) are in the message catalog
``exercises_<concern>`` in every language; its answer is computed by
``solve`` from a :class:`ClassData` (the class study's tables for one seed), so
every student's firm has its own answers and the checks still work.

Levels, from reading a result to using the method elsewhere:

``read``
    find a number in a table the notebook writes, and say what it means;
``compute``
    compute a number by hand (with pandas) and check it against the package's table;
``change``
    change a parameter, run again, and explain what moved;
``apply``
    apply the method to another data set (CDNOW, or another firm).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

from analysis.errors import ParameterError

__all__ = ["LEVELS", "TOPICS", "Exercise", "Solution", "ClassData", "compare", "CLASS_STUDY", "class_study_path"]

LEVELS = ("read", "compute", "change", "apply")

#: the course topics an exercise serves (../shared/COURSE.md's rows); words in the catalog ``course.topic.<key>``
TOPICS = (
    "customer_database", "value_indicators", "value_tiers", "key_accounts", "lifecycle", "one_to_one",
    "segmentation", "clv", "retention", "relationship_value", "satisfaction", "service_quality",
    "satisfaction_index", "loyalty", "complaints", "promotion", "cross_selling", "channels", "targets",
)

#: the class study's file, under the project's ``params/``
CLASS_STUDY = "class_study.yaml"


def class_study_path() -> Path:
    """The class study's file (``params/class_study.yaml`` of this project).

    Examples
    --------
    >>> class_study_path().name
    'class_study.yaml'
    """
    from analysis.study import find_project_root

    return find_project_root(Path(__file__).parent) / "params" / CLASS_STUDY


@dataclass(frozen=True)
class Solution:
    """What an exercise's ``solve`` returns.

    ``answer`` is what a student's answer is compared with (a number, a text, a
    dict of them, or a pandas Series); ``facts`` are the numbers and names the
    model answer's words cite (the catalog template's fields).
    """

    answer: Any
    facts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Exercise:
    """One exercise of a notebook.

    Parameters
    ----------
    id : str
        ``"<notebook number>.<k>"``, e.g. ``"01.3"``.
    key : str
        The catalog key under which its words are: ``<catalog>.<key>.title``,
        ``.question``, ``.hint`` and ``.answer``.
    catalog : str
        The catalog module (``"exercises_segmentation"``).
    level : str
        One of :data:`LEVELS`.
    topic : str
        One of :data:`TOPICS`.
    solve : callable
        ``solve(data: ClassData) -> Solution``, computed with the package.
    starter : str
        The code the workbook gives the student to start from; it must run as it
        is and set ``answer`` (to ``None`` where the student completes it).
    tolerance : float
        Absolute tolerance for numbers (a relative 1e-6 is always allowed).
    expect : callable or None
        ``expect(solution) -> bool``: the conditions the model answer's fixed
        words assume (e.g. "the adjusted difference is smaller than the raw
        one"); the tests hold every seed to them.
    """

    id: str
    key: str
    catalog: str
    level: str
    topic: str
    solve: Callable[["ClassData"], Solution]
    starter: str
    tolerance: float = 1e-6
    expect: Callable[[Solution], bool] | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ParameterError(f"exercise {self.id}: level must be one of {LEVELS}, got {self.level!r}")
        if self.topic not in TOPICS:
            raise ParameterError(f"exercise {self.id}: topic must be one of {TOPICS}, got {self.topic!r}")
        if "answer" not in self.starter:
            raise ParameterError(f"exercise {self.id}: the starter code must assign `answer`")

    @property
    def notebook_number(self) -> str:
        """``"01"`` for exercise ``"01.3"``."""
        return self.id.split(".")[0]

    def words(self, part: str, language: str | None = None, **fields: Any) -> str:
        """The exercise's *part* (``title``, ``question``, ``hint``, ``answer``) in *language*."""
        from analysis.messages import msg

        return msg(f"{self.catalog}.{self.key}.{part}", language=language, **fields)


class ClassData:
    """The class study's data for one seed, loaded once, and the other data sets exercises use.

    Parameters
    ----------
    seed : int or None
        The student's seed (replaces ``seed`` under ``data: options:`` of the class
        study); None keeps the study file's.
    study : str or Path or None
        Another study file built on a generated data set (default: the class study).

    Examples
    --------
    >>> data = ClassData(seed=7)          # doctest: +SKIP
    >>> data.tables["transactions"].shape  # doctest: +SKIP
    """

    def __init__(self, seed: int | None = None, *, study: str | Path | None = None) -> None:
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
            raise ParameterError(f"seed must be a whole number >= 0 (the one your teacher gave you), got {seed!r}")
        self._seed = None if seed is None else int(seed)
        self._study_path = Path(study) if study is not None else class_study_path()
        self._cache: dict[str, Any] = {}

    @cached_property
    def study(self):
        """The class study (:class:`analysis.study.Study`) with this seed."""
        from analysis.study import load_study

        study = load_study(self._study_path)
        if self._seed is None:
            return study
        if study.data.dataset is None or "seed" not in study.data.options:
            raise ParameterError(f"{self._study_path}: a seed needs a generated data set with `seed:` under "
                                 f"`data: options:`")
        options = MappingProxyType({**study.data.options, "seed": self._seed})
        return replace(study, data=replace(study.data, options=options))

    @property
    def seed(self) -> int:
        """The seed the firm was drawn with."""
        return int(self.study.data.options["seed"])

    @cached_property
    def tables(self) -> Mapping[str, pd.DataFrame]:
        """The class study's canonical tables, validated as the notebooks load them."""
        return self.study.load_tables()

    def parameters(self, notebook: str) -> dict[str, Any]:
        """A notebook's parameters for the class study: the notebook's defaults, then the study's.

        *notebook* is a name such as ``"01_segmentation"``.
        """
        from analysis.report import read_parameters
        from analysis.study import find_project_root

        if notebook not in self._cache:
            path = find_project_root(Path(__file__).parent) / "notebooks" / f"{notebook}.ipynb"
            defaults = {name: p.default for name, p in read_parameters(path).items()}
            self._cache[notebook] = {**defaults, **self.study.notebook_parameters(notebook)}
        return dict(self._cache[notebook])

    def other_study(self, file_name: str) -> "ClassData":
        """Another study on a generated data set (``params/<file_name>``, e.g. ``"service_demo.yaml"``)
        drawn with this seed, loaded once: a student's "new data set" that is still her own."""
        return self.memo(f"study:{file_name}",
                         lambda: ClassData(self.seed, study=class_study_path().parent / file_name))

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per *key* for this data (shared by the exercises of one workbook)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def __repr__(self) -> str:
        return f"ClassData(seed={self._seed!r}, study={str(self._study_path)!r})"


def compare(given: Any, expected: Any, tolerance: float) -> tuple[bool, str | None]:
    """Is *given* the *expected* answer? ``(ok, what_is_wrong)``; what is wrong names a catalog key.

    Numbers agree within ``tolerance`` (absolute) or a relative 1e-6; texts
    agree ignoring case, surrounding spaces and underscores written as spaces
    (pages show ``app_push`` as "app push"); dicts agree key by key; Series
    agree label by label; lists of texts agree as sets. A dict of ``None`` is
    an unanswered starter.

    Examples
    --------
    >>> compare(0.251, 0.25, 0.005)
    (True, None)
    >>> compare("App push", "app_push", 0)
    (True, None)
    >>> compare(["b", "a"], ("a", "b"), 0)
    (True, None)
    >>> compare({"a": 1}, {"a": 2}, 0.1)
    (False, 'course.check.off')
    """
    if given is None or (isinstance(given, dict) and given and all(v is None for v in given.values())):
        return False, "course.check.missing"
    if isinstance(expected, pd.DataFrame):
        raise ParameterError("an exercise's answer is a number, a text, a dict or a Series, not a DataFrame")
    if isinstance(expected, pd.Series):
        if not isinstance(given, (pd.Series, dict)):
            return False, "course.check.want_series"
        given = pd.Series(given)
        if set(map(str, given.index)) != set(map(str, expected.index)):
            return False, "course.check.labels"
        given = given.rename(index=str)
        return _all(((given[str(k)], v) for k, v in expected.items()), tolerance)
    if isinstance(expected, dict):
        if not isinstance(given, dict):
            return False, "course.check.want_dict"
        if set(map(str, given)) != set(map(str, expected)):
            return False, "course.check.labels"
        given = {str(k): v for k, v in given.items()}
        return _all(((given[str(k)], v) for k, v in expected.items()), tolerance)
    if isinstance(expected, (list, tuple, set, frozenset)):
        if not isinstance(given, (list, tuple, set, frozenset, pd.Index, np.ndarray, pd.Series)):
            return False, "course.check.want_list"
        ok = {_text(x) for x in given} == {_text(x) for x in expected}
        return ok, None if ok else "course.check.off"
    return _one(given, expected, tolerance)


def _all(pairs, tolerance: float) -> tuple[bool, str | None]:
    for given, expected in pairs:
        ok, why = _one(given, expected, tolerance)
        if not ok:
            return ok, why
    return True, None


def _one(given: Any, expected: Any, tolerance: float) -> tuple[bool, str | None]:
    if isinstance(expected, str):
        if not isinstance(given, str):
            return False, "course.check.want_text"
        return (_text(given) == _text(expected), None if _text(given) == _text(expected) else "course.check.off")
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(given, (bool, np.bool_)):
            return False, "course.check.want_bool"
        return (bool(given) == bool(expected), None if bool(given) == bool(expected) else "course.check.off")
    try:
        value = float(given)
    except (TypeError, ValueError):
        return False, "course.check.want_number"
    target = float(expected)
    if math.isnan(target):
        return (math.isnan(value), None if math.isnan(value) else "course.check.off")
    ok = math.isclose(value, target, rel_tol=1e-6, abs_tol=tolerance)
    return ok, None if ok else "course.check.off"


def _text(value: Any) -> str:
    from analysis.messages import to_english

    # a student on the Chinese edition may answer with the label the Chinese page shows, and pages show
    # names from the data with spaces for underscores ("app push" for app_push)
    return " ".join(str(to_english(str(value).strip(), "zh")).replace("_", " ").casefold().split())
