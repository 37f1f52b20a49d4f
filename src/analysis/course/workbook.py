"""The student's side of an exercise workbook: the data, the exercises, checking an answer, the model answer.

A workbook (``exercises/01_segmentation.ipynb``) starts with::

    wb = Workbook("01_segmentation", seed=seed)

and each exercise ends with ``wb.check("01.3", answer)``; ``wb.hint("01.3")``
gives a hint and ``wb.answer("01.3")`` the model answer, computed for the
student's own firm. Everything shown is in the kernel's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution, compare
from analysis.course.registry import NOTEBOOKS, exercise, exercises
from analysis.errors import ParameterError

__all__ = ["Workbook", "Verdict", "model_answer"]


@dataclass(frozen=True)
class Verdict:
    """The result of :meth:`Workbook.check`: ``ok`` and the sentence shown (Markdown)."""

    exercise: str
    ok: bool
    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return self.ok


class _Markdown(str):
    """A text that a notebook shows as Markdown."""

    def _repr_markdown_(self) -> str:
        return str(self)


class Workbook:
    """The exercises of one notebook, on the class study's firm for one seed.

    Parameters
    ----------
    notebook : str
        The notebook's name (``"01_segmentation"``) or number (``"01"``).
    seed : int or None
        Your own seed (from the teacher); None uses the class study's.
    study : str or Path or None
        Another study file on a generated data set (default ``params/class_study.yaml``).

    Examples
    --------
    >>> wb = Workbook("00", seed=7)
    >>> wb.notebook, [e.id for e in wb.list][:2]
    ('00_data_overview', ['00.1', '00.2'])
    >>> print(wb.check("00.1", None).text.splitlines()[0])  # doctest: +ELLIPSIS
    **00.1** ...
    """

    def __init__(self, notebook: str, seed: int | None = None, *, study: str | Path | None = None) -> None:
        number = str(notebook)[:2]
        if number not in NOTEBOOKS or str(notebook) not in (number, NOTEBOOKS[number]):
            raise ParameterError(f"notebook must be one of {sorted(NOTEBOOKS.values())} (or its number), "
                                 f"got {notebook!r}")
        self.notebook = NOTEBOOKS[number]
        self.data = ClassData(seed, study=study)
        self.list: tuple[Exercise, ...] = exercises(number)
        self._solutions: dict[str, Solution] = {}

    @property
    def seed(self) -> int:
        """The seed of this workbook's firm."""
        return self.data.seed

    @property
    def tables(self) -> Mapping[str, pd.DataFrame]:
        """The class study's canonical tables for this seed (``wb.tables["transactions"]``)."""
        return self.data.tables

    @property
    def study(self):
        """The class study (:class:`analysis.study.Study`) with this seed."""
        return self.data.study

    def parameters(self) -> dict[str, Any]:
        """The notebook's parameters for the class study (its defaults, then the study's)."""
        return self.data.parameters(self.notebook)

    def exercises(self) -> pd.DataFrame:
        """The workbook's exercises: id, level, course topic and title, in the kernel's language."""
        from analysis.messages import msg

        return pd.DataFrame({
            "exercise": [e.id for e in self.list],
            "level": [msg(f"course.level.{e.level}") for e in self.list],
            "topic": [msg(f"course.topic.{e.topic}") for e in self.list],
            "title": [e.words("title") for e in self.list],
        }).set_index("exercise")

    def solution(self, exercise_id: str) -> Solution:
        """The package's solution of an exercise for this seed (computed once)."""
        found = self._find(exercise_id)
        if found.id not in self._solutions:
            self._solutions[found.id] = found.solve(self.data)
        return self._solutions[found.id]

    def check(self, exercise_id: str, answer: Any) -> Verdict:
        """Compare *answer* with the package's answer for this seed; the verdict says what to do next."""
        from analysis.messages import msg

        found = self._find(exercise_id)
        ok, why = compare(answer, self.solution(found.id).answer, found.tolerance)
        if ok:
            return Verdict(found.id, True, msg("course.check.right", id=found.id))
        if why == "course.check.missing":
            return Verdict(found.id, False, msg(why, id=found.id))
        return Verdict(found.id, False, msg("course.check.wrong", id=found.id, why=msg(why)))

    def hint(self, exercise_id: str) -> _Markdown:
        """A hint for an exercise."""
        from analysis.messages import msg

        found = self._find(exercise_id)
        return _Markdown(msg("course.hint", id=found.id, text=found.words("hint")))

    def answer(self, exercise_id: str) -> _Markdown:
        """The model answer of an exercise with this seed's numbers."""
        found = self._find(exercise_id)
        return _Markdown(model_answer(found, self.solution(found.id), seed=self.seed))

    def _find(self, exercise_id: str) -> Exercise:
        found = exercise(exercise_id)
        if found.notebook_number != self.notebook[:2]:
            raise ParameterError(f"exercise {exercise_id} belongs to workbook {NOTEBOOKS[found.notebook_number]}, "
                                 f"not {self.notebook}")
        return found

    def __repr__(self) -> str:
        return f"Workbook({self.notebook!r}, seed={self.seed}: {len(self.list)} exercises)"


def model_answer(found: Exercise, solution: Solution, *, seed: int, language: str | None = None) -> str:
    """The model answer of *found* as Markdown, its numbers from *solution*.

    Texts among the facts (names from the data) are escaped, so they reach the
    page as text, never as markup.
    """
    from analysis.messages import escape_markdown, msg

    facts = {k: escape_markdown(v) if isinstance(v, str) else v for k, v in solution.facts.items()}
    return msg("course.model_answer", language=language, id=found.id, seed=seed,
               text=found.words("answer", language, **facts))
