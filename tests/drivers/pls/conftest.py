"""Fixtures shared by the PLS path-model tests."""

from __future__ import annotations

import pytest
from drivers_cases import ECSI_BLOCKS, ECSI_PATHS

from analysis.drivers import PLSPathModel


@pytest.fixture(scope="module")
def ecsi(satisfaction):
    """The ECSI model fitted unscaled (plspm's ``scaled = FALSE``)."""
    return PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scaled=False).fit(satisfaction)
