"""One look for every figure: a seaborn theme applied inside a context manager.

Nothing is set globally at import; each plotting function draws inside
:func:`figure_style` and returns its :class:`matplotlib.figure.Figure`. Text is set
in DejaVu Sans with a CJK font behind it (:mod:`analysis.plots.cjk_font`), so
Chinese titles, labels and data values draw on any machine.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib.pyplot as plt
import seaborn as sns
from matplotlib.figure import Figure

from analysis.plots.cjk_font import font_families

__all__ = ["figure_style", "new_figure", "ReportFigure", "PALETTE"]

PALETTE = "colorblind"
_RC = {
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "figure.autolayout": True,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # labels carry the study's words (column labels, currency, arm names): "$" is a dollar sign,
    # never TeX math, so a label such as "$5 off $10" neither renders as math nor fails to draw
    "text.parse_math": False,
}


class ReportFigure(Figure):
    """A figure that shows itself as PNG in a notebook whatever matplotlib backend is on.

    Figures are made without pyplot (see :func:`new_figure`), so IPython's inline
    backend does not know them; ``_repr_png_`` lets ``display(fig)`` and a cell's
    value render them.
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()


@contextmanager
def figure_style() -> Iterator[None]:
    """Draw in the suite's style (seaborn ``whitegrid``, colour-blind palette).

    Examples
    --------
    >>> with figure_style():
    ...     fig, ax = new_figure()
    >>> type(fig).__name__
    'ReportFigure'
    """
    theme = {**sns.axes_style("whitegrid"), **sns.plotting_context("notebook", font_scale=0.9), **_RC,
             # named families, not "sans-serif": a text keeps them when it is drawn after the block ends
             "font.family": list(font_families())}
    with plt.rc_context(theme), sns.color_palette(PALETTE):
        yield


def new_figure(ncols: int = 1, *, width: float = 7.0, height: float = 4.0, **kwargs):
    """A figure and its axes, sized for a report page, detached from pyplot's state.

    Figures made here are not kept by pyplot (no memory growth in long runs, no
    double display in notebooks); a notebook shows the returned figure when it is
    the value of a cell.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> fig.get_size_inches().tolist()
    [7.0, 4.0]
    """
    fig = ReportFigure(figsize=(width * ncols if ncols > 1 else width, height))
    axes = fig.subplots(1, ncols, **kwargs)
    return fig, axes
