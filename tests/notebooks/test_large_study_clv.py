"""Notebook 02 (CLV) on a large-data study (a transaction log kept on disk, ``engine: duckdb``)
gives the same tables as the same data loaded into memory.

The log is the synthetic service firm's (2,000 customers, ~8,500 rows, 2023-2024) with the
study's own column names, split by customer into three Parquet files; the in-memory twin is
a CSV copy of the same rows with the same column mapping. Both studies also have the firm's
customers table (a CSV, loaded into memory in both), so the value-by-channel and covariate
sections run. Counts must match exactly. Everything the models see comes from
frequency/recency/T (exact in both engines) and from money sums, which DuckDB adds as exact
decimals and pandas as floats (~1e-15 apart), so floats must match to 1e-9 relative.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis import clv
from analysis.errors import ParameterError
from analysis.findings import verify_outputs
from analysis.report.cli import main
from analysis.simulate import simulate_service_firm
from analysis.study import load_study
from analysis.summary import calibration_holdout_summary
from analysis.customerdata import TransactionLog

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
MAPPING = "{customer_id: CustID, date: OrderDate, amount: Value}"
CAL_END = "2024-06-29"  # a Saturday: the weekly periods run Sunday (2023-01-01, first purchase) to Saturday
NB02 = "  02_clv: {holdout_length: 26, models: [BetaGeo, ParetoNBD, ModifiedBetaGeo]}\n"


def _study(name: str, transactions: str) -> str:
    return (f"name: {name}\ndata:\n  transactions:\n{transactions}"
            "  customers:\n    path: ../data/customers.csv\n"
            f"notebooks:\n{NB02}")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("large_study_clv")
    for folder in ("params", "notebooks", "data/log"):
        (root / folder).mkdir(parents=True)
    shutil.copy(NOTEBOOKS / "02_clv.ipynb", root / "notebooks" / "02_clv.ipynb")  # the project's notebook as it is now
    firm = simulate_service_firm(n_customers=2000, seed=5)
    raw = firm.transactions.rename(columns={"customer_id": "CustID", "date": "OrderDate", "amount": "Value"})
    # issue 13, case 7: customers whose first purchase is on the last day (T = 0 in the full summary) and on the
    # calibration end (T = 0 in the calibration summary) are left out of the fits, counted and valued
    last = raw["OrderDate"].max().normalize()
    newcomers = pd.DataFrame({"CustID": ["NEW-LAST", "NEW-CAL"], "OrderDate": [last, last - pd.Timedelta(weeks=26)],
                              "Value": [25.0, 30.0]})
    raw = pd.concat([raw, newcomers], ignore_index=True)
    ids = np.array(sorted(raw["CustID"].unique()))
    for i, part in enumerate(np.array_split(ids, 3)):
        raw[raw["CustID"].isin(part)].to_parquet(root / "data" / "log" / f"part-{i}.parquet", index=False)
    raw.to_csv(root / "data" / "log.csv", index=False)
    firm.customers.to_csv(root / "data" / "customers.csv", index=False)
    (root / "params" / "big.yaml").write_text(_study(
        "big", f"    path: ../data/log/*.parquet\n    engine: duckdb\n    memory_limit: 256MB\n"
               f"    columns: {MAPPING}\n"), encoding="utf-8")
    (root / "params" / "small.yaml").write_text(_study(
        "small", f"    path: ../data/log.csv\n    columns: {MAPPING}\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def studies(project):
    big, small = load_study(project / "params" / "big.yaml"), load_study(project / "params" / "small.yaml")
    return big.transaction_log(), small.load_tables()["transactions"]


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_dtype=False, rtol=1e-9, atol=0)


@pytest.mark.parametrize("time_unit", ["W", "D"])
def test_tracking_on_the_log_equals_the_in_memory_one_and_the_summary(studies, time_unit):
    log, mem = studies
    model = clv.BetaGeo.from_params({"r": 0.8, "alpha": 40.0 / {"W": 1, "D": 0.142857}[time_unit], "a": 0.5, "b": 3.0})
    track = clv.tracking(model, log, CAL_END, "2024-12-31", time_unit=time_unit)
    pd.testing.assert_frame_equal(track, clv.tracking(model, mem, CAL_END, "2024-12-31", time_unit=time_unit))
    # Independent check: the summary (another query, another rule set) counts the same repeat days.
    cal = calibration_holdout_summary(mem, CAL_END, "2024-12-31", time_unit=time_unit)
    assert track["actual"].sum() == cal["frequency"].sum() + cal["frequency_holdout"].sum()
    assert track.loc[~track["holdout"], "actual"].sum() == cal["frequency"].sum()
    # Expected cumulative purchases at the calibration end: sum_i E[X(T_i)] over the cohort.
    at_cal = track.loc[~track["holdout"], "expected_cumulative"].iloc[-1]
    assert at_cal == pytest.approx(model.expected_purchases(cal["T"].to_numpy()).sum(), rel=1e-9)
    # default observation end = last purchase day, read from the log's profile
    pd.testing.assert_frame_equal(clv.tracking(model, log, CAL_END, time_unit=time_unit), track)


def test_tracking_edge_cases_on_a_log_equal_the_frame(tmp_path):
    """Same-day purchases count once; a purchase on the calibration end is in calibration; a
    customer whose first purchase is after it is not in the cohort; purchases after the
    observation end are ignored. Hand count: a repeats on 01-08 (twice that day -> 1) and
    01-31 (calibration end, week 4 counting from 0); b repeats on 02-05 (week 5); c starts after the
    calibration end; a's 03-10 purchase is after the observation end."""
    frame = pd.DataFrame({
        "customer_id": ["a", "a", "a", "a", "a", "b", "b", "c", "c"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-08 09:00", "2024-01-08 17:00", "2024-01-31",
                                "2024-03-10", "2024-01-03", "2024-02-05", "2024-02-01", "2024-02-09"], format="ISO8601"),
        "amount": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
    })
    frame.iloc[:4].to_parquet(tmp_path / "p0.parquet", index=False)
    frame.iloc[4:].to_parquet(tmp_path / "p1.parquet", index=False)
    log = TransactionLog.from_paths(tmp_path / "*.parquet")
    model = clv.BetaGeo.from_params({"r": 0.5, "alpha": 5, "a": 0.8, "b": 2.5})
    track = clv.tracking(model, log, "2024-01-31", "2024-02-29", time_unit="W")
    pd.testing.assert_frame_equal(track, clv.tracking(model, frame, "2024-01-31", "2024-02-29", time_unit="W"))
    assert track["actual"].tolist() == [0, 1, 0, 0, 1, 1, 0, 0, 0]  # weeks from 2024-01-01
    assert track["holdout"].tolist() == [False] * 4 + [True] * 5  # the week holding the calibration end ends after it
    with pytest.raises(ParameterError, match="Nobody made a first purchase"):
        clv.tracking(model, log, "2023-12-31", "2024-02-29")


