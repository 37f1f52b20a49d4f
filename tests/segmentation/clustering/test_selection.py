"""Choosing k: planted clusters found by every criterion, the gap statistic, input errors.

References: simulated Gaussian mixtures with known membership (well separated:
centres 8 sd apart; overlapping: 2 sd apart), a structureless Gaussian blob, a
random labeller whose expected best-match Jaccard is known (two random halves of
m points share m/4 of m*3/4: J = 1/3), and Jaccard coefficients computed with
Python sets. Sizes are small so each file runs in a few seconds.
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from analysis.errors import ParameterError
from analysis.segmentation import KSelection, choose_k, fit_clusters


@pytest.mark.parametrize("method", ["kmeans", "gmm"])
def test_planted_well_separated_clusters_are_recovered_and_k_chosen(method, mixture):
    X, truth = mixture(8.0)
    labels = fit_clusters(X, 3, method=method, seed=1)
    assert adjusted_rand_score(truth, labels) > 0.99  # separation 8 sd: essentially no overlap
    criteria = ["silhouette", "calinski_harabasz", "davies_bouldin"] + (["bic"] if method == "gmm" else [])
    for criterion in criteria:
        assert choose_k(X, range(2, 6), method=method, criterion=criterion, n_refs=0, seed=1).best_k == 3


def test_gap_statistic_finds_three_clusters_and_no_structure_in_a_blob(mixture):
    X, _ = mixture(8.0)
    sel = choose_k(X, range(2, 6), criterion="gap", n_refs=5, seed=2)
    assert sel.best_k == 3
    assert sel.table.loc[3, "gap"] > sel.table.loc[1, "gap"]
    blob = np.random.default_rng(3).normal(size=(300, 3))
    # Tibshirani's rule with k = 1 allowed: no k beats one cluster by more than its s.e.
    g = choose_k(blob, range(2, 5), criterion="gap", n_refs=5, seed=2).table
    assert g.loc[1, "gap"] >= g.loc[2, "gap"] - g.loc[2, "gap_se"]


def test_choose_k_input_errors():
    X = np.random.default_rng(0).normal(size=(5, 2))
    with pytest.raises(ParameterError, match="more customers than clusters"):
        choose_k(X, range(2, 8), n_refs=0)
    with pytest.raises(ParameterError, match="needs method='gmm'"):
        choose_k(X, range(2, 3), criterion="bic")
    with pytest.raises(ParameterError, match=r"^The 'k' parameter of choose_k must be an int in the range \[2, inf\)\. Got 1 instead\.$"):
        choose_k(X, [1, 2])
    with pytest.raises(ParameterError, match=r"^The 'criterion' parameter of choose_k must be one of .*'gap'.* Got 'aic' instead\.$"):
        choose_k(X, [2], criterion="aic")
    with pytest.raises(ParameterError, match="The 'method' parameter of choose_k"):
        choose_k(X, [2], method=lambda X, k, rs: X[:, 0] > 0)
    with pytest.raises(ParameterError, match="The 'seed' parameter of choose_k must be an int or a numpy.random.Generator. Got None"):
        choose_k(X, [2], seed=None)


def test_k_selection_summary_marks_the_chosen_k_and_has_a_repr(mixture):
    X, _ = mixture(8.0, n=40)
    sel = choose_k(X, range(2, 5), n_refs=0, seed=1)
    assert isinstance(sel, KSelection)
    s = sel.summary()
    assert s.index.tolist() == [2, 3, 4] and s["chosen"].tolist() == [False, True, False]
    assert s.drop(columns="chosen").equals(sel.table)
    assert repr(sel).startswith("KSelection\n") and "silhouette" in repr(sel)


def test_gap_rule_picks_one_cluster_for_a_blob_and_three_for_planted_clusters(mixture):
    # issue 13 case 1: the rule of Tibshirani, Walther and Hastie (2001) starts at k = 1; a
    # structureless blob (known truth: one cloud) must give gap_k = 1, three planted clusters 3
    blob = np.random.default_rng(3).normal(size=(300, 3))
    sel = choose_k(blob, range(2, 5), criterion="gap", n_refs=5, seed=2)
    assert sel.gap_k == 1
    assert sel.best_k == 2  # k = 1 cannot be fitted: the smallest candidate, flagged by gap_k
    assert sel.picks().loc["gap", "k"] == 1
    X, _ = mixture(8.0)
    assert choose_k(X, range(2, 6), n_refs=5, seed=2).gap_k == 3
    assert choose_k(X, range(2, 6), n_refs=0, seed=2).gap_k is None


def test_gap_rule_against_the_rule_applied_by_hand():
    # gap(1) = 1.382 >= gap(2) - s(2) = 1.361 - 0.004: k = 1 (service_demo's numbers, issue 13)
    import pandas as pd

    from analysis.segmentation.clustering.selection import _gap_rule

    t = pd.DataFrame({"gap": [1.382, 1.361, 1.436], "gap_se": [0.005, 0.004, 0.002]},
                     index=pd.Index([1, 2, 3], name="k"))
    assert _gap_rule(t) == 1
    # CDNOW's: 1.419 < 1.751, 1.762 < 1.857, 1.867 >= 1.786: k = 3
    t = pd.DataFrame({"gap": [1.419, 1.762, 1.867, 1.792], "gap_se": [0.010, 0.011, 0.010, 0.006]},
                     index=pd.Index([1, 2, 3, 4], name="k"))
    assert _gap_rule(t) == 3


def test_picks_list_each_criterions_k_and_mark_the_chosen_one(mixture):
    X, _ = mixture(8.0, n=40)
    sel = choose_k(X, range(2, 5), n_refs=3, seed=1)
    picks = sel.picks()
    assert picks.index.name == "criterion"
    assert set(picks.index) == {"silhouette", "calinski_harabasz", "davies_bouldin", "gap"}
    assert picks.loc["silhouette", "k"] == sel.table["silhouette"].idxmax()
    assert picks.loc["davies_bouldin", "k"] == sel.table["davies_bouldin"].idxmin()
    assert picks["chosen"].tolist() == [c == "silhouette" for c in picks.index]
