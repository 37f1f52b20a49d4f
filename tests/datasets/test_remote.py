"""Tests of analysis.datasets.remote: the download cache, checksums and offline use (with Hillstrom).

Reference figures come from the data folders' PROVENANCE.md files (computed from
the files and matched to published figures there). No test uses the network
(see conftest.py).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from scipy import stats

from analysis import datasets
from analysis.datasets import remote
from analysis.errors import AnalysisWarning, DatasetError

HILLSTROM_SHA = "0e5893329d8b93cefecc571777672028290ab69865718020c78c7284f291aece"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_data_home_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ANALYSIS_DATA_HOME", str(tmp_path / "cache"))
    assert datasets.data_home() == tmp_path / "cache"
    monkeypatch.delenv("ANALYSIS_DATA_HOME")
    import platformdirs

    assert datasets.data_home() == Path(platformdirs.user_cache_dir("service-analytics"))



# ---------------------------------------------------------------- Hillstrom
# PROVENANCE.md, "Computed from the file" (matched there to Yasui 2020 and pyuplift)
HILLSTROM_ARMS = {
    "Mens E-Mail": (21307, 0.182757, 0.012531, 1.422617),
    "Womens E-Mail": (21387, 0.151400, 0.008837, 1.077202),
    "No E-Mail": (21306, 0.106167, 0.005726, 0.652789),
}


def test_hillstrom_from_the_cache_matches_provenance(shared_data, no_network, put_in_cache):
    cache = put_in_cache("hillstrom", shared_data / "hillstrom" / "hillstrom.csv")
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


def test_download_writes_a_verified_cache_once(shared_data, serve):
    payload = (shared_data / "hillstrom" / "hillstrom.csv").read_bytes()
    calls = serve(payload)
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


def test_corrupted_cache_is_refused_offline_and_replaced_online(shared_data, monkeypatch, serve):
    good = (shared_data / "hillstrom" / "hillstrom.csv").read_bytes()
    cache = datasets.REMOTE_DATASETS["hillstrom"].cache_path()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(good[:-10])
    monkeypatch.setattr(remote, "_download", lambda url, **kw: pytest.fail("network"))
    with pytest.raises(DatasetError) as err:
        datasets.fetch_hillstrom(download=False)
    assert HILLSTROM_SHA in str(err.value) and _sha(good[:-10]) in str(err.value)
    serve(good)
    with pytest.warns(AnalysisWarning, match="failed its checksum"):
        assert len(datasets.fetch_hillstrom()) == 64000
    assert _sha(cache.read_bytes()) == HILLSTROM_SHA
