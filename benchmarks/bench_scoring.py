"""Throughput of chunked scoring (P(alive), expected purchases, CLV, RFM segments).

Steps on a log from ``generate_log.py``: the summary with RFM columns written to
Parquet by DuckDB; BG/NBD fitted on the grouped summary (weights); Gamma-Gamma
fitted on a random sample of at most 1,000,000 repeat customers (its fit cost grows
with the sample; the estimate's standard error is tiny at that size); then
:func:`analysis.scoring.score_customers` over every customer. Reports
seconds per step and customers scored per second. Run::

    .venv/bin/python benchmarks/bench_scoring.py benchmarks/results/tmp/log_1e7

Results are appended to ``benchmarks/results/scoring_bench.json``; this script's job
is to report, so it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.clv import BetaGeo, GammaGamma
from analysis.customerdata import DuckDBEngine
from analysis.scoring import score_customers
from analysis.summary import grouped_customer_summary, summary_to_parquet

RESULTS = Path(__file__).resolve().parent / "results"


def peak_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("log", type=Path, help="folder with part-*.parquet")
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--chunk-size", type=int, default=500_000)
    args = parser.parse_args()
    files = str(args.log / "part-*.parquet")
    engine = DuckDBEngine(memory_limit=args.memory_limit, threads=2)
    record = {"log": args.log.name, "load_at_start": [round(x, 2) for x in os.getloadavg()]}
    work = args.log / "scoring"
    work.mkdir(exist_ok=True)

    t = time.perf_counter()
    summary_path = summary_to_parquet(files, work / "summary.parquet", "2024-12-31", "W",
                                      rfm_columns=True, engine=engine)
    record["summary_seconds"] = round(time.perf_counter() - t, 1)

    t = time.perf_counter()
    grouped = grouped_customer_summary(files, "2024-12-31", "W", engine=engine)
    record["grouped_seconds"] = round(time.perf_counter() - t, 1)
    record["grouped_rows"] = len(grouped)
    t = time.perf_counter()
    bg = BetaGeo().fit(grouped, weights="weight")
    record["bgnbd_fit_seconds"] = round(time.perf_counter() - t, 1)
    record["bgnbd_params"] = bg.params_.round(4).to_dict()

    t = time.perf_counter()
    table = pq.read_table(summary_path, columns=["frequency", "monetary_value"])
    repeat = table.filter(pc.and_(pc.greater(table["frequency"], 0), pc.greater(table["monetary_value"], 0)))
    rng = np.random.default_rng(1)
    take = rng.choice(repeat.num_rows, min(1_000_000, repeat.num_rows), replace=False)
    sample = repeat.take(np.sort(take)).to_pandas()
    gg = GammaGamma().fit(sample)
    record["gammagamma_fit_seconds"] = round(time.perf_counter() - t, 1)
    record["gammagamma_sample"] = len(sample)

    t = time.perf_counter()
    scores = score_customers(summary_path, work / "scores.parquet", model=bg, spend_model=gg, horizon=52,
                             chunk_size=args.chunk_size, progress=False)
    seconds = time.perf_counter() - t
    customers = pq.ParquetFile(scores).metadata.num_rows
    record.update(customers=customers, scoring_seconds=round(seconds, 1),
                  customers_per_second=round(customers / seconds), chunk_size=args.chunk_size,
                  peak_rss_mb=round(peak_rss_mb()))
    print(json.dumps(record))
    out = RESULTS / "scoring_bench.json"
    runs = json.loads(out.read_text())["runs"] if out.exists() else []
    runs = [r for r in runs if r["log"] != record["log"]] + [record]
    out.write_text(json.dumps({"runs": runs}, indent=2) + "\n")


if __name__ == "__main__":
    main()
