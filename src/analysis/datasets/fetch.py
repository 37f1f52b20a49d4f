"""One fetcher per downloadable data set: the file as published, from a verified copy.

Every fetcher takes ``local_path=`` (your own copy, e.g. offline) and
``download=`` (``False`` never touches the network); see :mod:`analysis.datasets.remote`.
"""

from __future__ import annotations

import os
import warnings

import pandas as pd

from analysis.checks import validate_params
from analysis.datasets.remote import REMOTE_DATASETS, obtain
from analysis.errors import AnalysisWarning

__all__ = ["fetch_hillstrom", "fetch_ecsi_satisfaction", "fetch_bank_marketing", "fetch_online_retail"]

#: the parameters every fetcher takes, declared once
FETCH_PARAMETERS = {"local_path": [str, os.PathLike, None], "download": [bool]}


@validate_params(FETCH_PARAMETERS)
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
    return pd.read_csv(obtain(REMOTE_DATASETS["hillstrom"], local_path, download))


@validate_params(FETCH_PARAMETERS)
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
    df = pd.read_csv(obtain(REMOTE_DATASETS["ecsi_satisfaction"], local_path, download))
    first = df.columns[0]
    if str(first).startswith("Unnamed") or str(first) == "":
        df = df.drop(columns=first)
    return df


@validate_params(FETCH_PARAMETERS)
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
    return pd.read_csv(obtain(REMOTE_DATASETS["bank_marketing"], local_path, download), sep=";")


@validate_params(FETCH_PARAMETERS)
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
    >>> from analysis.datasets import load_dataset  # doctest: +SKIP
    >>> load_dataset("online_retail")["transactions"].columns.tolist()  # doctest: +SKIP
    ['customer_id', 'date', 'amount', 'quantity', 'order_id', 'country']
    """
    path = obtain(REMOTE_DATASETS["online_retail"], local_path, download)
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
