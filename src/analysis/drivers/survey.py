"""From a survey to what the driver models take: constructs, the driver table, the structural chain.

These are the steps notebook 03 takes before any model: group item columns into
constructs (or use listed attribute columns), score them, and lay out the
ECSI-type chain "every service dimension -> the first outcome -> the next", or the
free structural model a study spells out path by path (:func:`structural_model`).

Examples
--------
>>> import pandas as pd
>>> survey = pd.DataFrame({"perc_speed_1": [4, 5], "perc_speed_2": [6, 5], "overall": [5, 6]})
>>> constructs, drivers = survey_drivers(survey, item_pattern=r"^perc_(?P<construct>.+)_\\d+$")
>>> constructs, drivers
({'speed': ['perc_speed_1', 'perc_speed_2']}, ['speed'])
>>> driver_table(survey, constructs, drivers, ["overall", None]).to_dict("list")
{'speed': [5.0, 5.0], 'overall': [5, 6]}
>>> satisfaction_chain(constructs, {"SAT": ["overall"], "LOY": ["recommend"]})
{'speed': ['SAT'], 'SAT': ['LOY']}
>>> blank_to_none("", "channel", None)
(None, 'channel', None)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.checks import validate_params
from analysis.drivers._data import check_columns
from analysis.drivers.reliability import construct_scores, group_items
from analysis.errors import ParameterError

__all__ = ["StructuralModel", "blank_to_none", "driver_table", "item_scales", "satisfaction_chain",
           "structural_model", "survey_drivers"]


def blank_to_none(*values):
    """Each value with blank text (``""``, spaces) or an empty list read as None: "not given".

    Notebook parameters that switch a part off take ``None``; a study that writes ``""``
    or ``[]`` means the same, so both are read alike.
    """
    return tuple(None if (isinstance(v, str) and not v.strip()) or (isinstance(v, (list, tuple, dict)) and not v)
                 else v for v in values)


@validate_params({"item_pattern": [str, None], "predictors": ["array-like", None]})
def survey_drivers(survey: pd.DataFrame, *, item_pattern: str | None = None,
                   predictors: Sequence[str] | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """The constructs (name -> items) and the driver names of a survey.

    With ``item_pattern`` (a regex with a named group ``construct``) the item
    columns are grouped into constructs and the drivers are the constructs;
    otherwise ``predictors`` are the drivers, used as they are (no constructs).
    """
    if item_pattern:
        constructs = group_items(survey.columns, item_pattern)
        return constructs, list(constructs)
    if not predictors:
        raise ParameterError("give item_pattern (items grouped into constructs) or predictors (attribute columns).")
    return {}, list(predictors)


def driver_table(survey: pd.DataFrame, constructs: Mapping[str, Sequence[str]], drivers: Sequence[str],
                 extra: Iterable[str | None] = ()) -> pd.DataFrame:
    """One row per respondent: construct scores (or the driver columns) plus the ``extra`` columns.

    ``None`` and ``""`` entries of ``extra`` (optional columns not given) are skipped; a name that is
    not a survey column is an error naming the closest column.
    """
    columns = list(dict.fromkeys(c for c in extra if c))
    check_columns(survey, columns if constructs else [*drivers, *columns], "a parameter's")
    data = construct_scores(survey, constructs) if constructs else survey[list(drivers)].copy()
    for column in columns:
        data[column] = survey[column]
    return data


def satisfaction_chain(constructs: Mapping[str, Sequence[str]],
                       outcomes: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Structural paths of an ECSI-type chain: every driver construct -> the first outcome -> the next ...

    ``outcomes`` lists the outcome constructs in causal order (name -> items).
    """
    names = list(outcomes)
    if not names:
        raise ParameterError("outcomes must name at least one outcome construct with its items.")
    paths = {c: [names[0]] for c in constructs}
    paths.update({a: [b] for a, b in zip(names, names[1:], strict=False)})
    return paths


