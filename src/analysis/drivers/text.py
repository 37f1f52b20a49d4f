"""Generated sentences for the drivers report: every number comes from a result.

Templates live in :mod:`analysis.messages` (``drivers.*`` keys), so the words can be
translated without touching the analysis.

Examples
--------
>>> import pandas as pd
>>> rel = pd.DataFrame({"alpha": [0.85, 0.62]}, index=pd.Index(["speed", "staff"], name="construct"))
>>> reliability_text(rel)
"1 of 2 constructs reach Cronbach's alpha 0.7 or more (lowest: staff, alpha 0.62)."
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.messages import msg

__all__ = ["gap_text", "improvement_list", "model_text", "pls_text", "priority_text", "reliability_text",
           "survey_text", "top_driver_text", "collinearity_text"]


def survey_text(survey: pd.DataFrame, drivers) -> str:
    """How many respondents the survey has and which drivers are analysed.

    Examples
    --------
    >>> survey_text(pd.DataFrame({"a": range(1200)}), ["speed", "staff"])
    '1,200 respondents; drivers: speed, staff.'
    """
    return msg("drivers.text.survey", n=len(survey), drivers=", ".join(str(d) for d in drivers))


def model_text(model) -> str:
    """How much a fitted :class:`~analysis.drivers.KeyDriverRegression` explains, and why its
    coefficients are fragile (:func:`collinearity_text`)."""
    return msg("drivers.text.model", r2=model.r2_, outcome=model.outcome_, n=model.n_) + " " + collinearity_text(model)


def pls_text(model, target: str) -> str:
    """How much a fitted :class:`~analysis.drivers.PLSPathModel` explains of ``target``, and its fit."""
    return msg("drivers.text.pls", r2_target=model.r2_[target], target=target, gof=model.gof_, n=model.n_obs_)


def reliability_text(reliability_table: pd.DataFrame, threshold: float = 0.7) -> str:
    """One sentence on how many constructs are reliable (see :func:`~analysis.drivers.reliability`)."""
    low = reliability_table["alpha"].idxmin()
    return msg("drivers.text.reliability", n_ok=int((reliability_table["alpha"] >= threshold).sum()),
               n=len(reliability_table), threshold=threshold, low_name=low,
               low_alpha=float(reliability_table.loc[low, "alpha"]))


def collinearity_text(model) -> str:
    """Why the coefficients of a fitted :class:`~analysis.drivers.KeyDriverRegression` are fragile.

    Examples
    --------
    >>> from analysis.drivers import KeyDriverRegression
    >>> df = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6], "b": [2, 1, 4, 3, 6, 5], "y": [1, 3, 2, 5, 4, 6]})
    >>> collinearity_text(KeyDriverRegression().fit(df, "y", ["a", "b"]))[:40]
    'The attributes correlate (mean correlati'
    """
    x = model._x
    c = np.corrcoef(x, rowvar=False)
    off = c[~np.eye(len(c), dtype=bool)]
    return msg("drivers.text.vif", max_vif=float(model.vif_.max()), mean_corr=float(off.mean()))


def top_driver_text(model) -> str:
    """Headline on the strongest driver of a fitted :class:`~analysis.drivers.RelativeImportance`
    (bootstrapped)."""
    t = model.importance_
    top = t["share"].idxmax()
    j = list(t.index).index(top)
    p_first = float(np.mean(np.argmax(model.boot_, axis=1) == j)) if len(model.boot_) else np.nan
    return msg("drivers.finding.top_driver", top=top, outcome=t.attrs["outcome"],
               share=float(t.loc[top, "share"]), low=float(t.loc[top, "share_low"]),
               high=float(t.loc[top, "share_high"]), level=1 - t.attrs["alpha"], p_first=p_first)


def gap_text(gaps: pd.DataFrame, level: str = "dimension") -> str:
    """Headline on the largest shortfall in :func:`~analysis.drivers.servqual_gaps` output."""
    t = gaps.loc[gaps["level"] == level].set_index("name")
    name = t["estimate"].idxmin()
    r = t.loc[name]
    return msg("drivers.finding.gap", name=name, perception=r["perception"], expectation=r["expectation"],
               gap=r["estimate"], low=r["ci_low"], high=r["ci_high"])


def priority_text(ipa: pd.DataFrame, n_then: int = 2) -> str:
    """Headline on what to improve first, from :func:`~analysis.drivers.ipa_from_survey` output."""
    t = ipa.sort_values("priority_rank")
    first = t.index[0]
    rest = [str(i) for i in t.index[1:1 + n_then]]
    then = msg("drivers.finding.priority_then", names=", ".join(rest)) if rest else ""
    return msg("drivers.finding.priority", first=first, share=float(t.loc[first, "importance"]),
               performance=float(t.loc[first, "performance"]),
               p_top=float(t.loc[first, "prob_top_priority"]) if "prob_top_priority" in t else np.nan,
               then=then)


def improvement_list(ipa: pd.DataFrame, n: int | None = None) -> str:
    """A numbered Markdown list of attributes in improve-first order with their uncertainty.

    Needs the bootstrap columns of :func:`~analysis.drivers.ipa_from_survey`.
    """
    t = ipa.sort_values("priority_rank")
    lines = []
    for k, (name, r) in enumerate(t.head(n if n is not None else len(t)).iterrows(), start=1):
        lines.append(msg("drivers.list.item", rank=k, name=name, quadrant=msg(f"drivers.quadrant.{r['quadrant']}"),
                         share=r["importance"], share_low=r["importance_low"], share_high=r["importance_high"],
                         performance=r["performance"], perf_low=r["performance_low"],
                         perf_high=r["performance_high"], rank_low=int(r["priority_rank_low"]),
                         rank_high=int(r["priority_rank_high"])))
    return "\n".join(lines)
