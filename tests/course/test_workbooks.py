"""The exercise workbooks: generated from the exercises' definitions, and the student's checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.course import NOTEBOOKS, Workbook, exercises
from analysis.course.workbooks import workbook_notebook
from analysis.errors import ParameterError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_committed_workbook_is_the_generated_one(number, class_data):
    path = ROOT / "exercises" / f"{NOTEBOOKS[number]}.ipynb"
    generated = workbook_notebook(number, ROOT / "notebooks", class_data(None).seed)
    assert json.loads(path.read_text(encoding="utf-8")) == generated, (
        f"{path.name} is not the generated workbook: run `python -m analysis.course.workbooks exercises/`")


@pytest.mark.parametrize("number", sorted(NOTEBOOKS))
def test_workbook_has_every_exercise_in_both_languages(number, class_data):
    cells = workbook_notebook(number, ROOT / "notebooks", class_data(None).seed)["cells"]
    markdown = [c for c in cells if c["cell_type"] == "markdown"]
    assert [c["metadata"]["language"] for c in markdown] == ["en", "zh"] * (1 + len(exercises(number)))
    checks = ["".join(c["source"]) for c in cells if c["cell_type"] == "code" and "wb.check(" in "".join(c["source"])]
    assert checks == [f'wb.check("{e.id}", answer)' for e in exercises(number)]
    assert cells[2]["metadata"]["tags"] == ["parameters"]


def test_checker_accepts_the_solution_and_rejects_others():
    wb = Workbook("00", seed=7)
    assert wb.check("00.1", wb.solution("00.1").answer)
    assert not wb.check("00.1", wb.solution("00.1").answer + 1)
    assert "No answer yet" in wb.check("00.1", None).text
    assert "a dict" in wb.check("00.3", 3).text
    assert "No answer yet" in wb.check("00.3", {"revenue": None, "mean_amount": None}).text
    assert str(wb.seed) in wb.answer("00.2") and wb.hint("00.2").startswith("**Hint (00.2).**")


def test_wrong_names_say_what_to_do():
    with pytest.raises(ParameterError, match="notebook must be one of"):
        Workbook("07_nothing")
    with pytest.raises(ParameterError, match="belongs to workbook 01_segmentation"):
        Workbook("00", seed=7).check("01.1", 1)
    with pytest.raises(ParameterError, match="no exercise"):
        Workbook("00", seed=7).check("00.99", 1)
    with pytest.raises(ParameterError, match="whole number"):
        Workbook("00", seed=-3)


def test_students_with_different_seeds_have_different_firms(class_data):
    assert class_data(7).tables["transactions"].shape != class_data(2027).tables["transactions"].shape or not (
        class_data(7).tables["transactions"]["amount"].equals(class_data(2027).tables["transactions"]["amount"]))
