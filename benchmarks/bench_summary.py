"""Time and peak memory of the customer summary on large Parquet logs, per engine.

Each measurement runs in a fresh subprocess (so peak memory is its own): the
DuckDB engine writing the summary to Parquet (``summary_to_parquet``, bounded by
``--memory-limit``), DuckDB computing the grouped summary the CLV fits take, the
pandas path (``customer_summary(files, engine="pandas")``: read everything, then
group), Spark in local mode, and ``lifetimes``' ``summary_data_from_transaction_data``
(in its own environment, ``--lifetimes-python``, on a CSV copy of the log). A run
whose resident memory passes ``--kill-above-gb`` or whose time passes
``--timeout`` is stopped and recorded as such: that is how "the largest size the
pandas path survives" is found without endangering the machine.

Logs come from ``generate_log.py`` (``<data>/log_1e6`` etc.; generated when missing).
Run::

    .venv/bin/python benchmarks/bench_summary.py --sizes 1e6 1e7 1e8

or, for the 1e8-row summary three times (each run a fresh process), keeping the earlier runs::

    .venv/bin/python benchmarks/bench_summary.py --sizes 1e8 --engines duckdb --repeat 3 --append

Each run records the load average just before it and the worker's CPU seconds (the
machine is shared: compare runs made together). ``--partitions`` forces the DuckDB
engine's number of hash partitions (default: its own choice from rows and memory limit).

Results: ``benchmarks/results/summary_bench.json`` (every run, with machine facts)
and ``summary_bench.md`` (a table). This script's job is to report, so it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OBS_END = "2024-12-31"

_WORKER = r'''
import json, sys, time
job = json.loads(sys.argv[1])
def hwm_mb(pid="self"):
    with open(f"/proc/{pid}/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
files = job["files"]
start = time.perf_counter()
out = {}
if job["kind"] == "lifetimes":
    import pandas as pd
    from lifetimes.utils import summary_data_from_transaction_data
    tx = pd.read_csv(job["csv"], parse_dates=["date"])
    t0 = time.perf_counter()
    s = summary_data_from_transaction_data(tx, "customer_id", "date", monetary_value_col="amount",
                                           observation_period_end=job["end"], freq="W")
    out["read_seconds"] = t0 - start
    out["customers"] = len(s)
else:
    from analysis.customerdata import DuckDBEngine, SparkEngine
    from analysis.summary import customer_summary, grouped_customer_summary, summary_to_parquet
    kind = job["kind"]
    if kind == "duckdb":
        engine = DuckDBEngine(memory_limit=job["memory_limit"], threads=job["threads"],
                              partitions=job.get("partitions"))
        summary_to_parquet(files, job["output"], job["end"], "W", engine=engine)
        import pyarrow.parquet as pq
        out["customers"] = pq.ParquetFile(job["output"]).metadata.num_rows
    elif kind == "duckdb_grouped":
        engine = DuckDBEngine(memory_limit=job["memory_limit"], threads=job["threads"])
        g = grouped_customer_summary(files, job["end"], "W", engine=engine)
        out["customers"] = int(g["weight"].sum())
        out["grouped_rows"] = len(g)
    elif kind == "pandas":
        s = customer_summary(files, job["end"], "W", engine="pandas")
        out["customers"] = len(s)
    elif kind == "spark":
        from analysis.customerdata import local_spark_session
        spark = local_spark_session(cores=job["threads"], shuffle_partitions=16, driver_memory="3g")
        spark.sparkContext.setLogLevel("ERROR")
        jvm_pid = None
        for proc in __import__("psutil").Process().children(recursive=True):
            if "java" in proc.name():
                jvm_pid = proc.pid
        t0 = time.perf_counter()
        summary_to_parquet(files, job["output"], job["end"], "W", engine=SparkEngine(spark))
        out["startup_seconds"] = t0 - start
        import pyarrow.dataset as ds
        out["customers"] = ds.dataset(job["output"], format="parquet").count_rows()
        if jvm_pid:
            out["jvm_peak_rss_mb"] = hwm_mb(jvm_pid)
out["seconds"] = time.perf_counter() - start
out["cpu_seconds"] = round(sum(__import__("os").times()[:2]), 2)
out["python_peak_rss_mb"] = hwm_mb()
print("RESULT " + json.dumps(out))
'''


def size_label(n: int) -> str:
    return f"1e{len(str(n)) - 1}" if str(n).strip("0") == "1" else str(n)


def ensure_log(n: int, data: Path) -> tuple[Path, dict]:
    folder = data / f"log_{size_label(n)}"
    info_path = folder / "log.json"
    if not info_path.exists() or json.loads(info_path.read_text())["rows"] != n:
        subprocess.run([sys.executable, str(HERE / "generate_log.py"), str(n), str(folder)], check=True)
    return folder, json.loads(info_path.read_text())


def ensure_csv(folder: Path) -> Path:
    csv = folder / "log.csv"
    if not csv.exists():
        import duckdb

        duckdb.sql(
            f"COPY (SELECT customer_id, strftime(date, '%Y-%m-%d %H:%M:%S') AS date, amount "
            f"FROM read_parquet('{folder.as_posix()}/part-*.parquet')) TO '{csv.as_posix()}' (HEADER)"
        )
    return csv


def run(job: dict, python: str, timeout: float, kill_gb: float) -> dict:
    """Run one job in a subprocess, watching its (and its children's) resident memory."""
    proc = psutil.Popen([python, "-c", _WORKER, json.dumps(job)], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    start, peak, status = time.perf_counter(), 0.0, "ok"
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            rss = sum(p.memory_info().rss for p in tree) / 2**30
        except psutil.Error:
            rss = 0.0
        peak = max(peak, rss)
        if rss > kill_gb or time.perf_counter() - start > timeout:
            status = f"stopped: {'memory above %.0f GiB' % kill_gb if rss > kill_gb else 'timeout %.0f s' % timeout}"
            for p in [proc] + proc.children(recursive=True):
                try:
                    p.kill()
                except psutil.Error:
                    pass
            break
        time.sleep(0.2)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    result = {"status": status, "wall_seconds": round(wall, 2), "sampled_peak_rss_gib": round(peak, 3),
              "load_before": job.get("load_before")}
    lines = [ln for ln in stdout.splitlines() if ln.startswith("RESULT ")]
    if lines:
        result.update(json.loads(lines[-1][7:]))
    elif status == "ok":
        result["status"] = "failed: " + stderr.strip().splitlines()[-1][:300] if stderr.strip() else "failed"
    return result


def markdown(records: list[dict], machine: dict) -> str:
    lines = [
        "# Customer summary: time and peak memory",
        "",
        f"Machine: {machine['cores']} cores, {machine['ram_gib']} GiB RAM, load average at start "
        f"{machine['load_at_start']} (a shared machine: other jobs ran at the same time). "
        f"Log: synthetic firm (benchmarks/generate_log.py), Parquet, zstd; summary to {OBS_END}, weeks.",
        "",
        "| rows | customers | engine | seconds | CPU seconds | peak RSS (GiB) | load before | status |",
        "| ---: | ---: | --- | ---: | ---: | ---: | --- | --- |",
    ]
    for r in records:
        seconds = r.get("seconds")
        peak = r["sampled_peak_rss_gib"]
        if r.get("jvm_peak_rss_mb"):
            peak = f"{peak} (JVM {r['jvm_peak_rss_mb'] / 1024:.2f})"
        engine = r["engine"] + (f" ({r['partitions']} partitions)" if r.get("partitions") else "")
        load = ", ".join(f"{x:.2f}" for x in r["load_before"]) if r.get("load_before") else ""
        lines.append(
            f"| {r['rows']:,} | {r.get('customers', r.get('log_customers', '')):,} | {engine} | "
            f"{'' if seconds is None else f'{seconds:.1f}'} | {r.get('cpu_seconds', '')} | {peak} | {load} | "
            f"{r['status']} |"
        )
    lines += [
        "",
        "seconds: inside the worker, from before reading the log to the summary being ready "
        "(DuckDB/Spark: written to Parquet; pandas and lifetimes: a DataFrame in memory; "
        "Spark includes starting the JVM). Peak RSS: sampled every 0.2 s over the worker and "
        "its children (the JVM for Spark). CPU seconds: the worker's user + system time (DuckDB's threads "
        "included). load before: the 1-, 5- and 15-minute load averages just before the run.",
        "",
    ]
    return "\n".join(lines)


NOTES = "<!-- notes: kept when the table is rewritten -->"


def with_notes(table: str, old: Path) -> str:
    """The new table followed by the notes of the old file (what follows :data:`NOTES`)."""
    text = old.read_text() if old.exists() else ""
    return table + ("\n" + NOTES + text.split(NOTES, 1)[1] if NOTES in text else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=["1e6", "1e7"])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "duckdb_grouped", "pandas", "spark", "lifetimes"])
    parser.add_argument("--data", type=Path, default=RESULTS / "tmp")
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=1200)
    parser.add_argument("--kill-above-gb", type=float, default=12)
    parser.add_argument("--lifetimes-python", default="/tmp/bench-venv/bin/python")
    parser.add_argument("--lifetimes-max-rows", type=float, default=1e7)
    parser.add_argument("--spark-max-rows", type=float, default=1e7)
    parser.add_argument("--name", default="summary_bench")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each job, each a fresh process")
    parser.add_argument("--partitions", type=int, default=None, help="DuckDB hash partitions (default: its own)")
    parser.add_argument("--append", action="store_true", help="keep the earlier runs of the results file")
    args = parser.parse_args()
    machine = {
        "cores": os.cpu_count(), "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "load_at_start": [round(x, 2) for x in os.getloadavg()], "python": platform.python_version(),
    }
    import duckdb
    import pandas
    machine.update(duckdb=duckdb.__version__, pandas=pandas.__version__)
    try:
        import pyspark
        machine["pyspark"] = pyspark.__version__
    except ImportError:
        pass
    json_path, md_path = RESULTS / f"{args.name}.json", RESULTS / f"{args.name}.md"
    records = json.loads(json_path.read_text())["runs"] if args.append and json_path.exists() else []
    out_dir = Path(tempfile.mkdtemp(prefix="bench-summary-", dir=args.data if args.data.is_dir() else None))
    for size in args.sizes:
        n = int(float(size))
        folder, info = ensure_log(n, args.data)
        files = str(folder / "part-*.parquet")
        for engine in args.engines:
            if engine == "lifetimes" and (n > args.lifetimes_max_rows or not Path(args.lifetimes_python).exists()):
                continue
            if engine == "spark" and n > args.spark_max_rows:
                continue
            job = {"kind": engine, "files": files, "end": OBS_END, "memory_limit": args.memory_limit,
                   "threads": args.threads, "output": str(out_dir / f"{engine}_{size_label(n)}.parquet"),
                   "partitions": args.partitions}
            python = sys.executable
            if engine == "lifetimes":
                job["csv"] = str(ensure_csv(folder))
                python = args.lifetimes_python
            for _ in range(args.repeat):
                print(f"{size_label(n)} rows, {engine} ...", flush=True)
                job["load_before"] = [round(x, 2) for x in os.getloadavg()]
                result = run(job, python, args.timeout, args.kill_above_gb)
                record = {"rows": n, "log_customers": info["customers"], "log_bytes": info["bytes"],
                          "engine": engine, **result}
                if engine.startswith("duckdb"):
                    record["memory_limit"] = args.memory_limit
                    if args.partitions:
                        record["partitions"] = args.partitions
                print("   ", json.dumps(record), flush=True)
                records.append(record)
                # write as we go: a long run interrupted still leaves its results
                json_path.write_text(json.dumps({"machine": machine, "runs": records}, indent=2) + "\n")
                md_path.write_text(with_notes(markdown(records, machine), md_path))
    print(markdown(records, machine))


if __name__ == "__main__":
    main()
