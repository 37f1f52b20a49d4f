"""Relative weights (Johnson 2000) and sampled Shapley values."""

from __future__ import annotations

import numpy as np
import pytest
from drivers_cases import correlated_data, ols_r2

from analysis.drivers import relative_importance


def test_relative_weights_match_johnson_2000_svd_recipe():
    df = correlated_data(300, 5, seed=3)
    cols = [f"x{i}" for i in range(5)]
    x = df[cols].to_numpy()
    y = df["y"].to_numpy()
    zx = (x - x.mean(0)) / x.std(0, ddof=1)
    zy = (y - y.mean()) / y.std(ddof=1)
    # Johnson (2000): standardized X = P D Q'; Z = P Q' rescaled to unit variance are the
    # orthogonal counterparts; beta = y regressed on Z; Lambda = X regressed on Z;
    # epsilon_j = sum_k Lambda_kj^2 beta_k^2
    u, _, vt = np.linalg.svd(zx, full_matrices=False)
    z = u @ vt * np.sqrt(len(y) - 1)
    beta = np.linalg.lstsq(z, zy, rcond=None)[0]
    lam = np.linalg.lstsq(z, zx, rcond=None)[0]  # regress each X on Z
    expected = (lam.T**2) @ (beta**2)
    got = relative_importance(df, "y", cols, method="relative_weights")
    np.testing.assert_allclose(got["importance"].to_numpy(), expected, atol=1e-10)
    assert got["importance"].sum() == pytest.approx(ols_r2(x, y, range(5)), abs=1e-12)


# ------------------------------------------------------------------ fallbacks and speed
def test_sampled_shapley_is_within_its_monte_carlo_error():
    df = correlated_data(300, 6, seed=2)
    cols = [f"x{i}" for i in range(6)]
    exact = relative_importance(df, "y", cols)["importance"]
    est = relative_importance(df, "y", cols, method="shapley_sampled", n_permutations=4000, seed=4)
    z = (est["importance"] - exact) / est["importance_se"]
    # 6 z-scores from an approximately normal estimator: |z| < 4.5 fails with prob ~ 4e-5
    assert np.all(np.abs(z) < 4.5), z
    assert np.all(est["importance_se"] > 0)
