"""Bundled, generated and downloadable data sets, with a verified download cache.

Three kinds of data:

* **bundled** with the repository in ``data/``: the CDNOW cohort
  (:func:`load_cdnow`, :func:`load_cdnow_summary`);
* **generated**: the synthetic service firm of :mod:`analysis.simulate`
  (:func:`load_service_demo`);
* **downloadable** public data sets, fetched from their original addresses on
  first use and kept in a cache folder, :func:`data_home` (the environment
  variable ``ANALYSIS_DATA_HOME``, else the user cache folder
  ``platformdirs.user_cache_dir("service-analytics")``), one sub-folder per data
  set: :func:`fetch_hillstrom`, :func:`fetch_ecsi_satisfaction`,
  :func:`fetch_bank_marketing`, :func:`fetch_online_retail`.

Every fetcher takes ``local_path=`` (use your own copy, for example when the
machine is offline) and ``download=`` (``False`` never touches the network).
Files with a known SHA-256 are verified wherever they come from; a mismatch is a
:class:`~analysis.errors.DatasetError` that names both hashes. The Online Retail II
workbook has no published checksum: its hash is recorded beside the cached file
on first download and checked on every later use (trust on first use).

:func:`load_dataset` returns any of them as validated canonical tables, and
:func:`dataset_files` lists the files it reads (for a report's manifest).

Examples
--------
>>> tables = load_dataset("service_demo", n_customers=300, seed=1)
>>> sorted(tables)
['channel_outcomes', 'customers', 'survey', 'transactions']
>>> load_cdnow("sample")["customer_id"].nunique()
2357
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
from typing import Any, Callable

import pandas as pd
import platformdirs

from analysis.errors import AnalysisWarning, DatasetError, ParameterError
from analysis.io import read_cdnow, write_bytes_atomic
from analysis.schemas import (
    validate_channel_outcomes,
    validate_customers,
    validate_survey,
    validate_transactions,
)
from analysis.simulate import ServiceFirm, simulate_service_firm

__all__ = [
    "DATASETS",
    "REMOTE_DATASETS",
    "RemoteDataset",
    "data_home",
    "bundled_data_dir",
    "load_cdnow",
    "load_cdnow_summary",
    "load_service_demo",
    "fetch_hillstrom",
    "fetch_ecsi_satisfaction",
    "fetch_bank_marketing",
    "fetch_online_retail",
    "load_dataset",
    "dataset_files",
]

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

DATASETS: tuple[str, ...] = ("cdnow", "service_demo", *REMOTE_DATASETS)


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


def bundled_data_dir() -> Path:
    """The repository's ``data/`` folder (``src/analysis/../../data``).

    Raises
    ------
    DatasetError
        When the folder is missing, as in an installation that is not a source
        checkout.

    Examples
    --------
    >>> (bundled_data_dir() / "cdnow").is_dir()
    True
    """
    path = Path(__file__).resolve().parents[2] / "data"
    if not path.is_dir():
        raise DatasetError(
            f"The bundled data folder was not found at {path}. The CDNOW data ship with the "
            "source repository, not with an installed wheel: work from a clone of the repository "
            "(pip install -e .), or read your own copy of CDNOW_master.txt with "
            "analysis.io.read_cdnow(path)."
        )
    return path


# -------------------------------------------------------------------- bundled
_CDNOW_FILES = {"master": "CDNOW_master.txt", "sample": "CDNOW_sample.txt"}


def _cdnow_path(kind: str) -> Path:
    if kind not in _CDNOW_FILES:
        raise ParameterError(f"kind must be 'master' or 'sample'; got {kind!r}.")
    path = bundled_data_dir() / "cdnow" / _CDNOW_FILES[kind]
    if not path.is_file():
        raise DatasetError(
            f"The bundled file {path} is missing. Restore it from the repository "
            f"(git checkout -- data/cdnow/{_CDNOW_FILES[kind]})."
        )
    return path


def load_cdnow(kind: str = "master") -> pd.DataFrame:
    """The CDNOW cohort's transaction log as a canonical transactions table.

    The 23,570 customers who first bought at the CD retailer CDNOW in the first
    quarter of 1997, followed to the end of June 1998 (Fader, Hardie and Lee
    2005); copied from the ``lifetimes`` package (MIT licence).

    Parameters
    ----------
    kind : {"master", "sample"}
        ``"master"``: all 69,659 purchases of 23,570 customers.
        ``"sample"``: the 1-in-10 sample (6,919 purchases of 2,357 customers).

    Returns
    -------
    DataFrame
        ``customer_id`` (str, zero-padded as in the file), ``date``
        (datetime64[ns]), ``amount`` (float, dollars), ``quantity`` (number of
        CDs); for the sample also ``sample_id`` (the id used by the published
        calibration summary, :func:`load_cdnow_summary`).

    Raises
    ------
    DatasetError
        If the repository's ``data/`` folder or the file is missing.
    ParameterError
        For an unknown ``kind``.

    Examples
    --------
    >>> tx = load_cdnow()
    >>> len(tx), tx["customer_id"].nunique()
    (69659, 23570)
    """
    raw = read_cdnow(_cdnow_path(kind), kind=kind)
    keep = ["customer_id", "date", "amount", "quantity"]
    if kind == "sample" and "sample_id" in raw.columns:
        keep.append("sample_id")
    return validate_transactions(raw[keep]).reset_index(drop=True)


def load_cdnow_summary() -> pd.DataFrame:
    """The CDNOW sample's published 39-week calibration summary (from ``lifetimes``).

    Returns
    -------
    DataFrame
        Columns ``ID`` (sample id), ``x`` (repeat purchases), ``t_x`` (recency,
        weeks), ``T`` (age, weeks), ``zbar`` (mean repeat purchase value); 2,357
        rows; calibration period ending 1997-09-30.

    Examples
    --------
    >>> load_cdnow_summary().shape
    (2357, 5)
    """
    path = bundled_data_dir() / "cdnow" / "cdnow_customers_summary_with_transactions.csv"
    if not path.is_file():
        raise DatasetError(f"The bundled file {path} is missing; restore it from the repository.")
    return pd.read_csv(path)


def load_service_demo(n_customers: int = 5000, seed: int = 20240601, **options: Any) -> ServiceFirm:
    """The synthetic service firm (see :func:`analysis.simulate.simulate_service_firm`).

    Parameters
    ----------
    n_customers : int
        Number of customers.
    seed : int
        Random seed; the same seed gives identical tables.
    **options
        Further arguments of :func:`~analysis.simulate.simulate_service_firm`.

    Returns
    -------
    ServiceFirm

    Examples
    --------
    >>> load_service_demo(300, seed=2).truth.n_customers
    300
    """
    return simulate_service_firm(n_customers, seed=seed, **options)


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


def _obtain(spec: RemoteDataset, local_path: str | os.PathLike | None, download: bool) -> Path:
    """Path of a verified copy of *spec*'s file: the user's, the cache's or a fresh download."""
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


