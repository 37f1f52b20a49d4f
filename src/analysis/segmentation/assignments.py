"""One row per customer with every grouping of notebook 01, ready for a CRM import."""

from __future__ import annotations

import pandas as pd

from analysis.checks import validate_params
from analysis.segmentation.clustering import ClusterProfiles
from analysis.segmentation.one_to_one import ONE_TO_ONE_CLASSES, OneToOne

__all__ = ["ASSIGNMENT_COLUMNS", "customer_assignments"]

#: the RFM columns carried into the assignments table
ASSIGNMENT_COLUMNS = ("recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment")


@validate_params({"table": ["frame"], "tiers": ["frame"], "stages": ["frame"], "labels": [pd.Series],
                  "profiles": [ClusterProfiles], "oto": [OneToOne]})
def customer_assignments(table: pd.DataFrame, tiers: pd.DataFrame, stages: pd.DataFrame, labels: pd.Series,
                         profiles: ClusterProfiles, oto: OneToOne) -> pd.DataFrame:
    """Every grouping of each customer in one table.

    Parameters
    ----------
    table : DataFrame
        :func:`~analysis.segmentation.rfm` output.
    tiers : DataFrame
        :func:`~analysis.segmentation.value_tiers` output (``tier``).
    stages : DataFrame
        :func:`~analysis.segmentation.lifecycle_stages` output (``stage``).
    labels : Series
        ``cluster`` per customer (:func:`~analysis.segmentation.fit_clusters`).
    profiles : ClusterProfiles
        Cluster names (:func:`~analysis.segmentation.cluster_profiles`).
    oto : OneToOne
        One-to-one classes (:func:`~analysis.segmentation.one_to_one_classes`).

    Returns
    -------
    DataFrame
        Indexed like ``table``: the RFM values, scores and segment (without
        ``monetary`` and ``m_score`` when the data hold no money), ``tier``,
        ``stage``, ``cluster``, ``cluster_name``, ``most_valuable``,
        ``most_growable``, ``below_zero``.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import (cluster_features, cluster_profiles, fit_clusters,
    ...     lifecycle_stages, one_to_one_classes, rfm, value_tiers)
    >>> tx = pd.DataFrame({"customer_id": list("aabcdd"), "amount": [5.0, 9.0, 2.0, 40.0, 1.0, 3.0],
    ...                    "date": pd.to_datetime(["2024-01-02", "2024-03-01", "2024-02-10", "2024-03-20",
    ...                                            "2024-01-05", "2024-01-25"])})
    >>> t = rfm(tx, "2024-03-31", bins=2)
    >>> X = cluster_features(t)
    >>> labels = fit_clusters(X, 2)
    >>> a = customer_assignments(t, value_tiers(t["monetary"]), lifecycle_stages(t), labels,
    ...                          cluster_profiles(t, labels, X), one_to_one_classes(t))
    >>> a.columns[-6:].tolist()
    ['stage', 'cluster', 'cluster_name', 'most_valuable', 'most_growable', 'below_zero']
    """
    out = table[[c for c in ASSIGNMENT_COLUMNS if c in table.columns]].join(tiers["tier"]).join(stages["stage"]).join(labels)
    out["cluster_name"] = out["cluster"].map(profiles.summary()["name"])
    return out.join(oto.table[list(ONE_TO_ONE_CLASSES)])
