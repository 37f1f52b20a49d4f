"""Data that come with the repository or are generated: the CDNOW cohort and the synthetic firm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from analysis.checks import DEFAULT_SEED, Options, check_params
from analysis.errors import DatasetError
from analysis.io import read_cdnow
from analysis.schemas import validate_transactions
from analysis.simulate import ServiceFirm, simulate_service_firm
from analysis.simulate.classroom import CLASS_N_CUSTOMERS, CLASS_SEED, ClassFirm, simulate_class_firm

__all__ = ["bundled_data_dir", "load_cdnow", "load_cdnow_summary", "load_service_demo", "load_class_firm"]


def bundled_data_dir() -> Path:
    """The repository's ``data/`` folder (``src/analysis/datasets/../../../data``).

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
    path = Path(__file__).resolve().parents[3] / "data"
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
    check_params({"kind": [Options(tuple(_CDNOW_FILES))]}, {"kind": kind}, "load_cdnow")
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


def load_service_demo(n_customers: int = 5000, seed: int = DEFAULT_SEED, **options: Any) -> ServiceFirm:
    """The synthetic service firm (see :func:`analysis.simulate.simulate_service_firm`).

    Parameters
    ----------
    n_customers : int
        Number of customers.
    seed : int, default analysis.checks.DEFAULT_SEED
        Random seed; the same seed gives identical tables (the bundled
        ``service_demo`` study passes 20240601).
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


def load_class_firm(n_customers: int = CLASS_N_CUSTOMERS, seed: int = CLASS_SEED) -> ClassFirm:
    """The class study's synthetic firm, with its planted stories (a seed per student).

    See :func:`analysis.simulate.classroom.simulate_class_firm`.

    Parameters
    ----------
    n_customers : int, default 3000
        Number of customers (at least 500).
    seed : int, default 20261205
        Random seed; each student's own seed gives an own firm with the same stories.

    Returns
    -------
    ClassFirm

    Examples
    --------
    >>> load_class_firm(600, seed=2).plan.channel
    'app_push'
    """
    return simulate_class_firm(seed=seed, n_customers=n_customers)
