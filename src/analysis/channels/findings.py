"""The sentences of the channel comparison (notebook 04), built from the result tables.

Every number a sentence cites is read from a table the notebook shows and writes
(rates, lifts, incremental revenue, adjusted effects, economics), never typed in,
and every word comes from the message catalog (``messages/channels.py``), so a
report in another language needs only a catalog.

Two kinds of output:

- ``*_texts`` functions: the interpretation under each section, a list of sentences;
- :func:`channel_findings`: the headline findings, key -> sentence, ranked by
  business impact (campaign profit, acquisition economics, lifetime economics,
  effect of adjustment).

Examples
--------
>>> import pandas as pd
>>> from analysis.channels import compare_rates
>>> df = pd.DataFrame({"channel": ["web"] * 50 + ["store"] * 50,
...                    "bought": [1] * 20 + [0] * 30 + [1] * 10 + [0] * 40})
>>> rates_text(compare_rates(df, "channel", "bought"))[:56]
'bought: rates range from 20.00% (store) to 40.00% (web).'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.channels.adjusted import AdjustedComparison
from analysis.channels.continuous import MeanComparison, SpendComparison
from analysis.channels.power import mde_rates
from analysis.channels.rates import RateComparison
from analysis.messages import msg

__all__ = [
    "rates_text",
    "means_text",
    "spend_texts",
    "lift_texts",
    "adjusted_texts",
    "economics_texts",
    "lifetime_texts",
    "channel_findings",
    "numbered",
]


def rates_text(result: RateComparison, *, language: str | None = None) -> str:
    """Range of the rates, the chi-square test and how many pairs differ.

    Cites ``result.groups["rate"]``, ``result.omnibus`` (``p_value``, ``cramers_v``)
    and ``result.pairwise["significant"]``.
    """
    g, o = result.groups, result.omnibus.iloc[0]
    return msg("channels.text.rates", language=language, outcome=result.outcome, low=g["rate"].idxmin(),
               low_rate=g["rate"].min(), high=g["rate"].idxmax(), high_rate=g["rate"].max(), p=o["p_value"],
               v=o["cramers_v"], n_sig=int(result.pairwise["significant"].sum()), n_pairs=len(result.pairwise),
               correction=result.correction)


def means_text(result: MeanComparison, label: str, *, language: str | None = None) -> str:
    """The test chosen, why, its p-value and effect sizes, and how many pairs differ.

    ``label`` names the outcome in the sentence (e.g. "spend (buyers)").
    """
    o = result.omnibus.iloc[0]
    return msg("channels.text.means", language=language, outcome=label, test=result.test, reason=result.reason,
               p=o["p_value"], eta2=o["eta_squared"], omega2=o["omega_squared"],
               n_sig=int(result.pairwise["significant"].sum()), n_pairs=len(result.pairwise), alpha=result.alpha,
               posthoc=result.posthoc)


def spend_texts(result: SpendComparison, outcome: str, *, language: str | None = None) -> list[str]:
    """Sentences of a spend comparison: the test among buyers, the test per customer, and the split.

    The split sentence cites :meth:`SpendComparison.summary` (buyer share, spend per
    buyer and per customer of the channels with the highest and lowest spend per customer).
    """
    s = result.summary()
    best, worst = s["spend_per_customer"].idxmax(), s["spend_per_customer"].idxmin()
    return [
        means_text(result.among_buyers, msg("channels.label.buyers", language=language, outcome=outcome),
                   language=language),
        means_text(result.per_customer, msg("channels.label.per_customer", language=language, outcome=outcome),
                   language=language),
        msg("channels.text.spend_split", language=language, best=best, worst=worst,
            best_spend=s.loc[best, "spend_per_customer"], best_share=s.loc[best, "buyer_share"],
            worst_share=s.loc[worst, "buyer_share"], best_buyer=s.loc[best, "spend_per_buyer"],
            worst_buyer=s.loc[worst, "spend_per_buyer"]),
    ]


def lift_texts(lift: pd.DataFrame, control: object, outcome: str, *, alpha: float = 0.05, power: float = 0.8,
               language: str | None = None) -> list[str]:
    """For each arm of a binary :func:`~analysis.channels.campaign_lift` table: its lift and the
    minimum detectable difference of the comparison (:func:`~analysis.channels.mde_rates`)."""
    out = []
    for _, r in lift.iterrows():
        out.append(msg("channels.text.lift", language=language, arm=r["arm"], control=control, outcome=outcome,
                       treat=r["mean"], ctrl=r["mean_control"], lift_pp=100 * r["estimate"],
                       lo_pp=100 * r["ci_low"], hi_pp=100 * r["ci_high"], rel=r["rel_lift"]))
        mde = mde_rates(float(r["mean_control"]), int(r["n"]), int(r["n_control"]), alpha=alpha, power=power)
        out.append(msg("channels.text.mde", language=language, outcome=outcome, alpha=alpha, power=power, mde=mde,
                       a=r["arm"], b=control))
    return out


def adjusted_texts(result: AdjustedComparison, outcome: str, *, language: str | None = None) -> list[str]:
    """For each group: its unadjusted and adjusted difference from the reference (with the interval)."""
    return [msg("channels.text.adjusted", language=language, group=r["group"], reference=result.reference,
                outcome=outcome, raw=r["unadjusted"], adj=r["estimate"], covariates=", ".join(result.covariates),
                lo=r["ci_low"], hi=r["ci_high"])
            for _, r in result.effects.iterrows()]


def economics_texts(eco: pd.DataFrame, *, max_months: int = 24, language: str | None = None) -> list[str]:
    """Best and worst value-to-cost ratio of :func:`~analysis.channels.channel_economics`, then the
    payback month of each channel (``max_months``: the longest payback looked for)."""
    best, worst = eco.index[0], eco.index[-1]
    out = [msg("channels.text.economics", language=language, best=best, best_ratio=eco.loc[best, "value_to_cost"],
               best_value=eco.loc[best, "first_year_value"], best_cac=eco.loc[best, "cac"], worst=worst,
               worst_ratio=eco.loc[worst, "value_to_cost"])]
    for channel, r in eco.iterrows():
        if pd.notna(r["payback_months"]):
            out.append(msg("channels.text.payback", language=language, channel=channel, months=r["payback_months"]))
        else:
            out.append(msg("channels.text.no_payback", language=language, channel=channel, months=max_months))
    return out


def lifetime_texts(life: pd.DataFrame, *, horizon_weeks: float, language: str | None = None) -> list[str]:
    """The channel with the best lifetime value / CAC (interval, parts, P(best)) and the worst; then
    the bound on what parameter uncertainty adds (``residual_param_se_bound``; left out when unknown)."""
    best, worst = life.index[0], life.index[-1]
    b = life.loc[best]
    texts = [
        msg("channels.text.lifetime", language=language, years=horizon_weeks / 52, best=best,
            ratio=b["value_to_cost"], lo=b.get("value_to_cost_ci_low", np.nan),
            hi=b.get("value_to_cost_ci_high", np.nan), to_date=b["value_to_date"], residual=b["residual_value"],
            cac=b["cac"], p_best=b.get("p_best", np.nan), worst=worst, worst_ratio=life.loc[worst, "value_to_cost"]),
    ]
    bound = life["residual_param_se_bound"].max()
    if np.isfinite(bound):
        texts.append(msg("channels.text.lifetime_note", language=language, bound=bound))
    return texts


def channel_findings(
    *,
    incremental: pd.DataFrame | None = None,
    lifts: Mapping[str, pd.DataFrame] | None = None,
    lift_outcome: str | None = None,
    control: object | None = None,
    economics: pd.DataFrame | None = None,
    lifetime: pd.DataFrame | None = None,
    adjusted: Mapping[str, AdjustedComparison] | None = None,
    language: str | None = None,
) -> dict[str, str]:
    """Headline findings of notebook 04, key -> sentence, ranked by business impact.

    Parameters
    ----------
    incremental : DataFrame, optional
        :func:`~analysis.channels.incremental_revenue`; with ``lifts``, ``lift_outcome``
        and ``control`` gives the "lift" finding: the arm with the highest total
        incremental profit, its lift in ``lifts[lift_outcome]`` and its incremental
        revenue per contact and in total.
    economics : DataFrame, optional
        :func:`~analysis.channels.channel_economics` (best value-to-cost first): the
        "economics" finding.
    lifetime : DataFrame, optional
        :func:`~analysis.channels.lifetime_economics`; with ``economics`` the
        "lifetime" finding (does the ranking change?).
    adjusted : mapping, optional
        outcome -> :class:`~analysis.channels.AdjustedComparison`; the first one gives
        the "adjusted" finding (the group whose effect moves most).

    Returns
    -------
    dict
        Keys among ``lift``, ``economics``, ``lifetime``, ``adjusted``, in that order.

    Examples
    --------
    >>> import pandas as pd
    >>> eco = pd.DataFrame({"value_to_cost": [1.5, 0.8]}, index=["web", "store"])
    >>> channel_findings(economics=eco)["economics"][:40]
    'web acquires the most valuable customers'
    """
    out: dict[str, str] = {}
    if incremental is not None and len(incremental) and lifts and lift_outcome in lifts:
        top = incremental.sort_values("total_incremental_profit", ascending=False).iloc[0]
        row = lifts[lift_outcome].set_index("arm").loc[top["arm"]]
        out["lift"] = msg("channels.finding.lift", language=language, arm=top["arm"], outcome=lift_outcome,
                          lift_pp=100 * row["estimate"], control=control, lo_pp=100 * row["ci_low"],
                          hi_pp=100 * row["ci_high"], inc=top["estimate"], total=top["total_incremental_revenue"])
    if economics is not None and len(economics):
        ratio = economics["value_to_cost"]
        key = "channels.finding.economics" if ratio.iloc[-1] < 1 else "channels.finding.economics_all"
        out["economics"] = msg(key, language=language, best=economics.index[0], ratio=ratio.iloc[0],
                               worst=economics.index[-1], worst_ratio=ratio.iloc[-1])
    if lifetime is not None and economics is not None and len(lifetime):
        same = list(lifetime.index) == list(economics.index)
        key = "channels.finding.lifetime_same" if same else "channels.finding.lifetime_changed"
        out["lifetime"] = msg(key, language=language, best=lifetime.index[0],
                              ratio=lifetime["value_to_cost"].iloc[0],
                              lo=lifetime["value_to_cost_ci_low"].iloc[0] if "value_to_cost_ci_low" in lifetime
                              else np.nan,
                              hi=lifetime["value_to_cost_ci_high"].iloc[0] if "value_to_cost_ci_high" in lifetime
                              else np.nan,
                              worst=lifetime.index[-1], worst_ratio=lifetime["value_to_cost"].iloc[-1],
                              first_year_best=economics.index[0])
    if adjusted:
        outcome, adj = next(iter(adjusted.items()))
        r = adj.effects.loc[adj.effects["shift"].abs().idxmax()]
        out["adjusted"] = msg("channels.finding.adjusted", language=language, arm=r["group"], outcome=outcome,
                              raw=r["unadjusted"], adj=r["estimate"])
    return out


def numbered(sentences: Sequence[str]) -> str:
    """Sentences as a numbered Markdown list (for the findings section).

    Examples
    --------
    >>> print(numbered(["A.", "B."]))
    1. A.
    2. B.
    """
    return "\n".join(f"{i}. {text}" for i, text in enumerate(sentences, 1))
