"""Every figure of the suite, in one style (see :mod:`analysis.plots.style`).

One module per analysis; each function takes result tables and returns a
:class:`matplotlib.figure.Figure` with a title, axis labels and units, all taken
from :mod:`analysis.messages`.
"""

from analysis.plots.style import figure_style, new_figure

__all__ = ["figure_style", "new_figure"]
