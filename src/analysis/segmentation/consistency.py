"""Do the RFM segment names agree with the lifecycle stages, and the scoring rules with each other?

A segment name makes a claim about recency ("Loyal", "Champions": still buying;
"New": first purchase recently; "Lost": gone). The lifecycle stages
(:mod:`~analysis.segmentation.lifecycle`) make the same claim with absolute day
limits. :func:`segment_lifecycle_table` counts, per segment, the customers whose
stage the name contradicts, for the names the notebook shows and for the names
the score map alone would give, so a report can say how many names the
lifecycle changed and how many contradictions remain.

The stages a name allows are those of the lifecycle-consistent rule table
(:func:`~analysis.segmentation.default_segment_rules` with ``lifecycle=True``,
or a rule table's own ``stages`` column); a name no rule restricts allows every
stage.

:func:`score_rule_differences` says how often the quantile rule and R's ``rfm``
rule give a customer different scores.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.errors import DataValidationError
from analysis.segmentation.lifecycle import STAGES
from analysis.segmentation.rfm import assign_segments, default_segment_rules, score_values

__all__ = ["allowed_stages", "score_rule_differences", "segment_lifecycle_table"]


@validate_params({"table": ["frame"], "bins": [Interval(int, 2, None, closed="left")]})
def score_rule_differences(table: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Share of customers whose R, F and M scores differ between the quantile rule and R's ``rfm`` rule.

    Parameters
    ----------
    table : DataFrame
        :func:`~analysis.segmentation.rfm` output (``recency_days``, ``frequency``, ``monetary``).
    bins : int
        Score levels.

    Returns
    -------
    DataFrame
        Indexed by ``score`` (``recency``, ``frequency``, ``monetary`` when the
        table has money): ``share_differing``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [1, 2, 3, 4], "frequency": [1, 1, 1, 2],
    ...                   "monetary": [1.0, 2.0, 3.0, 4.0]})
    >>> score_rule_differences(t, 2).index.tolist()
    ['recency', 'frequency', 'monetary']
    """
    out = {}
    for name, column in (("recency", "recency_days"), ("frequency", "frequency"), ("monetary", "monetary")):
        if column not in table.columns:  # no money in the data: no monetary score to compare
            continue
        better = name != "recency"
        quantile = score_values(table[column], bins, higher_is_better=better)
        r_rule = score_values(table[column], bins, method="rfm_r", higher_is_better=better)
        out[name] = float((quantile != r_rule).mean())
    return pd.DataFrame({"share_differing": pd.Series(out)}).rename_axis("score")


def allowed_stages(rules: pd.DataFrame | None = None, *, language: str | None = None) -> dict[str, tuple[str, ...]]:
    """Segment name -> the lifecycle stages it allows (union over the rules naming it).

    Parameters
    ----------
    rules : DataFrame, optional
        A rule table with a ``stages`` column; default the lifecycle-consistent map.
    language : str, optional
        Language of the default names.

    Examples
    --------
    >>> allowed_stages()["Loyal"]
    ('active', 'loyal')
    >>> allowed_stages()["Lost"]
    ('lost',)
    """
    rules = default_segment_rules(lifecycle=True, language=language) if rules is None else rules
    if "stages" not in rules.columns:
        return {}
    out: dict[str, set] = {}
    for name, stages in zip(rules["segment"].astype(str), rules["stages"]):
        listed = tuple(stages.split()) if isinstance(stages, str) else tuple(stages or ())
        out.setdefault(name, set()).update(listed or STAGES)
    return {name: tuple(s for s in STAGES if s in stages) for name, stages in out.items()}


def _conflicts(segments: pd.Series, stage: pd.Series, allowed: dict[str, tuple[str, ...]]) -> np.ndarray:
    names = segments.astype(str).to_numpy()
    stages = stage.astype(str).to_numpy()
    return np.array([n in allowed and s not in allowed[n] for n, s in zip(names, stages)], dtype=bool)


