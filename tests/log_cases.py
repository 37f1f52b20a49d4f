"""Shared cases of the engine tests: a transaction log with hand-made edge cases
(same-day purchases, window boundaries, late purchases), Parquet writing and the
equality rule between engines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

RTOL = 1e-12
CAL_END, OBS_END = "2023-08-31", "2023-12-31"


def assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=RTOL, atol=0.0)
    for col in a.columns:
        if col.startswith("monetary"):
            continue  # money: to floating-point tolerance only
        assert (a[col].to_numpy() == b[col].to_numpy()).all(), col


def edge_case_log() -> pd.DataFrame:
    """Random log (hours, so same-day purchases are common) plus hand-made edge cases."""
    rng = np.random.default_rng(11)
    n = 4000
    base = pd.Timestamp("2023-01-01")
    random_part = pd.DataFrame({
        "customer_id": rng.integers(0, 500, n).astype(str),
        "date": base + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, n), unit="min"),
        "amount": rng.gamma(2.0, 20.0, n).round(2),
    })
    edges = pd.DataFrame.from_records([
        ("one", "2023-03-05 12:00:00", 10.0),                  # a single purchase
        ("same_day", "2023-02-01 08:00:00", 1.0),              # three purchases on one day
        ("same_day", "2023-02-01 12:30:00", 2.0),
        ("same_day", "2023-02-01 23:59:59", 4.0),
        ("same_day", "2023-02-10 00:00:00", 8.0),
        ("boundary", "2023-06-01 10:00:00", 5.0),
        ("boundary", "2023-08-31 00:00:00", 6.0),              # first second of calibration_end
        ("boundary", "2023-08-31 23:59:59", 7.0),              # last second of calibration_end
        ("boundary", "2023-09-01 00:00:00", 8.0),              # first second of the holdout
        ("boundary", "2023-12-31 23:59:59", 9.0),              # last second of observation
        ("boundary", "2024-01-01 00:00:00", 100.0),            # after the end: ignored
        ("first_at_cal_end", "2023-08-31 23:59:59", 3.0),      # joins the cohort on its last second
        ("first_at_cal_end", "2023-09-03 10:00:00", 4.0),
        ("newcomer", "2023-09-01 00:00:00", 3.0),              # first purchase in the holdout
        ("week_straddle", "2023-08-28 10:00:00", 1.0),         # Monday of the boundary week
        ("week_straddle", "2023-09-02 10:00:00", 2.0),         # same week, holdout side
        ("late_only", "2024-01-02 00:00:00", 1.0),             # only after the end: no row
    ], columns=["customer_id", "date", "amount"])
    edges["date"] = pd.to_datetime(edges["date"])
    log = pd.concat([random_part, edges], ignore_index=True)
    log["customer_id"] = log["customer_id"].astype("string")
    return log.sample(frac=1.0, random_state=3).reset_index(drop=True)  # file order is arbitrary


def write_parquet_files(log: pd.DataFrame, folder: Path, n_files: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, part in enumerate(np.array_split(np.arange(len(log)), n_files)):
        path = folder / f"part-{i}.parquet"
        log.iloc[part].to_parquet(path, index=False)
        paths.append(path)
    return paths


#: the public grocery log (customer, date; no amounts): BTYDplus groceryElog, see its PROVENANCE.md
GROCERY = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "grocery" / "groceryElog.csv"


def grocery_log() -> pd.DataFrame:
    """The grocery log as canonical count-only rows (customer_id string, date); skips the test when absent."""
    import pytest

    if not GROCERY.exists():
        pytest.skip(f"the public grocery log is not present at {GROCERY} (../shared/data of the repository)")
    raw = pd.read_csv(GROCERY)
    return pd.DataFrame({"customer_id": raw["cust"].astype(str).astype("string"),
                         "date": pd.to_datetime(raw["date"]).astype("datetime64[ns]")})


def direct_counts(log: pd.DataFrame, end: str, unit_days: float = 7.0) -> pd.DataFrame:
    """frequency, recency and T per customer computed straight from the rows (purchase days), the
    independent check of the count-only summaries: repeat days, days from first to last, first to end."""
    day = log["date"].dt.normalize()
    days = pd.DataFrame({"customer_id": log["customer_id"], "day": day})
    days = days[days["day"] <= pd.Timestamp(end)].drop_duplicates()
    g = days.groupby("customer_id")["day"]
    out = pd.DataFrame({"frequency": g.nunique() - 1,
                        "recency": (g.max() - g.min()).dt.days / unit_days,
                        "T": (pd.Timestamp(end) - g.min()).dt.days / unit_days})
    out.index = out.index.astype("string")
    out.index.name = "customer_id"
    return out.sort_index()
