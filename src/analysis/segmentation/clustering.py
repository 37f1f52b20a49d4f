"""Clustering customers on behaviour: features, choice of k, stability, profiles and names.

Workflow (each step a plain function):

1. :func:`cluster_features` - behavioural features (default recency, frequency,
   monetary) on a log scale (``log1p``, since all three are skewed), each
   standardized to mean 0 and standard deviation 1; optional numeric attributes
   are standardized as they are, and categorical attributes are one-hot coded
   with the dummies of one attribute scaled so that together they carry the
   variance of one standardized feature (the one-hot alternative to
   k-prototypes: each attribute then weighs like one numeric feature).
2. :func:`choose_k` - k-means or a Gaussian mixture for every k in a range, with
   the silhouette (higher better), Calinski-Harabasz (higher better),
   Davies-Bouldin (lower better), the mixture's BIC (lower better) and the gap
   statistic of Tibshirani, Walther and Hastie (2001; reference data uniform in
   the box of the principal components, k-means within-cluster sum of squares,
   rule: the smallest k with ``gap(k) >= gap(k+1) - s(k+1)``). On large data the
   criteria are computed on a random sample.
3. :func:`fit_clusters` - the chosen model fitted (on a sample when the data are
   large) and *every* customer assigned; clusters are numbered 1..k by size.
4. :func:`cluster_stability` - bootstrap stability as in R's ``fpc::clusterboot``
   (Hennig 2007): the data are resampled with replacement, re-clustered, and
   each original cluster is matched with its most similar bootstrap cluster by
   the Jaccard coefficient on the points present in both. Reading of the mean
   Jaccard (clusterboot's documentation): below 0.5 the cluster *dissolved*;
   below 0.6 it should not be trusted; 0.6-0.75 it points at a pattern but its
   membership is doubtful; 0.75 or more stable; 0.85 or more highly stable.
5. :func:`cluster_profiles` - size, feature means beside the overall mean,
   standardized means, distinguishing features and an automatic short name.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits

from analysis.errors import AnalysisWarning, DataValidationError, ParameterError
from analysis.messages import msg
from analysis.segmentation._common import check_int, rng_from

__all__ = [
    "CLUSTER_METHODS",
    "CRITERIA",
    "KSelection",
    "ClusterProfiles",
    "cluster_features",
    "choose_k",
    "fit_clusters",
    "cluster_stability",
    "stability_reading",
    "cluster_profiles",
    "project_2d",
]

CLUSTER_METHODS = ("kmeans", "gmm")
CRITERIA = ("silhouette", "calinski_harabasz", "davies_bouldin", "bic", "gap")
_MAXIMISE = {"silhouette": True, "calinski_harabasz": True, "davies_bouldin": False, "bic": False}
_DEFAULT_FEATURES = ("recency_days", "frequency", "monetary")
_MAX_SEED = 2**31 - 1


def cluster_features(
    table: pd.DataFrame,
    columns: Sequence[str] = _DEFAULT_FEATURES,
    *,
    attributes: pd.DataFrame | None = None,
    categorical: Sequence[str] = (),
    log: bool = True,
) -> pd.DataFrame:
    """Standardized clustering features, one row per customer.

    Parameters
    ----------
    table : DataFrame
        Per-customer table (e.g. :func:`analysis.segmentation.rfm`), indexed by
        ``customer_id``.
    columns : sequence of str
        Behavioural columns of ``table`` to use; ``log1p``-transformed when
        ``log`` (values must then be >= 0).
    attributes : DataFrame, optional
        Extra customer attributes, indexed by ``customer_id`` or with a
        ``customer_id`` column; numeric ones are standardized, those named in
        ``categorical`` (or of text dtype) are one-hot coded.
    categorical : sequence of str
        Attribute columns to treat as categories.
    log : bool
        Log-transform the behavioural columns.

    Returns
    -------
    DataFrame
        Same index as ``table``; each numeric column has mean 0 and standard
        deviation 1 (population), one-hot columns are named ``attribute=value``.
        Constant columns are dropped with an AnalysisWarning.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"frequency": [1, 3, 7], "monetary": [10.0, 50.0, 400.0]})
    >>> X = cluster_features(t, ["frequency", "monetary"])
    >>> X.mean().abs().max() < 1e-12, X.std(ddof=0).round(6).tolist()
    (np.True_, [1.0, 1.0])
    """
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataValidationError(f"table lacks feature column(s) {missing}; it has {list(table.columns)}.")
    parts: dict[str, np.ndarray] = {}
    for c in columns:
        v = table[c].to_numpy(dtype=np.float64)
        if np.isnan(v).any():
            raise DataValidationError(f"Feature {c!r} has {int(np.isnan(v).sum())} missing value(s).")
        if log:
            if (v < 0).any():
                raise DataValidationError(
                    f"Feature {c!r} has {int((v < 0).sum())} negative value(s); log1p needs values >= 0. "
                    "Pass log=False or shift the feature."
                )
            v = np.log1p(v)
        parts[c] = v
    if attributes is not None:
        attrs = attributes.set_index("customer_id") if "customer_id" in attributes.columns else attributes
        attrs = attrs.copy()
        attrs.index = attrs.index.astype("string")
        attrs = attrs.reindex(table.index.astype("string"))
        for c in attrs.columns:
            s = attrs[c]
            if s.isna().any():
                raise DataValidationError(
                    f"Attribute {c!r} is missing for {int(s.isna().sum())} customer(s); fill it "
                    "(e.g. with 'unknown') or leave the attribute out."
                )
            if c in categorical or not pd.api.types.is_numeric_dtype(s):
                dummies = pd.get_dummies(s.astype(str), prefix=c, prefix_sep="=", dtype=float)
                centred = dummies - dummies.mean()
                total_var = float((centred**2).mean().sum())
                if total_var == 0:
                    continue
                for d in dummies.columns:
                    parts[d] = (centred[d] / np.sqrt(total_var)).to_numpy()
            else:
                parts[c] = s.to_numpy(dtype=np.float64)
    out = {}
    for name, v in parts.items():
        if "=" in name:
            out[name] = v
            continue
        sd = v.std()
        if sd == 0:
            warnings.warn(f"Feature {name!r} is constant and is left out of the clustering.",
                          AnalysisWarning, stacklevel=2)
            continue
        out[name] = (v - v.mean()) / sd
    if not out:
        raise DataValidationError("No feature varies across customers; there is nothing to cluster.")
    return pd.DataFrame(out, index=table.index)


def _matrix(X) -> np.ndarray:
    arr = np.asarray(X, dtype=np.float64)
    if arr.ndim != 2 or len(arr) == 0:
        raise DataValidationError("Features must be a non-empty 2-D table (customers x features).")
    if not np.isfinite(arr).all():
        raise DataValidationError("Features contain missing or infinite values; use cluster_features().")
    return arr


def _fit(X: np.ndarray, k: int, method, random_state: int, n_init: int):
    """(labels, model) for one fit; method is a name or a callable(X, k, random_state).

    Fits run single-threaded: on the sample sizes used here thread start-up costs
    more than it saves (about 40x on a loaded 2-core machine), and one thread keeps
    results identical whatever the machine.
    """
    with threadpool_limits(limits=1):
        return _fit_unlimited(X, k, method, random_state, n_init)


def _fit_unlimited(X: np.ndarray, k: int, method, random_state: int, n_init: int):
    if callable(method):
        return np.asarray(method(X, k, random_state)), None
    if method == "kmeans":
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X)
        return model.labels_, model
    model = GaussianMixture(n_components=k, covariance_type="full", n_init=max(1, n_init // 3),
                            random_state=random_state, reg_covar=1e-5).fit(X)
    return model.predict(X), model


def _check_method(method) -> None:
    if not callable(method) and method not in CLUSTER_METHODS:
        raise ParameterError(f"method must be one of {CLUSTER_METHODS} (or a callable); got {method!r}.")


def _sample(n: int, size: int | None, rng: np.random.Generator) -> np.ndarray:
    if size is None or n <= size:
        return np.arange(n)
    return np.sort(rng.choice(n, size=size, replace=False))


def _inertia(X: np.ndarray, k: int, random_state: int, n_init: int) -> float:
    with threadpool_limits(limits=1):
        return float(KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(X).inertia_)


@dataclass(frozen=True)
class KSelection:
    """Result of :func:`choose_k`: the criteria per k, the chosen k and why."""

    table: pd.DataFrame
    best_k: int
    criterion: str
    method: str


def choose_k(
    X,
    k_range: Iterable[int] = range(2, 9),
    *,
    method: str = "kmeans",
    criterion: str | None = None,
    sample_size: int | None = 5000,
    silhouette_sample: int = 2000,
    n_refs: int = 10,
    n_init: int = 10,
    seed=0,
) -> KSelection:
    """Fit every k in ``k_range`` and compute the selection criteria.

    Parameters
    ----------
    X : DataFrame or array
        Standardized features (:func:`cluster_features`).
    k_range : iterable of int
        Candidate numbers of clusters (each >= 2).
    method : {"kmeans", "gmm"}
        Clustering model.
    criterion : str, optional
        One of ``silhouette``, ``calinski_harabasz``, ``davies_bouldin``, ``bic``
        (gmm only) or ``gap``; default ``silhouette`` for k-means, ``bic`` for
        the mixture.
    sample_size : int or None
        Fit the candidates on a random sample of this many customers (None: all).
    silhouette_sample : int
        Customers used for the silhouette (it costs n^2).
    n_refs : int
        Reference data sets for the gap statistic (0 skips it).
    n_init : int
        Restarts per k-means fit.
    seed : int or Generator
        Randomness (sampling, starts, reference data).

    Returns
    -------
    KSelection
        ``table`` indexed by ``k`` (plus a ``k = 1`` row holding only the gap
        statistic) with ``silhouette``, ``calinski_harabasz``, ``davies_bouldin``,
        ``bic``, ``log_w``, ``gap``, ``gap_se``; ``best_k``; ``criterion``.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> X = np.vstack([rng.normal(m, 0.3, size=(60, 2)) for m in (0, 4, 8)])
    >>> choose_k(X, range(2, 6), n_refs=3, seed=1).best_k
    3
    """
    _check_method(method)
    if callable(method):
        raise ParameterError("choose_k needs method 'kmeans' or 'gmm'.")
    ks = sorted({check_int(k, "k", 2) for k in k_range})
    if not ks:
        raise ParameterError("k_range is empty; give candidates such as range(2, 9).")
    if criterion is None:
        criterion = "silhouette" if method == "kmeans" else "bic"
    if criterion not in CRITERIA:
        raise ParameterError(f"criterion must be one of {CRITERIA}; got {criterion!r}.")
    if criterion == "bic" and method != "gmm":
        raise ParameterError("criterion 'bic' needs method='gmm' (k-means has no likelihood).")
    if criterion == "gap" and n_refs < 2:
        raise ParameterError("criterion 'gap' needs n_refs >= 2 reference data sets.")
    arr = _matrix(X)
    rng = rng_from(seed)
    data = arr[_sample(len(arr), sample_size, rng)]
    if len(data) <= max(ks):
        raise ParameterError(
            f"Only {len(data)} customers to cluster; k up to {max(ks)} needs more customers than clusters."
        )
    sil_idx = _sample(len(data), silhouette_sample, rng)
    rows = []
    for k in ks:
        rs = int(rng.integers(_MAX_SEED))
        labels, model = _fit(data, k, method, rs, n_init)
        n_found = len(np.unique(labels))
        row = {"k": k, "silhouette": np.nan, "calinski_harabasz": np.nan, "davies_bouldin": np.nan,
               "bic": float(model.bic(data)) if method == "gmm" else np.nan}
        if n_found > 1:
            row["calinski_harabasz"] = float(calinski_harabasz_score(data, labels))
            row["davies_bouldin"] = float(davies_bouldin_score(data, labels))
            if len(np.unique(labels[sil_idx])) > 1:
                row["silhouette"] = float(silhouette_score(data[sil_idx], labels[sil_idx]))
        rows.append(row)
    table = pd.DataFrame(rows).set_index("k")
    gap_ks = [1, *ks]
    if n_refs > 0:
        gap = _gap(data, gap_ks, n_refs, n_init=max(1, n_init // 3), rng=rng)
        table = table.reindex(gap_ks)
        table[["log_w", "gap", "gap_se"]] = gap.loc[gap_ks]
    else:
        table["log_w"] = table["gap"] = table["gap_se"] = np.nan
    if criterion == "gap":
        best = _gap_rule(table)
    else:
        scores = table.loc[ks, criterion]
        if scores.isna().all():
            raise ParameterError(f"The {criterion} could not be computed for any k; try another criterion.")
        best = int(scores.idxmax() if _MAXIMISE[criterion] else scores.idxmin())
    return KSelection(table, best, criterion, method)


def _gap(data: np.ndarray, ks: list[int], n_refs: int, *, n_init: int, rng) -> pd.DataFrame:
    centre = data.mean(axis=0)
    _, _, vt = np.linalg.svd(data - centre, full_matrices=False)
    rotated = (data - centre) @ vt.T
    low, high = rotated.min(axis=0), rotated.max(axis=0)
    log_w = np.array([np.log(_inertia(data, k, int(rng.integers(_MAX_SEED)), n_init)) for k in ks])
    ref = np.empty((n_refs, len(ks)))
    for b in range(n_refs):
        z = rng.uniform(low, high, size=rotated.shape) @ vt + centre
        ref[b] = [np.log(_inertia(z, k, int(rng.integers(_MAX_SEED)), n_init)) for k in ks]
    gap = ref.mean(axis=0) - log_w
    se = ref.std(axis=0) * np.sqrt(1 + 1 / n_refs)
    return pd.DataFrame({"log_w": log_w, "gap": gap, "gap_se": se}, index=pd.Index(ks, name="k"))


def _gap_rule(table: pd.DataFrame) -> int:
    """Tibshirani et al. (2001): smallest k with gap(k) >= gap(k+1) - se(k+1)."""
    ks = [k for k in table.index if k >= 2]
    for k, nxt in zip(ks, ks[1:]):
        if table.loc[k, "gap"] >= table.loc[nxt, "gap"] - table.loc[nxt, "gap_se"]:
            return int(k)
    return int(ks[-1])


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Clusters numbered 1..k by size (largest first), ties by first appearance."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    mapping = {values[o]: i + 1 for i, o in enumerate(order)}
    return np.array([mapping[v] for v in values])[np.searchsorted(values, labels)]


def fit_clusters(
    X,
    k: int,
    *,
    method: str = "kmeans",
    sample_size: int | None = 20000,
    n_init: int = 10,
    seed=0,
) -> pd.Series:
    """Fit the clustering and assign every customer to a cluster 1..k (1 = largest).

    Parameters
    ----------
    X : DataFrame or array
        Standardized features.
    k : int
        Number of clusters.
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
    _check_method(method)
    if callable(method):
        raise ParameterError("fit_clusters needs method 'kmeans' or 'gmm'.")
    arr = _matrix(X)
    k = check_int(k, "k", 1, len(arr))
    rng = rng_from(seed)
    idx = _sample(len(arr), sample_size, rng)
    labels, model = _fit(arr[idx], k, method, int(rng.integers(_MAX_SEED)), n_init)
    if len(idx) < len(arr):
        with threadpool_limits(limits=1):
            labels = model.predict(arr)
    index = X.index if isinstance(X, pd.DataFrame) else pd.RangeIndex(len(arr))
    return pd.Series(_relabel(np.asarray(labels)), index=index, name="cluster", dtype="int64")


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


