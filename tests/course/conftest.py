"""Fixtures of the course tests: the class study's data for the default seed and two others, loaded once."""

from __future__ import annotations

import pytest

#: the seeds every exercise is checked with besides the class study's own
OTHER_SEEDS = (7, 2027)


@pytest.fixture(scope="session")
def class_data():
    """``class_data(seed)``: the :class:`~analysis.course.ClassData` of a seed (None = the study's), shared."""
    from analysis.course import ClassData

    made: dict = {}

    def get(seed):
        if seed not in made:
            made[seed] = ClassData(seed)
        return made[seed]

    return get
