"""Clustering: recovery of planted clusters, choice of k, bootstrap stability.

References: simulated Gaussian mixtures with known membership (well separated:
centres 8 sd apart; overlapping: 2 sd apart), a structureless Gaussian blob, a
random labeller whose expected best-match Jaccard is known (two random halves of
m points share m/4 of m*3/4: J = 1/3), and Jaccard coefficients computed with
Python sets. Sizes are small so the file runs in a few seconds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.errors import DataValidationError, ParameterError
from analysis.segmentation import (
    choose_k,
    cluster_features,
    cluster_profiles,
    cluster_stability,
    fit_clusters,
    project_2d,
    stability_reading,
)
from analysis.segmentation.clustering import _best_jaccard


def _mixture(sep: float, n: int = 120, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0, 0.0], [sep, 0.0, 0.0], [0.0, sep, 0.0]])
    X = np.vstack([rng.normal(c, 1.0, size=(n, 3)) for c in centres])
    return X, np.repeat([0, 1, 2], n)


@pytest.mark.parametrize("method", ["kmeans", "gmm"])
def test_planted_well_separated_clusters_are_recovered_and_k_chosen(method):
    X, truth = _mixture(8.0)
    labels = fit_clusters(X, 3, method=method, seed=1)
    assert adjusted_rand_score(truth, labels) > 0.99  # separation 8 sd: essentially no overlap
    criteria = ["silhouette", "calinski_harabasz", "davies_bouldin"] + (["bic"] if method == "gmm" else [])
    for criterion in criteria:
        assert choose_k(X, range(2, 6), method=method, criterion=criterion, n_refs=0, seed=1).best_k == 3


def test_gap_statistic_finds_three_clusters_and_no_structure_in_a_blob():
    X, _ = _mixture(8.0)
    sel = choose_k(X, range(2, 6), criterion="gap", n_refs=5, seed=2)
    assert sel.best_k == 3
    assert sel.table.loc[3, "gap"] > sel.table.loc[1, "gap"]
    blob = np.random.default_rng(3).normal(size=(300, 3))
    # Tibshirani's rule with k = 1 allowed: no k beats one cluster by more than its s.e.
    g = choose_k(blob, range(2, 5), criterion="gap", n_refs=5, seed=2).table
    assert g.loc[1, "gap"] >= g.loc[2, "gap"] - g.loc[2, "gap_se"]


def test_overlapping_clusters_are_recovered_less_well():
    X_far, truth = _mixture(8.0, seed=4)
    X_near, _ = _mixture(2.0, seed=4)
    far = adjusted_rand_score(truth, fit_clusters(X_far, 3, seed=4))
    near = adjusted_rand_score(truth, fit_clusters(X_near, 3, seed=4))
    # with centres 2 sd apart about a third of points lie nearer another centre
    assert near < 0.6 < 0.99 < far


def test_stability_well_separated_vs_structureless_vs_random_split():
    X, _ = _mixture(8.0, n=80)
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


def test_same_seed_same_labels_and_every_customer_assigned_when_sampling():
    X, _ = _mixture(3.0, n=400, seed=8)
    a = fit_clusters(X, 3, method="gmm", sample_size=300, seed=9)
    b = fit_clusters(X, 3, method="gmm", sample_size=300, seed=9)
    assert a.equals(b) and len(a) == len(X)
    assert sorted(a.unique()) == [1, 2, 3]
    assert a.value_counts().is_monotonic_decreasing  # numbered by size
    s1 = cluster_stability(X, 3, n_boot=3, sample_size=200, seed=3)
    s2 = cluster_stability(X, 3, n_boot=3, sample_size=200, seed=3)
    pd.testing.assert_frame_equal(s1, s2)


def test_features_profiles_and_names():
    rng = np.random.default_rng(10)
    n = 200
    table = pd.DataFrame({
        "recency_days": np.r_[rng.integers(0, 20, n), rng.integers(200, 400, n)],
        "frequency": np.r_[rng.integers(8, 15, n), rng.integers(1, 2, n)],
        "monetary": np.r_[rng.gamma(20, 20, n), rng.gamma(5, 5, n)],
    }, index=pd.Index([f"c{i}" for i in range(2 * n)], name="customer_id"))
    attrs = pd.DataFrame({"customer_id": table.index, "channel": ["web", "store", "phone", "web"] * (n // 2)})
    X = cluster_features(table, attributes=attrs)
    numeric = X[["recency_days", "frequency", "monetary"]]
    assert numeric.mean().abs().max() < 1e-12
    assert numeric.std(ddof=0).to_numpy() == pytest.approx(1.0)
    dummies = X[[c for c in X if c.startswith("channel=")]]
    assert float((dummies**2).mean().sum()) == pytest.approx(1.0)  # one attribute = one unit of variance
    assert np.log1p(table["monetary"]).corr(X["monetary"]) == pytest.approx(1.0)
    labels = fit_clusters(X[["recency_days", "frequency", "monetary"]], 2, seed=0)
    prof = cluster_profiles(table, labels, X[["recency_days", "frequency", "monetary"]])
    good = labels.loc["c0"]
    assert prof.summary.loc[good, "name"].startswith(("Recent", "Frequent", "High spend"))
    assert prof.summary.loc[good, "mean_frequency"] == pytest.approx(table["frequency"][labels == good].mean())
    assert prof.z_means.loc[good, "frequency"] > 0.5
    assert prof.summary["size"].sum() == 2 * n
    by_channel = cluster_profiles(table, pd.Series((X["channel=web"] > 0).map({True: 1, False: 2}).to_numpy(),
                                                   index=table.index), X[["channel=web"]], columns=[])
    assert by_channel.summary.loc[1, "name"] == "Mostly web"
    p = project_2d(X)
    assert p.shape == (2 * n, 2) and abs(np.corrcoef(p["pc1"], p["pc2"])[0, 1]) < 1e-8


def test_clustering_input_errors():
    t = pd.DataFrame({"frequency": [1, 2, 3], "monetary": [1.0, np.nan, 3.0]})
    with pytest.raises(DataValidationError, match="missing"):
        cluster_features(t, ["frequency", "monetary"])
    with pytest.raises(DataValidationError, match="lacks feature"):
        cluster_features(t, ["nope"])
    with pytest.raises(DataValidationError, match="nothing to cluster"), pytest.warns(Warning):
        cluster_features(pd.DataFrame({"frequency": [2, 2, 2]}), ["frequency"])
    X = np.random.default_rng(0).normal(size=(5, 2))
    with pytest.raises(ParameterError, match="more customers than clusters"):
        choose_k(X, range(2, 8), n_refs=0)
    with pytest.raises(ParameterError, match="needs method='gmm'"):
        choose_k(X, range(2, 3), criterion="bic")
    with pytest.raises(ParameterError, match="seed"):
        fit_clusters(X, 2, seed="abc")
