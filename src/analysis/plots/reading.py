"""How to read a figure: a note per figure type, recorded on the figure that needs it.

Every public plot function of :mod:`analysis.plots` calls :func:`attach_reading` on
the figure it returns, naming the figure's *kind* (its type: a concentration curve,
a forest plot, a heat map ...) and, where one helps, the numbers of this very figure
(``top=0.2, share=0.61``). :func:`reading_markdown` turns that record into the note a
reader sees under the figure: a bold lead-in, the kind's generic note
(``reading.<kind>`` in :mod:`analysis.messages.reading`) and, when the figure gave
numbers, the kind's example sentence filled with them (``reading.<kind>.example``, or
``reading.<kind>.example_<variant>`` for a figure whose numbers read differently).

The record is plain data (a dict of str, int, float and bool) kept in the figure's
``_analysis_reading`` attribute, so a figure stays picklable and the note is made in
the language of the moment it is shown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from analysis.errors import ParameterError
from analysis.messages import catalog, current_language, escape_markdown, msg

__all__ = ["READING_ATTRIBUTE", "attach_reading", "reading_of", "reading_markdown", "share_variant", "attach_widest_interval",
           "attach_forest"]

#: the attribute of a figure that holds its reading record
READING_ATTRIBUTE = "_analysis_reading"


def _plain(name: str, value: Any) -> str | int | float | bool:
    """*value* as a plain Python scalar (numpy scalars converted), or a ParameterError."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, str):
        return value
    raise ParameterError(f"reading value {name!r} must be a number or a text, got {type(value).__name__}: "
                         f"pass the number the figure plotted (e.g. float(series.max()))")


def attach_reading(fig: Any, kind: str, *, example: str | None = None, **values: Any) -> Any:
    """Record on *fig* how to read it: its figure *kind* and the numbers its example sentence cites.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure a plot function returns.
    kind : str
        The figure type; the catalog has ``reading.<kind>`` in every language.
    example : str, optional
        A variant of the example sentence (``reading.<kind>.example_<example>``) for a figure whose
        numbers read differently (a share rather than a count); default ``reading.<kind>.example``.
    **values
        The fields of the example sentence, taken from what the figure plotted. Without values the
        note is the generic one only.

    Returns
    -------
    matplotlib.figure.Figure
        *fig*, with the record in its ``_analysis_reading`` attribute.

    Raises
    ------
    ParameterError
        If the catalog has no note for *kind* or no sentence for the example, or a value is not a
        number or a text.

    Examples
    --------
    >>> from analysis.plots.style import new_figure
    >>> fig, ax = new_figure()
    >>> attach_reading(fig, "concentration", top=0.2, share=0.61)._analysis_reading["kind"]
    'concentration'
    """
    english = catalog("en")
    if f"reading.{kind}" not in english:
        known = sorted(k.split(".")[1] for k in english if k.startswith("reading.") and k.count(".") == 1)
        raise ParameterError(f"no reading note for figure kind {kind!r}; use one of {known} "
                             f"or add 'reading.{kind}' to analysis/messages/reading.py and its Chinese twin")
    key = f"reading.{kind}.example" + (f"_{example}" if example else "")
    if (values or example) and key not in english:
        raise ParameterError(f"no example sentence {key!r} for figure kind {kind!r}: add it to the reading catalog")
    record = {"kind": kind, "example": key if values else None,
              "values": {name: _plain(name, v) for name, v in values.items()}}
    fig._analysis_reading = record
    return fig


def reading_of(fig: Any) -> dict | None:
    """The reading record of *fig* (``{"kind", "example", "values"}``), or None if it has none.

    Examples
    --------
    >>> from analysis.plots.style import new_figure
    >>> reading_of(new_figure()[0]) is None
    True
    """
    record = getattr(fig, READING_ATTRIBUTE, None)
    return record if isinstance(record, dict) and "kind" in record else None