# ------------------------------------------------------------------- fetchers
def fetch_hillstrom(*, local_path: str | os.PathLike | None = None, download: bool = True) -> pd.DataFrame:
    """Kevin Hillstrom's MineThatData e-mail campaign (64,000 customers, 2008).

    Customers who bought in the last 12 months were randomized to a men's
    e-mail, a women's e-mail or no e-mail; outcomes over the next two weeks.

    Parameters
    ----------
    local_path : path, optional
        Your copy of the CSV (verified by SHA-256).
    download : bool
        If False, never use the network: use ``local_path`` or the cache only.

    Returns
    -------
    DataFrame
        The file as published: 64,000 rows; ``recency``, ``history_segment``,
        ``history``, ``mens``, ``womens``, ``zip_code``, ``newbie``, ``channel``
        (purchase channel Phone/Web/Multichannel), ``segment`` (the arm: Mens
        E-Mail, Womens E-Mail, No E-Mail), ``visit``, ``conversion``, ``spend``.

    Raises
    ------
    DatasetError
        Offline with no copy (the message names the cache path), or a checksum
        mismatch (naming both hashes).

    Examples
    --------
    >>> df = fetch_hillstrom()  # doctest: +SKIP
    >>> df.groupby("segment")["visit"].mean().round(4)  # doctest: +SKIP
    segment
    Mens E-Mail      0.1828
    No E-Mail        0.1062
    Womens E-Mail    0.1514
    Name: visit, dtype: float64
    """
    return pd.read_csv(_obtain(REMOTE_DATASETS["hillstrom"], local_path, download))