def test_notebook_02_on_a_large_study_equals_the_in_memory_study(project, tmp_path):
    reports = tmp_path / "reports"
    for study in ("big", "small"):
        result = CliRunner().invoke(main, [
            "run", "--study", str(project / "params" / f"{study}.yaml"), "--notebook", "02_clv",
            "--notebooks-dir", str(project / "notebooks"), "--reports-dir", str(reports / study),
        ])
        assert result.exit_code == 0, result.output
    names = ["model_parameters", "model_comparison", "holdout_by_frequency", "tracking", "frequency_fit",
             "customer_value", "win_back_targets", "value_by_channel", "channel_effects", "excluded_customers",
             "gamma_gamma_independence", "tracking_conventions", "value_concentration"]
    for name in names:
        big, small = (pd.read_csv(next((reports / s).rglob(f"02_clv/**/tables/{name}.csv"))) for s in ("big", "small"))
        assert len(big) > 0, name
        _same(big, small)
    tracking = pd.read_csv(next((reports / "big").rglob("02_clv/**/tables/tracking.csv")))
    assert tracking["holdout"].any() and (~tracking["holdout"]).any()
    assert tracking["actual"].sum() > 0
    findings = [json.loads(next((reports / s).rglob("02_clv/**/findings.json")).read_text(encoding="utf-8"))
                for s in ("big", "small")]
    assert findings[0] == findings[1]
    # every cited number is in a written table, and the page carries no library warning (issue 13, case 21:
    # "UserWarning: obj.round has no effect with datetime..." came from rounding the tracking table's dates)
    folder = next((reports / "big").rglob("02_clv/**/outputs.json")).parent
    assert verify_outputs(folder) == []
    excluded = pd.read_csv(folder / "tables" / "excluded_customers.csv", index_col=[0, 1])
    assert excluded.loc[("full", "first_purchase_at_end"), "customers"] == 1
    assert excluded.loc[("calibration", "first_purchase_at_end"), "customers"] == 1
    value = pd.read_csv(folder / "tables" / "customer_value.csv", index_col=0)
    assert value.loc["NEW-LAST", "clv"] > 0
    page = json.loads(next((reports / "big").rglob("02_clv.ipynb")).read_text(encoding="utf-8"))
    streams = ["".join(o.get("text", "")) for c in page["cells"] for o in c.get("outputs", [])
               if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    assert not [s for s in streams if "Warning" in s], streams
