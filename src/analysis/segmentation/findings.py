"""Headline findings of a segmentation, as sentences built from the results.

Every sentence notebook 01 shows is built here from the numbers of its tables
(the words come from :mod:`analysis.messages.segmentation`), so the notebook
only displays them.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.checks import Interval, validate_params
from analysis.messages import msg
from analysis.segmentation.clustering import KSelection
from analysis.segmentation.one_to_one import OneToOne
from analysis.segmentation.rfm import score_values
from analysis.segmentation.tiers import Concentration

__all__ = [
    "segmentation_findings",
    "data_sentence",
    "score_rule_differences",
    "rules_differ_sentence",
    "tier_findings",
    "one_to_one_findings",
    "chosen_k_sentence",
    "channel_sentence",
    "bullet_list",
]

_SHARE = [Interval(float, 0, 1, closed="both")]


def _what(what: str, language: str | None) -> str:
    return msg(f"segmentation.what.{what}", language=language)


def bullet_list(lines) -> str:
    """Markdown bullet list of sentences.

    Examples
    --------
    >>> print(bullet_list(["One.", "Two."]))
    - One.
    - Two.
    """
    return "\n".join(f"- {line}" for line in lines)


def data_sentence(title: str, facts: Mapping, *, language: str | None = None) -> str:
    """"**Title**: n transactions of m customers, first to last date." from the overview's facts.

    Examples
    --------
    >>> data_sentence("Demo", {"transactions": 1200, "customers": 300, "first_date": "2024-01-01",
    ...                        "last_date": "2024-12-31"})
    '**Demo**: 1,200 transactions of 300 customers, 2024-01-01 to 2024-12-31.'
    """
    return msg("segmentation.data.summary", language=language, title=title,
               transactions=int(facts["transactions"]), customers=int(facts["customers"]),
               first_date=facts["first_date"], last_date=facts["last_date"])


@validate_params({"table": ["frame"], "bins": [Interval(int, 2, None, closed="left")]})
def score_rule_differences(table: pd.DataFrame, bins: int = 5) -> dict[str, float]:
    """Share of customers whose R, F and M scores differ between the quantile rule and R's ``rfm`` rule.

    Parameters
    ----------
    table : DataFrame
        :func:`~analysis.segmentation.rfm` output (``recency_days``, ``frequency``, ``monetary``).
    bins : int
        Score levels.

    Returns
    -------
    dict
        ``{"r": share, "f": share, "m": share}``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"recency_days": [1, 2, 3, 4], "frequency": [1, 1, 1, 2],
    ...                   "monetary": [1.0, 2.0, 3.0, 4.0]})
    >>> sorted(score_rule_differences(t, 2))
    ['f', 'm', 'r']
    """
    out = {}
    for c, column in (("r", "recency_days"), ("f", "frequency"), ("m", "monetary")):
        better = c != "r"
        quantile = score_values(table[column], bins, higher_is_better=better)
        r_rule = score_values(table[column], bins, method="rfm_r", higher_is_better=better)
        out[c] = float((quantile != r_rule).mean())
    return out


def rules_differ_sentence(differences: Mapping[str, float], *, language: str | None = None) -> str:
    """The sentence saying how often the two scoring rules disagree (:func:`score_rule_differences`).

    Examples
    --------
    >>> rules_differ_sentence({"r": 0.1, "f": 0.0, "m": 0.02})[:40]
    "On this data the R rfm package's rule gi"
    """
    return msg("segmentation.finding.rules_differ", language=language, **differences)


@validate_params({"top": _SHARE, "what": [str]})
def tier_findings(conc: Concentration, limits: Mapping, tier_table: pd.DataFrame, *, top: float = 0.2,
                  what: str = "revenue", language: str | None = None) -> list[str]:
    """Sentences on the concentration of value and the ABC tiers.

    Parameters
    ----------
    conc : Concentration
        :func:`~analysis.segmentation.concentration` of the value.
    limits : mapping
        :func:`~analysis.segmentation.abc_limits` of the value.
    tier_table : DataFrame
        :func:`~analysis.segmentation.tier_summary` (first row: tier A).
    top : float
        Share of customers for the "top x% bring y%" sentence.
    what : {"revenue", "margin"}
        What the value is.

    Returns
    -------
    list of str
        Top share, Gini, tier A, computed ABC limits.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import abc_limits, concentration, tier_summary, value_tiers
    >>> v = pd.Series([50.0, 30.0, 10.0, 6.0, 4.0], index=list("abcde"))
    >>> lines = tier_findings(concentration(v), abc_limits(v), tier_summary(value_tiers(v)), top=0.2)
    >>> lines[2]
    'Tier A holds 2 customers (40.0%) who bring 80.0% of revenue.'
    """
    label = _what(what, language)
    n = int(tier_table["customers"].sum())
    a = tier_table.iloc[0]
    return [
        msg("segmentation.finding.top_share", language=language, top=top, share=conc.top_share(top), what=label),
        msg("segmentation.finding.gini", language=language, what=label, gini=conc.gini),
        msg("segmentation.finding.tiers", language=language, a_customers=int(a["customers"]),
            a_share=a["customer_share"], a_value=a["value_share"], what=label),
        msg("segmentation.finding.abc_computed", language=language, n_a=limits["n_a"], a_share=limits["n_a"] / n,
            a_value=limits["ab_y"], n_c=limits["n_c"], c_share=limits["n_c"] / n, what=label),
    ]


@validate_params({"top": _SHARE, "what": [str]})
def one_to_one_findings(oto: OneToOne, *, top: float = 0.1, what: str = "revenue",
                        language: str | None = None) -> list[str]:
    """Sentences on the one-to-one classes, then the notes on classes that could not be computed.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import one_to_one_classes
    >>> t = pd.DataFrame({"monetary": [100.0, 10.0, 50.0]}, index=pd.Index(list("abc"), name="customer_id"))
    >>> c = pd.DataFrame({"customer_id": list("abc"), "cost_to_serve": [20.0, 15.0, 5.0]})
    >>> one_to_one_findings(one_to_one_classes(t, c, top_share=0.34), top=0.34)[1]
    '1 customers (33.3%) are below zero: their margin does not cover their cost to serve.'
    """
    table = oto.table
    lines = [msg("segmentation.finding.one_to_one", language=language,
                 most_valuable=int(table["most_valuable"].sum()), top=top, what=_what(what, language))]
    if "most_growable" not in oto.notes:
        lines.append(msg("segmentation.finding.most_growable", language=language,
                         most_growable=int(table["most_growable"].sum())))
    if "below_zero" not in oto.notes:
        below = int(table["below_zero"].sum())
        lines.append(msg("segmentation.finding.below_zero", language=language, below_zero=below,
                         share=below / len(table)))
    return lines + list(oto.notes.values())


def chosen_k_sentence(selection: KSelection, *, language: str | None = None) -> str:
    """"Chosen: k = 3 by silhouette." for a :class:`~analysis.segmentation.KSelection`.

    Examples
    --------
    >>> import pandas as pd
    >>> chosen_k_sentence(KSelection(pd.DataFrame(), 3, "calinski_harabasz", "kmeans"))
    'Chosen: **k = 3** by calinski-harabasz.'
    """
    return msg("segmentation.finding.chosen_k", language=language, k=selection.best_k,
               criterion=selection.criterion.replace("_", "-"))


def channel_sentence(ari: float | None, *, language: str | None = None) -> str:
    """How far the clusters mirror the acquisition channels (adjusted Rand index ``ari``).

    ``None`` (no acquisition channel in the study) gives the sentence saying so.

    Examples
    --------
    >>> channel_sentence(0.01).endswith("which cluster they fall in.")
    True
    >>> channel_sentence(None)
    'This study has no `acquisition_channel` column in a customers table.'
    """
    if ari is None:
        return msg("segmentation.finding.no_channels", language=language)
    reading = "segmentation.finding.channels_across" if ari < 0.05 else "segmentation.finding.channels_mirror"
    return msg("segmentation.finding.channels", language=language, ari=ari) + " " + msg(reading, language=language)


def segmentation_findings(
    summary: pd.DataFrame,
    conc: Concentration,
    *,
    top: float = 0.2,
    stages: pd.DataFrame | None = None,
    lost_days: int | None = None,
    selection: KSelection | None = None,
    stability: pd.DataFrame | None = None,
    what: str = "revenue",
    language: str | None = None,
) -> dict[str, str]:
    """Key -> sentence for the notebook's findings (numbers computed, never typed).

    Parameters
    ----------
    summary : DataFrame
        :func:`~analysis.segmentation.segment_summary` of the RFM segments.
    conc : Concentration
        :func:`~analysis.segmentation.concentration` of the value.
    top : float
        Share of customers for the "top x% bring y%" sentence.
    stages : DataFrame, optional
        :func:`~analysis.segmentation.lifecycle_stages` output (with ``lost_days``).
    selection, stability : optional
        :func:`~analysis.segmentation.choose_k` and
        :func:`~analysis.segmentation.cluster_stability` results.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import concentration
    >>> s = pd.DataFrame({"customer_share": [0.7, 0.3], "revenue_share": [0.2, 0.8]},
    ...                  index=pd.Index(["Lost", "Champions"], name="segment"))
    >>> f = segmentation_findings(s, concentration([1.0, 1.0, 2.0, 6.0]), top=0.25)
    >>> f["top_share"]
    'The top 25% of customers bring 60.0% of revenue.'
    """
    label = msg(f"segmentation.what.{what}", language=language)
    out = {
        "top_share": msg("segmentation.finding.top_share", language=language, top=top,
                         share=conc.top_share(top), what=label),
        "gini": msg("segmentation.finding.gini", language=language, what=label, gini=conc.gini),
    }
    largest = summary["customer_share"].idxmax()
    richest = summary["revenue_share"].idxmax()
    out["largest_segment"] = msg(
        "segmentation.finding.largest_segment", language=language, segment=largest,
        share=summary.loc[largest, "customer_share"], revenue_share=summary.loc[largest, "revenue_share"],
        top_segment=richest, top_revenue_share=summary.loc[richest, "revenue_share"],
        top_share=summary.loc[richest, "customer_share"])
    if stages is not None and lost_days is not None:
        shares = stages["stage"].value_counts(normalize=True)
        out["stages"] = msg("segmentation.finding.stages", language=language,
                            lost_share=float(shares.get("lost", 0.0)),
                            at_risk_share=float(shares.get("at_risk", 0.0)), lost_days=lost_days)
    if selection is not None and stability is not None:
        j = stability["mean_jaccard"]
        out["clusters"] = msg(
            "segmentation.finding.clusters", language=language,
            method="k-means" if selection.method == "kmeans" else "The Gaussian mixture",
            k=len(stability), criterion=selection.criterion.replace("_", "-"),
            n_stable=int((j >= 0.75).sum()), n_doubtful=int(((j >= 0.6) & (j < 0.75)).sum()),
            n_unstable=int((j < 0.6).sum()))
    return out
