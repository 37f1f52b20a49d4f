"""Cluster profiles: size, feature means beside the overall mean, standardized means,
distinguishing features and an automatic short name per cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.errors import DataValidationError
from analysis.messages import current_language, msg, remember_english
from analysis.results import ResultMixin

__all__ = ["ClusterProfiles", "cluster_profiles", "channel_agreement"]


@dataclass(frozen=True, repr=False)
class ClusterProfiles(ResultMixin):
    """Result of :func:`cluster_profiles`.

    ``table`` (one row per cluster: name, size, share, raw means, distinguishing
    features; also returned by :meth:`summary`), ``z_means`` (standardized
    feature means per cluster) and ``overall`` (raw means of all customers).
    """

    table: pd.DataFrame
    z_means: pd.DataFrame
    overall: pd.Series

    def summary(self) -> pd.DataFrame:
        """One row per cluster: ``name``, ``size``, ``share``, ``mean_<feature>``, ``distinguishing``."""
        return self.table


def _feature_word(feature: str, high: bool, language: str | None,
                  feature_labels: Callable[[str], str] | None = None) -> str | None:
    direction = "high" if high else "low"
    if "=" in feature:
        if not high:
            return None
        _, value = feature.split("=", 1)
        return msg("segmentation.feature.category", language=language, value=value)
    try:
        return msg(f"segmentation.feature.{feature}.{direction}", language=language)
    except KeyError:
        label = feature_labels(feature) if feature_labels is not None else feature
        return msg(f"segmentation.feature.{direction}", language=language, feature=label)


@validate_params({"table": ["frame"], "labels": [pd.Series], "X": ["frame"], "columns": ["array-like", None],
                  "threshold": [Interval(float, 0, None, closed="left")]})
def cluster_profiles(
    table: pd.DataFrame,
    labels: pd.Series,
    X: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    threshold: float = 0.5,
    feature_labels: Callable[[str], str] | None = None,
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
    feature_labels : callable, optional
        Display label of a feature column (e.g. ``study.label``) for the names of
        features the catalog has no word for ("high visits per month", not
        "high visits_per_month").

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"frequency": [1, 1, 9, 9], "monetary": [5.0, 6.0, 90.0, 80.0]})
    >>> X = (t - t.mean()) / t.std(ddof=0)
    >>> p = cluster_profiles(t, pd.Series([1, 1, 2, 2]), X)
    >>> p.summary()["name"].tolist()
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
    names = _cluster_names(z, threshold, language, feature_labels)
    if (language or current_language()) != "en":  # the tables both editions write name clusters in English
        remember_english(dict(zip(names, _cluster_names(z, threshold, "en", feature_labels))), language)
    distinguishing = ["; ".join(f"{feature} {'+' if value > 0 else '-'}{abs(value):.1f} sd"
                                for feature, value in _ranked(row, threshold)) for _, row in z.iterrows()]
    summary["name"] = names
    summary["distinguishing"] = distinguishing
    summary = summary[["name", "size", "share", *[f"mean_{c}" for c in cols], "distinguishing"]]
    return ClusterProfiles(summary, z, table[cols].mean())


def _ranked(row: pd.Series, threshold: float) -> list[tuple[str, float]]:
    """A cluster's features by |standardized mean|, those at least *threshold* from the overall mean."""
    ranked = row.reindex(row.abs().sort_values(ascending=False, kind="stable").index)
    return [(str(f), float(v)) for f, v in ranked.items() if abs(v) >= threshold]


def _cluster_names(z: pd.DataFrame, threshold: float, language: str | None,
                   feature_labels: Callable[[str], str] | None) -> list[str]:
    """Each cluster's name in *language*: the words of its (at most two) most distinguishing features."""
    names = []
    for _, row in z.iterrows():
        words = [w for w in (_feature_word(f, v > 0, language, feature_labels) for f, v in _ranked(row, threshold)) if w][:2]
        if not words:
            names.append(msg("segmentation.cluster.average", language=language))
        elif len(words) == 1:
            names.append(words[0][0].upper() + words[0][1:])
        else:
            first = words[0][0].upper() + words[0][1:]
            names.append(msg("segmentation.cluster.join", language=language, first=first, second=words[1]))
    counts = pd.Series(names).value_counts()
    return [msg("segmentation.cluster.numbered", language=language, name=nm, number=c) if counts[nm] > 1 else nm
            for nm, c in zip(names, z.index)]


@validate_params({"labels": [pd.Series], "customers": ["frame", None], "column": [str]})
def channel_agreement(labels: pd.Series, customers: pd.DataFrame | None, *, column: str = "acquisition_channel",
                      language: str | None = None) -> tuple[float, pd.DataFrame] | None:
    """Do the clusters mirror how customers were acquired?

    Parameters
    ----------
    labels : Series
        Cluster per customer, indexed by ``customer_id`` (:func:`fit_clusters`).
    customers : DataFrame or None
        Customers table with ``customer_id`` and ``column``.
    column : str
        The acquisition-channel column.

    Returns
    -------
    (float, DataFrame) or None
        The adjusted Rand index between clusters and channels (0 = chance, 1 =
        identical groupings) and each cluster's channel mix (rows sum to 1);
        ``None`` when there is no such column.

    Examples
    --------
    >>> import pandas as pd
    >>> labels = pd.Series([1, 1, 2, 2], index=pd.Index(list("abcd"), name="customer_id"), name="cluster")
    >>> cust = pd.DataFrame({"customer_id": list("abcd"), "acquisition_channel": ["web", "web", "shop", "shop"]})
    >>> ari, mix = channel_agreement(labels, cust)
    >>> round(ari, 6), mix.loc[1, "web"]
    (1.0, np.float64(1.0))
    """
    from sklearn.metrics import adjusted_rand_score

    if customers is None or column not in customers.columns:
        return None
    channel = customers.set_index("customer_id")[column].reindex(labels.index)
    ari = float(adjusted_rand_score(channel.astype(str), labels))
    mix = pd.crosstab(labels.rename("cluster"),
                      channel.rename(msg("segmentation.axis.acquisition_channel", language=language)),
                      normalize="index")
    return ari, mix
