"""Fitting a clustering and assigning every customer: the models shared by the other steps.

k-means and Gaussian mixtures (or any callable ``(X, k, random_state) -> labels``)
fitted single-threaded so results repeat on any machine; clusters numbered 1..k
by size, largest first.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from analysis.checks import DEFAULT_SEED, Interval, Options, check_params, rng_from, validate_params
from analysis.errors import DataValidationError

__all__ = ["CLUSTER_METHODS", "fit_clusters"]

CLUSTER_METHODS = ("kmeans", "gmm")
#: largest random_state handed to scikit-learn
MAX_SEED = 2**31 - 1
#: parameter constraints shared by the clustering functions
METHOD = [Options(CLUSTER_METHODS)]
ANY_METHOD = [Options(CLUSTER_METHODS), Callable]
SAMPLE_SIZE = [Interval(int, 1, None, closed="left"), None]
N_INIT = [Interval(int, 1, None, closed="left")]
SEED = ["seed"]


def as_matrix(X) -> np.ndarray:
    """The features as a finite, non-empty 2-D float array (DataValidationError otherwise)."""
    arr = np.asarray(X, dtype=np.float64)
    if arr.ndim != 2 or len(arr) == 0:
        raise DataValidationError("Features must be a non-empty 2-D table (customers x features).")
    if not np.isfinite(arr).all():
        raise DataValidationError("Features contain missing or infinite values; use cluster_features().")
    return arr


def fit_labels(X: np.ndarray, k: int, method, random_state: int, n_init: int):
    """(labels, model) for one fit; method is a name or a callable(X, k, random_state).

    Fits run single-threaded: on the sample sizes used here thread start-up costs
    more than it saves (about 40x on a loaded 2-core machine), and one thread keeps
    results identical whatever the machine.
    """
    from sklearn.cluster import KMeans  # scikit-learn loads only where clusters are fitted
    from sklearn.mixture import GaussianMixture

    with threadpool_limits(limits=1):
        if callable(method):
            return np.asarray(method(X, k, random_state)), None
        if method == "kmeans":
            model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X)
            return model.labels_, model
        model = GaussianMixture(n_components=k, covariance_type="full", n_init=max(1, n_init // 3),
                                random_state=random_state, reg_covar=1e-5).fit(X)
        return model.predict(X), model


def inertia(X: np.ndarray, k: int, random_state: int, n_init: int) -> float:
    """k-means within-cluster sum of squares (single-threaded)."""
    from sklearn.cluster import KMeans

    with threadpool_limits(limits=1):
        return float(KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X).inertia_)


def sample_rows(n: int, size: int | None, rng: np.random.Generator) -> np.ndarray:
    """Sorted positions of a random sample of ``size`` of ``n`` rows (all when ``size`` is None or >= n)."""
    if size is None or n <= size:
        return np.arange(n)
    return np.sort(rng.choice(n, size=size, replace=False))


def relabel(labels: np.ndarray) -> np.ndarray:
    """Clusters numbered 1..k by size (largest first), ties by first appearance."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    mapping = {values[o]: i + 1 for i, o in enumerate(order)}
    return np.array([mapping[v] for v in values])[np.searchsorted(values, labels)]


@validate_params({"k": [Interval(int, 1, None, closed="left")], "method": METHOD,
                  "sample_size": SAMPLE_SIZE, "n_init": N_INIT, "seed": SEED})
def fit_clusters(
    X,
    k: int,
    *,
    method: str = "kmeans",
    sample_size: int | None = 20000,
    n_init: int = 10,
    seed: int | np.random.Generator = DEFAULT_SEED,
) -> pd.Series:
    """Fit the clustering and assign every customer to a cluster 1..k (1 = largest).

    Parameters
    ----------
    X : DataFrame or array
        Standardized features.
    k : int
        Number of clusters (at most the number of customers).
    method : {"kmeans", "gmm"}
        Model; the mixture assigns each customer to its most probable component.
    sample_size : int or None
        Fit on a random sample of this many customers, then assign all.
    n_init : int
        Restarts.
    seed : int or Generator
        Randomness; same data and seed give the same labels.

    Returns
    -------
    Series
        ``cluster`` (int64, 1..k), indexed like ``X``.

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([[0.0], [0.1], [0.2], [5.0], [5.1]])
    >>> fit_clusters(X, 2).tolist()
    [1, 1, 1, 2, 2]
    """
    arr = as_matrix(X)
    check_params({"k": [Interval(int, 1, len(arr))]}, {"k": k}, "fit_clusters")
    rng = rng_from(seed)
    idx = sample_rows(len(arr), sample_size, rng)
    labels, model = fit_labels(arr[idx], k, method, int(rng.integers(MAX_SEED)), n_init)
    if len(idx) < len(arr):
        with threadpool_limits(limits=1):
            labels = model.predict(arr)
    index = X.index if isinstance(X, pd.DataFrame) else pd.RangeIndex(len(arr))
    return pd.Series(relabel(np.asarray(labels)), index=index, name="cluster", dtype="int64")
