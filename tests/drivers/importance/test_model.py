"""RelativeImportance: fallback, bootstrap, differences, weights, missing answers, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from drivers_cases import brute_force_lmg, correlated_data, ols_r2

import analysis.drivers.importance as imp_mod

from analysis.drivers import (
    RelativeImportance,
    importance_differences,
    lmg_from_corr,
    relative_importance,
)
from analysis.errors import AnalysisWarning, DataValidationError, NotFittedError, ParameterError


def test_lmg_falls_back_to_sampled_shapley_above_the_exact_limit(monkeypatch):
    monkeypatch.setattr(imp_mod.model, "MAX_EXACT_P", 3)
    df = correlated_data(200, 5, seed=1)
    with pytest.warns(AnalysisWarning, match="random"):
        out = imp_mod.relative_importance(df, "y", [f"x{i}" for i in range(5)], seed=0)
    assert out.attrs["method"] == "shapley_sampled"
    assert "importance_se" in out.columns
    assert out.attrs["r2"] == pytest.approx(ols_r2(df.iloc[:, :5].to_numpy(), df["y"].to_numpy(),
                                                    range(5)), abs=1e-12)


# ------------------------------------------------------------------ bootstrap
def test_bootstrap_is_seeded_and_intervals_bracket_the_estimate():
    df = correlated_data(300, 4, seed=21)
    cols = [f"x{i}" for i in range(4)]
    a = relative_importance(df, "y", cols, n_boot=200, seed=7)
    b = relative_importance(df, "y", cols, n_boot=200, seed=7)
    c = relative_importance(df, "y", cols, n_boot=200, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not np.allclose(a["importance_low"], c["importance_low"])
    assert np.all(a["importance_low"] <= a["importance"]) and np.all(a["importance"] <= a["importance_high"])
    assert np.all(a["share_low"] <= a["share"]) and np.all(a["share"] <= a["share_high"])
    assert a["share"].sum() == pytest.approx(1.0)
    assert a.attrs["n_boot"] == 200


def test_bootstrap_spread_matches_sampling_spread_across_fresh_samples():
    # the true sampling SD of the LMG estimate, from 60 independent samples, against
    # the bootstrap SD averaged over 4 samples; bootstrap SDs are unbiased to O(1/n),
    # and the SD of a 60-sample SD is ~9%, so a 30% band cannot fail by chance often.
    cols = ["x0", "x1", "x2"]
    draws = np.array([relative_importance(correlated_data(300, 3, seed=100 + s), "y", cols)
                      ["importance"].to_numpy() for s in range(60)])
    true_sd = draws.std(axis=0, ddof=1)
    boot_sd = np.mean([RelativeImportance(n_boot=300, seed=s).fit(
        correlated_data(300, 3, seed=500 + s), "y", cols).boot_.std(axis=0, ddof=1)
        for s in range(4)], axis=0)
    np.testing.assert_allclose(boot_sd, true_sd, rtol=0.3)


def test_differences_detect_a_real_gap_and_not_a_tie():
    rng = np.random.default_rng(3)
    n = 600
    x = rng.normal(size=(n, 3))
    df = pd.DataFrame(x, columns=["big", "tie1", "tie2"])
    df["y"] = 1.0 * x[:, 0] + 0.4 * x[:, 1] + 0.4 * x[:, 2] + rng.normal(size=n)
    d = importance_differences(df, "y", ["big", "tie1", "tie2"], n_boot=300, seed=1)
    assert d.loc[("big", "tie1"), "significant"] and d.loc[("big", "tie1"), "prob_a_greater"] == 1.0
    assert d.loc[("big", "tie1"), "ci_low"] > 0
    assert not d.loc[("tie1", "tie2"), "significant"]


def test_differences_need_a_fit_and_replicates():
    with pytest.raises(NotFittedError):
        RelativeImportance().differences()
    df = correlated_data(50, 2, seed=1)
    with pytest.raises(ParameterError, match="n_boot"):
        RelativeImportance().fit(df, "y", ["x0", "x1"]).differences()


# ------------------------------------------------------------------ weights and missing answers
def test_integer_weights_equal_duplicated_rows():
    df = correlated_data(80, 3, seed=4)
    w = np.random.default_rng(0).integers(1, 4, size=80)
    weighted = relative_importance(df.assign(w=w), "y", ["x0", "x1", "x2"], weight="w")
    duplicated = relative_importance(df.loc[df.index.repeat(w)], "y", ["x0", "x1", "x2"])
    np.testing.assert_allclose(weighted["importance"], duplicated["importance"], atol=1e-12)


def test_pairwise_missing_uses_pandas_pairwise_correlations():
    df = correlated_data(400, 3, seed=9)
    rng = np.random.default_rng(1)
    holes = df.copy()
    for c in ["x0", "x1", "x2", "y"]:
        holes.loc[rng.random(400) < 0.1, c] = np.nan
    model = RelativeImportance(missing="pairwise").fit(holes, "y", ["x0", "x1", "x2"])
    np.testing.assert_allclose(model.corr_.to_numpy(), holes[["x0", "x1", "x2", "y"]].corr().to_numpy(),
                               atol=1e-12)
    np.testing.assert_allclose(model.importance_["importance"],
                               lmg_from_corr(holes[["x0", "x1", "x2", "y"]].corr().to_numpy()), atol=1e-12)
    assert model.importance_.attrs["missing"] == "pairwise"
    with pytest.warns(AnalysisWarning, match="listwise"):
        listwise = relative_importance(holes, "y", ["x0", "x1", "x2"])
    complete = holes.dropna()
    assert listwise.attrs["n"] == len(complete) and listwise.attrs["n_total"] == 400
    np.testing.assert_allclose(listwise["importance"],
                               brute_force_lmg(complete[["x0", "x1", "x2"]].to_numpy(),
                                               complete["y"].to_numpy()), atol=1e-10)


# ------------------------------------------------------------------ bad input
def test_constant_attribute_is_named():
    df = correlated_data(50, 2, seed=1).assign(flat=4.0)
    with pytest.raises(DataValidationError, match="'flat'.*same value"):
        relative_importance(df, "y", ["x0", "x1", "flat"])


def test_perfectly_collinear_attributes_are_named():
    df = correlated_data(50, 3, seed=1)
    df["x3"] = df["x0"] - 2 * df["x1"]
    with pytest.raises(DataValidationError, match=r"collinear") as err:
        relative_importance(df, "y", ["x0", "x1", "x2", "x3"])
    assert "'x0'" in str(err.value) and "'x3'" in str(err.value) and "'x2'" not in str(err.value)


def test_too_few_respondents_and_bad_columns():
    df = correlated_data(4, 3, seed=1)
    with pytest.raises(DataValidationError, match="at least 5"):
        relative_importance(df, "y", ["x0", "x1", "x2"])
    big = correlated_data(30, 2, seed=1)
    with pytest.raises(DataValidationError, match="'x9'"):
        relative_importance(big, "y", ["x0", "x9"])
    with pytest.raises(DataValidationError, match="numbers.*row 3: 'n/a'"):
        relative_importance(big.astype({"x1": object}).assign(
            x1=lambda d: d["x1"].where(d.index != 2, "n/a")), "y", ["x0", "x1"])
    with pytest.raises(ParameterError, match="method"):
        relative_importance(big, "y", ["x0", "x1"], method="pratt")
    with pytest.raises(ParameterError, match="outcome"):
        relative_importance(big, "y", ["x0", "y"])
    with pytest.raises(ParameterError, match="n_boot"):
        relative_importance(big, "y", ["x0", "x1"], n_boot=10)


def test_no_warning_on_clean_data():
    df = correlated_data(60, 3, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        relative_importance(df, "y", ["x0", "x1", "x2"], n_boot=100, seed=1)


# ------------------------------------------------------------------ one result shape, alpha, default seed
def test_summary_is_an_estimate_table_of_the_importances():
    df = correlated_data(300, 3, seed=5)
    cols = ["x0", "x1", "x2"]
    ri = RelativeImportance(n_boot=100).fit(df, "y", cols)
    s = ri.summary()
    assert list(s.columns)[:5] == ["estimate", "std_error", "ci_low", "ci_high", "p_value"]
    assert list(s.columns)[5:] == ["share", "share_low", "share_high", "rank", "rank_low", "rank_high"]
    t = ri.importance_
    np.testing.assert_array_equal(s["estimate"], t["importance"])
    np.testing.assert_array_equal(s[["ci_low", "ci_high"]], t[["importance_low", "importance_high"]])
    np.testing.assert_allclose(s["std_error"], ri.boot_.std(axis=0, ddof=1))
    assert s["p_value"].isna().all() and s.attrs["alpha"] == 0.05
    assert repr(ri).startswith("RelativeImportance\n")
    assert repr(RelativeImportance()).startswith("RelativeImportance(method='lmg'")
    d = ri.differences()
    assert d.index.names == ["predictor_a", "predictor_b"]
    assert list(d.columns) == ["estimate", "std_error", "ci_low", "ci_high", "p_value", "prob_a_greater",
                               "significant"]


def test_default_seed_gives_identical_intervals_and_none_is_refused():
    df = correlated_data(300, 3, seed=6)
    cols = ["x0", "x1", "x2"]
    a = relative_importance(df, "y", cols, n_boot=100)
    b = relative_importance(df, "y", cols, n_boot=100)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(importance_differences(df, "y", cols, n_boot=100),
                                  importance_differences(df, "y", cols, n_boot=100))
    with pytest.raises(ParameterError, match=r"The 'seed' parameter of RelativeImportance must be an int or a "
                                             r"numpy.random.Generator. Got None instead."):
        relative_importance(df, "y", cols, n_boot=100, seed=None)


def test_alpha_sets_the_interval_level():
    df = correlated_data(300, 3, seed=7)
    cols = ["x0", "x1", "x2"]
    wide = relative_importance(df, "y", cols, n_boot=200, seed=1)
    narrow = relative_importance(df, "y", cols, n_boot=200, seed=1, alpha=0.2)
    np.testing.assert_allclose(narrow["importance_low"],
                               np.quantile(RelativeImportance(n_boot=200, seed=1).fit(df, "y", cols).boot_, 0.1,
                                           axis=0))
    assert ((narrow["importance_high"] - narrow["importance_low"])
            < (wide["importance_high"] - wide["importance_low"])).all()
    with pytest.raises(ParameterError, match=r"The 'alpha' parameter of RelativeImportance must be a number in "
                                             r"the range \(0, 0.5\)"):
        relative_importance(df, "y", cols, alpha=0.95)
