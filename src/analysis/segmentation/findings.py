"""Headline findings of a segmentation, as sentences built from the results."""

from __future__ import annotations

import pandas as pd

from analysis.messages import msg
from analysis.segmentation.clustering import KSelection
from analysis.segmentation.tiers import Concentration

__all__ = ["segmentation_findings"]


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
