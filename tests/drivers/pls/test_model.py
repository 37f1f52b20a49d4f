"""PLS path model against R plspm, seminr and brute force.

References (tests/drivers/results/README.md):

* R plspm's outputs on the ECSI bank survey (Mode A, scaled = FALSE, centroid,
  factorial and path schemes; all blocks Mode B), as stored by plspm-python's
  regression tests. Our implementation follows plspm's algorithm step for step
  (same start, same in-loop scaling, same stopping rule), so the only differences
  left are floating-point rounding: tolerance 1e-10 absolute (observed ~1e-14).
* R seminr on the mobi sub-model (path scheme, Quality in Mode B). seminr stops
  its iteration on a different rule, so we compare the fully converged solution
  (tol 1e-16): tolerance 1e-9 (observed ~1e-15).
* Brute force computed here: R² from an OLS of the scores, total effects as the
  sum over enumerated directed paths of the products of coefficients, the
  identity behind the unstandardized IPMA importances, planted structures of
  simulated data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from drivers_cases import ECSI_BLOCKS, ECSI_PATHS, TOL_R, read_result, simulate_two_blocks

from analysis.drivers import PLSPathModel
from analysis.errors import AnalysisWarning, ParameterError


# ------------------------------------------------------------ R plspm: ECSI bank survey


def test_paths_r2_gof_match_plspm_published(ecsi):
    """The figures in PROVENANCE.md (plspm's example output), to their printed 4 decimals."""
    pc = ecsi.path_coefficients_
    expected = {("IMAG", "EXPE"): 0.5790, ("IMAG", "SAT"): 0.2007, ("IMAG", "LOY"): 0.2751,
                ("EXPE", "QUAL"): 0.8483, ("EXPE", "VAL"): 0.1055, ("EXPE", "SAT"): -0.0028,
                ("QUAL", "VAL"): 0.6767, ("QUAL", "SAT"): 0.1221, ("VAL", "SAT"): 0.5893,
                ("SAT", "LOY"): 0.4955}
    for (f, t), v in expected.items():
        assert pc.loc[f, t] == pytest.approx(v, abs=5e-5)
    assert (pc.to_numpy() != 0).sum() == len(expected)
    r2 = {"EXPE": 0.3352, "QUAL": 0.7197, "VAL": 0.5901, "SAT": 0.7073, "LOY": 0.5099}
    assert ecsi.r2_.to_dict() == pytest.approx(r2, abs=5e-5)
    assert ecsi.gof_ == pytest.approx(0.609741624338411, abs=TOL_R)
    assert ecsi.converged_ and ecsi.n_obs_ == 250


@pytest.mark.parametrize("scheme, file", [("centroid", "plspm_satisfaction_outer_model.csv"),
                                          ("factorial", "plspm_satisfaction_outer_model_factorial.csv"),
                                          ("path", "plspm_satisfaction_outer_model_path.csv")])
def test_outer_model_matches_plspm_each_scheme(satisfaction, scheme, file):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scheme=scheme, scaled=False).fit(satisfaction)
    ref = read_result(file, index_col=0)
    cols = ["weight", "loading", "communality", "redundancy"]
    np.testing.assert_allclose(m.outer_model_.loc[ref.index, cols], ref[cols], rtol=0, atol=TOL_R)
    assert m.outer_model_.loc[ref.index, "construct"].tolist() == ref["block"].tolist()


def test_inner_summary_effects_scores_unidim_match_plspm(ecsi):
    ref = read_result("plspm_satisfaction_inner_summary.csv", index_col=0)
    got = ecsi.inner_summary_.loc[ref.index]
    np.testing.assert_allclose(got[["r2", "block_communality", "mean_redundancy", "ave"]],
                               ref[["r_squared", "block_communality", "mean_redundancy", "ave"]], atol=TOL_R, rtol=0)
    assert got["type"].tolist() == ref["type"].tolist()

    ref = read_result("plspm_satisfaction_effects.csv")
    assert ecsi.effects_[["from", "to"]].values.tolist() == ref[["from", "to"]].values.tolist()
    np.testing.assert_allclose(ecsi.effects_[["direct", "indirect", "total"]], ref[["direct", "indirect", "total"]],
                               atol=TOL_R, rtol=0)

    ref = read_result("plspm_satisfaction_inner_model_sat.csv", index_col=0)
    got = ecsi.inner_model_.xs("SAT", level="to").loc[ref.index]
    np.testing.assert_allclose(got[["estimate", "std_error", "t"]], ref[["Estimate", "Std. Error", "t value"]],
                               atol=TOL_R, rtol=0)
    np.testing.assert_allclose(got["p_value"], ref["Pr(>|t|)"], rtol=1e-8)

    ref = read_result("plspm_satisfaction_scores_head.csv")
    np.testing.assert_allclose(ecsi.scores_.iloc[:10][ref.columns], ref, atol=TOL_R, rtol=0)

    ref = read_result("plspm_satisfaction_unidim.csv", index_col=0)
    cols = ["cronbach_alpha", "dillon_goldstein_rho", "eig_1st", "eig_2nd"]
    np.testing.assert_allclose(ecsi.unidimensionality_.loc[ref.index, cols], ref[cols], atol=TOL_R, rtol=0)


