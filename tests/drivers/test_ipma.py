"""IPMA on a PLS path model: independent computation, constant blocks, bootstrap and errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from drivers_cases import ECSI_BLOCKS, ECSI_PATHS, simulate_two_blocks

from analysis.drivers import (
    PLSPathModel,
    ipma,
    performance_scores,
    total_effects_from_paths,
    unstandardized_weights,
)
from analysis.errors import DataValidationError, ParameterError


# ------------------------------------------------------------------------------- IPMA


def test_ipma_ecsi_independent_computation(satisfaction):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(satisfaction)
    t = ipma(m, "LOY", scale=(0, 10))
    assert set(t.index) == {"IMAG", "EXPE", "QUAL", "VAL", "SAT"}
    # performance: weighted mean of items rescaled by hand, weights = std weight / sd(rescaled item)
    for c, items in ECSI_BLOCKS.items():
        r = satisfaction[items].to_numpy(float) * 10  # (x - 0) / (10 - 0) * 100
        u = m.outer_weights_[items].to_numpy() / r.std(0)
        perf = (r @ (u / u.sum())).mean()
        if c in t.index:
            assert t.loc[c, "performance"] == pytest.approx(perf, abs=1e-10)
    # importance: OLS regressions of the 0-100 scores along the model, products along paths
    ps = performance_scores(m, scale=(0, 10))
    b = pd.DataFrame(0.0, index=m.constructs_, columns=m.constructs_)
    for target in m.r2_.index:
        preds = [f for f in m.constructs_ if m.path_coefficients_.loc[f, target] != 0]
        design = np.column_stack([np.ones(len(ps)), ps[preds]])
        b.loc[preds, target] = np.linalg.lstsq(design, ps[target], rcond=None)[0][1:]
    total = total_effects_from_paths(b)
    np.testing.assert_allclose(t["importance"], total.loc[t.index, "LOY"], atol=1e-10)
    # ... which equals the standardized total effect rescaled by the performance SDs
    sd = ps.std(ddof=0)
    np.testing.assert_allclose(t["importance"], t["total_effect"] * sd["LOY"] / sd[t.index], atol=1e-10)
    np.testing.assert_allclose(t["total_effect"], m.total_effects_.loc[t.index, "LOY"], atol=1e-12)
    # 0-100 scores are exact linear functions of the standardized PLS scores
    for c in m.constructs_:
        assert np.corrcoef(ps[c], m.scores_[c])[0, 1] == pytest.approx(1, abs=1e-12)
    assert t.attrs["target"] == "LOY" and 0 < t.attrs["target_performance"] < 100
    assert t["priority_rank"].tolist() == list(range(1, 6))


def test_ipma_constant_block_performance_and_weights_sum_to_one():
    """Items all at 6 on a 1-7 scale give performance (6-1)/6*100 for that construct."""
    df, blocks = simulate_two_blocks(300, 3)
    df = (df * 1.2 + 4).round().clip(1, 7)
    m = PLSPathModel({"X": "Y"}, blocks).fit(df)
    u = unstandardized_weights(m, scale=(1, 7))
    assert u[blocks["X"]].sum() == pytest.approx(1) and u[blocks["Y"]].sum() == pytest.approx(1)
    top = df.copy()
    top[blocks["X"]] = 6.0
    rescaled = (top[blocks["X"]] - 1) / 6 * 100
    assert float((rescaled @ u[blocks["X"]]).mean()) == pytest.approx(500 / 6)


def test_ipma_bootstrap_and_errors(satisfaction):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(satisfaction)
    t = ipma(m, "SAT", scale=(0, 10), n_boot=60, seed=3)
    assert (t["importance_low"] <= t["importance"]).all() and (t["importance"] <= t["importance_high"]).all()
    assert (t["performance_low"] <= t["performance"]).all() and (t["performance"] <= t["performance_high"]).all()
    pd.testing.assert_frame_equal(t, ipma(m, "SAT", scale=(0, 10), n_boot=60, seed=3))
    sub = ipma(m, "LOY", scale=(0, 10), constructs=["QUAL", "VAL"])
    full = ipma(m, "LOY", scale=(0, 10))
    assert sorted(sub.index) == ["QUAL", "VAL"]
    np.testing.assert_allclose(sub.loc[["QUAL", "VAL"], "importance"], full.loc[["QUAL", "VAL"], "importance"])
    with pytest.raises(ParameterError, match="no effect on 'EXPE'"):
        ipma(m, "EXPE", scale=(0, 10), constructs=["SAT"])
    with pytest.raises(ParameterError, match="exogenous"):
        ipma(m, "IMAG", scale=(0, 10))
    with pytest.raises(ParameterError, match="not a construct"):
        ipma(m, "Loyalty")
    with pytest.raises(DataValidationError, match="outside the declared scale 1-7"):
        ipma(m, "SAT", scale=(1, 7))


def test_ipma_default_seed_repeats_and_none_is_refused(satisfaction):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(satisfaction)
    a = ipma(m, "LOY", scale=(0, 10), n_boot=50)
    b = ipma(m, "LOY", scale=(0, 10), n_boot=50)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["alpha"] == 0.05
    with pytest.raises(ParameterError, match=r"The 'seed' parameter of ipma must be an int"):
        ipma(m, "LOY", scale=(0, 10), n_boot=50, seed=None)
    with pytest.raises(ParameterError, match=r"The 'n_boot' parameter of ipma must be one of 0 or an int"):
        ipma(m, "LOY", scale=(0, 10), n_boot=10)


def test_ipma_quadrants_follow_expectation_gaps(satisfaction):
    """Issue 13, case 10 on the PLS map: a construct significantly below expectation is never
    'possible overkill' or 'keep up the good work'; without gaps the map is unchanged."""
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(satisfaction)
    plain = ipma(m, "LOY", scale=(0, 10))
    gaps = pd.DataFrame({"estimate": -0.5, "ci_low": -0.8, "ci_high": -0.2}, index=plain.index)
    gaps.loc[plain.index[0], ["estimate", "ci_low", "ci_high"]] = [0.1, -0.1, 0.3]  # meets expectation
    judged = ipma(m, "LOY", scale=(0, 10), expectation_gaps=gaps)
    below = judged["verdict"] == "below"
    assert below.sum() == len(plain) - 1
    assert not judged.loc[below, "quadrant"].isin(["possible_overkill", "keep_up_the_good_work"]).any()
    pd.testing.assert_series_equal(judged["priority"], plain["priority"])
