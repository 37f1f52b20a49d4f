"""Tests of analysis.datasets.fetch: each fetcher's file as published, and its canonical tables.

Reference figures come from the data folders' PROVENANCE.md files (computed from
the files and matched to published figures there). No test uses the network
(see conftest.py).
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import datasets
from analysis.errors import AnalysisWarning, DatasetError, ParameterError


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------- ECSI
def test_ecsi_satisfaction_survey(shared_data, no_network, put_in_cache):
    put_in_cache("ecsi_satisfaction", shared_data / "ecsi_satisfaction" / "satisfaction.csv")
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


def test_bank_marketing_from_the_nested_uci_zip(shared_data, monkeypatch, tmp_path, serve):
    csv = (shared_data / "bank_marketing" / "bank-additional.csv").read_bytes()
    crlf = csv.replace(b"\n", b"\r\n")  # a Windows-line-ending member is accepted after normalising
    calls = serve(_nested_bank_zip(crlf))
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


def test_online_retail_maps_to_invoices_and_records_its_hash(tmp_path, monkeypatch, serve):
    serve(_retail_zip(tmp_path))
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


@pytest.mark.parametrize("fetcher", ["fetch_hillstrom", "fetch_ecsi_satisfaction", "fetch_bank_marketing",
                                     "fetch_online_retail"])
def test_fetcher_arguments_are_declared_once(fetcher, no_network):
    with pytest.raises(ParameterError, match=rf"The 'download' parameter of {fetcher} must be a bool. Got 'no'"):
        getattr(datasets, fetcher)(download="no")
    with pytest.raises(ParameterError, match=rf"The 'local_path' parameter of {fetcher} must be"):
        getattr(datasets, fetcher)(local_path=3, download=False)


def test_online_retail_level_is_checked():
    with pytest.raises(ParameterError, match=r"The 'level' parameter of load_dataset must be one of 'invoice', 'line'"):
        datasets.load_dataset("online_retail", level="invoices", download=False)
