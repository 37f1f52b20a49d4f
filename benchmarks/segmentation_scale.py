"""Scale check for segmentation: RFM scoring, tiers and stages on a large synthetic log.

The issue asks for 1,000,000 customers from a 10,000,000-row log in well under a
minute on a 2-core machine; clustering may sample to choose k but must assign
everyone. Run::

    .venv/bin/python benchmarks/segmentation_scale.py                 # 1M x 10M
    .venv/bin/python benchmarks/segmentation_scale.py --customers 100000 --rows 1000000

It prints one line per step with the wall-clock seconds (this script's job is to
report, so it prints).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from analysis.segmentation import (
    cluster_features,
    concentration,
    fit_clusters,
    lifecycle_stages,
    rfm,
    value_tiers,
)


def make_log(n_customers: int, n_rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, n_customers, n_rows)
    ids[:n_customers] = np.arange(n_customers)  # every customer buys at least once
    return pd.DataFrame({
        "customer_id": pd.array(np.char.add("c", ids.astype(str)), dtype="string"),
        "date": pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 730, n_rows), unit="D"),
        "amount": rng.gamma(2.0, 25.0, n_rows),
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=10_000_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    tx = make_log(args.customers, args.rows)
    print(f"generate log ({args.rows:,} rows): {time.perf_counter() - t0:.1f} s")
    steps = {}
    t = time.perf_counter()
    table = rfm(tx, "2021-12-31")
    steps["rfm (values, scores, segments)"] = time.perf_counter() - t
    t = time.perf_counter()
    concentration(table["monetary"])
    value_tiers(table["monetary"])
    steps["concentration + ABC tiers"] = time.perf_counter() - t
    t = time.perf_counter()
    lifecycle_stages(table)
    steps["lifecycle stages"] = time.perf_counter() - t
    t = time.perf_counter()
    X = cluster_features(table)
    labels = fit_clusters(X, 5, sample_size=20000, seed=0)
    steps["features + k-means (fit on 20,000, assign all)"] = time.perf_counter() - t
    assert len(labels) == len(table) == args.customers
    for name, seconds in steps.items():
        print(f"{name}: {seconds:.1f} s")
    print(f"total without generation: {sum(steps.values()):.1f} s for {len(table):,} customers")


if __name__ == "__main__":
    main()
