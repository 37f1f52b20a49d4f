"""Speed of exact LMG (Shapley decomposition of R²) and its bootstrap.

Measures, on 5,000 simulated respondents with correlated ratings:

* exact LMG for p = 10, 15, 20 predictors (correlation matrix + all 2^p subset R²
  by one Cholesky-row update each + Shapley weights);
* 1,000 bootstrap replicates for p = 10;
* a direct brute force for p = 10 (one least-squares regression on the raw data
  per subset, 1,024 fits, then the same Shapley weights) and the agreement;
* with ``--search``, the largest p whose exact LMG (from the correlation matrix)
  finishes in under a minute.

The Python ``dominance-analysis`` package is not installed in this environment, so
it is not compared. Run::

    .venv/bin/python benchmarks/drivers_lmg.py
    .venv/bin/python benchmarks/drivers_lmg.py --search     # adds p = 21, 22, ... until > 60 s

It prints one line per measurement (printing is this script's job).
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np
import pandas as pd

from analysis.drivers import RelativeImportance, lmg_from_corr, relative_importance


def make_survey(n: int, p: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, p)) + 0.7 * rng.normal(size=(n, 1))
    y = x @ np.linspace(1.0, 0.1, p) + rng.normal(scale=2.0, size=n)
    df = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    df["y"] = y
    return df


def brute_force_lmg(df: pd.DataFrame, p: int) -> np.ndarray:
    x = df.iloc[:, :p].to_numpy()
    y = df["y"].to_numpy()
    tss = ((y - y.mean()) ** 2).sum()
    r2 = np.zeros(1 << p)
    for mask in range(1, 1 << p):
        cols = [i for i in range(p) if mask >> i & 1]
        a = np.column_stack([np.ones(len(y)), x[:, cols]])
        res = y - a @ np.linalg.lstsq(a, y, rcond=None)[0]
        r2[mask] = 1 - res @ res / tss
    w = [math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p) for k in range(p)]
    out = np.zeros(p)
    for i in range(p):
        for mask in range(1 << p):
            if not mask >> i & 1:
                out[i] += w[bin(mask).count("1")] * (r2[mask | 1 << i] - r2[mask])
    return out


def timed(f):
    t = time.perf_counter()
    value = f()
    return value, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--search", action="store_true")
    args = parser.parse_args()
    for p in (10, 15, 20):
        df = make_survey(args.n, p)
        _, sec = timed(lambda: relative_importance(df, "y", [f"x{i}" for i in range(p)]))
        print(f"exact LMG, p = {p:2d}, n = {args.n}: {sec:8.3f} s")
    df = make_survey(args.n, 10)
    cols = [f"x{i}" for i in range(10)]
    _, sec = timed(lambda: RelativeImportance(n_boot=1000, seed=1).fit(df, "y", cols))
    print(f"LMG with 1,000 bootstrap replicates, p = 10, n = {args.n}: {sec:8.3f} s")
    _, sec = timed(lambda: RelativeImportance("relative_weights", n_boot=1000, seed=1).fit(df, "y", cols))
    print(f"relative weights with 1,000 bootstrap replicates, p = 10: {sec:8.3f} s")
    fast, sec_fast = timed(lambda: relative_importance(df, "y", cols)["importance"].to_numpy())
    brute, sec_brute = timed(lambda: brute_force_lmg(df, 10))
    print(f"brute force (1,024 least-squares fits), p = 10: {sec_brute:8.3f} s vs {sec_fast:.3f} s; "
          f"max |difference| = {np.abs(fast - brute).max():.1e}")
    if args.search:
        rng = np.random.default_rng(0)
        p = 21
        while True:
            a = rng.normal(size=(p + 1, p + 1))
            s = a @ a.T + (p + 1) * np.eye(p + 1)
            c = s / np.sqrt(np.outer(np.diag(s), np.diag(s)))
            _, sec = timed(lambda c=c: lmg_from_corr(c))
            print(f"exact LMG from the correlation matrix, p = {p}: {sec:8.2f} s")
            if sec > 60 or p >= 26:
                break
            p += 1


if __name__ == "__main__":
    main()
