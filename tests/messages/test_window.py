"""messages.window.window_text: the sentence saying which dates a notebook used and where they came from."""

from __future__ import annotations

import pytest

from analysis.messages import msg
from analysis.messages import window as catalog
from analysis.messages.window import window_text
from analysis.window import UNIT_DAYS, Window


@pytest.mark.parametrize("source, words", [("data", "the last transaction in the data"),
                                           ("study", "set in the study's window"),
                                           ("notebook", "set in this notebook's parameters"),
                                           ("argument", "given")])
def test_every_source_is_named(source, words):
    w = Window(observation_end="1998-06-30", observation_end_source=source)
    assert window_text(w) == f"Data up to **1998-06-30** ({words}) are used; later purchases are ignored."


def test_holdout_from_a_calibration_end_or_from_the_holdout_length():
    given = Window(observation_end="1998-06-30", calibration_end="1997-09-30", calibration_end_source="study")
    assert window_text(given, holdout=True).endswith(
        "Calibration period up to **1997-09-30** (set in the study's window); holdout of 39 weeks to 1998-06-30.")
    derived = Window(observation_end="2024-12-31", holdout_length=10, time_unit="D")
    assert "up to **2024-12-21** (the observation end minus the holdout length); holdout of 10 days" in window_text(
        derived, holdout=True)
    assert "Calibration" not in window_text(derived)


def test_an_unresolved_window_is_refused():
    with pytest.raises(ValueError, match="resolve the window"):
        window_text(Window())


def test_every_unit_and_source_has_words():
    for unit in UNIT_DAYS:
        assert msg(f"window.unit.{unit}")
    for key in catalog.MESSAGES["en"]:
        assert key.startswith("window.")
