"""Features, profiles and names: standardization, one-hot weight, distinguishing features, PCA map.

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

from analysis.errors import ParameterError
from analysis.segmentation import (
    ClusterProfiles,
    channel_agreement,
    cluster_features,
    cluster_profiles,
    fit_clusters,
    project_2d,
)


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
    assert prof.summary().loc[good, "name"].startswith(("Recent", "Frequent", "High spend"))
    assert prof.summary().loc[good, "mean_frequency"] == pytest.approx(table["frequency"][labels == good].mean())
    assert prof.z_means.loc[good, "frequency"] > 0.5
    assert prof.summary()["size"].sum() == 2 * n
    by_channel = cluster_profiles(table, pd.Series((X["channel=web"] > 0).map({True: 1, False: 2}).to_numpy(),
                                                   index=table.index), X[["channel=web"]], columns=[])
    assert by_channel.summary().loc[1, "name"] == "Mostly web"
    p = project_2d(X)
    assert p.shape == (2 * n, 2) and abs(np.corrcoef(p["pc1"], p["pc2"])[0, 1]) < 1e-8


def test_profiles_result_has_summary_method_and_repr():
    t = pd.DataFrame({"frequency": [1, 1, 9, 9], "monetary": [5.0, 6.0, 90.0, 80.0]})
    X = (t - t.mean()) / t.std(ddof=0)
    p = cluster_profiles(t, pd.Series([1, 1, 2, 2]), X)
    assert isinstance(p, ClusterProfiles) and p.summary() is p.table
    assert p.summary().columns.tolist() == ["name", "size", "share", "mean_frequency", "mean_monetary",
                                            "distinguishing"]
    assert repr(p).startswith("ClusterProfiles\n") and "Frequent, high spend" in repr(p)
    with pytest.raises(ParameterError, match="The 'threshold' parameter of cluster_profiles"):
        cluster_profiles(t, pd.Series([1, 1, 2, 2]), X, threshold=-1)


def test_channel_agreement_against_adjusted_rand_by_hand():
    # clusters {a,b,c}, {d,e,f}; channels {a,b,d}, {c,e,f}: contingency [[2,1],[1,2]]
    # sum C(n_ij,2) = 2, row/col sums C(3,2)*2 = 6 each, C(6,2) = 15: expected 6*6/15 = 2.4,
    # max (6+6)/2 = 6 -> ARI = (2 - 2.4) / (6 - 2.4) = -1/9
    idx = pd.Index(list("abcdef"), name="customer_id")
    labels = pd.Series([1, 1, 1, 2, 2, 2], index=idx, name="cluster")
    cust = pd.DataFrame({"customer_id": list("fedcba"), "acquisition_channel": ["y", "y", "x", "y", "x", "x"]})
    ari, mix = channel_agreement(labels, cust)
    assert ari == pytest.approx(-1 / 9)
    assert mix.loc[1].tolist() == pytest.approx([2 / 3, 1 / 3]) and mix.sum(axis=1).tolist() == [1.0, 1.0]
    assert channel_agreement(labels, None) is None
    assert channel_agreement(labels, cust.drop(columns="acquisition_channel")) is None


def test_cluster_names_use_the_display_label_of_a_feature_the_catalog_has_no_word_for():
    # issue 13 case 22: "high visits per month", not the raw column name
    t = pd.DataFrame({"visits_per_month": [1.0, 1.0, 9.0, 9.0]}, index=pd.Index(list("abcd"), name="customer_id"))
    X = (t - t.mean()) / t.std(ddof=0)
    labels = pd.Series([1, 1, 2, 2], index=t.index)
    assert cluster_profiles(t, labels, X).summary()["name"].tolist() == ["Low visits_per_month",
                                                                        "High visits_per_month"]
    named = cluster_profiles(t, labels, X, feature_labels=lambda c: c.replace("_", " "))
    assert named.summary()["name"].tolist() == ["Low visits per month", "High visits per month"]