def fetch_ecsi_satisfaction(*, local_path: str | os.PathLike | None = None,
                            download: bool = True) -> pd.DataFrame:
    """The ECSI bank customer-satisfaction survey (250 respondents; R plspm's ``satisfaction``).

    Parameters
    ----------
    local_path : path, optional
        Your copy of ``satisfaction.csv`` (verified by SHA-256).
    download : bool
        If False, never use the network.

    Returns
    -------
    DataFrame
        250 rows: ``imag1``-``imag5``, ``expe1``-``expe5``, ``qual1``-``qual5``,
        ``val1``-``val4``, ``sat1``-``sat4``, ``loy1``-``loy4`` (0-10 ratings)
        and ``gender``; the file's row-index column is dropped.

    Raises
    ------
    DatasetError
        Offline with no copy, or a checksum mismatch.

    Examples
    --------
    >>> fetch_ecsi_satisfaction().shape  # doctest: +SKIP
    (250, 28)
    """
    df = pd.read_csv(_obtain(REMOTE_DATASETS["ecsi_satisfaction"], local_path, download))
    first = df.columns[0]
    if str(first).startswith("Unnamed") or str(first) == "":
        df = df.drop(columns=first)
    return df


def fetch_bank_marketing(*, local_path: str | os.PathLike | None = None,
                         download: bool = True) -> pd.DataFrame:
    """UCI Bank Marketing: the ``bank-additional.csv`` 10% sample (4,119 calls).

    The download is UCI's ``bank+marketing.zip``, whose ``bank-additional.zip``
    holds the file; the extracted file is verified (a copy with Windows line
    endings is accepted when it matches after converting them) and cached.

    Parameters
    ----------
    local_path : path, optional
        Your ``bank-additional.csv``, or either zip archive that contains it.
    download : bool
        If False, never use the network.

    Returns
    -------
    DataFrame
        4,119 rows, 21 columns as published (``;``-separated): client
        attributes, ``contact`` (cellular / telephone), campaign and
        economic-context columns, and the outcome ``y`` (yes / no). Missing
        values are coded ``"unknown"``, as in the file.

    Raises
    ------
    DatasetError
        Offline with no copy, a zip without the file, or a checksum mismatch.

    Examples
    --------
    >>> fetch_bank_marketing()["y"].value_counts()["yes"]  # doctest: +SKIP
    451
    """
    return pd.read_csv(_obtain(REMOTE_DATASETS["bank_marketing"], local_path, download), sep=";")


def fetch_online_retail(*, local_path: str | os.PathLike | None = None,
                        download: bool = True) -> pd.DataFrame:
    """UCI Online Retail II: invoice lines of a UK online retailer, Dec 2009 - Dec 2011.

    About 45 MB to download and a minute or more to read (an Excel workbook of
    two sheets, about a million rows). No checksum is published: the workbook's
    SHA-256 is recorded in ``online_retail_II.xlsx.sha256`` beside the cached
    copy on first download and checked on every later use; a ``local_path`` copy
    cannot be verified.

    Parameters
    ----------
    local_path : path, optional
        ``online_retail_II.xlsx``, the UCI zip, or a CSV export with the same
        columns.
    download : bool
        If False, never use the network.

    Returns
    -------
    DataFrame
        ``Invoice``, ``StockCode``, ``Description``, ``Quantity``,
        ``InvoiceDate``, ``Price``, ``Customer ID``, ``Country``, and ``sheet``
        (the workbook sheet). The two sheets overlap in December 2010: lines of
        an invoice already present in an earlier sheet are dropped, with an
        :class:`~analysis.errors.AnalysisWarning` giving the count.

    Raises
    ------
    DatasetError
        Offline with no copy, or a cached copy whose hash changed.

    Examples
    --------
    >>> raw = fetch_online_retail()  # doctest: +SKIP
    >>> load_dataset("online_retail")["transactions"].columns.tolist()  # doctest: +SKIP
    ['customer_id', 'date', 'amount', 'quantity', 'order_id', 'country']
    """
    path = _obtain(REMOTE_DATASETS["online_retail"], local_path, download)
    if path.suffix.lower() == ".csv":
        from analysis.io import read_table

        raw = read_table(path, format="csv", encoding="auto")
        if "sheet" not in raw.columns:
            raw["sheet"] = path.stem
        return raw
    sheets = pd.read_excel(path, sheet_name=None, dtype={"Invoice": str, "StockCode": str})
    frames, seen, overlap = [], set(), 0
    for name, sheet in sheets.items():
        invoices = sheet["Invoice"].astype(str)
        dup = invoices.isin(seen)
        overlap += int(dup.sum())
        seen.update(invoices.unique())
        frames.append(sheet.loc[~dup].assign(sheet=name))
    if overlap:
        warnings.warn(
            f"Dropped {overlap} invoice lines of the Online Retail II workbook whose invoice "
            "already appears in an earlier sheet (the sheets overlap in December 2010).",
            AnalysisWarning, stacklevel=2,
        )
    return pd.concat(frames, ignore_index=True)


