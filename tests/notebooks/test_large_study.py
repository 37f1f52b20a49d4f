"""A large-data study (a transaction log kept on disk, ``engine: duckdb``) gives the same
statistics as the same data loaded into memory, through the study layer, the package
functions and notebooks 00 and 01 run by the CLI.

The log is the synthetic service firm's (2,000 customers, ~8,500 rows) with the study's
own column names, split by customer into three Parquet files, plus one exact duplicate
row and one zero amount (so the quality checks have something to find). The in-memory
twin is a CSV copy of the same rows with the same column mapping. Integers and dates
must match exactly; money sums are added in a different order by DuckDB, so they match
to 1e-9 relative (observed ~1e-15).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis import overview as ov
from analysis.errors import DataValidationError, ParameterError, StudyConfigError
from analysis.report.cli import main
from analysis.segmentation import rfm, rfm_values, segment_summary
from analysis.simulate import simulate_service_firm
from analysis.study import load_study
from analysis.summary import customer_summary

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
MAPPING = "{customer_id: CustID, date: OrderDate, amount: Value}"
NB01_FAST = (
    "{k_range: [2, 3], n_boot: 3, n_gap_refs: 0, selection_sample: 400, stability_sample: 300}"
)


def _study(name: str, data: str, notebooks: str = "") -> str:
    return f"name: {name}\ndata:\n  transactions:\n{data}" + (f"notebooks:\n{notebooks}" if notebooks else "")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("large_study")
    (root / "params").mkdir()
    (root / "notebooks").mkdir()
    for name in ("00_data_overview", "01_segmentation"):  # the project's notebooks, as they are now
        shutil.copy(NOTEBOOKS / f"{name}.ipynb", root / "notebooks" / f"{name}.ipynb")
    (root / "data" / "log").mkdir(parents=True)
    tx = simulate_service_firm(n_customers=2000, seed=5).transactions
    raw = tx.rename(columns={"customer_id": "CustID", "date": "OrderDate", "amount": "Value"})
    raw = pd.concat([raw, raw.iloc[[3]]], ignore_index=True)  # one exact duplicate row
    raw.loc[5, "Value"] = 0.0  # one zero amount
    ids = np.array(sorted(raw["CustID"].unique()))
    for i, part in enumerate(np.array_split(ids, 3)):
        raw[raw["CustID"].isin(part)].to_parquet(root / "data" / "log" / f"part-{i}.parquet", index=False)
    raw.to_csv(root / "data" / "log.csv", index=False)
    notebooks = f"  00_data_overview: {{observation_end: '2024-12-31'}}\n  01_segmentation: {NB01_FAST}\n"
    (root / "params" / "big.yaml").write_text(_study(
        "big", f"    path: ../data/log/*.parquet\n    engine: duckdb\n    memory_limit: 256MB\n"
               f"    columns: {MAPPING}\n", notebooks), encoding="utf-8")
    (root / "params" / "small.yaml").write_text(_study(
        "small", f"    path: ../data/log.csv\n    columns: {MAPPING}\n", notebooks), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def studies(project):
    big, small = load_study(project / "params" / "big.yaml"), load_study(project / "params" / "small.yaml")
    return big, small, big.transaction_log(), small.load_tables()["transactions"]


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_dtype=False, rtol=1e-9, atol=0)


def test_study_keeps_the_log_on_disk(studies, project):
    big, small, log, _ = studies
    assert big.lazy_tables() == ("transactions",) and small.lazy_tables() == ()
    assert big.load_tables() == {}
    assert small.transaction_log() is None
    assert sorted(p.name for p in big.input_files()) == ["part-0.parquet", "part-1.parquet", "part-2.parquet"]
    assert log.memory_limit == "256MB" and dict(log.columns)["customer_id"] == "CustID"


def test_overview_statistics_equal_the_in_memory_ones(studies):
    _, _, log, mem = studies
    a, b = ov.transaction_overview(log), ov.transaction_overview(mem)
    for metric in a.index:  # values are objects (ints, dates, floats): compare one by one
        got, want = a.loc[metric, "value"], b.loc[metric, "value"]
        assert type(got) is type(want), metric
        assert got == (want if isinstance(want, str) else pytest.approx(want, rel=1e-12)), metric
    _same(ov.purchases_per_customer(log), ov.purchases_per_customer(mem))
    _same(ov.monthly_activity(log), ov.monthly_activity(mem))
    _same(ov.top_customers(log, 10), ov.top_customers(mem, 10))
    _same(ov.table_overview({"transactions": log}), ov.table_overview({"transactions": mem}))
    _same(ov.missing_values({"transactions": log}), ov.missing_values({"transactions": mem}))
    checks = ov.suspicious_values(log, "2024-06-30")
    reference = ov.suspicious_values(mem, "2024-06-30")
    _same(checks.drop(columns="examples"), reference.drop(columns="examples"))
    assert checks.set_index("check").loc[["non_positive_amount", "duplicate_row"], "n_rows"].tolist() == [1, 1]
    assert checks.set_index("check").loc["future_date", "n_rows"] > 0  # the second half-year is "future"


def test_rfm_and_summary_equal_the_in_memory_ones(studies):
    _, _, log, mem = studies
    _same(rfm_values(log, "2024-10-31"), rfm_values(mem, "2024-10-31"))
    _same(segment_summary(rfm(log)), segment_summary(rfm(mem)))
    _same(customer_summary(log, "2024-12-31"), customer_summary(mem, "2024-12-31"))
    with pytest.raises(ParameterError, match="frequency='transactions'"):
        rfm_values(log, frequency="transactions")


def test_sample_takes_whole_customers_and_repeats_with_the_seed(studies):
    _, _, log, mem = studies
    sample = log.sample_transactions(50, seed=7)
    assert sample["customer_id"].nunique() == 50
    pd.testing.assert_frame_equal(sample, log.sample_transactions(50, seed=7))
    assert set(sample["customer_id"]) != set(log.sample_transactions(50, seed=8)["customer_id"])
    # every purchase of each drawn customer, none of anyone else's
    full = mem[mem["customer_id"].isin(set(sample["customer_id"]))]
    assert len(full) == len(sample)
    assert sample["amount"].sum() == pytest.approx(full["amount"].sum(), rel=1e-12)
    assert log.sample_transactions(10_000, seed=1)["customer_id"].nunique() == 2000


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("    engine: spark\n", "engine: expected one of duckdb"),
        ("    engine: duckdb\n    encoding: gb18030\n", "encoding: not supported"),
        ("    engine: duckdb\n    options: {drop_invalid_amounts: true}\n", "options"),
        ("    memory_limit: 1GB\n", "memory_limit and temp_directory need engine: duckdb"),
    ],
)
def test_bad_large_table_specs_are_refused_with_a_message(project, extra, words):
    path = project / "params" / "bad.yaml"
    path.write_text(_study("bad", f"    path: ../data/log/*.parquet\n{extra}"), encoding="utf-8")
    with pytest.raises(StudyConfigError, match=words):
        load_study(path)


def test_missing_files_and_columns_are_refused(project):
    path = project / "params" / "bad.yaml"
    path.write_text(_study("bad", "    path: ../data/nothing/*.parquet\n    engine: duckdb\n"), encoding="utf-8")
    with pytest.raises(StudyConfigError, match="No file matches"):
        load_study(path)
    path.write_text(_study("bad", "    path: ../data/log/*.parquet\n    engine: duckdb\n"
                                  "    columns: {customer_id: CustId}\n"), encoding="utf-8")
    with pytest.raises(StudyConfigError, match="did you mean 'CustID'"):
        load_study(path)


def test_missing_amounts_stop_the_overview(tmp_path):
    frame = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
                          "amount": [1.0, None]})
    frame.to_parquet(tmp_path / "x.parquet")
    from analysis.customerdata import TransactionLog

    with pytest.raises(DataValidationError, match="1 row\\(s\\) have a missing amount"):
        ov.transaction_overview(TransactionLog.from_paths(tmp_path / "x.parquet"))


def test_notebooks_on_a_large_study_equal_the_in_memory_study(project, tmp_path):
    reports = tmp_path / "reports"
    for study in ("big", "small"):
        result = CliRunner().invoke(main, [
            "run", "--study", str(project / "params" / f"{study}.yaml"), "--notebook", "00_data_overview",
            "--notebook", "01_segmentation", "--notebooks-dir", str(project / "notebooks"),
            "--reports-dir", str(reports / study),
        ])
        assert result.exit_code == 0, result.output
    tables = {"00_data_overview": ["transaction_overview", "purchases_per_customer", "monthly_activity",
                                   "top_customers", "tables"],
              "01_segmentation": ["rfm_segments", "value_tiers", "stage_by_segment"]}
    found = 0
    for notebook, names in tables.items():
        for name in names:
            big, small = (next((reports / s).rglob(f"{notebook}/**/tables/{name}.csv")) for s in ("big", "small"))
            big, small = pd.read_csv(big), pd.read_csv(small)
            if name == "transaction_overview":  # metric/value, mixed text and numbers: numbers as numbers
                big["value"], small["value"] = (pd.to_numeric(t["value"].where(~t["metric"].str.endswith("date")),
                                                              errors="coerce").fillna(0.0) for t in (big, small))
            _same(big, small)
            found += 1
    assert found == 8
    checks = [pd.read_csv(next((reports / s).rglob("tables/suspicious_values.csv"))) for s in ("big", "small")]
    _same(*(c.drop(columns="examples") for c in checks))
    page = next((reports / "big").rglob("00_data_overview*.html")).read_text(encoding="utf-8")
    assert "random sample of 2,000 customers" in page
