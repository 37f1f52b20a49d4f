"""Tests of analysis.datasets.tables: load_dataset, dataset_files and dataset_truth.

Reference figures come from the data folders' PROVENANCE.md files (computed from
the files and matched to published figures there). No test uses the network
(see conftest.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import datasets
from analysis.datasets import bundled, tables
from analysis.errors import DatasetError, ParameterError
from analysis.simulate import simulate_service_firm


# ------------------------------------------------------------ load_dataset
def test_service_demo_tables_are_validated_and_seeded():
    tables = datasets.load_dataset("service_demo", n_customers=400, seed=8)
    firm = simulate_service_firm(400, seed=8)
    pd.testing.assert_frame_equal(tables["transactions"], firm.transactions)
    pd.testing.assert_frame_equal(tables["channel_outcomes"], firm.campaign)
    assert tables["survey"]["perc_reliability_1"].dtype == "float64"  # validated ratings
    assert datasets.load_service_demo(400, seed=8).truth == firm.truth
    assert datasets.dataset_files("service_demo") == []


def test_service_demo_has_the_retention_tables_validated():
    tables = datasets.load_dataset("service_demo", n_customers=400, seed=8)
    firm = simulate_service_firm(400, seed=8)
    assert list(tables) == ["transactions", "customers", "survey", "channel_outcomes", "complaints",
                            "memberships"]
    pd.testing.assert_frame_equal(tables["complaints"], firm.complaints)
    pd.testing.assert_frame_equal(tables["memberships"], firm.memberships)
    assert {"category"} <= set(tables["transactions"]) and {"referred_by"} <= set(tables["customers"])
    # without retention data, or when nobody can join (launch at the end), the tables are left out
    assert "complaints" not in datasets.load_dataset("service_demo", n_customers=300, seed=3,
                                                     retention_data=False)
    late = datasets.load_dataset("service_demo", n_customers=300, seed=3, acquisition_share=1.0)
    assert "memberships" not in late and "complaints" in late


def test_unknown_name_or_option_is_explained():
    with pytest.raises(DatasetError, match="available: cdnow, service_demo, hillstrom"):
        datasets.load_dataset("iris")
    with pytest.raises(ParameterError, match="unknown \\['knd'\\]"):
        datasets.load_dataset("cdnow", knd="sample")
    assert [p.name for p in datasets.dataset_files("cdnow", kind="sample")] == ["CDNOW_sample.txt"]


def test_dataset_truth_is_the_generated_firms_truth_without_simulating_again(monkeypatch):
    options = {"n_customers": 300, "seed": 5}
    expected = simulate_service_firm(300, seed=5).truth
    datasets.load_dataset("service_demo", **options)
    calls = []

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return simulate_service_firm(*args, **kwargs)

    monkeypatch.setattr(bundled, "simulate_service_firm", counting)
    truth = datasets.dataset_truth("service_demo", **options)
    assert truth == expected and calls == []  # handed over, not simulated again
    assert datasets.dataset_truth("service_demo", **options) is truth
    other = datasets.dataset_truth("service_demo", n_customers=300, seed=6)  # never loaded: simulated once
    assert len(calls) == 1 and other.seed == 6 and other != truth


def test_dataset_truth_is_none_for_observed_data_and_checks_options():
    assert datasets.dataset_truth("cdnow") is None
    assert datasets.dataset_truth("hillstrom") is None  # no download: observed data have no truth
    with pytest.raises(ParameterError, match="unknown"):
        datasets.dataset_truth("cdnow", knd="sample")
    with pytest.raises(DatasetError):
        datasets.dataset_truth("iris")


def test_dataset_truth_with_a_generator_seed_is_not_cached():
    rng = np.random.default_rng(3)
    first = datasets.dataset_truth("service_demo", n_customers=200, seed=rng)
    assert first.seed is None and first.n_customers == 200
    assert all(key[0] != "service_demo" or "Generator" not in key[1] for key in tables._TRUTHS)
