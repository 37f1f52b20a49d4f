"""Exact LMG: brute force over all orderings (swiss, random data), subset R², speed."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from analysis.drivers import (
    lmg_from_corr,
    relative_importance,
    subset_r2,
)

SWISS_PREDICTORS = ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]


def ols_r2(x: np.ndarray, y: np.ndarray, cols) -> float:
    """R² of y on the given columns of x with an intercept, by least squares."""
    if len(cols) == 0:
        return 0.0
    a = np.column_stack([np.ones(len(y)), x[:, list(cols)]])
    beta, *_ = np.linalg.lstsq(a, y, rcond=None)
    res = y - a @ beta
    return 1.0 - res @ res / ((y - y.mean()) @ (y - y.mean()))


def brute_force_lmg(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Average R² increment over all p! orderings (definition of LMG)."""
    p = x.shape[1]
    cache: dict[frozenset, float] = {}

    def r2(s):
        key = frozenset(s)
        if key not in cache:
            cache[key] = ols_r2(x, y, sorted(key))
        return cache[key]

    total = np.zeros(p)
    orders = list(itertools.permutations(range(p)))
    for order in orders:
        for i, j in enumerate(order):
            total[j] += r2(order[: i + 1]) - r2(order[:i])
    return total / len(orders)


def correlated_data(n: int, p: int, seed: int, beta=None) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    common = rng.normal(size=(n, 1))
    x = rng.normal(size=(n, p)) + 0.8 * common
    beta = np.linspace(1.0, 0.2, p) if beta is None else np.asarray(beta)
    y = x @ beta + rng.normal(scale=1.5, size=n)
    df = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    df["y"] = y
    return df


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
