"""Figures of customer segmentation (notebook 01)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from analysis.checks import DEFAULT_SEED, rng_from
from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = [
    "plot_segment_shares",
    "plot_rfm_heatmap",
    "plot_concentration",
    "plot_k_selection",
    "plot_cluster_profiles",
    "plot_cluster_projection",
    "plot_stability",
    "plot_stage_by_segment",
]


def _ink(cmap: str, norm: Normalize, value: float) -> str:
    """Black or white, whichever reads better on the cell colour of *value* (WCAG relative luminance)."""
    r, g, b, _ = colormaps[cmap](norm(value))
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # contrast with white (1.05 / (L + 0.05)) beats contrast with black ((L + 0.05) / 0.05) below L = 0.179
    return "white" if luminance < 0.179 else "black"


def _label(labels: Callable[[str], str] | None, name) -> str:
    return labels(str(name)) if labels is not None else str(name)



def _attach_largest_cell(fig: Figure, table: pd.DataFrame, *, row: Callable = str, column: Callable = str) -> Figure:
    """The ``heatmap`` reading citing the largest cell of *table* (its row, column and value)."""
    values = table.to_numpy(dtype=float)
    if not np.isfinite(values).any():
        return attach_reading(fig, "heatmap")
    i, j = np.unravel_index(int(np.nanargmax(values)), values.shape)
    return attach_reading(fig, "heatmap", row=row(table.index[i]), column=column(table.columns[j]),
                          value=float(values[i, j]))

def plot_segment_shares(summary: pd.DataFrame) -> Figure:
    """Share of customers beside share of revenue (or of purchases, without money) per segment.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customer_share": [0.7, 0.3], "revenue_share": [0.2, 0.8]},
    ...                  index=pd.Index(["Lost", "Champions"], name="segment"))
    >>> plot_segment_shares(s).axes[0].get_title()
    'RFM segments: customers and revenue'
    """
    y = np.arange(len(summary))
    money = "revenue_share" in summary.columns  # else count-only data: purchase_share
    with figure_style():
        fig, ax = new_figure(height=max(3.0, 0.45 * len(summary) + 1.2))
        ax.barh(y - 0.2, summary["customer_share"] * 100, height=0.4,
                label=msg("segmentation.axis.customer_share"))
        ax.barh(y + 0.2, summary["revenue_share" if money else "purchase_share"] * 100, height=0.4,
                label=msg("segmentation.axis.revenue_share" if money else "segmentation.axis.purchase_share"))
        ax.set_yticks(y, [str(i) for i in summary.index])
        ax.invert_yaxis()
        ax.set_xlabel(msg("segmentation.axis.share"))
        ax.set_ylabel(msg("segmentation.axis.segment"))
        ax.set_title(msg("segmentation.fig.segments.title" if money else "segmentation.fig.segments.title_counts"))
        ax.legend(loc="lower right")
    column = summary["revenue_share" if money else "purchase_share"]
    if len(summary) and column.notna().any():
        top = int(np.nanargmax(column.to_numpy(float)))
        attach_reading(fig, "share_pairs", example=None if money else "purchases", group=str(summary.index[top]),
                       value=float(column.iloc[top]), customers=float(summary["customer_share"].iloc[top]))
    else:
        attach_reading(fig, "share_pairs")
    return fig


def plot_rfm_heatmap(heat: pd.DataFrame, *, currency: str | None = None, counts: bool = False) -> Figure:
    """Heat map of a recency-score x frequency-score table (from ``rfm_heatmap_table``).

    ``currency`` (e.g. ``study.currency_name()``) names the unit of the colour bar;
    ``counts=True``: the cells count customers (``rfm_heatmap_table(t, None)``, data without money).

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame([[1.0, 2.0], [3.0, None]], index=[1, 2], columns=[1, 2])
    >>> plot_rfm_heatmap(h).axes[0].get_xlabel()
    'Frequency score (5 = most frequent)'
    """
    with figure_style():
        fig, ax = new_figure(width=6.0, height=4.5)
        values = heat.to_numpy(dtype=float)
        image = ax.imshow(values, cmap="viridis", origin="lower", aspect="auto")
        ax.set_xticks(range(heat.shape[1]), [str(c) for c in heat.columns])
        ax.set_yticks(range(heat.shape[0]), [str(r) for r in heat.index])
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v):
                ax.text(j, i, f"{v:,.0f}", ha="center", va="center", fontsize=8,
                        color=_ink("viridis", image.norm, v))
        ax.grid(False)
        unit = (msg("segmentation.axis.customers_in_cell") if counts
                else msg("segmentation.axis.mean_monetary_in", currency=currency) if currency
                else msg("segmentation.axis.mean_monetary"))
        fig.colorbar(image, ax=ax, label=unit)
        ax.set_xlabel(msg("segmentation.axis.f_score"))
        ax.set_ylabel(msg("segmentation.axis.r_score"))
        ax.set_title(msg("segmentation.fig.heatmap.title_counts" if counts else "segmentation.fig.heatmap.title"))
    _attach_largest_cell(fig, heat, row=lambda r: f"R {r}", column=lambda c: f"F {c}")
    return fig


def plot_concentration(conc, *, top: float = 0.2, limits: dict | None = None, what: str | None = None) -> Figure:
    """Concentration curve with the equality line and the "top x% bring y%" mark.

    Parameters
    ----------
    conc : Concentration
        From :func:`analysis.segmentation.concentration`.
    top : float
        Share of customers to mark.
    limits : dict, optional
        ABC limits from :func:`analysis.segmentation.abc_limits` to mark.
    what : {"revenue", "margin", "purchases"}, optional
        What the value is, for the axis and title; None: "value".

    Examples
    --------
    >>> from analysis.segmentation import concentration
    >>> fig = plot_concentration(concentration([1.0, 1.0, 2.0, 6.0]), top=0.25)
    >>> fig.axes[0].get_title()
    'Concentration of value (Gini = 0.40)'
    """
    curve = conc.curve
    share = conc.top_share(top)
    with figure_style():
        fig, ax = new_figure(width=5.5, height=5.0)
        ax.plot(curve["share_customers"], curve["share_value"], lw=2)
        ax.plot([0, 1], [0, 1], ls="--", color="grey", label=msg("segmentation.fig.concentration.equality"))
        ax.plot([top, top, 0], [0, share, share], ls=":", color="black",
                label=msg("segmentation.fig.concentration.mark", top=top, share=share))
        if limits:
            ax.scatter([limits["ab_x"], limits["bc_x"]], [limits["ab_y"], limits["bc_y"]],
                       color="red", zorder=3, label=msg("labels.fig.abc_limits"))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.01)
        ax.set_xlabel(msg("segmentation.axis.customer_share"))
        if what is None:
            ax.set_ylabel(msg("segmentation.axis.value_share"))
            ax.set_title(msg("segmentation.fig.concentration.title", gini=conc.gini))
        else:
            label = msg(f"segmentation.what.{what}")
            ax.set_ylabel(msg("segmentation.axis.share_of", what=label))
            ax.set_title(msg("segmentation.fig.concentration.title_of", what=label, gini=conc.gini))
        ax.legend(loc="lower right")
    attach_reading(fig, "concentration", top=float(top), share=float(share))
    return fig


def plot_k_selection(selection) -> Figure:
    """One panel per criterion against k, each marking the k it picks (from ``choose_k``).

    The gap panel marks the k of the gap rule, which may be 1 (no cluster structure);
    the line of the criterion that chose the clusters shown is solid.

    Examples
    --------
    >>> import numpy as np
    >>> from analysis.segmentation import choose_k
    >>> rng = np.random.default_rng(0)
    >>> X = np.vstack([rng.normal(m, 0.3, size=(30, 2)) for m in (0, 4)])
    >>> len(plot_k_selection(choose_k(X, range(2, 4), n_refs=2)).axes) >= 3
    True
    """
    table = selection.table
    picks = selection.picks()["k"]
    criteria = [c for c in ("silhouette", "calinski_harabasz", "davies_bouldin", "bic", "gap")
                if c in table and table[c].notna().any()]
    with figure_style():
        fig, axes = new_figure(len(criteria), width=3.2, height=3.2, squeeze=False)
        for ax, c in zip(axes[0], criteria):
            col = table[c].dropna()
            if c == "gap":
                ax.errorbar(col.index, col, yerr=table.loc[col.index, "gap_se"], marker="o", capsize=3)
            else:
                ax.plot(col.index, col, marker="o")
            if c in picks:
                ax.axvline(picks[c], color="red", ls="-" if c == selection.criterion else ":",
                           label=msg("segmentation.fig.k_selection.pick", k=int(picks[c])))
                ax.legend(loc="best", fontsize=8)
            ax.set_title(msg(f"segmentation.criterion.{c}"), fontsize=9)
            ax.set_xlabel(msg("segmentation.axis.k"))
        fig.suptitle(msg("segmentation.fig.k_selection.title", method=msg(f"segmentation.method.{selection.method}")))
    if selection.criterion in picks:
        attach_reading(fig, "k_selection", k=int(picks[selection.criterion]))
    else:
        attach_reading(fig, "k_selection")
    return fig


def plot_cluster_profiles(profiles, *, feature_labels: Callable[[str], str] | None = None) -> Figure:
    """Heat map of standardized feature means per cluster (from ``cluster_profiles``).

    ``feature_labels`` maps a feature's column name to its display label (e.g. ``study.label``).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import cluster_profiles
    >>> t = pd.DataFrame({"frequency": [1, 1, 9, 9], "monetary": [5.0, 6.0, 90.0, 80.0]})
    >>> X = (t - t.mean()) / t.std(ddof=0)
    >>> plot_cluster_profiles(cluster_profiles(t, pd.Series([1, 1, 2, 2]), X)).axes[0].get_ylabel()
    'Cluster'
    """
    z = profiles.z_means
    rows = [f"{c}: {n}" for c, n in zip(z.index, profiles.summary()["name"])]
    with figure_style():
        fig, ax = new_figure(width=max(5.0, 1.1 * z.shape[1] + 3), height=max(2.5, 0.5 * len(z) + 1.5))
        lim = max(1.0, float(np.nanmax(np.abs(z.to_numpy()))))
        image = ax.imshow(z.to_numpy(), cmap="RdBu_r", vmin=-lim, vmax=lim, aspect="auto")
        for (i, j), v in np.ndenumerate(z.to_numpy()):
            ax.text(j, i, f"{v:+.1f}", ha="center", va="center", fontsize=8, color=_ink("RdBu_r", image.norm, v))
        ax.set_xticks(range(z.shape[1]), [_label(feature_labels, c) for c in z.columns], rotation=30, ha="right")
        ax.set_yticks(range(len(z)), rows)
        ax.grid(False)
        fig.colorbar(image, ax=ax, label=msg("segmentation.axis.z"))
        ax.set_xlabel(msg("segmentation.axis.feature"))
        ax.set_ylabel(msg("segmentation.axis.cluster"))
        ax.set_title(msg("segmentation.fig.profiles.title"))
    grid = np.abs(z.to_numpy(dtype=float))
    if np.isfinite(grid).any():
        i, j = np.unravel_index(int(np.nanargmax(grid)), grid.shape)
        attach_reading(fig, "profile_heatmap", cluster=str(z.index[i]), feature=_label(feature_labels, z.columns[j]),
                       z=float(z.iat[i, j]))
    else:
        attach_reading(fig, "profile_heatmap")
    return fig


def plot_cluster_projection(projection: pd.DataFrame, labels: pd.Series, *,
                            names: dict | None = None, max_points: int = 5000,
                            seed: int | np.random.Generator = DEFAULT_SEED) -> Figure:
    """Scatter of customers on two principal components, coloured by cluster.

    At most ``max_points`` customers are drawn (a fixed random sample).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"pc1": [0.0, 1.0, 5.0], "pc2": [0.0, 0.5, 1.0]})
    >>> plot_cluster_projection(p, pd.Series([1, 1, 2])).axes[0].get_xlabel()
    'First principal component'
    """
    n = len(projection)
    keep = np.arange(n)
    if n > max_points:
        keep = np.sort(rng_from(seed).choice(n, max_points, replace=False))
    pts = projection.iloc[keep]
    lab = np.asarray(labels)[keep]
    with figure_style():
        fig, ax = new_figure(width=6.0, height=5.0)
        for c in sorted(np.unique(np.asarray(labels))):
            m = lab == c
            label = f"{c}: {names[c]}" if names and c in names else str(c)
            ax.scatter(pts.loc[m, "pc1"], pts.loc[m, "pc2"], s=6, alpha=0.5, label=label)
        ax.set_xlabel(msg("segmentation.axis.pc1"))
        ax.set_ylabel(msg("segmentation.axis.pc2"))
        ax.set_title(msg("segmentation.fig.projection.title"))
        ax.legend(markerscale=3, fontsize=8)
    attach_reading(fig, "projection", shown=int(len(keep)), n=int(n))
    return fig


def plot_stability(stability: pd.DataFrame, *, n_boot: int) -> Figure:
    """Mean bootstrap Jaccard per cluster with clusterboot's reading thresholds.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"mean_jaccard": [0.9, 0.55]}, index=pd.Index([1, 2], name="cluster"))
    >>> plot_stability(s, n_boot=20).axes[0].get_title()
    'Cluster stability (bootstrap, 20 resamples)'
    """
    with figure_style():
        fig, ax = new_figure(width=6.0, height=3.5)
        ax.bar([str(c) for c in stability.index], stability["mean_jaccard"])
        for level, style in ((0.5, ":"), (0.6, "--"), (0.75, "-"), (0.85, "-.")):
            ax.axhline(level, color="grey", ls=style, lw=1)
            ax.text(len(stability) - 0.5, level, f" {level}", va="center", fontsize=7, color="grey")
        ax.set_ylim(0, 1)
        ax.set_xlabel(msg("segmentation.axis.cluster"))
        ax.set_ylabel(msg("segmentation.axis.jaccard"))
        ax.set_title(msg("segmentation.fig.stability.title", n_boot=n_boot))
    if stability["mean_jaccard"].notna().any():
        low = stability["mean_jaccard"].idxmin()
        attach_reading(fig, "stability", cluster=str(low), jaccard=float(stability.loc[low, "mean_jaccard"]))
    else:
        attach_reading(fig, "stability")
    return fig


def plot_stage_by_segment(table: pd.DataFrame) -> Figure:
    """Heat map of customer counts, lifecycle stage (rows) by segment (columns).

    The margins row and column ("Total") are left out; each count is written in
    black or white, whichever reads better on its cell.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame([[3, 1], [0, 2]], index=["New", "Lost"], columns=["A", "B"])
    >>> ax = plot_stage_by_segment(t).axes[0]
    >>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
    ('Lifecycle stage by RFM segment (customers)', 'RFM segment', 'Lifecycle stage')
    """
    total = list(dict.fromkeys([msg("labels.table.total"), "Total"]))  # the margins, in this language or English
    body = table.drop(index=total, columns=total, errors="ignore")
    with figure_style():
        fig, ax = new_figure(width=max(6.0, 0.7 * body.shape[1] + 2.5), height=max(3.0, 0.5 * len(body) + 1.5))
        values = body.to_numpy(dtype=float)
        image = ax.imshow(values, cmap="Blues", aspect="auto")
        for (i, j), v in np.ndenumerate(values):
            ax.text(j, i, f"{v:,.0f}", ha="center", va="center", fontsize=7, color=_ink("Blues", image.norm, v))
        ax.set_xticks(range(body.shape[1]), [str(c) for c in body.columns], rotation=35, ha="right")
        ax.set_yticks(range(len(body)), [str(r) for r in body.index])
        ax.grid(False)
        fig.colorbar(image, ax=ax, label=msg("segmentation.axis.customers"))
        ax.set_xlabel(msg("segmentation.axis.rfm_segment"))
        ax.set_ylabel(msg("segmentation.axis.stage"))
        ax.set_title(msg("segmentation.fig.stages.title"))
    _attach_largest_cell(fig, body)
    return fig
