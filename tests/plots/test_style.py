"""plots.style: figures show the study's words as written."""

from __future__ import annotations

import io

import pandas as pd

from analysis.plots.overview import plot_amounts


def test_dollar_signs_in_a_studys_words_are_text_not_math():
    """A currency or label from a study file with paired '$' used to be parsed as TeX: malformed, the
    figure failed to draw and the notebook stopped; well-formed, the words rendered as formulas."""
    fig = plot_amounts(pd.DataFrame({"amount": [1.0, 10.0]}), currency="$\\frac{a$ and $x$")
    fig.savefig(io.BytesIO(), format="png")
    label = fig.axes[0].xaxis.label
    assert label.get_text() == "Amount per transaction ($\\frac{a$ and $x$, log scale)"
    assert label.get_parse_math() is False