def cluster_stability(
    X,
    k: int,
    *,
    method: str | Callable = "kmeans",
    labels=None,
    n_boot: int = 50,
    sample_size: int | None = 2000,
    n_init: int = 5,
    seed=0,
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
    _check_method(method)
    arr = _matrix(X)
    k = check_int(k, "k", 1)
    n_boot = check_int(n_boot, "n_boot", 2)
    rng = rng_from(seed)
    idx = _sample(len(arr), sample_size, rng)
    data = arr[idx]
    if labels is None:
        original = _relabel(_fit(data, k, method, int(rng.integers(_MAX_SEED)), n_init * 2)[0])
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
        new_labels, _ = _fit(data[draw], k, method, int(rng.integers(_MAX_SEED)), n_init)
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


@dataclass(frozen=True)
class ClusterProfiles:
    """Cluster profiles: ``summary`` (size, share, name, raw means, distinguishing features),
    ``z_means`` (standardized feature means per cluster) and ``overall`` (raw means of all)."""

    summary: pd.DataFrame
    z_means: pd.DataFrame
    overall: pd.Series


def _feature_word(feature: str, high: bool, language: str | None) -> str | None:
    direction = "high" if high else "low"
    if "=" in feature:
        if not high:
            return None
        _, value = feature.split("=", 1)
        return msg("segmentation.feature.category", language=language, value=value)
    try:
        return msg(f"segmentation.feature.{feature}.{direction}", language=language)
    except KeyError:
        return msg(f"segmentation.feature.{direction}", language=language, feature=feature)


def cluster_profiles(
    table: pd.DataFrame,
    labels: pd.Series,
    X: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    threshold: float = 0.5,
    language: str | None = None,
) -> ClusterProfiles:
    """Profile each cluster and give it a short name from its distinguishing features.

    A feature distinguishes a cluster when the cluster's standardized mean is at
    least ``threshold`` (in standard deviations) from the overall mean; the name
    joins the words of the (at most two) most distinguishing features, e.g.
    "recent, frequent"; a cluster with none is "Average customers". Repeated
    names get the cluster number.

    Parameters
    ----------
    table : DataFrame
        Per-customer raw values (e.g. the RFM table).
    labels : Series
        Cluster per customer (same index).
    X : DataFrame
        Standardized features used for the clustering (same index).
    columns : sequence of str, optional
        Raw columns to average (default: those of ``X`` found in ``table``).
    threshold : float
        Minimum |standardized mean| for a distinguishing feature.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"frequency": [1, 1, 9, 9], "monetary": [5.0, 6.0, 90.0, 80.0]})
    >>> X = (t - t.mean()) / t.std(ddof=0)
    >>> p = cluster_profiles(t, pd.Series([1, 1, 2, 2]), X)
    >>> p.summary["name"].tolist()
    ['Infrequent, low spend', 'Frequent, high spend']
    """
    if not (labels.index.equals(table.index) and X.index.equals(table.index)):
        raise DataValidationError("table, labels and X must share the same customer index.")
    cols = list(columns) if columns is not None else [c for c in X.columns if c in table.columns]
    z = X.groupby(labels.to_numpy()).mean()
    z.index.name = "cluster"
    sizes = labels.value_counts().sort_index()
    summary = pd.DataFrame({"size": sizes, "share": sizes / len(labels)})
    summary.index.name = "cluster"
    raw = table[cols].groupby(labels.to_numpy()).mean()
    for c in cols:
        summary[f"mean_{c}"] = raw[c]
    names, distinguishing = [], []
    for cluster, row in z.iterrows():
        ranked = row.reindex(row.abs().sort_values(ascending=False, kind="stable").index)
        words, feats = [], []
        for feature, value in ranked.items():
            if abs(value) < threshold:
                break
            feats.append(f"{feature} {'+' if value > 0 else '-'}{abs(value):.1f} sd")
            word = _feature_word(str(feature), value > 0, language)
            if word and len(words) < 2:
                words.append(word)
        distinguishing.append("; ".join(feats))
        if not words:
            names.append(msg("segmentation.cluster.average", language=language))
        elif len(words) == 1:
            names.append(words[0][0].upper() + words[0][1:])
        else:
            first = words[0][0].upper() + words[0][1:]
            names.append(msg("segmentation.cluster.join", language=language, first=first, second=words[1]))
    counts = pd.Series(names).value_counts()
    names = [msg("segmentation.cluster.numbered", language=language, name=nm, number=c) if counts[nm] > 1 else nm
             for nm, c in zip(names, z.index)]
    summary["name"] = names
    summary["distinguishing"] = distinguishing
    summary = summary[["name", "size", "share", *[f"mean_{c}" for c in cols], "distinguishing"]]
    return ClusterProfiles(summary, z, table[cols].mean())


def project_2d(X) -> pd.DataFrame:
    """First two principal components of the features (signs fixed for repeatability).

    Examples
    --------
    >>> import numpy as np
    >>> p = project_2d(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.1]]))
    >>> list(p.columns)
    ['pc1', 'pc2']
    """
    arr = _matrix(X)
    centred = arr - arr.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    vt = vt[:2]
    signs = np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])
    scores = centred @ (vt * signs[:, None]).T
    if scores.shape[1] == 1:
        scores = np.column_stack([scores, np.zeros(len(scores))])
    index = X.index if isinstance(X, pd.DataFrame) else pd.RangeIndex(len(arr))
    return pd.DataFrame(scores, columns=["pc1", "pc2"], index=index)