def reading_markdown(fig_or_record: Any, language: str | None = None) -> str | None:
    """The note under a figure, as Markdown: bold lead-in, the kind's note, the example with the figure's numbers.

    The example is left out when one of its numbers is not finite (a figure with nothing to cite).
    Returns None for a figure without a reading.

    Examples
    --------
    >>> note = reading_markdown({"kind": "concentration", "example": "reading.concentration.example",
    ...                          "values": {"top": 0.2, "share": 0.61}}, "en")
    >>> note.startswith("**How to read this chart.** The curve"), note.split(". ")[-1]
    (True, 'Here the top 20% of customers bring 61.0% of the value.')
    """
    record = fig_or_record if isinstance(fig_or_record, dict) else reading_of(fig_or_record)
    if record is None:
        return None
    language = language or current_language()
    lead = msg("reading.lead", language=language)
    # a full-width stop inside the bold would keep Markdown from closing it ("**读图提示。**曲线" stays literal)
    bold = f"**{lead[:-1]}**{lead[-1]}" if lead.endswith("。") else f"**{lead}**"
    parts = [bold, msg(f"reading.{record['kind']}", language=language)]
    values = record.get("values") or {}
    finite = all(not isinstance(v, float) or math.isfinite(v) for v in values.values())
    if record.get("example") and finite:  # texts (group names from the data) cannot become Markdown
        shown = {k: escape_markdown(v) if isinstance(v, str) else v for k, v in values.items()}
        parts.append(msg(record["example"], language=language, **shown))
    joiner = "" if language.startswith("zh") else " "
    return joiner.join(parts)


def share_variant(values: Iterable[float]) -> str | None:
    """``"share"`` when every finite value lies in [-1, 1] (rates, shares and their differences: written as
    percentages), else None (plain numbers): the *example* argument of :func:`attach_reading`.

    Examples
    --------
    >>> share_variant([0.12, -0.05]), share_variant([12.5, 0.3])
    ('share', None)
    """
    finite = [abs(float(v)) for v in values if np.isfinite(v)]
    return "share" if finite and max(finite) <= 1 else None


def attach_widest_interval(fig: Any, labels: Iterable[str], low: Iterable[float], high: Iterable[float], *,
                           share: bool | None = None) -> Any:
    """:func:`attach_reading` of kind ``interval_dots`` citing the widest interval (its label and ends).

    *share* True writes the ends as percentages, False as numbers; None decides by the values
    (:func:`share_variant`). Without a finite interval the note is the generic one.

    Examples
    --------
    >>> from analysis.plots.style import new_figure
    >>> fig = attach_widest_interval(new_figure()[0], ["web", "store"], [0.12, 0.2], [0.19, 0.22])
    >>> fig._analysis_reading["values"]
    {'group': 'web', 'low': 0.12, 'high': 0.19}
    """
    labels, low, high = list(labels), np.asarray(list(low), float), np.asarray(list(high), float)
    width = high - low
    if not np.isfinite(width).any():
        return attach_reading(fig, "interval_dots")
    i = int(np.nanargmax(width))
    variant = share_variant([*low, *high]) if share is None else ("share" if share else None)
    return attach_reading(fig, "interval_dots", example=variant, group=str(labels[i]), low=float(low[i]),
                          high=float(high[i]))


def attach_forest(fig: Any, low: Iterable[float], high: Iterable[float]) -> Any:
    """:func:`attach_reading` of kind ``forest`` citing how many intervals lie wholly on one side of 0.

    Examples
    --------
    >>> from analysis.plots.style import new_figure
    >>> attach_forest(new_figure()[0], [0.1, -0.2, -0.3], [0.3, 0.1, -0.1])._analysis_reading["values"]
    {'clear': 2, 'n': 3}
    """
    low, high = np.asarray(list(low), float), np.asarray(list(high), float)
    known = np.isfinite(low) & np.isfinite(high)
    if not known.any():
        return attach_reading(fig, "forest")
    clear = int(((low[known] > 0) | (high[known] < 0)).sum())
    return attach_reading(fig, "forest", clear=clear, n=int(known.sum()))
