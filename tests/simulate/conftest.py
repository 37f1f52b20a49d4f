"""Fixtures of the simulate tests: the default firm and one with a large survey."""

from __future__ import annotations

import pytest

from analysis.simulate import simulate_service_firm

#: the seed of the bundled service_demo study (params/service_demo.yaml)
STUDY_SEED = 20240601


@pytest.fixture(scope="package")
def firm():
    return simulate_service_firm(seed=STUDY_SEED)  # the default size, the study's seed


@pytest.fixture(scope="package")
def big_survey_firm():
    # a large survey so that driver weights are estimated to ~0.01
    return simulate_service_firm(12000, n_survey=10000, seed=11)


@pytest.fixture(scope="package")
def big_firm():
    # 40,000 customers: about 2,600 members join in the programme's first month (the sBG
    # cohort) and 5,400 complaints are made; simulated in about 2 s
    return simulate_service_firm(40000, seed=5)
