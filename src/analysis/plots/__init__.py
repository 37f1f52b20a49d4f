"""Every figure of the suite, in one style (see :mod:`analysis.plots.style`).

One module per analysis; each function takes result tables and returns a
:class:`matplotlib.figure.Figure` with a title, axis labels and units, all taken
from :mod:`analysis.messages`, and records on it how to read it (its figure type
and the numbers its note cites, :mod:`analysis.plots.reading`).
"""

from analysis.plots.style import figure_style, new_figure

__all__ = ["figure_style", "new_figure"]
