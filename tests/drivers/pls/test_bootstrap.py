"""PLS bootstrap: plspm's bootstrap within Monte Carlo error, same seed same intervals, coverage."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from drivers_cases import ECSI_BLOCKS, ECSI_PATHS, TOL_R, read_result, simulate_two_blocks

from analysis.drivers import PLSPathModel
from analysis.errors import ParameterError


def test_bootstrap_intervals(satisfaction):
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scaled=False).fit(satisfaction).bootstrap(400, seed=7)
    b = m.bootstrap_
    assert b["info"]["n_used"] == 400
    p = b["paths"].set_axis([f"{f} -> {t}" for f, t in b["paths"].index], axis=0)
    ref = read_result("plspm_satisfaction_boot_paths.csv", index_col=0)
    assert list(p.index) == list(ref.index)
    np.testing.assert_allclose(p["estimate"], ref["original"], atol=TOL_R)
    # plspm's bootstrap is random (its replicate count is not recorded, at least 100), so the
    # standard errors can only agree within Monte Carlo error: a bootstrap SE from B replicates
    # has relative SD ~ 1/sqrt(2B) (7% at B=100, 3.5% at 400). Each ratio within 0.7-1.4
    # (about 4 SDs), their geometric mean within 0.85-1.15.
    ratio = p["std_error"] / ref["std.error"]
    assert ratio.between(0.7, 1.4).all(), ratio
    assert np.exp(np.log(ratio).mean()) == pytest.approx(1, abs=0.15)
    assert (p["ci_low"] < p["estimate"]).all() and (p["estimate"] < p["ci_high"]).all()
    # the same seed gives identical intervals; total effects and loadings come with them
    m2 = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scaled=False).fit(satisfaction).bootstrap(400, seed=7)
    pd.testing.assert_frame_equal(m2.bootstrap_["total_effects"], b["total_effects"])
    assert set(b) == {"paths", "total_effects", "effects", "loadings", "weights", "r2", "info"}
    s = m.summary()
    assert {"std_error", "ci_low", "ci_high"} <= set(s.columns)
    kind = s.index.get_level_values("kind")
    assert (kind == "path").sum() == 10 and (kind == "total_effect").sum() == 15


@pytest.mark.slow
def test_bootstrap_coverage_on_simulation():
    """Percentile intervals of the path cover the population value of the PLS estimand
    (its large-sample limit, taken from a fit on 200,000 draws) in about 90% of samples."""
    truth = PLSPathModel({"X": "Y"}, simulate_two_blocks(200000, 99)[1]).fit(simulate_two_blocks(200000, 99)[0]) \
        .path_coefficients_.loc["X", "Y"]
    hits = 0
    reps = 30
    for r in range(reps):
        df, blocks = simulate_two_blocks(150, 1000 + r)
        m = PLSPathModel({"X": "Y"}, blocks).fit(df).bootstrap(100, seed=r, alpha=0.1)
        row = m.bootstrap_["paths"].iloc[0]
        hits += row["ci_low"] <= truth <= row["ci_high"]
    # Binomial(30, 0.9): P(hits <= 22) = 0.8%
    assert hits >= 23


def test_bootstrap_default_seed_repeats_and_alpha_sets_the_level():
    df, blocks = simulate_two_blocks(200, 11)
    m = PLSPathModel({"X": "Y"}, blocks).fit(df)
    first = m.bootstrap(60).bootstrap_
    again = m.bootstrap(60).bootstrap_  # no seed given twice: the same default, the same intervals
    for key in ("paths", "total_effects", "loadings", "weights", "r2"):
        pd.testing.assert_frame_equal(first[key], again[key])
    assert first["info"]["alpha"] == 0.05
    narrow = m.bootstrap(60, alpha=0.2).bootstrap_["paths"]
    assert (narrow["ci_high"] - narrow["ci_low"] < first["paths"]["ci_high"] - first["paths"]["ci_low"]).all()
    assert list(first["paths"].columns) == ["estimate", "std_error", "ci_low", "ci_high", "p_value", "boot_mean"]
    assert first["paths"].index.names == ["from", "to"]
    assert list(first["loadings"].columns)[-1] == "construct" and first["loadings"].index.name == "item"
    with pytest.raises(ParameterError, match=r"The 'seed' parameter of rng_from must be an int or a "
                                             r"numpy.random.Generator. Got None instead."):
        m.bootstrap(60, seed=None)
    with pytest.raises(ParameterError, match=r"The 'n_boot' parameter of bootstrap must be an int in the range"):
        m.bootstrap(10)
    with pytest.raises(ParameterError, match="'alpha' parameter of bootstrap"):
        m.bootstrap(60, alpha=0.95)


def test_effects_match_plspm_and_add_up(satisfaction):
    """Direct, indirect and total effects against R plspm's ``effects`` table (same algorithm: 1e-10), only
    the effects the model allows, and each replicate's indirect = total - direct (so the intervals are of
    the same draws)."""
    m = PLSPathModel(ECSI_PATHS, ECSI_BLOCKS, scaled=False).fit(satisfaction).bootstrap(100, seed=3)
    eff = m.bootstrap_["effects"]
    ref = read_result("plspm_satisfaction_effects.csv")
    for _, row in ref.iterrows():
        for kind in ("direct", "indirect", "total"):
            key = (row["from"], row["to"], kind)
            if key in eff.index:
                assert eff.loc[key, "estimate"] == pytest.approx(row[kind], abs=TOL_R)
            else:  # left out only where the model rules the effect out
                assert row[kind] == 0
    assert ("IMAG", "QUAL", "direct") not in eff.index and ("IMAG", "EXPE", "indirect") not in eff.index
    assert ("IMAG", "LOY", "indirect") in eff.index
    tot = eff.xs("total", level="effect")
    np.testing.assert_allclose(tot["ci_low"], m.bootstrap_["total_effects"]["ci_low"], atol=0)


def _mediation(seed: int, n: int = 300) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    mid = 0.6 * x + np.sqrt(1 - 0.36) * rng.normal(size=n)
    y = 0.5 * mid + np.sqrt(1 - 0.25) * rng.normal(size=n)
    return pd.DataFrame({f"{k}{i}": v + 0.2 * rng.normal(size=n) for k, v in (("x", x), ("m", mid), ("y", y))
                         for i in range(4)})


def test_indirect_effect_intervals_cover_the_simulated_truth():
    """Known truth: X -> M -> Y with a = 0.6, b = 0.5 (indirect 0.30) and no direct X -> Y effect. With
    precise items (4 per construct, noise 0.2) PLS attenuation is about 1%, so over 20 simulated surveys
    the 95% percentile intervals must hold the truth about 19 times: we ask at least 16 (the chance of
    fewer than 16 at a true 95% coverage is 0.3%), for the indirect and for the (zero) direct effect; the
    indirect estimate is the product of the two paths' estimates."""
    blocks = {k.upper(): [f"{k}{i}" for i in range(4)] for k in "xmy"}
    hits = np.zeros(2)
    for rep in range(20):
        m = PLSPathModel([("X", "M"), ("M", "Y"), ("X", "Y")], blocks).fit(_mediation(rep)).bootstrap(100, seed=rep)
        eff = m.bootstrap_["effects"]
        ind, direct = eff.loc[("X", "Y", "indirect")], eff.loc[("X", "Y", "direct")]
        hits += [ind["ci_low"] < 0.30 < ind["ci_high"], direct["ci_low"] < 0 < direct["ci_high"]]
        pc = m.path_coefficients_
        assert ind["estimate"] == pytest.approx(pc.loc["X", "M"] * pc.loc["M", "Y"], abs=1e-12)
    assert (hits >= 16).all(), hits