def test_mode_b_matches_plspm(satisfaction):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, modes="B", scaled=False).fit(satisfaction)
    ref = read_result("plspm_satisfaction_modeb_inner_summary.csv", index_col=0)
    got = m.inner_summary_.loc[ref.index]
    np.testing.assert_allclose(got[["r2", "block_communality", "mean_redundancy"]],
                               ref[["r_squared", "block_communality", "mean_Redundancy"]], atol=TOL_R, rtol=0)
    assert got["ave"].isna().all()  # AVE is defined for reflective blocks only (plspm prints NA)
    # Mode B weights are the regression of the inner estimate on the block: scores are not the
    # Mode A ones, so the fit differs from the Mode A fit.
    assert abs(m.r2_["EXPE"] - 0.3352) > 0.03


def test_scaled_mode_b_weights_are_regression_of_inner_proxy(satisfaction):
    """At convergence a Mode B block's weights solve the regression of its inner estimate
    (centroid: signed sum of neighbours' scores) on its items - checked with lstsq here."""
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, modes={"QUAL": "B"}, tol=1e-14, max_iter=500).fit(satisfaction)
    x = satisfaction[ECSI_BLOCKS["QUAL"]].to_numpy(float)
    x = (x - x.mean(0)) / x.std(0)
    s = m.scores_
    c = s.corr().loc["QUAL"]
    proxy = sum(np.sign(c[n]) * s[n] for n in ["EXPE", "VAL", "SAT"])
    w = np.linalg.lstsq(x, proxy.to_numpy(), rcond=None)[0]
    w = w / (x @ w).std()
    np.testing.assert_allclose(m.outer_weights_[ECSI_BLOCKS["QUAL"]], w, atol=1e-6)


# ---------------------------------------------------------------- seminr: mobi sub-model


def test_mobi_path_scheme_mode_b_matches_seminr(shared_data):
    path = shared_data / "ecsi_mobi" / "mobi.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    mobi = pd.read_csv(path, index_col=0)
    blocks = {"Expectation": ["CUEX1", "CUEX2", "CUEX3"], "Quality": [f"PERQ{i}" for i in range(1, 8)],
              "Loyalty": ["CUSL1", "CUSL2", "CUSL3"], "Image": [f"IMAG{i}" for i in range(1, 6)],
              "Complaints": ["CUSCO"]}
    paths = [("Expectation", "Loyalty"), ("Quality", "Loyalty"), ("Image", "Expectation"), ("Complaints", "Loyalty")]
    m = PLSPathModel(paths, blocks, modes={"Quality": "B"}, scheme="path", tol=1e-16, max_iter=300).fit(mobi)
    ref = read_result("seminr_mobi_basic_paths.csv", index_col=0)
    np.testing.assert_allclose(m.path_coefficients_.loc[ref.index, ref.columns], ref, atol=1e-9, rtol=0)
    ref = read_result("seminr_mobi_basic_outer_model.csv", index_col=0)
    np.testing.assert_allclose(m.outer_model_.loc[ref.index, ["weight", "loading"]], ref, atol=1e-9, rtol=0)


# ------------------------------------------------------------------------ brute force


def test_r2_and_paths_equal_ols_of_scores(ecsi):
    s = ecsi.scores_
    for target, preds in {"SAT": ["IMAG", "EXPE", "QUAL", "VAL"], "LOY": ["IMAG", "SAT"], "EXPE": ["IMAG"]}.items():
        design = np.column_stack([np.ones(len(s)), s[preds]])
        coef, *_ = np.linalg.lstsq(design, s[target], rcond=None)
        resid = s[target] - design @ coef
        r2 = 1 - resid @ resid / ((s[target] - s[target].mean()) ** 2).sum()
        assert ecsi.r2_[target] == pytest.approx(r2, abs=1e-12)
        np.testing.assert_allclose(ecsi.path_coefficients_.loc[preds, target], coef[1:], atol=1e-12)


def test_loadings_are_correlations_and_scores_standardized(ecsi, satisfaction):
    s = ecsi.scores_
    np.testing.assert_allclose(s.mean(), 0, atol=1e-12)
    np.testing.assert_allclose(s.std(ddof=0), 1, atol=1e-12)
    for item, row in ecsi.outer_model_.iterrows():
        r = np.corrcoef(satisfaction[item], s[row["construct"]])[0, 1]
        assert row["loading"] == pytest.approx(r, abs=1e-12)


