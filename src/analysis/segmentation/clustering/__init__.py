"""Clustering customers on behaviour: features, choice of k, stability, profiles and names.

Workflow (each step a plain function, one module per concern):

1. :func:`cluster_features` (:mod:`.features`) - behavioural features (default
   recency, frequency, monetary) on a log scale, standardized; attributes
   standardized or one-hot coded.
2. :func:`choose_k` (:mod:`.selection`) - k-means or a Gaussian mixture for every
   k in a range, with the silhouette, Calinski-Harabasz, Davies-Bouldin, BIC and
   gap statistic; returns a :class:`KSelection`.
3. :func:`fit_clusters` (:mod:`.fitting`) - the chosen model fitted (on a sample
   when the data are large) and *every* customer assigned; clusters are numbered
   1..k by size.
4. :func:`cluster_stability` (:mod:`.stability`) - bootstrap stability as in R's
   ``fpc::clusterboot`` (Hennig 2007), read with :func:`stability_reading`.
5. :func:`cluster_profiles` (:mod:`.profiles`) - size, feature means, standardized
   means, distinguishing features and an automatic short name
   (:class:`ClusterProfiles`); :func:`project_2d` for a map of the clusters.

Examples
--------
>>> import numpy as np
>>> from analysis.segmentation.clustering import choose_k, fit_clusters
>>> rng = np.random.default_rng(1)
>>> X = np.vstack([rng.normal(m, 0.3, size=(40, 2)) for m in (0, 4)])
>>> k = choose_k(X, range(2, 4), n_refs=0, seed=1).best_k
>>> fit_clusters(X, k).value_counts().tolist()
[40, 40]
"""

from analysis.segmentation.clustering.features import DEFAULT_FEATURES, cluster_features, project_2d
from analysis.segmentation.clustering.fitting import CLUSTER_METHODS, fit_clusters
from analysis.segmentation.clustering.profiles import ClusterProfiles, channel_agreement, cluster_profiles
from analysis.segmentation.clustering.selection import CRITERIA, KSelection, choose_k
from analysis.segmentation.clustering.stability import cluster_stability, stability_reading

__all__ = [
    "CLUSTER_METHODS",
    "CRITERIA",
    "DEFAULT_FEATURES",
    "KSelection",
    "ClusterProfiles",
    "cluster_features",
    "choose_k",
    "fit_clusters",
    "cluster_stability",
    "stability_reading",
    "cluster_profiles",
    "project_2d",
    "channel_agreement",
]
