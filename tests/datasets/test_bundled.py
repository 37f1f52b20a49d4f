"""Tests of analysis.datasets.bundled: the repository's CDNOW files and the data folder.

Reference figures come from the data folders' PROVENANCE.md files (computed from
the files and matched to published figures there), and the CDNOW counts from a
plain-Python parse of the file written here. No test uses the network (see conftest.py).
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis import datasets
from analysis.datasets import bundled
from analysis.errors import DatasetError, ParameterError

BUNDLED_SHA = {
    "CDNOW_master.txt": "eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef",
    "CDNOW_sample.txt": "6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a",
    "cdnow_customers_summary_with_transactions.csv":
        "7ddd11b55be3227edfc1d58675154e96971b0de3ad37ddd9280d1dba154b8b2f",
    "LICENSE-lifetimes.txt": "eabba5d927630ba270781bd2704815fd9ec942bceb418ffc05b43fec4d4ac2cc",
}



def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_missing_data_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(bundled, "__file__", str(tmp_path / "site" / "analysis" / "datasets" / "bundled.py"))
    with pytest.raises(DatasetError, match="bundled data folder was not found"):
        datasets.load_cdnow()


# -------------------------------------------------------------------- CDNOW
def test_bundled_files_are_the_lifetimes_copies(project_root):
    for name, sha in BUNDLED_SHA.items():
        assert _sha((project_root / "data" / "cdnow" / name).read_bytes()) == sha, name


def test_load_cdnow_master_matches_a_plain_parse(project_root):
    lines = (project_root / "data" / "cdnow" / "CDNOW_master.txt").read_text().split("\n")[1:]
    fields = [ln.split() for ln in lines if ln.strip()]
    tx = datasets.load_cdnow("master")
    assert len(tx) == len(fields) == 69659
    assert tx["customer_id"].nunique() == len({f[0] for f in fields}) == 23570
    assert tx["amount"].sum() == pytest.approx(sum(float(f[3]) for f in fields), rel=1e-12)
    assert tx["quantity"].sum() == sum(int(f[2]) for f in fields)
    assert list(tx.columns) == ["customer_id", "date", "amount", "quantity"]
    assert tx["date"].dtype == "datetime64[ns]"
    assert tx["date"].min() == pd.Timestamp("1997-01-01")
    assert tx["date"].max() == pd.Timestamp("1998-06-30")
    assert tx["customer_id"].iloc[0] == "00001"


def test_load_cdnow_sample_is_the_master_subset(project_root):
    sample = datasets.load_cdnow("sample")
    assert sample.shape == (6919, 5) and sample["customer_id"].nunique() == 2357
    assert sample["sample_id"].nunique() == 2357
    master = datasets.load_cdnow("master")
    sub = master[master["customer_id"].isin(sample["customer_id"])]
    assert len(sub) == len(sample)
    assert sub["amount"].sum() == pytest.approx(sample["amount"].sum(), rel=1e-12)
    summary = datasets.load_cdnow_summary()
    assert summary.shape == (2357, 5) and list(summary.columns) == ["ID", "x", "t_x", "T", "zbar"]
    with pytest.raises(ParameterError, match="kind"):
        datasets.load_cdnow("full")
    assert datasets.load_dataset("cdnow", kind="sample")["transactions"].equals(sample)
