"""Bootstrap stability (fpc::clusterboot): separated vs structureless vs random, Jaccard by sets, readings.

References: simulated Gaussian mixtures with known membership (well separated:
centres 8 sd apart; overlapping: 2 sd apart), a structureless Gaussian blob, a
random labeller whose expected best-match Jaccard is known (two random halves of
m points share m/4 of m*3/4: J = 1/3), and Jaccard coefficients computed with
Python sets. Sizes are small so each file runs in a few seconds.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.errors import ParameterError
from analysis.segmentation import cluster_stability, stability_reading
from analysis.segmentation.clustering.stability import _best_jaccard


def test_stability_well_separated_vs_structureless_vs_random_split(mixture):
    X, _ = mixture(8.0, n=80)
    sep = cluster_stability(X, 3, n_boot=10, seed=5)
    assert (sep["mean_jaccard"] > 0.95).all()
    assert set(sep["reading"]) == {"highly stable"}
    blob = np.random.default_rng(6).normal(size=(300, 4))
    st = cluster_stability(blob, 3, n_boot=10, seed=5)
    assert (st["mean_jaccard"] < 0.75).all()  # splits of a round blob are arbitrary
    def random_split(data, k, random_state):
        return np.random.default_rng(random_state).integers(0, k, len(data))
    rnd = cluster_stability(blob, 2, method=random_split, n_boot=20, seed=5)
    assert rnd["mean_jaccard"].to_numpy() == pytest.approx([1 / 3, 1 / 3], abs=0.06)
    assert set(rnd["reading"]) == {"dissolved"}
    assert (rnd["dissolved_share"] == 1.0).all()


def test_best_jaccard_matches_python_sets():
    rng = np.random.default_rng(7)
    orig = rng.integers(0, 3, 40)
    new = rng.integers(0, 4, 40)
    got = _best_jaccard(orig, new, 3)
    for c in range(3):
        a = set(np.flatnonzero(orig == c))
        best = max(len(a & set(np.flatnonzero(new == d))) / len(a | set(np.flatnonzero(new == d)))
                   for d in range(4))
        assert got[c] == pytest.approx(best)


def test_stability_thresholds_follow_clusterboot():
    assert [stability_reading(j) for j in (0.49, 0.5, 0.59, 0.6, 0.74, 0.75, 0.84, 0.85)] == [
        "dissolved", "not to be trusted", "not to be trusted", "doubtful", "doubtful",
        "stable", "stable", "highly stable"]


def test_stability_input_errors():
    X = np.random.default_rng(0).normal(size=(30, 2))
    with pytest.raises(ParameterError, match=r"^The 'n_boot' parameter of cluster_stability must be an int in the range \[2, inf\)\. Got 1 instead\.$"):
        cluster_stability(X, 2, n_boot=1)
    with pytest.raises(ParameterError, match="The 'method' parameter of cluster_stability"):
        cluster_stability(X, 2, method="dbscan")