def test_recovers_planted_path_up_to_attenuation():
    """Composite scores carry measurement error, so PLS attenuates beta by the product of
    the two composites' reliabilities' square roots: rel = k/(k + noise^2) with unit-variance
    constructs and equal weights (Mode A weights are close to equal here)."""
    df, blocks = simulate_two_blocks(20000, 0)
    m = PLSPathModel({"X": "Y"}, blocks).fit(df)
    rel = 3 / (3 + 0.25)
    assert m.path_coefficients_.loc["X", "Y"] == pytest.approx(0.6 * rel, abs=0.01)  # SE ~ 0.006


def test_missing_answers_listwise_with_warning(satisfaction):
    df = satisfaction.copy()
    df.loc[df.index[:3], "sat1"] = np.nan
    with pytest.warns(AnalysisWarning, match="3 of 250"):
        m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS).fit(df)
    assert m.n_obs_ == 247 and list(m.scores_.index) == list(df.index[3:])


def test_no_convergence_warns():
    df, blocks = simulate_two_blocks(300, 5)
    with pytest.warns(AnalysisWarning, match="did not converge"):
        m = PLSPathModel({"X": "Y"}, blocks, tol=1e-300, max_iter=3).fit(df)
    assert not m.converged_


def test_summary_shape_and_repr_before_bootstrap(ecsi):
    s = ecsi.summary()
    assert list(s.columns) == ["estimate", "std_error", "ci_low", "ci_high", "p_value", "t"]
    assert s.index.names == ["kind", "from", "to"]
    paths = s.xs("path", level="kind")
    pd.testing.assert_frame_equal(paths, ecsi.inner_model_)
    assert paths[["ci_low", "ci_high"]].isna().all().all()  # no interval without the bootstrap
    assert s.xs("r2", level="kind")["estimate"].tolist() == ecsi.r2_.tolist()
    assert repr(ecsi).startswith("PLSPathModel\n")
    assert repr(PLSPathModel(ECSI_PATHS, ECSI_BLOCKS)).startswith("PLSPathModel(paths=")


def _opposite_pair(seed: int, n: int = 400):
    """A two-item block whose items correlate in opposite directions with their construct (x2 is
    reverse-coded), X -> Y with a true path of +0.6."""
    rng = np.random.default_rng(seed)
    xi = rng.normal(size=n)
    eta = 0.6 * xi + 0.8 * rng.normal(size=n)
    df = pd.DataFrame({"x1": xi + 0.5 * rng.normal(size=n), "x2": -xi + 0.5 * rng.normal(size=n),
                       "y1": eta + 0.5 * rng.normal(size=n), "y2": eta + 0.5 * rng.normal(size=n)})
    return df, {"X": ["x1", "x2"], "Y": ["y1", "y2"]}


def test_anchor_fixes_the_sign_of_a_two_item_block_with_opposite_items():
    """Simulation with a known positive path: without an anchor the tie in plspm's sign rule (one item
    positive, one negative) turns X negative and the path comes out negative; anchoring X on x1 gives the
    true sign, and the same size (the anchor changes only the sign)."""
    df, blocks = _opposite_pair(8)
    free = PLSPathModel([("X", "Y")], blocks).fit(df)
    fixed = PLSPathModel([("X", "Y")], blocks, anchors={"X": "x1"}).fit(df)
    assert free.path_coefficients_.loc["X", "Y"] < 0
    assert fixed.path_coefficients_.loc["X", "Y"] > 0.4
    assert fixed.path_coefficients_.loc["X", "Y"] == pytest.approx(-free.path_coefficients_.loc["X", "Y"])
    assert fixed.outer_loadings_["x1"] > 0 > fixed.outer_loadings_["x2"]
    # the replicates keep the anchor: the interval stays on the true side
    assert fixed.bootstrap(60, seed=2).bootstrap_["paths"].loc[("X", "Y"), "ci_low"] > 0
    anchored_on_x2 = PLSPathModel([("X", "Y")], blocks, anchors={"X": "x2"}).fit(df)
    assert anchored_on_x2.outer_loadings_["x2"] > 0


def test_anchor_must_be_an_item_of_its_construct():
    df, blocks = _opposite_pair(1, n=60)
    with pytest.raises(ParameterError, match="anchor of 'X' must be one of its own items"):
        PLSPathModel([("X", "Y")], blocks, anchors={"X": "y1"}).fit(df)
    with pytest.raises(ParameterError, match="anchors names construct 'Z'"):
        PLSPathModel([("X", "Y")], blocks, anchors={"Z": "x1"}).fit(df)
