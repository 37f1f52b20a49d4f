"""Times `lifetimes` fits for benchmarks/clv_fit.py, in lifetimes' own environment.

Run by clv_fit.py with the Python of a separate virtual environment that has
lifetimes 0.11.3 (numpy < 2, pandas < 2, scipy < 1.14); it must not import the
analysis package. Reads the job (a JSON file) and the data (.npz with float arrays
frequency, recency, T, and optionally x_repeat, m_repeat for Gamma-Gamma; a CSV
transaction log for the summary), writes a JSON result. Printing the result file is
this script's job.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd


def _time(fn, repeats: int, budget: float, *, short_seconds: float = 1.0, max_runs: int = 25):
    """Median wall time of at least `repeats` runs (stopping once `budget` seconds are spent); runs
    continue while they total under `short_seconds` (at most `max_runs`). Also returns each run's
    CPU time (all threads of the process), which a loaded machine inflates far less than wall time. Same rule as clv_fit._time."""
    times, cpu, result = [], [], None
    while True:
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        total = sum(times)
        if total > budget or len(times) >= max_runs or (len(times) >= repeats and total >= short_seconds):
            break
    return statistics.median(times), times, result, cpu


def main() -> None:
    job = json.loads(open(sys.argv[1]).read())
    import lifetimes
    from lifetimes import BetaGeoFitter, GammaGammaFitter, ModifiedBetaGeoFitter, ParetoNBDFitter
    from lifetimes.utils import summary_data_from_transaction_data

    warnings.simplefilter("ignore")
    out = {"lifetimes_version": lifetimes.__version__, "numpy": np.__version__, "pandas": pd.__version__}
    import scipy

    out["scipy"] = scipy.__version__
    repeats, budget = int(job["repeats"]), float(job["budget_seconds"])
    if job.get("transactions"):
        tx = pd.read_csv(job["transactions"], dtype={"customer_id": str}, parse_dates=["date"])
        end = pd.Timestamp(job["observation_end"])
        load = os.getloadavg()[0]
        med, times, summ, _ = _time(
            lambda: summary_data_from_transaction_data(
                tx, "customer_id", "date", monetary_value_col="amount", observation_period_end=end, freq="D"
            ),
            repeats,
            budget,
        )
        out["summary"] = {"seconds": med, "runs": times, "customers": int(len(summ)),
                          "load_average": [load, os.getloadavg()[0]]}
    z = np.load(job["data"])
    freq, rec, T = (pd.Series(z[k]) for k in ("frequency", "recency", "T"))
    fitters = {
        "BetaGeo": lambda: BetaGeoFitter(penalizer_coef=0.0).fit(freq, rec, T),
        "ModifiedBetaGeo": lambda: ModifiedBetaGeoFitter(penalizer_coef=0.0).fit(freq, rec, T),
        "ParetoNBD": lambda: ParetoNBDFitter(penalizer_coef=0.0).fit(freq, rec, T),
        "GammaGamma": lambda: GammaGammaFitter(penalizer_coef=0.0).fit(
            pd.Series(z["x_repeat"]), pd.Series(z["m_repeat"])
        ),
    }
    out["fits"] = {}
    for name in job["models"]:
        load = os.getloadavg()[0]
        try:
            med, times, model, cpu = _time(fitters[name], repeats, budget)
        except Exception as exc:  # a failure is a result to record, not a crash
            out["fits"][name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        params = {k: float(v) for k, v in model.params_.items()}
        out["fits"][name] = {"seconds": med, "runs": times, "params": params,
                             "cpu_seconds": statistics.median(cpu), "cpu_runs": cpu,
                             "load_average": [load, os.getloadavg()[0]]}
    with open(job["output"], "w") as fh:
        json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
