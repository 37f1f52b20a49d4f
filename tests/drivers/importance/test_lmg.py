"""Exact LMG: brute force over all orderings (swiss, random data), subset R², speed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from drivers_cases import brute_force_lmg, correlated_data, ols_r2

from analysis.drivers import (
    lmg_from_corr,
    relative_importance,
    subset_r2,
)

SWISS_PREDICTORS = ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]


@pytest.fixture(scope="module")
def swiss(shared_data):
    return pd.read_csv(shared_data / "rdatasets" / "swiss.csv")


# ------------------------------------------------------------------ exactness
def test_swiss_lmg_matches_brute_force_over_all_orderings(swiss, project_root):
    x = swiss[SWISS_PREDICTORS].to_numpy(float)
    y = swiss["Fertility"].to_numpy(float)
    brute = brute_force_lmg(x, y)
    got = relative_importance(swiss, "Fertility", SWISS_PREDICTORS)
    # both are exact computations in double precision: agreement to rounding error
    np.testing.assert_allclose(got["importance"].to_numpy(), brute, atol=1e-10)
    assert got.attrs["r2"] == pytest.approx(ols_r2(x, y, range(5)), abs=1e-12)
    assert got.attrs["r2"] == pytest.approx(0.7067, abs=5e-5)  # R's summary(lm) for swiss
    stored = pd.read_csv(project_root / "tests" / "drivers" / "results" / "swiss_lmg.csv",
                         index_col="predictor")
    np.testing.assert_allclose(got["importance"], stored.loc[SWISS_PREDICTORS, "lmg_bruteforce"],
                               atol=5e-7)  # stored rounded to 6 decimals
    assert got["share"].sum() == pytest.approx(1.0, abs=1e-12)
    assert list(got.sort_values("rank").index[:2]) == ["Education", "Examination"]


def test_lmg_matches_brute_force_on_random_correlated_data():
    df = correlated_data(250, 6, seed=11)
    cols = [f"x{i}" for i in range(6)]
    brute = brute_force_lmg(df[cols].to_numpy(), df["y"].to_numpy())  # 720 orderings
    got = relative_importance(df, "y", cols)["importance"].to_numpy()
    np.testing.assert_allclose(got, brute, atol=1e-10)


def test_subset_r2_equals_least_squares_for_every_subset():
    df = correlated_data(120, 7, seed=5)
    x, y = df.iloc[:, :7].to_numpy(), df["y"].to_numpy()
    r2 = subset_r2(df.corr().to_numpy())
    for mask in range(1 << 7):
        cols = [i for i in range(7) if mask >> i & 1]
        assert r2[mask] == pytest.approx(ols_r2(x, y, cols), abs=1e-10)


def test_exact_lmg_for_sixteen_predictors_sums_to_r2_quickly():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(17, 17))
    s = a @ a.T + 17 * np.eye(17)
    c = s / np.sqrt(np.outer(np.diag(s), np.diag(s)))
    lmg = lmg_from_corr(c)
    r2 = c[-1, :-1] @ np.linalg.solve(c[:-1, :-1], c[:-1, -1])
    assert lmg.sum() == pytest.approx(r2, abs=1e-12)
    assert np.all(lmg > 0)
