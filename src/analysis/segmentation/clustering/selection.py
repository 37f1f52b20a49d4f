"""Choosing the number of clusters: silhouette, Calinski-Harabasz, Davies-Bouldin, BIC, gap.

:func:`choose_k` fits k-means or a Gaussian mixture for every k in a range and
computes the silhouette (higher better), Calinski-Harabasz (higher better),
Davies-Bouldin (lower better), the mixture's BIC (lower better) and the gap
statistic of Tibshirani, Walther and Hastie (2001; reference data uniform in the
box of the principal components, k-means within-cluster sum of squares, rule: the
smallest k >= 1 with ``gap(k) >= gap(k+1) - s(k+1)``). On large data the criteria are
computed on a random sample.

The gap rule may pick k = 1: the data are one continuous cloud with no cluster
structure, and any k-way partition is a cut of it, not a set of segments.
:meth:`KSelection.picks` lists the k each criterion picks, so a report can say
when they disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, Interval, Options, check_params, rng_from, validate_params
from analysis.errors import ParameterError
from analysis.results import ResultMixin
from analysis.segmentation.clustering.fitting import (
    MAX_SEED,
    METHOD,
    N_INIT,
    SAMPLE_SIZE,
    SEED,
    as_matrix,
    fit_labels,
    inertia,
    sample_rows,
)

__all__ = ["CRITERIA", "KSelection", "choose_k"]

CRITERIA = ("silhouette", "calinski_harabasz", "davies_bouldin", "bic", "gap")
_MAXIMISE = {"silhouette": True, "calinski_harabasz": True, "davies_bouldin": False, "bic": False}


@dataclass(frozen=True, repr=False)
class KSelection(ResultMixin):
    """Result of :func:`choose_k`: the criteria per k (``table``), the chosen k and why.

    Examples
    --------
    >>> import pandas as pd
    >>> s = KSelection(pd.DataFrame({"silhouette": [0.4, 0.6]}, index=pd.Index([2, 3], name="k")),
    ...                3, "silhouette", "kmeans")
    >>> s.summary().loc[3, "chosen"]
    np.True_
    """

    table: pd.DataFrame
    best_k: int
    criterion: str
    method: str
    gap_k: int | None = None

    def summary(self) -> pd.DataFrame:
        """The criteria per k with a ``chosen`` column marking ``best_k``."""
        return self.table.assign(chosen=self.table.index == self.best_k)

    def picks(self) -> pd.DataFrame:
        """The k each computed criterion picks (index ``criterion``; the gap rule may pick 1).

        Returns
        -------
        DataFrame
            ``k`` (int) and ``chosen`` (True for the criterion that chose ``best_k``), one
            row per criterion that could be computed.

        Examples
        --------
        >>> import pandas as pd
        >>> t = pd.DataFrame({"silhouette": [None, 0.4, 0.6], "davies_bouldin": [None, 0.8, 0.9]},
        ...                  index=pd.Index([1, 2, 3], name="k"))
        >>> KSelection(t, 3, "silhouette", "kmeans", gap_k=1).picks()["k"].to_dict()
        {'silhouette': 3, 'davies_bouldin': 2, 'gap': 1}
        """
        rows = {}
        for name, maximise in _MAXIMISE.items():
            if name in self.table and self.table[name].notna().any():
                column = self.table[name].dropna()
                rows[name] = int(column.idxmax() if maximise else column.idxmin())
        if self.gap_k is not None:
            rows["gap"] = int(self.gap_k)
        out = pd.DataFrame({"k": pd.Series(rows, dtype="int64")})
        out.index.name = "criterion"
        out["chosen"] = out.index == self.criterion
        return out


@validate_params({"k_range": [Iterable], "method": METHOD, "criterion": [Options(CRITERIA), None],
                  "sample_size": SAMPLE_SIZE, "silhouette_sample": [Interval(int, 2, None, closed="left")],
                  "n_refs": [Interval(int, 0, None, closed="left")], "n_init": N_INIT, "seed": SEED})
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
    seed: int | np.random.Generator = DEFAULT_SEED,
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
        ``bic``, ``log_w``, ``gap``, ``gap_se``; ``best_k``; ``criterion``; ``gap_k``,
        the k of the gap rule over k = 1 and the candidates (1: no cluster structure;
        None when ``n_refs`` is 0). With ``criterion="gap"`` and ``gap_k`` 1,
        ``best_k`` is the smallest candidate, a cut of one cloud.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> X = np.vstack([rng.normal(m, 0.3, size=(60, 2)) for m in (0, 4, 8)])
    >>> choose_k(X, range(2, 6), n_refs=3, seed=1).best_k
    3
    """
    from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score

    candidates = list(k_range)
    for k in candidates:
        check_params({"k": [Interval(int, 2, None, closed="left")]}, {"k": k}, "choose_k")
    ks = sorted({int(k) for k in candidates})
    if not ks:
        raise ParameterError("k_range is empty; give candidates such as range(2, 9).")
    if criterion is None:
        criterion = "silhouette" if method == "kmeans" else "bic"
    if criterion == "bic" and method != "gmm":
        raise ParameterError("criterion 'bic' needs method='gmm' (k-means has no likelihood).")
    if criterion == "gap" and n_refs < 2:
        raise ParameterError("criterion 'gap' needs n_refs >= 2 reference data sets.")
    arr = as_matrix(X)
    rng = rng_from(seed)
    data = arr[sample_rows(len(arr), sample_size, rng)]
    if len(data) <= max(ks):
        raise ParameterError(
            f"Only {len(data)} customers to cluster; k up to {max(ks)} needs more customers than clusters."
        )
    sil_idx = sample_rows(len(data), silhouette_sample, rng)
    rows = []
    for k in ks:
        rs = int(rng.integers(MAX_SEED))
        labels, model = fit_labels(data, k, method, rs, n_init)
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
    gap_k = _gap_rule(table) if n_refs > 0 else None
    if criterion == "gap":
        best = max(gap_k, ks[0])  # k = 1 cannot be fitted: the smallest candidate, flagged by gap_k
    else:
        scores = table.loc[ks, criterion]
        if scores.isna().all():
            raise ParameterError(f"The {criterion} could not be computed for any k; try another criterion.")
        best = int(scores.idxmax() if _MAXIMISE[criterion] else scores.idxmin())
    return KSelection(table, best, criterion, method, gap_k)


