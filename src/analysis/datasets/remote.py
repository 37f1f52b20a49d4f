"""Downloadable data sets: where each comes from, the download cache and its checksums.

Files with a known SHA-256 are verified wherever they come from (the user's copy,
the cache or a fresh download); a file without a published checksum has its hash
recorded beside the cached copy on first download and checked on every later use
(trust on first use). :func:`obtain` is the one road to a verified local copy;
``_download`` is the only function here that uses the network.
"""

from __future__ import annotations

import hashlib
import io as _stdio
import os
import urllib.error
import urllib.request
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from analysis.errors import AnalysisWarning, DatasetError
from analysis.io import write_bytes_atomic

__all__ = ["APP_NAME", "DOWNLOAD_TIMEOUT", "REMOTE_DATASETS", "RemoteDataset", "data_home", "obtain"]

APP_NAME = "service-analytics"
DOWNLOAD_TIMEOUT = 60.0  # seconds


@dataclass(frozen=True)
class RemoteDataset:
    """Where a downloadable data set comes from and how it is checked.

    Attributes
    ----------
    name : str
        Key of :data:`REMOTE_DATASETS` and the cache sub-folder.
    title : str
        Human-readable name.
    url : str
        Original public address.
    filename : str
        Name of the file kept in the cache (the zip member for zipped data).
    sha256 : str or None
        SHA-256 of ``filename``'s bytes; None when no checksum is published.
    licence : str
        Licence or terms of use.
    citation : str
        Source to cite.
    zipped : bool
        True when ``url`` serves a zip archive (possibly nested) holding ``filename``.

    Examples
    --------
    >>> REMOTE_DATASETS["hillstrom"].sha256[:8]
    '0e589332'
    """

    name: str
    title: str
    url: str
    filename: str
    sha256: str | None
    licence: str
    citation: str
    zipped: bool = False

    def cache_path(self) -> Path:
        """Where the verified file is kept: ``data_home() / name / filename``.

        Examples
        --------
        >>> REMOTE_DATASETS["hillstrom"].cache_path().name
        'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv'
        """
        return data_home() / self.name / self.filename


REMOTE_DATASETS: dict[str, RemoteDataset] = {
    "hillstrom": RemoteDataset(
        name="hillstrom",
        title="Hillstrom MineThatData e-mail campaign (2008)",
        url="http://www.minethatdata.com/"
            "Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv",
        filename="Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv",
        sha256="0e5893329d8b93cefecc571777672028290ab69865718020c78c7284f291aece",
        licence="none stated by the publisher (posted openly for the 2008 challenge)",
        citation="Kevin Hillstrom, MineThatData E-Mail Analytics and Data Mining Challenge, 2008-03-20.",
    ),
    "ecsi_satisfaction": RemoteDataset(
        name="ecsi_satisfaction",
        title="ECSI bank customer-satisfaction survey (plspm 'satisfaction')",
        url="https://raw.githubusercontent.com/GoogleCloudPlatform/plspm-python/"
            "addf58434532dc63320589c4cc2f341009d588b0/tests/data/satisfaction.csv",
        filename="satisfaction.csv",
        sha256="7472dc1222129c94ecb4b1f0fdab1e9d82bd15023b09eb55f527ba4c6bc9d5e9",
        licence="GPL-3.0 (R plspm / plspm-python)",
        citation="Sanchez, G. (2013). PLS Path Modeling with R; data from LIAM, UPC Barcelona.",
    ),
    "bank_marketing": RemoteDataset(
        name="bank_marketing",
        title="UCI Bank Marketing, bank-additional 10% sample",
        url="https://archive.ics.uci.edu/static/public/222/bank+marketing.zip",
        filename="bank-additional.csv",
        sha256="e71826c3e6d8bd64097ca3ff6230bf60eec5d4b1eb157607a8d54958220854e8",
        licence="UCI ML Repository (publicly available for research; citation requested; "
                "UCI lists CC BY 4.0)",
        citation="Moro, S., Cortez, P. and Rita, P. (2014). A Data-Driven Approach to Predict the "
                 "Success of Bank Telemarketing. Decision Support Systems 62, 22-31.",
        zipped=True,
    ),
    "online_retail": RemoteDataset(
        name="online_retail",
        title="UCI Online Retail II (UK online retailer, 2009-2011)",
        url="https://archive.ics.uci.edu/static/public/502/online+retail+ii.zip",
        filename="online_retail_II.xlsx",
        sha256=None,
        licence="CC BY 4.0 (UCI ML Repository)",
        citation="Chen, D. (2019). Online Retail II. UCI Machine Learning Repository. "
                 "doi:10.24432/C5CG6D",
        zipped=True,
    ),
}