def item_scales(constructs: Mapping[str, Sequence[str]], scale: Sequence[float],
                outcomes: Mapping[str, Sequence[str]], outcome_scales: Mapping[str, Sequence[float]] | None,
                survey: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Rating scale of every item of a PLS model: ``scale`` for driver items, ``outcome_scales`` for
    outcome items (default: each outcome item's observed range).

    Examples
    --------
    >>> s = pd.DataFrame({"o1": [2, 9]})
    >>> scales = item_scales({"speed": ["q1"]}, (1, 7), {"SAT": ["o1"]}, None, s)
    >>> scales["q1"], scales["o1"] == (2, 9)
    ((1, 7), True)
    """
    scales = {item: tuple(scale) for items in constructs.values() for item in items}
    if outcome_scales:
        scales.update({item: tuple(v) for item, v in outcome_scales.items()})
    else:
        scales.update({item: (survey[item].min(), survey[item].max()) for items in outcomes.values() for item in items})
    return scales


@dataclass(frozen=True)
class StructuralModel:
    """What notebook 03's PLS path model estimates.

    Attributes
    ----------
    paths : list of (from, to)
        The structural (inner) model.
    blocks : dict
        Items of every construct, in the order of every output.
    target : str
        The construct the importance-performance map explains: the last outcome
        construct, or (in a free model without outcomes) the last construct, in
        block order, that points at no other.
    mapped : list of str or None
        The constructs the map shows (the survey's driver constructs that are in
        the model); None = every construct with an effect on ``target``.
    outcomes : dict
        The outcome constructs' items (their scale may differ from the drivers').
    """

    paths: list
    blocks: dict
    target: str
    mapped: list | None
    outcomes: dict

    def drivers(self) -> dict:
        """The blocks that are not outcome constructs (their items are on the survey's attribute scale)."""
        return {c: items for c, items in self.blocks.items() if c not in self.outcomes}


def structural_model(constructs: Mapping[str, Sequence[str]], outcomes: Mapping[str, Sequence[str]] | None = None,
                     *, paths: Sequence[Sequence[str]] | None = None,
                     blocks: Mapping[str, Sequence[str]] | None = None) -> StructuralModel | None:
    """The structural model of a survey: the study's own paths, or the default ECSI-type chain.

    Parameters
    ----------
    constructs : mapping
        The survey's driver constructs (name -> items), from :func:`survey_drivers`.
    outcomes : mapping, optional
        Outcome constructs in causal order (name -> items). Without ``paths`` the
        model is :func:`satisfaction_chain` (every driver -> the first outcome ->
        the next).
    paths : list of [from, to], optional
        A free inner model, e.g. the full ECSI model ``[["IMAG", "EXPE"], ...]``.
    blocks : mapping, optional
        Items of every construct of a free model; default ``constructs`` plus ``outcomes``.

    Returns
    -------
    StructuralModel or None
        None when there is nothing to estimate (no ``paths`` and no outcome or no
        driver construct).

    Examples
    --------
    >>> m = structural_model({}, paths=[["IMAG", "SAT"], ["SAT", "LOY"], ["IMAG", "LOY"]],
    ...                      blocks={"IMAG": ["i1", "i2"], "SAT": ["s1"], "LOY": ["l1", "l2"]})
    >>> m.target, m.mapped
    ('LOY', None)
    >>> structural_model({"speed": ["q1"]}, None) is None
    True
    """
    outcomes = dict(outcomes or {})
    if paths is None:
        if not outcomes or not constructs:
            return None
        chain = satisfaction_chain(constructs, outcomes)
        pairs = [(a, b) for a, targets in chain.items() for b in targets]
        return StructuralModel(pairs, {**constructs, **outcomes}, list(outcomes)[-1], list(constructs), outcomes)
    if isinstance(paths, (str, Mapping)) or not all(
            not isinstance(p, str) and isinstance(p, Sequence) and len(p) == 2 for p in paths):
        raise ParameterError(f"pls_paths must be a list of [from, to] pairs, e.g. [[IMAG, EXPE], [EXPE, SAT]]; "
                             f"got {paths!r}.")
    pairs = [(str(a), str(b)) for a, b in paths]
    blocks = {str(c): [items] if isinstance(items, str) else list(items)
              for c, items in (blocks or {**constructs, **outcomes}).items()}
    named = list(dict.fromkeys(c for p in pairs for c in p))
    missing = [c for c in named if c not in blocks]
    if missing:
        raise ParameterError(f"pls_paths names construct(s) {missing} without items; give their items in "
                             f"pls_blocks, e.g. {{{missing[0]}: [item1, item2]}} (constructs with items: "
                             f"{list(blocks)}).")
    blocks = {c: items for c, items in blocks.items() if c in named}
    sources = {a for a, _ in pairs}
    target = ([c for c in outcomes if c in blocks] or [c for c in blocks if c not in sources])[-1]
    mapped = [c for c in constructs if c in blocks and c != target] or None
    return StructuralModel(pairs, blocks, target, mapped, {c: i for c, i in outcomes.items() if c in blocks})