def _gap(data: np.ndarray, ks: list[int], n_refs: int, *, n_init: int, rng) -> pd.DataFrame:
    centre = data.mean(axis=0)
    _, _, vt = np.linalg.svd(data - centre, full_matrices=False)
    rotated = (data - centre) @ vt.T
    low, high = rotated.min(axis=0), rotated.max(axis=0)
    log_w = np.array([np.log(inertia(data, k, int(rng.integers(MAX_SEED)), n_init)) for k in ks])
    ref = np.empty((n_refs, len(ks)))
    for b in range(n_refs):
        z = rng.uniform(low, high, size=rotated.shape) @ vt + centre
        ref[b] = [np.log(inertia(z, k, int(rng.integers(MAX_SEED)), n_init)) for k in ks]
    gap = ref.mean(axis=0) - log_w
    se = ref.std(axis=0) * np.sqrt(1 + 1 / n_refs)
    return pd.DataFrame({"log_w": log_w, "gap": gap, "gap_se": se}, index=pd.Index(ks, name="k"))


def _gap_rule(table: pd.DataFrame) -> int:
    """Tibshirani et al. (2001): smallest k >= 1 with gap(k) >= gap(k+1) - se(k+1) (1: no structure)."""
    ks = list(table.index)
    for k, nxt in zip(ks, ks[1:]):
        if table.loc[k, "gap"] >= table.loc[nxt, "gap"] - table.loc[nxt, "gap_se"]:
            return int(k)
    return int(ks[-1])
