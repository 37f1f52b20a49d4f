"""Bundled, generated and downloadable data sets, with a verified download cache.

Three kinds of data:

* **bundled** with the repository in ``data/``: the CDNOW cohort
  (:func:`load_cdnow`, :func:`load_cdnow_summary`);
* **generated**: the synthetic service firm of :mod:`analysis.simulate`
  (:func:`load_service_demo`) and the class study's firm with planted stories
  (:func:`load_class_firm`);
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

The package: ``bundled`` (the repository's data and the generated firm),
``remote`` (where downloadable sets come from, the download cache and its
checksums), ``fetch`` (one fetcher per downloadable set) and ``tables`` (every
set as canonical tables, its files, and the known truth of generated data:
:func:`dataset_truth`).

Examples
--------
>>> tables = load_dataset("service_demo", n_customers=300, seed=1)
>>> sorted(tables)
['channel_outcomes', 'complaints', 'customers', 'memberships', 'survey', 'transactions']
>>> load_cdnow("sample")["customer_id"].nunique()
2357
"""

from analysis.datasets.bundled import bundled_data_dir, load_cdnow, load_cdnow_summary, load_class_firm, load_service_demo
from analysis.datasets.fetch import fetch_bank_marketing, fetch_ecsi_satisfaction, fetch_hillstrom, fetch_online_retail
from analysis.datasets.remote import REMOTE_DATASETS, RemoteDataset, data_home
from analysis.datasets.tables import DATASETS, dataset_files, dataset_truth, load_dataset

__all__ = [
    "DATASETS",
    "REMOTE_DATASETS",
    "RemoteDataset",
    "data_home",
    "bundled_data_dir",
    "load_cdnow",
    "load_cdnow_summary",
    "load_service_demo",
    "load_class_firm",
    "fetch_hillstrom",
    "fetch_ecsi_satisfaction",
    "fetch_bank_marketing",
    "fetch_online_retail",
    "load_dataset",
    "dataset_files",
    "dataset_truth",
]