# ------------------------------------------------------------------ locations
def data_home() -> Path:
    """The download cache folder.

    ``ANALYSIS_DATA_HOME`` when set (and not empty), else
    ``platformdirs.user_cache_dir("service-analytics")``. The folder is not
    created here; fetchers create it when they write.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> data_home().name != ""
    True
    """
    env = os.environ.get("ANALYSIS_DATA_HOME", "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME))


# ------------------------------------------------------------------ download
def _download(url: str, *, timeout: float = DOWNLOAD_TIMEOUT) -> bytes:
    """Fetch *url*'s bytes (the only function here that uses the network)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"{APP_NAME} (Python urllib)"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (fixed URLs)
        return response.read()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _accept(spec: RemoteDataset, data: bytes, source: str) -> bytes:
    """Return the verified bytes (line endings normalised if that is what matches)."""
    if spec.sha256 is None:
        return data
    got = _sha256(data)
    if got == spec.sha256:
        return data
    if b"\r\n" in data:  # a copy with Windows line endings of a file published with LF
        normalised = data.replace(b"\r\n", b"\n")
        if _sha256(normalised) == spec.sha256:
            return normalised
    raise DatasetError(
        f"{source} is not the expected {spec.title} file: its SHA-256 is {got}, expected "
        f"{spec.sha256}. The file is corrupt, truncated or a different version; get a fresh copy "
        f"from {spec.url}."
    )


def _find_member(data: bytes, filename: str, source: str, depth: int = 0) -> bytes:
    """The bytes of *filename* inside a zip archive, looking into nested zips."""
    try:
        archive = zipfile.ZipFile(_stdio.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DatasetError(f"{source} is not a readable zip archive ({exc}).") from exc
    with archive:
        names = [n for n in archive.namelist() if not n.startswith("__MACOSX/")]
        for name in names:
            if name.rsplit("/", 1)[-1] == filename:
                return archive.read(name)
        if depth < 2:
            for name in names:
                if name.lower().endswith(".zip"):
                    try:
                        return _find_member(archive.read(name), filename, f"{source}:{name}", depth + 1)
                    except DatasetError:
                        continue
    raise DatasetError(f"{source} holds no file named {filename!r} (looked into nested zips too).")


def _where_to_put(spec: RemoteDataset, fetcher: str) -> str:
    path = spec.cache_path()
    zipped = (f" (the file {spec.filename!r} extracted from the zip archive; or pass the "
              "zip itself as local_path)" if spec.zipped else "")
    return (
        f"Download {spec.url} yourself and either save it as {path}{zipped}, or pass "
        f"local_path='<your copy>' to {fetcher}()."
    )


def obtain(spec: RemoteDataset, local_path: str | os.PathLike | None, download: bool) -> Path:
    """Path of a verified copy of *spec*'s file: the user's, the cache's or a fresh download.

    ``download=False`` never uses the network. Raises DatasetError naming the
    cache path when no copy can be had, or both hashes on a checksum mismatch.
    """
    fetcher = f"analysis.datasets.fetch_{spec.name}"
    cache = spec.cache_path()
    if local_path is not None:
        path = Path(local_path).expanduser()
        if not path.is_file():
            raise DatasetError(f"local_path {path} does not exist or is not a file.")
        data = path.read_bytes()
        if path.suffix.lower() == ".zip":
            data = _accept(spec, _find_member(data, spec.filename, str(path)), f"{spec.filename} in {path}")
            write_bytes_atomic(cache, data)
            if spec.sha256 is None:
                _record_checksum(cache, data)
            return cache
        accepted = _accept(spec, data, str(path))
        if accepted is data:
            return path
        write_bytes_atomic(cache, accepted)  # line endings normalised: keep that copy
        return cache

    if cache.is_file():
        data = cache.read_bytes()
        try:
            _verify_cached(spec, cache, data)
            return cache
        except DatasetError:
            if not download:
                raise
            warnings.warn(
                f"The cached copy {cache} failed its checksum; downloading it again.",
                AnalysisWarning, stacklevel=3,
            )
    if not download:
        raise DatasetError(
            f"No copy of {spec.title} at {cache} and download=False. " + _where_to_put(spec, fetcher)
        )
    try:
        payload = _download(spec.url)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise DatasetError(
            f"Could not download {spec.title} from {spec.url} ({exc}). " + _where_to_put(spec, fetcher)
        ) from exc
    data = _find_member(payload, spec.filename, spec.url) if spec.zipped else payload
    data = _accept(spec, data, f"The download from {spec.url}")
    write_bytes_atomic(cache, data)
    if spec.sha256 is None:
        _record_checksum(cache, data)
    return cache


def _record_checksum(path: Path, data: bytes) -> None:
    write_bytes_atomic(_sidecar(path), (_sha256(data) + "\n").encode("ascii"))


def _verify_cached(spec: RemoteDataset, path: Path, data: bytes) -> None:
    if spec.sha256 is not None:
        got = _sha256(data)
        if got != spec.sha256:
            raise DatasetError(
                f"The cached file {path} has SHA-256 {got}, expected {spec.sha256}. Delete it "
                f"(a fresh download replaces it) or put a good copy there."
            )
        return
    sidecar = _sidecar(path)
    if sidecar.is_file():
        recorded = sidecar.read_text(encoding="ascii").strip()
        got = _sha256(data)
        if got != recorded:
            raise DatasetError(
                f"The cached file {path} has SHA-256 {got}, but {recorded} was recorded when it "
                f"was first stored ({sidecar}). Delete both files to download it again."
            )
    else:  # a copy put there by hand: record it now
        _record_checksum(path, data)
