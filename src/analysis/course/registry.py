"""Every exercise of every workbook, in order: one module per notebook defines its ``EXERCISES``."""

from __future__ import annotations

import importlib

from analysis.course.exercise import Exercise
from analysis.errors import ParameterError

__all__ = ["NOTEBOOKS", "MODULES", "exercises", "exercise"]

#: notebook number -> notebook name
NOTEBOOKS = {
    "00": "00_data_overview",
    "01": "01_segmentation",
    "02": "02_clv",
    "03": "03_satisfaction_drivers",
    "04": "04_channel_comparison",
    "05": "05_retention_loyalty",
}

#: notebook number -> the module of analysis.course that defines its exercises
MODULES = {"00": "overview", "01": "segmentation", "02": "clv", "03": "drivers", "04": "channels",
           "05": "retention"}


def exercises(notebook: str | None = None) -> tuple[Exercise, ...]:
    """The exercises of one notebook (its number, ``"01"``), or of all, in order.

    Examples
    --------
    >>> [e.id for e in exercises("00")][:3]
    ['00.1', '00.2', '00.3']
    """
    numbers = list(MODULES) if notebook is None else [str(notebook)[:2]]
    found: list[Exercise] = []
    for number in numbers:
        if number not in MODULES:
            raise ParameterError(f"notebook must be one of {sorted(NOTEBOOKS)}, got {notebook!r}")
        module = importlib.import_module(f"analysis.course.{MODULES[number]}")
        found.extend(module.EXERCISES)
    return tuple(found)


def exercise(exercise_id: str) -> Exercise:
    """One exercise by its id (``"01.3"``).

    Examples
    --------
    >>> exercise("00.1").level
    'read'
    """
    number = str(exercise_id)[:2]
    for candidate in exercises(number) if number in MODULES else ():
        if candidate.id == exercise_id:
            return candidate
    raise ParameterError(f"there is no exercise {exercise_id!r}: ids are like '01.3' "
                         f"(see wb.exercises() for the list)")
