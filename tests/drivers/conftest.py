"""Fixtures shared by the driver tests."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture(scope="module")
def satisfaction(shared_data):
    """The ECSI bank survey of R plspm; skips where it is absent."""
    path = shared_data / "ecsi_satisfaction" / "satisfaction.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return pd.read_csv(path, index_col=0)
