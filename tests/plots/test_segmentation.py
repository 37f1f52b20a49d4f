"""Figures of notebook 01: readable annotations, axis titles, each criterion's own k (issue 13 cases 1, 3).

References: the text colour of a heat-map cell against the WCAG contrast rule
computed by hand for the colour map's two ends (the darkest "Blues" cell is
navy: white text; the lightest near white: black text); the gap panel's mark
against the gap rule's k (1 for a structureless blob, known truth).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd

from analysis.plots.segmentation import plot_cluster_profiles, plot_k_selection, plot_rfm_heatmap, plot_stage_by_segment
from analysis.segmentation import choose_k, cluster_profiles

matplotlib.use("Agg")


def _texts(ax):
    return {t.get_text(): t.get_color() for t in ax.texts}


def test_stage_by_segment_writes_light_numbers_on_dark_cells_and_titles_its_axes():
    t = pd.DataFrame([[900, 3], [0, 450]], index=["Loyal", "Lapsed/lost"], columns=["Champions", "Lost"])
    t.loc["Total"] = t.sum()
    t["Total"] = t.sum(axis=1)
    ax = plot_stage_by_segment(t).axes[0]
    colours = _texts(ax)
    assert colours["900"] == "white"  # the darkest cell (navy): black text was unreadable
    assert colours["0"] == colours["3"] == "black"  # near-white cells
    assert ax.get_xlabel() == "RFM segment" and ax.get_ylabel() == "Lifecycle stage"
    assert "Total" not in [tick.get_text() for tick in ax.get_xticklabels()]


def test_profile_and_rfm_heat_maps_use_display_labels_currency_and_readable_ink():
    t = pd.DataFrame({"recency_days": [1, 2, 90, 80], "monetary": [5.0, 6.0, 90.0, 80.0]})
    X = (t - t.mean()) / t.std(ddof=0)
    fig = plot_cluster_profiles(cluster_profiles(t, pd.Series([1, 1, 2, 2]), X),
                                feature_labels=lambda name: name.replace("_", " ").capitalize())
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["Recency days", "Monetary"]
    heat = pd.DataFrame([[10.0, 200.0], [50.0, 400.0]], index=[1, 2], columns=[1, 2])
    fig = plot_rfm_heatmap(heat, currency="US dollars")
    assert fig.axes[1].get_ylabel() == "Mean monetary value (US dollars)"
    colours = _texts(fig.axes[0])
    assert colours["10"] == "white" and colours["400"] == "black"  # viridis: dark purple to yellow


def test_k_selection_gap_panel_marks_the_gap_rules_k_even_when_it_is_one():
    blob = np.random.default_rng(3).normal(size=(300, 3))
    sel = choose_k(blob, range(2, 5), n_refs=5, seed=2)
    assert sel.gap_k == 1
    fig = plot_k_selection(sel)
    gap_ax = fig.axes[-1]
    assert gap_ax.get_title().startswith("Gap statistic")
    marks = [line.get_xdata()[0] for line in gap_ax.get_lines() if line.get_linestyle() in (":", "-")
             and len(set(line.get_xdata())) == 1]
    assert marks == [1]
    sil_ax = fig.axes[0]
    sil_marks = [line.get_xdata()[0] for line in sil_ax.get_lines() if len(set(line.get_xdata())) == 1
                 and len(line.get_xdata()) == 2]
    assert sil_marks == [sel.picks().loc["silhouette", "k"]]


def test_without_money_the_figures_say_purchases_and_customers():
    # issue 12 case 1: a count-only log; the figures must not speak of revenue or monetary value
    from analysis.plots.segmentation import plot_segment_shares
    from analysis.segmentation import rfm_heatmap_table, segment_summary

    t = pd.DataFrame({"segment": ["x", "x", "y"], "recency_days": [1, 3, 9], "frequency": [2, 2, 1],
                      "r_score": [2, 2, 1], "f_score": [2, 2, 1]})
    shares = plot_segment_shares(segment_summary(t))
    ax = shares.axes[0]
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert ax.get_title() == "RFM segments: customers and purchases" and "Share of purchases" in labels
    heat = plot_rfm_heatmap(rfm_heatmap_table(t, None), counts=True)
    assert heat.axes[0].get_title() == "Customers by recency and frequency score"
    assert heat.axes[1].get_ylabel() == "Customers"
    words = " ".join([ax.get_title(), *labels, heat.axes[0].get_title(), heat.axes[1].get_ylabel()]).lower()
    assert "revenue" not in words and "monetary" not in words


def test_the_concentration_curve_names_what_is_concentrated():
    from analysis.plots.segmentation import plot_concentration
    from analysis.segmentation import concentration

    ax = plot_concentration(concentration([1.0, 1.0, 2.0, 6.0]), top=0.25, what="purchases").axes[0]
    assert ax.get_ylabel() == "Share of purchases" and ax.get_title() == "Concentration of purchases (Gini = 0.40)"
