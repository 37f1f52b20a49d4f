"""Shared cases of the driver tests: the ECSI bank-survey model, R's stored results,
a simulated two-block path model and the brute-force regressions behind relative importance."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).resolve().parent / "drivers" / "results"
TOL_R = 1e-10  # same algorithm as R plspm: only rounding differs (observed max 1e-14)

ECSI_PATHS = {"IMAG": ["EXPE", "SAT", "LOY"], "EXPE": ["QUAL", "VAL", "SAT"], "QUAL": ["VAL", "SAT"],
              "VAL": ["SAT"], "SAT": ["LOY"]}
ECSI_BLOCKS = {"IMAG": [f"imag{i}" for i in range(1, 6)], "EXPE": [f"expe{i}" for i in range(1, 6)],
               "QUAL": [f"qual{i}" for i in range(1, 6)], "VAL": [f"val{i}" for i in range(1, 5)],
               "SAT": [f"sat{i}" for i in range(1, 5)], "LOY": [f"loy{i}" for i in range(1, 5)]}


def read_result(name: str, **kw) -> pd.DataFrame:
    """A stored reference table of tests/drivers/results."""
    return pd.read_csv(RESULTS / name, **kw)


def simulate_two_blocks(n, seed, beta=0.6, n_items=3, noise=0.5):
    """Items of two constructs X -> Y with path ``beta``; (data, blocks)."""
    rng = np.random.default_rng(seed)
    xi = rng.normal(size=n)
    eta = beta * xi + np.sqrt(1 - beta**2) * rng.normal(size=n)
    df = pd.DataFrame({f"x{i}": xi + noise * rng.normal(size=n) for i in range(n_items)})
    for i in range(n_items):
        df[f"y{i}"] = eta + noise * rng.normal(size=n)
    blocks = {"X": [f"x{i}" for i in range(n_items)], "Y": [f"y{i}" for i in range(n_items)]}
    return df, blocks


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
    """n rows of p predictors sharing a common factor and y = x @ beta + noise."""
    rng = np.random.default_rng(seed)
    common = rng.normal(size=(n, 1))
    x = rng.normal(size=(n, p)) + 0.8 * common
    beta = np.linspace(1.0, 0.2, p) if beta is None else np.asarray(beta)
    y = x @ beta + rng.normal(scale=1.5, size=n)
    df = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    df["y"] = y
    return df