@validate_params({"table": ["frame"], "stages": ["frame"], "bins": [Interval(int, 2, 20)]})
def segment_lifecycle_table(table: pd.DataFrame, stages: pd.DataFrame, rules=None, *, bins: int = 5,
                            language: str | None = None) -> pd.DataFrame:
    """Per segment: customers, those whose lifecycle stage the name contradicts, and the same by scores alone.

    Parameters
    ----------
    table : DataFrame
        :func:`~analysis.segmentation.rfm` output (scores and the ``segment`` shown).
    stages : DataFrame
        :func:`~analysis.segmentation.lifecycle_stages` output for the same customers.
    rules : DataFrame or list of dict, optional
        The rule table ``table`` was named with (None: the default map).
    bins : int
        Score levels of ``table``.
    language : str, optional
        Language of the default names.

    Returns
    -------
    DataFrame
        Indexed by ``segment`` (every name either naming uses): ``customers`` and
        ``conflicts`` (named so, in a stage the name does not allow), then
        ``score_map_customers`` and ``score_map_conflicts`` for the names the
        rule table gives on scores alone (no lifecycle), then ``at_risk`` and
        ``lost`` (score-map customers of the name in those stages), and
        ``stages_allowed`` (the stage keys the name allows, space-separated; empty:
        any stage).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import lifecycle_stages, rfm
    >>> tx = pd.DataFrame({"customer_id": ["a"] * 4 + ["b"] * 4 + ["c", "d"],
    ...                    "date": pd.to_datetime(["2022-01-01", "2022-02-01", "2022-03-01", "2022-04-01",
    ...                                            "2023-09-01", "2023-10-01", "2023-11-01", "2023-12-01",
    ...                                            "2023-12-20", "2021-01-01"]),
    ...                    "amount": [10.0] * 10})
    >>> rules = {"new_days": 30, "at_risk_days": 180, "lost_days": 365, "loyal_purchases": 4}
    >>> t = rfm(tx, "2023-12-31", lifecycle=rules)
    >>> t["segment"].tolist()
    ['Lost', 'Loyal', 'New', 'Lost']
    >>> check = segment_lifecycle_table(t, lifecycle_stages(t, rules))
    >>> check.loc[["At risk"], ["customers", "score_map_customers", "score_map_conflicts", "stages_allowed"]]
             customers  score_map_customers  score_map_conflicts stages_allowed
    segment
    At risk          0                    1                    1        at_risk

    By scores alone customer a (r = 2, f = 4) would be "At risk", but a has not bought
    for 639 days: lost.
    """
    if not table.index.equals(stages.index) or "stage" not in stages.columns:
        raise DataValidationError("stages must be the lifecycle_stages() output for the customers of table.")
    rule_table = default_segment_rules(lifecycle=True, language=language) if rules is None else rules
    if not isinstance(rule_table, pd.DataFrame):
        rule_table = pd.DataFrame([dict(r) for r in rule_table])
    allowed = allowed_stages(rule_table, language=language)
    scores_only = None if rules is None else rule_table.drop(columns="stages", errors="ignore")
    by_score = assign_segments(table, scores_only, bins=bins, language=language)
    stage = stages["stage"].astype(str)
    frame = pd.DataFrame({
        "shown": table["segment"].astype(str), "conflict": _conflicts(table["segment"], stage, allowed),
        "score": by_score.astype(str), "score_conflict": _conflicts(by_score, stage, allowed),
        "at_risk": (stage == "at_risk").to_numpy(), "lost": (stage == "lost").to_numpy(),
    }, index=table.index)
    shown = frame.groupby("shown").agg(customers=("conflict", "size"), conflicts=("conflict", "sum"))
    score = frame.groupby("score").agg(score_map_customers=("score_conflict", "size"),
                                       score_map_conflicts=("score_conflict", "sum"),
                                       at_risk=("at_risk", "sum"), lost=("lost", "sum"))
    order = list(dict.fromkeys([*rule_table["segment"].astype(str), *shown.index, *score.index]))
    out = shown.join(score, how="outer").reindex([n for n in order if n in shown.index or n in score.index])
    out = out.fillna(0).astype("int64")
    out["stages_allowed"] = [" ".join(allowed.get(name, ())) for name in out.index]
    out.index.name = "segment"
    return out
