"""Are the clusters real? Bootstrap stability as in R's ``fpc::clusterboot`` (Hennig 2007).

The data are resampled with replacement, re-clustered, and each original
cluster is matched with its most similar bootstrap cluster by the Jaccard
coefficient on the points present in both. Reading of the mean Jaccard
(clusterboot's documentation): below 0.5 the cluster *dissolved*; below 0.6 it
should not be trusted; 0.6-0.75 it points at a pattern but its membership is
doubtful; 0.75 or more stable; 0.85 or more highly stable.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, rng_from, validate_params
from analysis.errors import DataValidationError
from analysis.messages import msg
from analysis.segmentation.clustering.fitting import (
    ANY_METHOD,
    MAX_SEED,
    N_INIT,
    SAMPLE_SIZE,
    SEED,
    as_matrix,
    fit_labels,
    relabel,
    sample_rows,
)

__all__ = ["cluster_stability", "stability_reading"]


def stability_reading(mean_jaccard: float, *, language: str | None = None) -> str:
    """clusterboot's reading of a mean Jaccard similarity.

    Examples
    --------
    >>> [stability_reading(j) for j in (0.4, 0.55, 0.7, 0.8, 0.9)]
    ['dissolved', 'not to be trusted', 'doubtful', 'stable', 'highly stable']
    """
    if np.isnan(mean_jaccard):
        key = "dissolved"
    elif mean_jaccard < 0.5:
        key = "dissolved"
    elif mean_jaccard < 0.6:
        key = "unstable"
    elif mean_jaccard < 0.75:
        key = "doubtful"
    elif mean_jaccard < 0.85:
        key = "stable"
    else:
        key = "highly_stable"
    return msg(f"segmentation.stability.{key}", language=language)


def _best_jaccard(original: np.ndarray, new: np.ndarray, k: int) -> np.ndarray:
    """For each original cluster 0..k-1, the best Jaccard with any new cluster (NaN if absent)."""
    _, new_codes = np.unique(new, return_inverse=True)
    m = new_codes.max() + 1
    table = np.zeros((k, m))
    np.add.at(table, (original, new_codes), 1)
    size_o = table.sum(axis=1, keepdims=True)
    size_n = table.sum(axis=0, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        jac = table / (size_o + size_n - table)
    best = jac.max(axis=1)
    best[size_o[:, 0] == 0] = np.nan
    return best


@validate_params({"k": [Interval(int, 1, None, closed="left")], "method": ANY_METHOD,
                  "n_boot": [Interval(int, 2, None, closed="left")], "sample_size": SAMPLE_SIZE,
                  "n_init": N_INIT, "seed": SEED})
def cluster_stability(
    X,
    k: int,
    *,
    method: str | Callable = "kmeans",
    labels=None,
    n_boot: int = 50,
    sample_size: int | None = 2000,
    n_init: int = 5,
    seed: int | np.random.Generator = DEFAULT_SEED,
    language: str | None = None,
) -> pd.DataFrame:
    """Bootstrap stability of each cluster (Jaccard, as ``fpc::clusterboot``).

    Parameters
    ----------
    X : DataFrame or array
        Standardized features.
    k : int
        Number of clusters.
    method : {"kmeans", "gmm"} or callable
        How to re-cluster each bootstrap sample; a callable gets
        ``(X, k, random_state)`` and returns labels.
    labels : array-like, optional
        The clustering to assess (e.g. from :func:`fit_clusters`), 1..k or any
        codes; default: ``method`` fitted to the (sampled) data.
    n_boot : int
        Bootstrap resamples (clusterboot's default B is 100; 20-50 gives a
        usable reading).
    sample_size : int or None
        Assess on a random sample of this many customers (None: all).
    n_init : int
        Restarts per k-means fit.
    seed : int or Generator
        Randomness.

    Returns
    -------
    DataFrame
        Indexed by ``cluster``: ``size`` (in the assessed sample),
        ``mean_jaccard``, ``dissolved_share`` (resamples with Jaccard <= 0.5),
        ``recovered_share`` (resamples with Jaccard >= 0.75) and ``reading``.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> X = np.vstack([rng.normal(m, 0.3, size=(50, 2)) for m in (0, 5)])
    >>> st = cluster_stability(X, 2, n_boot=10, seed=0)
    >>> st["reading"].tolist()
    ['highly stable', 'highly stable']
    """
    arr = as_matrix(X)
    rng = rng_from(seed)
    idx = sample_rows(len(arr), sample_size, rng)
    data = arr[idx]
    if labels is None:
        original = relabel(fit_labels(data, k, method, int(rng.integers(MAX_SEED)), n_init * 2)[0])
    else:
        lab = np.asarray(labels)
        if len(lab) != len(arr):
            raise DataValidationError(f"labels has {len(lab)} entries for {len(arr)} customers.")
        original = lab[idx]
    cluster_ids, original_codes = np.unique(original, return_inverse=True)
    kk = len(cluster_ids)
    jac = np.full((n_boot, kk), np.nan)
    m = len(data)
    for b in range(n_boot):
        draw = rng.integers(0, m, size=m)
        new_labels, _ = fit_labels(data[draw], k, method, int(rng.integers(MAX_SEED)), n_init)
        points, first = np.unique(draw, return_index=True)
        jac[b] = _best_jaccard(original_codes[points], np.asarray(new_labels)[first], kk)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(jac, axis=0)
    out = pd.DataFrame(
        {
            "size": np.bincount(original_codes, minlength=kk),
            "mean_jaccard": mean,
            "dissolved_share": np.nanmean(jac <= 0.5, axis=0),
            "recovered_share": np.nanmean(jac >= 0.75, axis=0),
        },
        index=pd.Index(cluster_ids, name="cluster"),
    )
    out["reading"] = [stability_reading(j, language=language) for j in out["mean_jaccard"]]
    return out
