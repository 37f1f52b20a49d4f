"""The model specification: readable messages for bad paths, blocks and settings."""

from __future__ import annotations

import pytest
from drivers_cases import ECSI_BLOCKS, ECSI_PATHS

from analysis.drivers import PLSPathModel
from analysis.errors import (
    DataValidationError,
    NotFittedError,
    ParameterError,
)


# --------------------------------------------------------------------------- bad input


def test_bad_input_messages(satisfaction):
    with pytest.raises(ParameterError, match="no item block"):
        PLSPathModel({"IMAG": ["NOPE"]}, ECSI_BLOCKS).fit(satisfaction)
    with pytest.raises(ParameterError, match="loop"):
        PLSPathModel([("IMAG", "EXPE"), ("EXPE", "IMAG")], ECSI_BLOCKS).fit(satisfaction)
    with pytest.raises(ParameterError, match="cycle"):
        PLSPathModel([("IMAG", "EXPE"), ("EXPE", "SAT"), ("SAT", "IMAG"), ("SAT", "LOY"), ("QUAL", "VAL")],
                     ECSI_BLOCKS).fit(satisfaction)
    with pytest.raises(ParameterError, match="no path"):
        PLSPathModel({"IMAG": ["EXPE"]}, ECSI_BLOCKS).fit(satisfaction)
    with pytest.raises(ParameterError, match="scheme"):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scheme="centroids").fit(satisfaction)
    with pytest.raises(ParameterError, match="modes"):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, modes={"IMAG": "C"}).fit(satisfaction)
    blocks = dict(ECSI_BLOCKS, LOY=["loy1", "sat1"])
    with pytest.raises(ParameterError, match="'sat1' is in blocks"):
        PLSPathModel(ECSI_PATHS, blocks).fit(satisfaction)
    with pytest.raises(DataValidationError, match="imag9"):
        PLSPathModel(ECSI_PATHS, dict(ECSI_BLOCKS, IMAG=["imag1", "imag9"])).fit(satisfaction)
    bad = satisfaction.copy()
    bad["sat2"] = 5
    with pytest.raises(DataValidationError, match="sat2"):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(bad)
    bad = satisfaction.copy()
    bad["qual5"] = bad["qual1"] * 2.0
    with pytest.raises(DataValidationError, match="collinear"):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, modes={"QUAL": "B"}).fit(bad)
    with pytest.raises(NotFittedError):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).summary()


def test_settings_are_checked_in_one_message_form(satisfaction):
    with pytest.raises(ParameterError, match=r"The 'max_iter' parameter of PLSPathModel must be an int in the "
                                             r"range \[2, inf\)\. Got 1 instead\."):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, max_iter=1).fit(satisfaction)
    with pytest.raises(ParameterError, match=r"The 'tol' parameter of PLSPathModel"):
        PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, tol=2.0).fit(satisfaction)
