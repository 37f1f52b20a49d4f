"""The key-account portfolio matrix (notebook 01)."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_key_account_portfolio"]

#: quadrant -> (x, y) corner of the axes where its name is written
_CORNERS = {"strategic": (0.98, 0.97), "maintain": (0.98, 0.03), "develop": (0.02, 0.97), "efficient": (0.02, 0.03)}


def plot_key_account_portfolio(table: pd.DataFrame, quadrants: pd.DataFrame, *, window_days: int,
                               what: str = "revenue", currency: str | None = None,
                               language: str | None = None) -> Figure:
    """Current value (x) against growth potential (y): every customer, the key accounts highlighted
    and numbered by rank, the quadrant lines at the thresholds and each quadrant's name.

    Parameters
    ----------
    table : DataFrame
        ``KeyAccounts.table`` (``value``, ``growth``, ``key_account``, ``rank``).
    quadrants : DataFrame
        :func:`analysis.segmentation.key_accounts.portfolio_quadrants` (its thresholds).
    window_days : int
        The current-value window, for the axis label.
    what : {"revenue", "margin", "purchases"}
        What the value is; "purchases" labels the axes in purchases.
    currency : str, optional
        The money unit of the axes.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"value": [5.0, 1.0, 0.5], "growth": [1.0, 0.0, -1.0],
    ...                   "key_account": [True, True, False], "rank": [1, 2, 3]}, index=list("abc"))
    >>> q = pd.DataFrame({"value_threshold": [3.0, 3.0], "growth_threshold": [0.5, 0.5]}, index=list("ab"))
    >>> ax = plot_key_account_portfolio(t, q, window_days=365, currency="USD").axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Current value, last 365 days (USD)', 'Growth potential (USD)')
    """
    unit = msg("key_accounts.unit.purchases", language=language) if what == "purchases" else (currency or "")
    keys = table[table["key_account"]]
    others = table[~table["key_account"]]
    v_cut, g_cut = float(quadrants["value_threshold"].iloc[0]), float(quadrants["growth_threshold"].iloc[0])
    with figure_style():
        fig, ax = new_figure(width=7.5, height=5.5)
        ax.scatter(others["value"], others["growth"], s=6, color="lightgrey", alpha=0.6,
                   label=msg("key_accounts.legend.others", language=language))
        ax.scatter(keys["value"], keys["growth"], s=36, color="C3", edgecolor="black", linewidth=0.5, zorder=3,
                   label=msg("key_accounts.legend.key_accounts", language=language))
        for cid, row in keys.iterrows():
            ax.annotate(str(int(row["rank"])), (row["value"], row["growth"]), textcoords="offset points",
                        xytext=(4, 3), fontsize=7)
        ax.axvline(v_cut, color="black", ls="--", lw=0.8, label=msg("key_accounts.legend.median", language=language))
        ax.axhline(g_cut, color="black", ls="--", lw=0.8)
        for quadrant, (x, y) in _CORNERS.items():
            ax.text(x, y, msg(f"key_accounts.quadrant.{quadrant}", language=language), transform=ax.transAxes,
                    ha="right" if x > 0.5 else "left", va="top" if y > 0.5 else "bottom", fontsize=9,
                    fontweight="bold", color="dimgrey")
        ax.set_xlabel(msg("key_accounts.axis.value", language=language, days=window_days, unit=unit))
        ax.set_ylabel(msg("key_accounts.axis.growth", language=language, unit=unit))
        ax.set_title(msg("key_accounts.fig.portfolio.title", language=language))
        ax.legend(loc="center left", fontsize=8)
    growing = keys["growth"].isna() | (keys["growth"] >= g_cut)  # unmeasured growth counts as growing, as the quadrants do
    attach_reading(fig, "portfolio", top_right=int(((keys["value"] >= v_cut) & growing).sum()), n=int(len(keys)))
    return fig
