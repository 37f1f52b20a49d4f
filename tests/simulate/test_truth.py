"""Tests of analysis.simulate.truth: the exported truth and the covariate form of the BG/NBD parameters.

Tolerances and how expected values are computed: tests/simulate_cases.py.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis.simulate import CHANNELS, BGNBDParams, simulate_service_firm


def test_bgnbd_covariate_form_reproduces_the_channel_parameters(firm):
    t = firm.truth
    cov = t.bgnbd_covariates().set_index("channel")
    base = t.bgnbd[t.bgnbd_baseline_channel]
    assert t.bgnbd_baseline_channel == "store" and cov["exact"].all()
    for ch in CHANNELS:
        prm = t.bgnbd[ch]
        assert prm.alpha == pytest.approx(base.alpha * np.exp(-cov.loc[ch, "gamma_trans"]), rel=1e-12)
        assert prm.a == pytest.approx(base.a * np.exp(cov.loc[ch, "gamma_life"]), rel=1e-12)
        assert prm.b == pytest.approx(base.b * np.exp(cov.loc[ch, "gamma_life"]), rel=1e-12)
    other = simulate_service_firm(100, seed=1, bgnbd={"web": {"r": 1.0, "alpha": 7.5, "a": 1, "b": 3}})
    assert not other.truth.bgnbd_covariates().set_index("channel").loc["web", "exact"]
    assert other.truth.bgnbd["web"] == BGNBDParams(1.0, 7.5, 1.0, 3.0)


def test_truth_exports(firm):
    t = firm.truth
    d = t.as_dict()
    json.dumps(d)  # plain values only
    assert d["seed"] == 20240601 and d["n_customers"] == 5000
    assert d["gamma_gamma"]["phone"] == {"p": 6.0, "q": 5.0, "v": 50.0}
    frame = t.to_frame()
    assert list(frame.columns) == ["component", "parameter", "group", "value"]
    row = frame[(frame["parameter"] == "alpha") & (frame["group"] == "partner")]
    assert row["value"].item() == 12.0 and row["component"].item() == "bgnbd"
    row = frame[(frame["parameter"] == "visit_rate") & (frame["group"] == "email/recent")]
    assert row["value"].item() == 0.2 and row["component"].item() == "campaign"
    assert t.gamma_gamma["app"].mean_spend == pytest.approx(35.0)
    with pytest.raises(AttributeError):
        t.seed = 1  # frozen
