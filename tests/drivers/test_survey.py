"""drivers.survey: constructs, the driver table and the structural chain of notebook 03."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.drivers import (
    blank_to_none,
    construct_scores,
    driver_table,
    group_items,
    item_scales,
    satisfaction_chain,
    structural_model,
    survey_drivers,
)
from analysis.errors import DataValidationError, ParameterError

PATTERN = r"^perc_(?P<construct>.+)_\d+$"


@pytest.fixture
def survey():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.integers(1, 8, size=(50, 4)).astype(float),
                      columns=["perc_speed_1", "perc_speed_2", "perc_staff_1", "perc_staff_2"])
    df["overall"] = rng.integers(1, 8, size=50)
    df["loyal"] = rng.integers(0, 2, size=50)
    df["recommend"] = rng.integers(0, 11, size=50)
    return df


def test_items_grouped_or_predictors_used_as_they_are(survey):
    constructs, drivers = survey_drivers(survey, item_pattern=PATTERN)
    assert constructs == group_items(survey.columns, PATTERN) and drivers == ["speed", "staff"]
    assert survey_drivers(survey, predictors=["perc_speed_1", "overall"]) == ({}, ["perc_speed_1", "overall"])
    with pytest.raises(ParameterError, match="item_pattern"):
        survey_drivers(survey)
    with pytest.raises(ParameterError, match=r"The 'item_pattern' parameter of survey_drivers must be a str"):
        survey_drivers(survey, item_pattern=3)


def test_driver_table_scores_constructs_and_adds_the_optional_columns(survey):
    constructs, drivers = survey_drivers(survey, item_pattern=PATTERN)
    data = driver_table(survey, constructs, drivers, ["overall", "loyal", None, "overall"])
    assert list(data.columns) == ["speed", "staff", "overall", "loyal"]
    pd.testing.assert_frame_equal(data[drivers], construct_scores(survey, constructs))
    raw = driver_table(survey, {}, ["perc_speed_1"], ["overall"])
    pd.testing.assert_series_equal(raw["perc_speed_1"], survey["perc_speed_1"])


def test_chain_and_item_scales(survey):
    constructs = {"speed": ["perc_speed_1"], "staff": ["perc_staff_1"]}
    outcomes = {"SAT": ["overall"], "LOY": ["recommend", "loyal"]}
    assert satisfaction_chain(constructs, outcomes) == {"speed": ["SAT"], "staff": ["SAT"], "SAT": ["LOY"]}
    with pytest.raises(ParameterError, match="outcome"):
        satisfaction_chain(constructs, {})
    given = item_scales(constructs, [1, 7], outcomes, {"overall": [1, 7], "recommend": [0, 10]}, survey)
    assert given == {"perc_speed_1": (1, 7), "perc_staff_1": (1, 7), "overall": (1, 7), "recommend": (0, 10)}
    observed = item_scales(constructs, (1, 7), outcomes, None, survey)
    assert observed["recommend"] == (survey["recommend"].min(), survey["recommend"].max())
    assert observed["loyal"] == (0, 1)


def test_blank_parameters_mean_not_given(survey):
    """Issue 12: ``group: ""`` crashed with KeyError: ''; blank text and empty lists now read as None."""
    assert blank_to_none("", "  ", [], {}, None, "channel", 0) == (None, None, None, None, None, "channel", 0)
    constructs, drivers = survey_drivers(survey, item_pattern=PATTERN)
    data = driver_table(survey, constructs, drivers, ["overall", "", None])
    assert list(data.columns) == ["speed", "staff", "overall"]
    with pytest.raises(DataValidationError, match=r"'overal' \(did you mean 'overall'\?\) not found in the survey"):
        driver_table(survey, constructs, drivers, ["overal"])


ECSI = [["IMAG", "EXPE"], ["IMAG", "SAT"], ["IMAG", "LOY"], ["EXPE", "QUAL"], ["EXPE", "VAL"], ["EXPE", "SAT"],
        ["QUAL", "VAL"], ["QUAL", "SAT"], ["VAL", "SAT"], ["SAT", "COMP"], ["SAT", "LOY"], ["COMP", "LOY"]]


def test_structural_model_default_chain_or_the_studys_paths():
    constructs = {"speed": ["perc_speed_1"], "staff": ["perc_staff_1"]}
    outcomes = {"SAT": ["overall"], "LOY": ["recommend"]}
    chain = structural_model(constructs, outcomes)
    assert chain.paths == [("speed", "SAT"), ("staff", "SAT"), ("SAT", "LOY")]
    assert (chain.target, chain.mapped, list(chain.blocks)) == ("LOY", ["speed", "staff"], ["speed", "staff", "SAT", "LOY"])
    assert chain.drivers() == constructs and chain.outcomes == outcomes
    assert structural_model(constructs, None) is None and structural_model({}, outcomes) is None
    # the full ECSI model with complaints, a one-item construct; the target is the last sink in block order
    blocks = {c: [f"{c.lower()}{i}" for i in (1, 2)] for c in ("IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY")}
    blocks["COMP"] = "comp"
    ecsi = structural_model({}, None, paths=ECSI, blocks=blocks)
    assert len(ecsi.paths) == 12 and ecsi.target == "LOY" and ecsi.mapped is None and ecsi.blocks["COMP"] == ["comp"]
    # paths with the item_pattern constructs and outcomes as default blocks; unused blocks are left out
    free = structural_model({**constructs, "extra": ["x"]}, outcomes, paths=[["speed", "SAT"], ["SAT", "LOY"]])
    assert list(free.blocks) == ["speed", "SAT", "LOY"] and free.mapped == ["speed"] and free.target == "LOY"


@pytest.mark.parametrize("paths, match", [
    ("IMAG -> SAT", "list of \\[from, to\\] pairs"),
    ([["IMAG", "SAT", "LOY"]], "list of \\[from, to\\] pairs"),
    ({"IMAG": "SAT"}, "list of \\[from, to\\] pairs"),
    ([["IMAG", "SATT"]], r"construct\(s\) \['SATT'\] without items; give their items in pls_blocks"),
])
def test_structural_model_bad_paths(paths, match):
    with pytest.raises(ParameterError, match=match):
        structural_model({}, None, paths=paths, blocks={"IMAG": ["i1"], "SAT": ["s1"]})
