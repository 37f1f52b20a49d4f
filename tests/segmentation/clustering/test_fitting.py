"""Fitting: planted clusters recovered, overlap recovered less well, repeatable labels, input errors.

References: simulated Gaussian mixtures with known membership (well separated:
centres 8 sd apart; overlapping: 2 sd apart), a structureless Gaussian blob, a
random labeller whose expected best-match Jaccard is known (two random halves of
m points share m/4 of m*3/4: J = 1/3), and Jaccard coefficients computed with
Python sets. Sizes are small so each file runs in a few seconds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.errors import ParameterError
from analysis.segmentation import cluster_stability, fit_clusters


def test_overlapping_clusters_are_recovered_less_well(mixture):
    X_far, truth = mixture(8.0, seed=4)
    X_near, _ = mixture(2.0, seed=4)
    far = adjusted_rand_score(truth, fit_clusters(X_far, 3, seed=4))
    near = adjusted_rand_score(truth, fit_clusters(X_near, 3, seed=4))
    # with centres 2 sd apart about a third of points lie nearer another centre
    assert near < 0.6 < 0.99 < far


def test_same_seed_same_labels_and_every_customer_assigned_when_sampling(mixture):
    X, _ = mixture(3.0, n=400, seed=8)
    a = fit_clusters(X, 3, method="gmm", sample_size=300, seed=9)
    b = fit_clusters(X, 3, method="gmm", sample_size=300, seed=9)
    assert a.equals(b) and len(a) == len(X)
    assert sorted(a.unique()) == [1, 2, 3]
    assert a.value_counts().is_monotonic_decreasing  # numbered by size
    s1 = cluster_stability(X, 3, n_boot=3, sample_size=200, seed=3)
    s2 = cluster_stability(X, 3, n_boot=3, sample_size=200, seed=3)
    pd.testing.assert_frame_equal(s1, s2)


def test_fit_clusters_input_errors():
    X = np.random.default_rng(0).normal(size=(5, 2))
    with pytest.raises(ParameterError, match="seed"):
        fit_clusters(X, 2, seed="abc")
    with pytest.raises(ParameterError, match=r"^The 'k' parameter of fit_clusters must be an int in the range \[1, 5\]\. Got 6 instead\.$"):
        fit_clusters(X, 6)
    with pytest.raises(ParameterError, match=r"^The 'k' parameter of fit_clusters must be an int in the range \[1, inf\)\. Got 0 instead\.$"):
        fit_clusters(X, 0)
    with pytest.raises(ParameterError, match="The 'method' parameter of fit_clusters must be one of 'gmm', 'kmeans'"):
        fit_clusters(X, 2, method="dbscan")


def test_default_seed_is_the_package_default():
    from analysis.checks import DEFAULT_SEED
    X = np.random.default_rng(1).normal(size=(60, 2))
    assert fit_clusters(X, 3).equals(fit_clusters(X, 3, seed=DEFAULT_SEED))
