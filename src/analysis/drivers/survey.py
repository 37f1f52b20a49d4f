"""From a survey to what the driver models take: constructs, the driver table, the structural chain.

These are the steps notebook 03 takes before any model: group item columns into
constructs (or use listed attribute columns), score them, and lay out the
ECSI-type chain "every service dimension -> the first outcome -> the next".

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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from analysis.checks import validate_params
from analysis.drivers.reliability import construct_scores, group_items
from analysis.errors import ParameterError

__all__ = ["driver_table", "item_scales", "satisfaction_chain", "survey_drivers"]


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

    ``None`` entries of ``extra`` (optional columns not given) are skipped.
    """
    data = construct_scores(survey, constructs) if constructs else survey[list(drivers)].copy()
    for column in dict.fromkeys(c for c in extra if c is not None):
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
