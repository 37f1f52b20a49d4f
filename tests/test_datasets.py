"""Tests of analysis.datasets. No test uses the network.

Downloads are replaced by monkeypatching ``analysis.datasets._download``: to fail
the test if called (``download=False`` and cache hits), to raise ``URLError``
(offline), or to return the bytes of a shared public copy (a download). Reference
figures come from the data folders' PROVENANCE.md files (computed from the files
and matched to published figures there), and the CDNOW counts from a plain-Python
parse of the file written here.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import urllib.error
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis import datasets
from analysis.errors import AnalysisWarning, DatasetError, ParameterError
from analysis.simulate import simulate_service_firm

HILLSTROM_SHA = "0e5893329d8b93cefecc571777672028290ab69865718020c78c7284f291aece"
BUNDLED_SHA = {
    "CDNOW_master.txt": "eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef",
    "CDNOW_sample.txt": "6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a",
    "cdnow_customers_summary_with_transactions.csv":
        "7ddd11b55be3227edfc1d58675154e96971b0de3ad37ddd9280d1dba154b8b2f",
    "LICENSE-lifetimes.txt": "eabba5d927630ba270781bd2704815fd9ec942bceb418ffc05b43fec4d4ac2cc",
}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def no_network(monkeypatch):
    def refuse(url, **kwargs):
        pytest.fail(f"the network was used: {url}")

    monkeypatch.setattr(datasets, "_download", refuse)


@pytest.fixture
def offline(monkeypatch):
    def unreachable(url, **kwargs):
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(datasets, "_download", unreachable)


def _serve(monkeypatch, payload: bytes) -> list[str]:
    calls: list[str] = []

    def fake(url, **kwargs):
        calls.append(url)
        return payload

    monkeypatch.setattr(datasets, "_download", fake)
    return calls


def _put_in_cache(name: str, source: Path) -> Path:
    target = datasets.REMOTE_DATASETS[name].cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


# ---------------------------------------------------------------- locations
def test_data_home_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ANALYSIS_DATA_HOME", str(tmp_path / "cache"))
    assert datasets.data_home() == tmp_path / "cache"
    monkeypatch.delenv("ANALYSIS_DATA_HOME")
    import platformdirs

    assert datasets.data_home() == Path(platformdirs.user_cache_dir("service-analytics"))


def test_missing_data_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(datasets, "__file__", str(tmp_path / "site" / "analysis" / "datasets.py"))
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


# ---------------------------------------------------------------- Hillstrom
# PROVENANCE.md, "Computed from the file" (matched there to Yasui 2020 and pyuplift)
HILLSTROM_ARMS = {
    "Mens E-Mail": (21307, 0.182757, 0.012531, 1.422617),
    "Womens E-Mail": (21387, 0.151400, 0.008837, 1.077202),
    "No E-Mail": (21306, 0.106167, 0.005726, 0.652789),
}


def test_hillstrom_from_the_cache_matches_provenance(shared_data, no_network):
    cache = _put_in_cache("hillstrom", shared_data / "hillstrom" / "hillstrom.csv")
    assert cache.name == "Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv"
    raw = datasets.fetch_hillstrom(download=False)
    assert raw.shape == (64000, 12)
    out = datasets.load_dataset("hillstrom")["channel_outcomes"]  # download=True, but cached
    assert {"channel", "purchase_channel", "visit", "conversion", "spend"} <= set(out.columns)
    by = out.groupby("channel")
    for arm, (n, visit, conversion, spend) in HILLSTROM_ARMS.items():
        g = by.get_group(arm)
        assert len(g) == n
        assert round(g["visit"].mean(), 6) == visit
        assert round(g["conversion"].mean(), 6) == conversion
        assert round(g["spend"].mean(), 6) == spend
    t = stats.ttest_ind(by.get_group("Mens E-Mail")["spend"], by.get_group("No E-Mail")["spend"])
    assert round(t.statistic, 6) == 5.300090
    assert set(out["purchase_channel"]) == {"Phone", "Web", "Multichannel"}
    assert datasets.dataset_files("hillstrom", download=False) == [cache]


def test_download_writes_a_verified_cache_once(shared_data, monkeypatch):
    payload = (shared_data / "hillstrom" / "hillstrom.csv").read_bytes()
    calls = _serve(monkeypatch, payload)
    df = datasets.fetch_hillstrom()
    assert len(df) == 64000 and calls == [datasets.REMOTE_DATASETS["hillstrom"].url]
    cache = datasets.REMOTE_DATASETS["hillstrom"].cache_path()
    assert _sha(cache.read_bytes()) == HILLSTROM_SHA
    datasets.fetch_hillstrom()
    assert len(calls) == 1  # the second call used the cache


def test_offline_without_a_copy_says_where_to_put_one(offline):
    cache = datasets.REMOTE_DATASETS["hillstrom"].cache_path()
    with pytest.raises(DatasetError) as err:
        datasets.fetch_hillstrom()
    message = str(err.value)
    assert str(cache) in message and "local_path" in message and "no route to host" in message
    assert not cache.exists()


def test_download_false_never_uses_the_network(no_network):
    with pytest.raises(DatasetError, match="download=False"):
        datasets.fetch_ecsi_satisfaction(download=False)
    with pytest.raises(DatasetError, match="download=False"):
        datasets.dataset_files("bank_marketing", download=False)


def test_corrupted_local_copy_names_both_hashes(shared_data, tmp_path, no_network):
    data = bytearray((shared_data / "hillstrom" / "hillstrom.csv").read_bytes())
    data[100] = ord("9") if data[100] != ord("9") else ord("8")
    bad = tmp_path / "hillstrom.csv"
    bad.write_bytes(bytes(data))
    with pytest.raises(DatasetError) as err:
        datasets.fetch_hillstrom(local_path=bad)
    assert HILLSTROM_SHA in str(err.value) and _sha(bytes(data)) in str(err.value)
    with pytest.raises(DatasetError, match="does not exist"):
        datasets.fetch_hillstrom(local_path=tmp_path / "nope.csv")


def test_corrupted_cache_is_refused_offline_and_replaced_online(shared_data, monkeypatch):
    good = (shared_data / "hillstrom" / "hillstrom.csv").read_bytes()
    cache = datasets.REMOTE_DATASETS["hillstrom"].cache_path()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(good[:-10])
    monkeypatch.setattr(datasets, "_download", lambda url, **kw: pytest.fail("network"))
    with pytest.raises(DatasetError) as err:
        datasets.fetch_hillstrom(download=False)
    assert HILLSTROM_SHA in str(err.value) and _sha(good[:-10]) in str(err.value)
    _serve(monkeypatch, good)
    with pytest.warns(AnalysisWarning, match="failed its checksum"):
        assert len(datasets.fetch_hillstrom()) == 64000
    assert _sha(cache.read_bytes()) == HILLSTROM_SHA


# --------------------------------------------------------------------- ECSI
def test_ecsi_satisfaction_survey(shared_data, no_network):
    _put_in_cache("ecsi_satisfaction", shared_data / "ecsi_satisfaction" / "satisfaction.csv")
    raw = datasets.fetch_ecsi_satisfaction(download=False)
    assert raw.shape == (250, 28) and raw.columns[0] == "imag1" and raw.columns[-1] == "gender"
    assert raw["gender"].value_counts().to_dict() == {"female": 148, "male": 102}  # PROVENANCE
    survey = datasets.load_dataset("ecsi_satisfaction", download=False)["survey"]
    assert survey["respondent_id"].tolist()[:3] == ["1", "2", "3"]
    assert survey.filter(regex=r"^(imag|expe|qual|val|sat|loy)\d$").stack().between(0, 10).all()


# --------------------------------------------------------------------- bank
def _nested_bank_zip(csv: bytes) -> bytes:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("__MACOSX/bank-additional/._bank-additional.csv", b"junk")
        z.writestr("bank-additional/bank-additional-names.txt", b"names")
        z.writestr("bank-additional/bank-additional.csv", csv)
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("bank.zip", b"not used")
        z.writestr("bank-additional.zip", inner.getvalue())
    return outer.getvalue()


def test_bank_marketing_from_the_nested_uci_zip(shared_data, monkeypatch, tmp_path):
    csv = (shared_data / "bank_marketing" / "bank-additional.csv").read_bytes()
    crlf = csv.replace(b"\n", b"\r\n")  # a Windows-line-ending member is accepted after normalising
    calls = _serve(monkeypatch, _nested_bank_zip(crlf))
    raw = datasets.fetch_bank_marketing()
    assert raw.shape == (4119, 21) and calls
    cache = datasets.REMOTE_DATASETS["bank_marketing"].cache_path()
    assert _sha(cache.read_bytes()) == datasets.REMOTE_DATASETS["bank_marketing"].sha256
    out = datasets.load_dataset("bank_marketing", download=False)["channel_outcomes"]
    # PROVENANCE: yes 451 of 4,119; cellular 2,652 at 14.14%, telephone 1,467 at 5.18%
    assert out["conversion"].sum() == 451
    rates = out.groupby("channel")["conversion"].agg(["size", "mean"])
    assert rates.loc["cellular", "size"] == 2652 and round(rates.loc["cellular", "mean"], 4) == 0.1414
    assert rates.loc["telephone", "size"] == 1467 and round(rates.loc["telephone", "mean"], 4) == 0.0518
    # a user's zip as local_path, and a zip without the file
    cache.unlink()
    local = tmp_path / "bank+marketing.zip"
    local.write_bytes(_nested_bank_zip(csv))
    assert len(datasets.fetch_bank_marketing(local_path=local, download=False)) == 4119
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("readme.txt", b"x")
    with pytest.raises(DatasetError, match="holds no file named 'bank-additional.csv'"):
        datasets.fetch_bank_marketing(local_path=empty)


# ------------------------------------------------------------ Online Retail
def _retail_zip(tmp_path: Path) -> bytes:
    cols = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price",
            "Customer ID", "Country"]
    s1 = pd.DataFrame(
        [
            ["489434", "85048", "A", 12, "2009-12-01 07:45:00", 6.95, 13085.0, "United Kingdom"],
            ["489434", "79323", "B", 12, "2009-12-01 07:45:00", 6.75, 13085.0, "United Kingdom"],
            ["489435", "22350", "C", 12, "2009-12-01 07:46:00", 2.55, None, "United Kingdom"],
            ["C489449", "22087", "D", -12, "2009-12-01 10:33:00", 0.85, 16321.0, "Australia"],
            ["489436", "10002", "E", 5, "2010-12-01 09:00:00", 0.0, 13078.0, "United Kingdom"],
            ["537000", "21000", "F", 2, "2010-12-01 09:30:00", 10.0, 12346.0, "France"],
        ],
        columns=cols,
    )
    s2 = pd.DataFrame(
        [
            ["537000", "21000", "F", 2, "2010-12-01 09:30:00", 10.0, 12346.0, "France"],
            ["537001", "21001", "G", 3, "2010-12-02 10:00:00", 1.5, 12346.0, "France"],
        ],
        columns=cols,
    )
    for s in (s1, s2):
        s["InvoiceDate"] = pd.to_datetime(s["InvoiceDate"])
    book = tmp_path / "online_retail_II.xlsx"
    with pd.ExcelWriter(book) as xl:
        s1.to_excel(xl, sheet_name="Year 2009-2010", index=False)
        s2.to_excel(xl, sheet_name="Year 2010-2011", index=False)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.write(book, "online_retail_II.xlsx")
    return buf.getvalue()


def test_online_retail_maps_to_invoices_and_records_its_hash(tmp_path, monkeypatch):
    _serve(monkeypatch, _retail_zip(tmp_path))
    with pytest.warns(AnalysisWarning, match="1 invoice lines"):
        raw = datasets.fetch_online_retail()
    assert len(raw) == 7 and set(raw["sheet"]) == {"Year 2009-2010", "Year 2010-2011"}
    cache = datasets.REMOTE_DATASETS["online_retail"].cache_path()
    sidecar = cache.with_name(cache.name + ".sha256")
    assert sidecar.read_text().strip() == _sha(cache.read_bytes())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tx = datasets.load_dataset("online_retail", download=False)["transactions"]
    text = " ".join(str(w.message) for w in caught if issubclass(w.category, AnalysisWarning))
    assert "1 without a customer id" in text and "1 cancellations" in text and "1 other lines" in text
    assert tx["order_id"].tolist() == ["489434", "537000", "537001"]
    assert tx["customer_id"].tolist() == ["13085", "12346", "12346"]
    np.testing.assert_allclose(tx["amount"], [12 * 6.95 + 12 * 6.75, 20.0, 4.5])
    assert tx["quantity"].tolist() == [24.0, 2.0, 3.0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AnalysisWarning)
        lines = datasets.load_dataset("online_retail", download=False, level="line")["transactions"]
    assert len(lines) == 4
    # the recorded hash catches a later change of the cached workbook
    cache.write_bytes(cache.read_bytes() + b"x")
    with pytest.raises(DatasetError, match="was recorded"):
        datasets.fetch_online_retail(download=False)


# ------------------------------------------------------------ load_dataset
def test_service_demo_tables_are_validated_and_seeded():
    tables = datasets.load_dataset("service_demo", n_customers=400, seed=8)
    firm = simulate_service_firm(400, seed=8)
    pd.testing.assert_frame_equal(tables["transactions"], firm.transactions)
    pd.testing.assert_frame_equal(tables["channel_outcomes"], firm.campaign)
    assert tables["survey"]["perc_reliability_1"].dtype == "float64"  # validated ratings
    assert datasets.load_service_demo(400, seed=8).truth == firm.truth
    assert datasets.dataset_files("service_demo") == []


def test_unknown_name_or_option_is_explained():
    with pytest.raises(DatasetError, match="available: cdnow, service_demo, hillstrom"):
        datasets.load_dataset("iris")
    with pytest.raises(ParameterError, match="unknown \\['knd'\\]"):
        datasets.load_dataset("cdnow", knd="sample")
    assert [p.name for p in datasets.dataset_files("cdnow", kind="sample")] == ["CDNOW_sample.txt"]
