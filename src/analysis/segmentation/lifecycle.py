"""Lifecycle stages from purchase timing, and the stage-by-segment table.

Stages, decided in this order (the first that applies wins):

``lost``     no purchase for more than ``lost_days`` (recency > lost_days);
``at_risk``  no purchase for more than ``at_risk_days``;
``new``      first purchase at most ``new_days`` before the analysis date;
``loyal``    at least ``loyal_purchases`` purchase days;
``active``   everyone else (bought recently, not new, not yet loyal).

The thresholds are parameters because the right ones depend on how often the
business's customers buy: a gym and a car dealer lose customers on very
different clocks. A useful start for ``at_risk_days`` is two to three times the
median time between purchases of repeat buyers.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.checks import Interval, check_params, validate_params
from analysis.errors import DataValidationError, ParameterError
from analysis.messages import msg

__all__ = ["DEFAULT_STAGE_RULES", "STAGES", "check_stage_rules", "lifecycle_stages", "stage_by_segment"]

STAGES = ("new", "active", "loyal", "at_risk", "lost")
DEFAULT_STAGE_RULES: dict[str, int] = {
    "new_days": 90,
    "at_risk_days": 180,
    "lost_days": 365,
    "loyal_purchases": 4,
}


def check_stage_rules(rules: Mapping | None) -> dict[str, int]:
    """The lifecycle rules *rules* merged over :data:`DEFAULT_STAGE_RULES`, checked (a study's
    ``lifecycle:`` section is checked with this too).

    Examples
    --------
    >>> check_stage_rules({"lost_days": 400})["lost_days"]
    400
    """
    merged = dict(DEFAULT_STAGE_RULES)
    if rules:
        unknown = sorted(set(rules) - set(DEFAULT_STAGE_RULES))
        if unknown:
            raise ParameterError(
                f"Unknown lifecycle rule(s) {unknown}; the rules are {sorted(DEFAULT_STAGE_RULES)}."
            )
        merged.update(rules)
    check_params({key: [Interval(int, 1, None, closed="left")] for key in merged}, merged, "lifecycle_stages")
    if not merged["new_days"] <= merged["at_risk_days"] < merged["lost_days"]:
        raise ParameterError(
            "Lifecycle rules must satisfy new_days <= at_risk_days < lost_days; got "
            f"new_days={merged['new_days']}, at_risk_days={merged['at_risk_days']}, "
            f"lost_days={merged['lost_days']}."
        )
    return merged


@validate_params({"table": ["frame"], "rules": [Mapping, None]})
def lifecycle_stages(table: pd.DataFrame, rules: Mapping | None = None, *,
                     language: str | None = None) -> pd.DataFrame:
    """Lifecycle stage per customer from an RFM table.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`analysis.segmentation.rfm` (needs ``recency_days``,
        ``frequency`` and ``tenure_days``; a missing or NaN ``tenure_days``, as in
        customer-level input without a first-purchase date, means "new" cannot be
        told and such customers get the next stage that applies).
    rules : mapping, optional
        Any of ``new_days``, ``at_risk_days``, ``lost_days``, ``loyal_purchases``
        (defaults in :data:`DEFAULT_STAGE_RULES`).
    language : str, optional
        Language of the ``stage_name`` labels.

    Returns
    -------
    DataFrame
        Indexed like ``table``: ``stage`` (categorical key in :data:`STAGES`
        order) and ``stage_name`` (the reader's label).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [10, 10, 10, 200, 400],
    ...                   "frequency": [1, 2, 6, 3, 1], "tenure_days": [20, 300, 300, 500, 400]})
    >>> lifecycle_stages(t)["stage"].tolist()
    ['new', 'active', 'loyal', 'at_risk', 'lost']
    """
    r = check_stage_rules(rules)
    missing = [c for c in ("recency_days", "frequency") if c not in table.columns]
    if missing:
        raise DataValidationError(f"table lacks column(s) {missing}; pass the output of rfm().")
    rec = table["recency_days"].to_numpy()
    tenure = (table["tenure_days"].to_numpy(dtype=float) if "tenure_days" in table.columns
              else np.full(len(table), np.nan))  # unknown tenure (customer-level input): never "new"
    stage = np.select(
        [
            rec > r["lost_days"],
            rec > r["at_risk_days"],
            tenure <= r["new_days"],
            table["frequency"].to_numpy() >= r["loyal_purchases"],
        ],
        ["lost", "at_risk", "new", "loyal"],
        default="active",
    )
    stage_cat = pd.Categorical(stage, categories=list(STAGES))
    names = [msg(f"segmentation.stage.{s}", language=language) for s in STAGES]
    stage_name = pd.Categorical.from_codes(stage_cat.codes, categories=names)
    return pd.DataFrame({"stage": stage_cat, "stage_name": stage_name}, index=table.index)


@validate_params({"stages": [pd.Series], "segments": [pd.Series], "normalize": [bool]})
def stage_by_segment(stages: pd.Series, segments: pd.Series, *, normalize: bool = False) -> pd.DataFrame:
    """Cross table of lifecycle stage (rows) by segment (columns), with totals.

    Parameters
    ----------
    stages, segments : Series
        Per-customer labels sharing the same index.
    normalize : bool
        Shares of all customers instead of counts.

    Examples
    --------
    >>> import pandas as pd
    >>> st = pd.Series(["new", "lost", "lost"]); sg = pd.Series(["A", "B", "B"])
    >>> stage_by_segment(st, sg).loc["lost", "B"]
    np.int64(2)
    """
    if not stages.index.equals(segments.index):
        raise DataValidationError("stages and segments must share the same customer index.")
    return pd.crosstab(stages, segments, margins=True, margins_name=msg("labels.table.total"),
                       normalize="all" if normalize else False, dropna=False)
