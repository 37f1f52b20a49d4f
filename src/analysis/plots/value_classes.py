"""The figure of the eight RFM value classes (notebook 01)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.messages import msg
from analysis.plots.reading import attach_reading
from analysis.plots.style import figure_style, new_figure

__all__ = ["plot_value_classes"]


def plot_value_classes(summary: pd.DataFrame) -> Figure:
    """Share of customers beside share of revenue per value class (:func:`~analysis.segmentation.value_class_summary`).

    Bars are labelled with the summary's ``value_class_name`` (the catalog's names
    in the page's language), in the summary's order (important classes first).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import rfm_value_classes, value_class_summary
    >>> t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
    >>> ax = plot_value_classes(value_class_summary(rfm_value_classes(t), language="en")).axes[0]
    >>> ax.get_title(), ax.get_yticklabels()[0].get_text()
    ('RFM value classes: customers and revenue', 'Important value customers')
    """
    y = np.arange(len(summary))
    with figure_style():
        fig, ax = new_figure(height=max(3.0, 0.45 * len(summary) + 1.2))
        ax.barh(y - 0.2, summary["customer_share"] * 100, height=0.4,
                label=msg("value_classes.axis.customer_share"))
        ax.barh(y + 0.2, summary["revenue_share"].fillna(0.0) * 100, height=0.4,
                label=msg("value_classes.axis.revenue_share"))
        ax.set_yticks(y, [str(n) for n in summary["value_class_name"]])
        ax.invert_yaxis()
        ax.set_xlabel(msg("value_classes.axis.share"))
        ax.set_ylabel(msg("value_classes.axis.class"))
        ax.set_title(msg("value_classes.fig.title"))
        ax.legend(loc="best")  # the largest classes differ by study: never over a bar where avoidable
    revenue = summary["revenue_share"].fillna(0.0).to_numpy(float)
    if len(summary):
        top = int(np.argmax(revenue))
        attach_reading(fig, "share_pairs", group=str(summary["value_class_name"].iloc[top]), value=float(revenue[top]),
                       customers=float(summary["customer_share"].iloc[top]))
    else:
        attach_reading(fig, "share_pairs")
    return fig
