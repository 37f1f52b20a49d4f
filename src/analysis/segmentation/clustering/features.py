"""Clustering features: behavioural columns on a log scale, standardized, plus coded attributes.

Recency, frequency and monetary value are skewed, so they are ``log1p``-transformed
and each standardized to mean 0 and standard deviation 1; optional numeric
attributes are standardized as they are, and categorical attributes are one-hot
coded with the dummies of one attribute scaled so that together they carry the
variance of one standardized feature (the one-hot alternative to k-prototypes:
each attribute then weighs like one numeric feature).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.checks import validate_params
from analysis.errors import AnalysisWarning, DataValidationError
from analysis.segmentation.clustering.fitting import as_matrix

__all__ = ["DEFAULT_FEATURES", "cluster_features", "project_2d"]

DEFAULT_FEATURES = ("recency_days", "frequency", "monetary")


@validate_params({"table": ["frame"], "columns": ["array-like"], "attributes": ["frame", None],
                  "categorical": ["array-like"], "log": [bool]})
def cluster_features(
    table: pd.DataFrame,
    columns: Sequence[str] = DEFAULT_FEATURES,
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



def project_2d(X) -> pd.DataFrame:
    """First two principal components of the features (signs fixed for repeatability).

    Examples
    --------
    >>> import numpy as np
    >>> p = project_2d(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.1]]))
    >>> list(p.columns)
    ['pc1', 'pc2']
    """
    arr = as_matrix(X)
    centred = arr - arr.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    vt = vt[:2]
    signs = np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])
    scores = centred @ (vt * signs[:, None]).T
    if scores.shape[1] == 1:
        scores = np.column_stack([scores, np.zeros(len(scores))])
    index = X.index if isinstance(X, pd.DataFrame) else pd.RangeIndex(len(arr))
    return pd.DataFrame(scores, columns=["pc1", "pc2"], index=index)
