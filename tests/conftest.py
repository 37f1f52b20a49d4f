"""Shared test fixtures.

Real public data sets live in ``../shared/data`` beside the checkout (not in the
repository, for licence reasons); tests that need them skip with a clear reason
where that folder is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property-based tests draw the same examples on every run and machine (no example database, no
# clock-based deadline), so a CI failure can be reproduced; each test sets its own example count.
settings.register_profile("reproducible", derandomize=True, database=None, deadline=None)
settings.load_profile("reproducible")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("ANALYSIS_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository's top folder."""
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; skips the test where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"public test data not found at {SHARED_DATA} (set ANALYSIS_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="module")
def satisfaction(shared_data):
    """The ECSI bank survey of R plspm (``../shared/data/ecsi_satisfaction``); skips where it is absent."""
    import pandas as pd

    path = shared_data / "ecsi_satisfaction" / "satisfaction.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return pd.read_csv(path, index_col=0)


@pytest.fixture(autouse=True)
def _isolated_data_home(tmp_path_factory, monkeypatch):
    """Every test gets its own empty download cache, so no test reads the user's."""
    monkeypatch.setenv("ANALYSIS_DATA_HOME", str(tmp_path_factory.mktemp("data_home")))
