"""Every data set as validated canonical tables, the files it reads, and its known truth.

:func:`load_dataset` turns each set into the canonical tables of
:mod:`analysis.schemas`; :func:`dataset_files` lists the files it reads (for a
report's manifest); :func:`dataset_truth` hands over the ground truth of
generated data (``service_demo``) without simulating the firm a second time when
:func:`load_dataset` already generated it in this process. The class study's firm
(``class_firm``) is generated data too, but reports no truth: its pages must not
give away the stories planted for the class (the teacher reads them from
:func:`analysis.simulate.classroom.simulate_class_firm`).
"""

from __future__ import annotations

import warnings
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from analysis.checks import Interval, Options, check_params
from analysis.datasets.bundled import _cdnow_path, load_cdnow, load_class_firm, load_service_demo
from analysis.datasets.fetch import (
    FETCH_PARAMETERS,
    fetch_bank_marketing,
    fetch_ecsi_satisfaction,
    fetch_hillstrom,
    fetch_online_retail,
)
from analysis.datasets.remote import REMOTE_DATASETS, obtain
from analysis.errors import AnalysisWarning, DatasetError, ParameterError
from analysis.schemas import (
    validate_channel_outcomes,
    validate_customers,
    validate_survey,
    validate_table,
    validate_transactions,
)
from analysis.simulate import ServiceFirm, ServiceTruth

__all__ = ["DATASETS", "load_dataset", "dataset_files", "dataset_truth"]

DATASETS: tuple[str, ...] = ("cdnow", "service_demo", *REMOTE_DATASETS, "class_firm")


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
    out = {
        "transactions": validate_transactions(firm.transactions),
        "customers": validate_customers(firm.customers),
        "survey": survey,
        "channel_outcomes": validate_channel_outcomes(
            firm.campaign, binary_columns=["visit", "conversion"],
            continuous_columns=["spend", "cost_per_contact"]),
    }
    for name in ("complaints", "memberships"):  # absent without retention data or without rows
        table = getattr(firm, name)
        if table is not None and len(table):
            out[name] = validate_table(name, table)
    return out


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
    "class_firm": ("n_customers", "seed"),
    "hillstrom": ("local_path", "download"),
    "ecsi_satisfaction": ("local_path", "download"),
    "bank_marketing": ("local_path", "download"),
    "online_retail": ("local_path", "download", "level"),
}


#: what each option of a (non-generated) data set may be, declared once
_OPTION_CONSTRAINTS: dict[str, list] = {
    "kind": [Options(("master", "sample"))],
    "level": [Options(("invoice", "line"))],
    "n_customers": [Interval(int, 500, None, closed="left")],
    "seed": [int],
    **FETCH_PARAMETERS,
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
    check_params(_OPTION_CONSTRAINTS, options, "load_dataset")


def load_dataset(name: str, **options: Any) -> dict[str, pd.DataFrame]:
    """Any known data set as validated canonical tables.

    Parameters
    ----------
    name : str
        ``"cdnow"`` (option ``kind``): ``{"transactions"}``.
        ``"service_demo"`` (``n_customers``, ``seed`` and other
        :func:`~analysis.simulate.simulate_service_firm` arguments): all six
        tables, ``channel_outcomes`` being the campaign (``channel`` = arm),
        ``complaints`` and ``memberships`` (the loyalty programme's tier spells);
        the last two only with ``retention_data`` (default True).
        ``"class_firm"`` (``n_customers``, default 3000, and ``seed``): the class
        study's firm with its planted stories, the same six tables
        (:func:`~analysis.simulate.classroom.simulate_class_firm`).
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
        firm = load_service_demo(**options)
        _remember_truth(name, options, firm.truth)
        return _service_demo_tables(firm)
    if name == "class_firm":
        return _service_demo_tables(load_class_firm(**options))
    fetch_opts = {k: v for k, v in options.items() if k in ("local_path", "download")}
    other = {k: v for k, v in options.items() if k not in fetch_opts}
    return _CANONICAL[name](_FETCHERS[name](**fetch_opts), **other)


def dataset_files(name: str, **options: Any) -> list[Path]:
    """The files :func:`load_dataset` reads for *name* (for checksums in a manifest).

    A fetchable data set is obtained first if needed (the same rules as its
    fetcher: ``download=False`` never uses the network). The generated
    ``service_demo`` and ``class_firm`` read no file.

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
    if name in ("service_demo", "class_firm"):
        return []
    return [obtain(REMOTE_DATASETS[name], options.get("local_path"), options.get("download", True))]


# ---------------------------------------------------------------- ground truth
#: truths of the generated data sets of this process, by (name, options); newest last
_TRUTHS: OrderedDict[tuple[str, str], ServiceTruth] = OrderedDict()
_MAX_TRUTHS = 16


def _truth_key(name: str, options: dict[str, Any]) -> tuple[str, str] | None:
    """The cache key of a generated data set, or None when it cannot be repeated (a Generator seed)."""
    if any(isinstance(v, np.random.Generator) for v in options.values()):
        return None
    return name, repr(sorted(options.items()))


def _remember_truth(name: str, options: dict[str, Any], truth: ServiceTruth) -> None:
    key = _truth_key(name, options)
    if key is None:
        return
    _TRUTHS[key] = truth
    _TRUTHS.move_to_end(key)
    while len(_TRUTHS) > _MAX_TRUTHS:
        _TRUTHS.popitem(last=False)


def dataset_truth(name: str, **options: Any) -> ServiceTruth | None:
    """The known ground truth behind a data set, or None for observed data.

    Only generated data have a truth: for ``"service_demo"`` it is the
    :class:`~analysis.simulate.ServiceTruth` of
    ``load_service_demo(**options)``; CDNOW and the downloadable sets give None, and so
    does ``"class_firm"``: the class study's pages must not reveal its planted stories
    (the teacher gets them from :func:`~analysis.simulate.classroom.simulate_class_firm`).
    When :func:`load_dataset` has already generated the same data set (same name
    and options) in this process, its truth is handed over without simulating
    the firm again.

    Parameters
    ----------
    name : str
        As for :func:`load_dataset`.
    **options
        As for :func:`load_dataset`.

    Returns
    -------
    ServiceTruth or None

    Raises
    ------
    DatasetError, ParameterError
        Unknown name or option.

    Examples
    --------
    >>> tables = load_dataset("service_demo", n_customers=300, seed=1)
    >>> truth = dataset_truth("service_demo", n_customers=300, seed=1)  # not simulated again
    >>> truth.n_customers, dataset_truth("cdnow") is None, dataset_truth("class_firm", seed=5) is None
    (300, True, True)
    """
    _check_name_and_options(name, options)
    if name != "service_demo":
        return None
    key = _truth_key(name, options)
    if key is not None and key in _TRUTHS:
        return _TRUTHS[key]
    truth = load_service_demo(**options).truth
    _remember_truth(name, options, truth)
    return truth