# ----------------------------------------------------------- canonical forms
def _hillstrom_tables(raw: pd.DataFrame) -> dict[str, pd.DataFrame]:
    df = raw.rename(columns={"channel": "purchase_channel"}).rename(columns={"segment": "channel"})
    df.insert(0, "customer_id", [f"H{i:05d}" for i in range(1, len(df) + 1)])
    out = validate_channel_outcomes(df, binary_columns=["visit", "conversion"],
                                    continuous_columns=["spend"])
    return {"channel_outcomes": out}


_ECSI_BLOCKS = {"imag": 5, "expe": 5, "qual": 5, "val": 4, "sat": 4, "loy": 4}


def _ecsi_tables(raw: pd.DataFrame) -> dict[str, pd.DataFrame]:
    df = raw.copy()
    df.insert(0, "respondent_id", [str(i) for i in range(1, len(df) + 1)])
    ratings = [f"{b}{k}" for b, n in _ECSI_BLOCKS.items() for k in range(1, n + 1)]
    return {"survey": validate_survey(df, rating_columns=ratings, scale=(0, 10),
                                      group_columns=["gender"])}


def _bank_tables(raw: pd.DataFrame) -> dict[str, pd.DataFrame]:
    df = raw.rename(columns={"contact": "channel", "y": "conversion"})
    df.insert(0, "customer_id", [f"B{i:05d}" for i in range(1, len(df) + 1)])
    return {"channel_outcomes": validate_channel_outcomes(df, binary_columns=["conversion"])}


def _online_retail_tables(raw: pd.DataFrame, level: str = "invoice") -> dict[str, pd.DataFrame]:
    if level not in ("invoice", "line"):
        raise ParameterError(f"level must be 'invoice' or 'line'; got {level!r}.")
    df = raw
    n_in = len(df)
    no_id = df["Customer ID"].isna()
    invoice = df["Invoice"].astype(str)
    cancelled = ~no_id & invoice.str.upper().str.startswith("C")
    quantity = pd.to_numeric(df["Quantity"], errors="coerce")
    price = pd.to_numeric(df["Price"], errors="coerce")
    not_sale = ~no_id & ~cancelled & ~((quantity > 0) & (price > 0))
    keep = ~(no_id | cancelled | not_sale)
    dropped = int((~keep).sum())
    if dropped:
        warnings.warn(
            f"Online Retail II: dropped {dropped} of {n_in} invoice lines: {int(no_id.sum())} "
            f"without a customer id, {int(cancelled.sum())} cancellations (invoice starting "
            f"with 'C') and {int(not_sale.sum())} other lines with a quantity or price <= 0 "
            "(adjustments, bad debt).",
            AnalysisWarning, stacklevel=3,
        )
    ids = pd.to_numeric(df.loc[keep, "Customer ID"], errors="coerce")
    lines = pd.DataFrame(
        {
            "customer_id": ids.round().astype("int64").astype(str).to_numpy(),
            "date": pd.to_datetime(df.loc[keep, "InvoiceDate"]).to_numpy(),
            "amount": (quantity[keep] * price[keep]).to_numpy(),
            "quantity": quantity[keep].to_numpy(),
            "order_id": invoice[keep].to_numpy(),
            "country": df.loc[keep, "Country"].astype(str).to_numpy(),
        }
    )
    if level == "invoice":
        lines = (
            lines.groupby(["customer_id", "order_id"], sort=False, as_index=False)
            .agg(date=("date", "min"), amount=("amount", "sum"), quantity=("quantity", "sum"),
                 country=("country", "first"))
            .loc[:, ["customer_id", "date", "amount", "quantity", "order_id", "country"]]
        )
        lines["amount"] = lines["amount"].round(2)
    lines = lines.sort_values(["date", "customer_id", "order_id"], kind="mergesort", ignore_index=True)
    return {"transactions": validate_transactions(lines)}


def _service_demo_tables(firm: ServiceFirm) -> dict[str, pd.DataFrame]:
    ratings = [c for c in firm.survey.columns if c.startswith(("perc_", "exp_"))]
    survey = validate_survey(firm.survey, rating_columns=ratings,
                             outcome_columns=["overall_satisfaction", "loyalty_intent"],
                             group_columns=["channel"])
    survey = validate_survey(survey, outcome_columns=["recommend"], outcome_scale=(0, 10))
    return {
        "transactions": validate_transactions(firm.transactions),
        "customers": validate_customers(firm.customers),
        "survey": survey,
        "channel_outcomes": validate_channel_outcomes(
            firm.campaign, binary_columns=["visit", "conversion"],
            continuous_columns=["spend", "cost_per_contact"]),
    }


