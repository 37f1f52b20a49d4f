"""Write a synthetic transaction log of N rows as Parquet, in chunks, never holding it in memory.

The rows come from the synthetic firm's process (:func:`analysis.simulate.simulate_service_firm`:
BG/NBD purchases, Gamma-Gamma spend, acquisition channels): the log is a sequence of
independent firms of ``--customers-per-chunk`` customers each, drawn with seeds spawned
from ``--seed``, until N rows are written (the last chunk is cut to exactly N rows, so
its last customers may lose their latest purchases). Customer ids carry the chunk
number (``K0003-C000017``) so they are unique across chunks. Timestamps are kept to
the minute (several purchases on one day do occur) and stored as microseconds, which
every engine reads. Columns: customer_id, date, amount, channel.

Run::

    .venv/bin/python benchmarks/generate_log.py 10_000_000 benchmarks/results/tmp/log_1e7

It writes ``part-00000.parquet`` ... (about ``--rows-per-file`` rows each) and
``log.json`` (rows, customers, seed, bytes) into the folder, and prints one line per
file (this script's job is to report progress).
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.simulate import simulate_service_firm


def chunk_table(n_customers: int, chunk: int, seed: np.random.SeedSequence) -> pa.Table:
    """One independent firm's transactions as an Arrow table with chunk-unique ids."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        firm = simulate_service_firm(
            n_customers, seed=np.random.default_rng(seed), n_survey=10,
            campaign_fraction=min(1.0, 100 / n_customers), date_resolution="min",
        )
    tx = firm.transactions
    ids = pa.array(tx["customer_id"].to_numpy(dtype=object), pa.string())
    return pa.table({
        "customer_id": pc.binary_join_element_wise(f"K{chunk:04d}-", ids, ""),
        "date": pa.array(tx["date"].to_numpy().astype("datetime64[us]")),
        "amount": pa.array(tx["amount"].to_numpy(), pa.float64()),
        "channel": pa.array(tx["channel"].to_numpy(dtype=object), pa.string()),
    })


def generate(n_rows: int, folder: Path, *, seed: int = 20240601, customers_per_chunk: int = 200_000,
             rows_per_file: int = 10_000_000, row_group_size: int = 1_000_000) -> dict:
    """Write the log; returns its description (also saved as ``log.json``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    seeds = np.random.SeedSequence(seed)
    written = customers = chunk = 0
    file_no, writer, in_file = 0, None, 0
    start = time.perf_counter()
    while written < n_rows:
        table = chunk_table(customers_per_chunk, chunk, seeds.spawn(1)[0])
        table = table.slice(0, min(table.num_rows, n_rows - written))
        customers += len(pc.unique(table["customer_id"]))
        while table.num_rows:
            if writer is None:
                path = folder / f"part-{file_no:05d}.parquet"
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            take = min(table.num_rows, rows_per_file - in_file)
            writer.write_table(table.slice(0, take), row_group_size=row_group_size)
            in_file += take
            written += take
            table = table.slice(take)
            if in_file >= rows_per_file:
                writer.close()
                print(f"{path.name}: {in_file:,} rows, {time.perf_counter() - start:.0f} s", flush=True)
                writer, in_file, file_no = None, 0, file_no + 1
        chunk += 1
    if writer is not None:
        writer.close()
        print(f"{path.name}: {in_file:,} rows, {time.perf_counter() - start:.0f} s", flush=True)
    info = {
        "rows": written, "customers": customers, "chunks": chunk, "seed": seed,
        "customers_per_chunk": customers_per_chunk,
        "files": sorted(p.name for p in folder.glob("part-*.parquet")),
        "bytes": sum(p.stat().st_size for p in folder.glob("part-*.parquet")),
        "seconds": round(time.perf_counter() - start, 1),
    }
    (folder / "log.json").write_text(json.dumps(info, indent=2) + "\n")
    return info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", type=lambda s: int(float(s.replace("_", ""))), help="rows to write (1e7 is fine)")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--customers-per-chunk", type=int, default=200_000)
    parser.add_argument("--rows-per-file", type=int, default=10_000_000)
    args = parser.parse_args()
    info = generate(args.rows, args.folder, seed=args.seed, customers_per_chunk=args.customers_per_chunk,
                    rows_per_file=args.rows_per_file)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
