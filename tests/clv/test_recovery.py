"""Checks against a known truth (analysis.clv.recovery) on data simulated here with known
per-channel parameters, independent of the synthetic firm's generator."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.results import ESTIMATE_COLUMNS

TRUE = {"store": {"r": 0.7, "alpha": 6.0, "a": 1.0, "b": 3.0}, "web": {"r": 0.7, "alpha": 4.0, "a": 1.0, "b": 3.0}}


@pytest.fixture(scope="module")
def firm():
    parts = []
    for k, (ch, p) in enumerate(TRUE.items()):
        sim = clv.BetaGeo.from_params(p).simulate(2500, 52.0, seed=k)
        sim.index = [f"{ch}{i}" for i in range(len(sim))]
        parts.append(sim.assign(channel=ch))
    data = pd.concat(parts)
    coefs = pd.DataFrame({"channel": ["store", "web"], "gamma_trans": [0.0, np.log(6.0 / 4.0)],
                          "gamma_life": [0.0, 0.0]})
    truth = SimpleNamespace(bgnbd={ch: SimpleNamespace(**p) for ch, p in TRUE.items()},
                            bgnbd_covariates=lambda: coefs)
    return data.drop(columns="channel"), data["channel"], truth


def test_parameter_recovery_sets_estimates_beside_the_truth(firm):
    data, channel, truth = firm
    table = clv.parameter_recovery(data, channel, truth)
    assert list(table.columns) == ["parameter", "channel", "true", *ESTIMATE_COLUMNS]
    assert len(table) == 8
    web = clv.BetaGeo().fit(data[channel == "web"]).summary()
    got = table[table["channel"] == "web"].set_index("parameter")
    pd.testing.assert_frame_equal(got[list(ESTIMATE_COLUMNS)], web, check_names=False)
    covered = table["true"].between(table["ci_low"], table["ci_high"])
    assert covered.sum() >= 6  # 95% intervals: 8 of 8 expected, allow two misses


def test_channel_effects_recover_the_true_difference(firm):
    data, channel, truth = firm
    effects, model, reference = clv.channel_effects(data, channel, truth)
    assert reference in ("store", "web")
    assert list(effects.columns[:5]) == list(ESTIMATE_COLUMNS)
    assert {"process", "channel", "multiplier", "true", "covered"} <= set(effects.columns)
    trans = effects[effects["process"] == "trans"].iloc[0]
    sign = 1 if reference == "store" else -1
    assert trans["true"] == pytest.approx(sign * np.log(1.5))
    assert abs(trans["estimate"] - trans["true"]) < 4 * trans["std_error"]
    assert model.loglik_ >= model.plain_loglik_ - 1e-6
    without, _, _ = clv.channel_effects(data, channel)
    assert "true" not in without.columns
    pd.testing.assert_frame_equal(without, effects.drop(columns=["true", "covered"]))