_FETCHERS: dict[str, Callable[..., pd.DataFrame]] = {
    "hillstrom": fetch_hillstrom,
    "ecsi_satisfaction": fetch_ecsi_satisfaction,
    "bank_marketing": fetch_bank_marketing,
    "online_retail": fetch_online_retail,
}
_CANONICAL: dict[str, Callable[..., dict[str, pd.DataFrame]]] = {
    "hillstrom": _hillstrom_tables,
    "ecsi_satisfaction": _ecsi_tables,
    "bank_marketing": _bank_tables,
    "online_retail": _online_retail_tables,
}
_OPTIONS: dict[str, tuple[str, ...]] = {
    "cdnow": ("kind",),
    "service_demo": ("n_customers", "seed", "*"),  # "*": any simulate_service_firm argument
    "hillstrom": ("local_path", "download"),
    "ecsi_satisfaction": ("local_path", "download"),
    "bank_marketing": ("local_path", "download"),
    "online_retail": ("local_path", "download", "level"),
}


def _check_name_and_options(name: str, options: dict[str, Any]) -> None:
    if name not in DATASETS:
        raise DatasetError(f"Unknown data set {name!r}; available: {', '.join(DATASETS)}.")
    allowed = _OPTIONS[name]
    if "*" in allowed:
        return
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ParameterError(
            f"Data set {name!r} takes the option(s) {list(allowed)}; got unknown {unknown}."
        )


def load_dataset(name: str, **options: Any) -> dict[str, pd.DataFrame]:
    """Any known data set as validated canonical tables.

    Parameters
    ----------
    name : str
        ``"cdnow"`` (option ``kind``): ``{"transactions"}``.
        ``"service_demo"`` (``n_customers``, ``seed`` and other
        :func:`~analysis.simulate.simulate_service_firm` arguments): all four
        tables, ``channel_outcomes`` being the campaign (``channel`` = arm).
        ``"hillstrom"``: ``{"channel_outcomes"}`` with ``channel`` = the e-mail
        arm (``segment``), the file's purchase channel renamed
        ``purchase_channel`` and a generated ``customer_id``.
        ``"ecsi_satisfaction"``: ``{"survey"}`` with ``respondent_id`` "1".."250"
        and 0-10 ratings. ``"bank_marketing"``: ``{"channel_outcomes"}`` with
        ``channel`` = contact type and ``conversion`` = subscribed (y).
        ``"online_retail"`` (``level`` = "invoice" or "line"): ``{"transactions"}``,
        one row per invoice by default (amount = sum of Quantity * Price).
        Fetchable sets also take ``local_path`` and ``download``.
    **options
        As listed per name.

    Returns
    -------
    dict of str to DataFrame

    Raises
    ------
    DatasetError
        Unknown name, or the data cannot be obtained.
    ParameterError
        An option the data set does not take.

    Examples
    --------
    >>> load_dataset("cdnow", kind="sample")["transactions"].shape
    (6919, 5)
    """
    _check_name_and_options(name, options)
    if name == "cdnow":
        return {"transactions": load_cdnow(**options)}
    if name == "service_demo":
        return _service_demo_tables(load_service_demo(**options))
    fetch_opts = {k: v for k, v in options.items() if k in ("local_path", "download")}
    other = {k: v for k, v in options.items() if k not in fetch_opts}
    return _CANONICAL[name](_FETCHERS[name](**fetch_opts), **other)


def dataset_files(name: str, **options: Any) -> list[Path]:
    """The files :func:`load_dataset` reads for *name* (for checksums in a manifest).

    A fetchable data set is obtained first if needed (the same rules as its
    fetcher: ``download=False`` never uses the network). The generated
    ``service_demo`` reads no file.

    Parameters
    ----------
    name : str
        As for :func:`load_dataset`.
    **options
        As for :func:`load_dataset`.

    Returns
    -------
    list of pathlib.Path

    Examples
    --------
    >>> [p.name for p in dataset_files("cdnow")]
    ['CDNOW_master.txt']
    >>> dataset_files("service_demo")
    []
    """
    _check_name_and_options(name, options)
    if name == "cdnow":
        return [_cdnow_path(options.get("kind", "master"))]
    if name == "service_demo":
        return []
    return [_obtain(REMOTE_DATASETS[name], options.get("local_path"), options.get("download", True))]
