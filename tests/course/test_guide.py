"""The teacher's guide's generated blocks: the committed guides are the generated ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.course.guide import GUIDES, exercise_list, fill_guide
from analysis.course import exercises
from analysis.errors import ParameterError

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_committed_guide_has_the_generated_blocks(language):
    text = (DOCS / GUIDES[language]).read_text(encoding="utf-8")
    assert fill_guide(text, language) == text, (
        f"docs/{GUIDES[language]} is out of date: run `python -m analysis.course.guide`")


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_exercise_list_names_every_exercise_once(language):
    listed = exercise_list(language)
    for item in exercises():
        assert listed.count(f"| {item.id} |") == 1


def test_a_guide_without_its_markers_is_refused():
    with pytest.raises(ParameterError, match="BEGIN generated: exercises"):
        fill_guide("# A guide\n", "en")
