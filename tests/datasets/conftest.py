"""Fixtures of the datasets tests: no test uses the network.

Downloads are replaced by monkeypatching ``analysis.datasets.remote._download``
(the only function that uses the network): to fail the test if called
(``download=False`` and cache hits), to raise ``URLError`` (offline), or to return
given bytes (a download).
"""

from __future__ import annotations

import shutil
import urllib.error
from pathlib import Path

import pytest

from analysis import datasets
from analysis.datasets import remote


@pytest.fixture
def no_network(monkeypatch):
    def refuse(url, **kwargs):
        pytest.fail(f"the network was used: {url}")

    monkeypatch.setattr(remote, "_download", refuse)


@pytest.fixture
def offline(monkeypatch):
    def unreachable(url, **kwargs):
        raise urllib.error.URLError("no route to host")

    monkeypatch.setattr(remote, "_download", unreachable)


@pytest.fixture
def serve(monkeypatch):
    """``serve(payload)``: every download returns *payload*; returns the list of URLs asked for."""

    def start(payload: bytes) -> list[str]:
        calls: list[str] = []

        def fake(url, **kwargs):
            calls.append(url)
            return payload

        monkeypatch.setattr(remote, "_download", fake)
        return calls

    return start


@pytest.fixture
def put_in_cache():
    """``put_in_cache(name, source)``: copy *source* to the cache path of data set *name*."""

    def put(name: str, source: Path) -> Path:
        target = datasets.REMOTE_DATASETS[name].cache_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return target

    return put
