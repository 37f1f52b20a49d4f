"""Findings and checks of customer segmentation (notebook 01).

Every number a sentence of notebook 01 uses is a :class:`~analysis.findings.Cite`
of a table the notebook writes:

``transaction_overview``  :func:`analysis.overview.transaction_overview` (``metric`` -> ``value``)
``customer_overview``     :func:`analysis.segmentation.customer_overview` (customer-level input, no log)
``settings``              :func:`settings_table`: the knobs a sentence quotes (``setting`` -> ``value``)
``score_rules``           :func:`analysis.segmentation.score_rule_differences`
``rfm_segments``          :func:`analysis.segmentation.segment_summary`
``concentration``         :func:`concentration_table`
``value_tiers``           :func:`analysis.segmentation.tier_summary`
``lifecycle_stages``      :func:`stage_table`
``segment_lifecycle``     :func:`analysis.segmentation.segment_lifecycle_table`
``one_to_one``            ``OneToOne.summary()``
``k_selection``           ``KSelection.summary()`` (its ``chosen`` row: the k the clusters use)
``k_picks``               ``KSelection.picks()``
``cluster_stability``     :func:`analysis.segmentation.cluster_stability`
``channel_agreement``     :func:`channel_table`

Labels that judge (the reading of the cluster structure, "stable", "cut across
the channels") are decided here from the same cited values.

Examples
--------
>>> import pandas as pd
>>> picks = pd.DataFrame({"k": [2, 2, 2, 1], "chosen": [True, False, False, False]},
...                      index=pd.Index(["silhouette", "calinski_harabasz", "davies_bouldin", "gap"],
...                                     name="criterion"))
>>> chosen = pd.DataFrame({"chosen": [False, True, False]}, index=pd.Index([1, 2, 3], name="k"))
>>> finding, check = cluster_structure(picks, chosen, method="k-means")
>>> check.status
'fail'
>>> finding.text()[:60]
'The gap statistic finds no cluster structure: its rule (the '
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.findings.core import Check, Cite, Finding
from analysis.messages import escape_markdown, msg

__all__ = [
    "settings_table", "concentration_table", "stage_table", "channel_table",
    "data_finding", "rules_differ_finding", "segment_findings", "tier_findings", "stage_finding",
    "segment_name_check", "small_segments_check", "one_to_one_findings", "cluster_structure",
    "stability_findings", "channel_finding",
]

SETTINGS, OVERVIEW, SEGMENTS, CONCENTRATION = "settings", "transaction_overview", "rfm_segments", "concentration"
TIERS, STAGES, NAMES, ONE_TO_ONE = "value_tiers", "lifecycle_stages", "segment_lifecycle", "one_to_one"
PICKS, STABILITY, CHANNELS, SCORE_RULES = "k_picks", "cluster_stability", "channel_agreement", "score_rules"
K_SELECTION, CUSTOMER_OVERVIEW = "k_selection", "customer_overview"
_STABLE, _DOUBTFUL, _WEAK = ("stable", "highly_stable"), ("doubtful",), ("unstable", "dissolved")


def _cell(df: pd.DataFrame, table: str, row, column: str) -> Cite:
    value = df.loc[row, column]
    return Cite(value if isinstance(value, str) else float(value), table=table, column=column, row=row)


def _setting(settings: pd.DataFrame, name: str) -> Cite:
    return _cell(settings, SETTINGS, name, "value")


def settings_table(**values: float) -> pd.DataFrame:
    """The settings a sentence quotes, one row each (index ``setting``, column ``value``).

    Examples
    --------
    >>> settings_table(top_share=0.2, lost_days=365).loc["lost_days", "value"]
    np.float64(365.0)
    """
    return pd.DataFrame({"value": pd.Series(values, dtype="float64")}).rename_axis("setting")


def concentration_table(conc, limits: Mapping, top: float) -> pd.DataFrame:
    """One row (``value``): Gini, the top share and the computed ABC limits, as the sentences cite them.

    Parameters
    ----------
    conc : Concentration
        :func:`analysis.segmentation.concentration` of the value.
    limits : mapping
        :func:`analysis.segmentation.abc_limits` of the same value.
    top : float
        Share of customers of the "top x% bring y%" sentence.

    Examples
    --------
    >>> from analysis.segmentation import abc_limits, concentration
    >>> v = [50.0, 30.0, 10.0, 6.0, 4.0]
    >>> concentration_table(concentration(v), abc_limits(v), 0.2).loc["value", "top_value_share"]
    np.float64(0.5)
    """
    n = limits["n_a"] + limits["n_b"] + limits["n_c"]
    row = {"gini": conc.gini, "top_customer_share": top, "top_value_share": conc.top_share(top),
           "abc_customers_a": limits["n_a"], "abc_customer_share_a": limits["n_a"] / n,
           "abc_value_share_a": limits["ab_y"], "abc_customers_c": limits["n_c"],
           "abc_customer_share_c": limits["n_c"] / n}
    return pd.DataFrame([row], index=pd.Index(["value"], name="measure"))


def stage_table(stages: pd.DataFrame) -> pd.DataFrame:
    """Customers and their share per lifecycle stage (index ``stage``, every stage listed).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import lifecycle_stages
    >>> t = pd.DataFrame({"recency_days": [10, 400], "frequency": [6, 1], "tenure_days": [300, 400]})
    >>> stage_table(lifecycle_stages(t))["customers"].tolist()
    [0, 0, 1, 0, 1]
    """
    counts = stages["stage"].value_counts(sort=False).reindex(stages["stage"].cat.categories, fill_value=0)
    out = pd.DataFrame({"customers": counts.astype("int64"), "share": counts / max(len(stages), 1)})
    out.index.name = "stage"
    return out


def channel_table(ari: float) -> pd.DataFrame:
    """One row: the adjusted Rand index between clusters and acquisition channels.

    Examples
    --------
    >>> channel_table(0.12)
                          ari
    measure
    clusters_vs_channel  0.12
    """
    return pd.DataFrame({"ari": [float(ari)]}, index=pd.Index(["clusters_vs_channel"], name="measure"))


def data_finding(title: str, overview: pd.DataFrame, *, currency: str | None = None) -> Finding:
    """"**Title**: n transactions of m customers, first to last date." (table ``transaction_overview``).

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.overview import transaction_overview
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-03-01"]),
    ...                    "amount": [1.0, 2.0]})
    >>> data_finding("Demo", transaction_overview(tx)).text()
    '**Demo**: 2 transactions of 2 customers, 2024-01-01 to 2024-03-01.'
    """
    if "transactions" not in overview.index:  # customer-level input (analysis.segmentation.customer_overview)
        money = "total_monetary" in overview.index
        return Finding("data", f"segmentation.finding.data_customers{'_money' if money else ''}",
                       title=escape_markdown(title),
                       customers=_cell(overview, CUSTOMER_OVERVIEW, "customers", "value"),
                       frequency=_cell(overview, CUSTOMER_OVERVIEW, "mean_frequency", "value"),
                       recency=_cell(overview, CUSTOMER_OVERVIEW, "mean_recency_days", "value"),
                       **({"monetary": _cell(overview, CUSTOMER_OVERVIEW, "mean_monetary", "value"),
                           "currency": escape_markdown(currency or msg("segmentation.what.money"))}
                          if money else {}))
    return Finding("data", "segmentation.finding.data", title=escape_markdown(title),
                   transactions=_cell(overview, OVERVIEW, "transactions", "value"),
                   customers=_cell(overview, OVERVIEW, "customers", "value"),
                   first_date=_cell(overview, OVERVIEW, "first_date", "value"),
                   last_date=_cell(overview, OVERVIEW, "last_date", "value"))


def rules_differ_finding(differences: pd.DataFrame) -> Finding:
    """How often R's ``rfm`` rule and the quantile rule give different scores (table ``score_rules``).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"share_differing": [0.1, 0.0, 0.02]},
    ...                  index=pd.Index(["recency", "frequency", "monetary"], name="score"))
    >>> rules_differ_finding(d).text()[:40]
    "On this data the R rfm package's rule gi"
    """
    scores = (("r", "recency"), ("f", "frequency"), ("m", "monetary"))
    money = "monetary" in differences.index
    return Finding("rules_differ", f"segmentation.finding.rules_differ{'' if money else '_counts'}",
                   **{k: _cell(differences, SCORE_RULES, score, "share_differing")
                      for k, score in scores if score in differences.index})


def segment_findings(summary: pd.DataFrame) -> list[Finding]:
    """The largest RFM segment and the one bringing most revenue (table ``rfm_segments``).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customers": [7, 3], "customer_share": [0.7, 0.3], "revenue_share": [0.2, 0.8]},
    ...                  index=pd.Index(["Lost", "Champions"], name="segment"))
    >>> segment_findings(s)[0].text()[:45]
    'The largest RFM segment is Lost with 70% of c'
    """
    share = "revenue_share" if "revenue_share" in summary.columns else "purchase_share"  # count-only data
    largest, richest = summary["customer_share"].idxmax(), summary[share].idxmax()
    key = "largest_segment" if share == "revenue_share" else "largest_segment_counts"
    return [Finding(
        "largest_segment", f"segmentation.finding.{key}", checks=("segment_names", "small_segments"),
        segment=escape_markdown(str(largest)), share=_cell(summary, SEGMENTS, largest, "customer_share"),
        revenue_share=_cell(summary, SEGMENTS, largest, share),
        top_segment=escape_markdown(str(richest)),
        top_revenue_share=_cell(summary, SEGMENTS, richest, share),
        top_share=_cell(summary, SEGMENTS, richest, "customer_share"))]


def tier_findings(concentration: pd.DataFrame, tiers: pd.DataFrame, *, what: str = "revenue",
                  language: str | None = None) -> list[Finding]:
    """Top share, Gini, tier A and the computed ABC limits (tables ``concentration``, ``value_tiers``).

    Parameters
    ----------
    concentration : DataFrame
        :func:`concentration_table`.
    tiers : DataFrame
        :func:`analysis.segmentation.tier_summary` (its first row: tier A).
    what : {"revenue", "margin", "purchases"}
        What the value is ("purchases": data without money, ranked by purchase counts).

    Examples
    --------
    >>> from analysis.segmentation import abc_limits, concentration, tier_summary, value_tiers
    >>> import pandas as pd
    >>> v = pd.Series([50.0, 30.0, 10.0, 6.0, 4.0], index=list("abcde"))
    >>> c = concentration_table(concentration(v), abc_limits(v), 0.2)
    >>> tier_findings(c, tier_summary(value_tiers(v)))[2].text()
    'Tier A holds 2 customers (40.0%) who bring 80.0% of revenue.'
    """
    label = msg(f"segmentation.what.{what}", language=language)
    c = lambda column: _cell(concentration, CONCENTRATION, "value", column)  # noqa: E731
    a = tiers.index[0]
    return [
        Finding("top_share", "segmentation.finding.top_share", top=c("top_customer_share"),
                share=c("top_value_share"), what=label),
        Finding("gini", "segmentation.finding.gini", gini=c("gini"), what=label),
        Finding("tier_a", "segmentation.finding.tiers", a_customers=_cell(tiers, TIERS, a, "customers"),
                a_share=_cell(tiers, TIERS, a, "customer_share"), a_value=_cell(tiers, TIERS, a, "value_share"),
                what=label),
        Finding("abc_computed", "segmentation.finding.abc_computed", n_a=c("abc_customers_a"),
                a_share=c("abc_customer_share_a"), a_value=c("abc_value_share_a"), n_c=c("abc_customers_c"),
                c_share=c("abc_customer_share_c"), what=label),
    ]


def stage_finding(stages: pd.DataFrame, settings: pd.DataFrame) -> Finding:
    """Shares lapsed/lost and at risk (tables ``lifecycle_stages``, ``settings``: the day limits).

    Examples
    --------
    >>> import pandas as pd
    >>> st = pd.DataFrame({"customers": [0, 1, 1, 1, 1], "share": [0, 0.25, 0.25, 0.25, 0.25]},
    ...                   index=pd.Index(["new", "active", "loyal", "at_risk", "lost"], name="stage"))
    >>> stage_finding(st, settings_table(at_risk_days=180, lost_days=365)).text()[:40]
    '25% of customers are lapsed or lost (no '
    """
    return Finding("stages", "segmentation.finding.stages", lost_share=_cell(stages, STAGES, "lost", "share"),
                   at_risk_share=_cell(stages, STAGES, "at_risk", "share"),
                   lost_days=_setting(settings, "lost_days"), at_risk_days=_setting(settings, "at_risk_days"))


def segment_name_check(names: pd.DataFrame, settings: pd.DataFrame, *, language: str | None = None) -> Check:
    """Do the RFM names agree with the lifecycle stages? (tables ``segment_lifecycle``, ``settings``).

    ``pass`` when no customer carries a name their stage contradicts, else ``warn``;
    ``not_run`` when the rule table restricts no name to stages (nothing to check);
    the text also says how many names the lifecycle changed against the score map
    alone, with the "Loyal" count of issue 13 where that segment exists.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"customers": [2, 5], "conflicts": [0, 0], "score_map_customers": [6, 1],
    ...                   "score_map_conflicts": [4, 0], "at_risk": [3, 0], "lost": [1, 1],
    ...                   "stages_allowed": ["active loyal", "lost"]},
    ...                  index=pd.Index(["Loyal", "Lost"], name="segment"))
    >>> c = segment_name_check(t, settings_table(at_risk_days=180, lost_days=365))
    >>> c.status, c.text()[:47]
    ('pass', 'Every RFM segment name agrees with the customer')
    """
    loyal = msg("segmentation.segment.loyal", language=language)
    if (names["stages_allowed"] == "").all():
        return Check("segment_names", "consistency", "not_run", "segmentation.check.names.not_run",
                     affects=("largest_segment", "stages"))
    conflicts = Cite(int(names["conflicts"].sum()), table=NAMES, column="conflicts", agg="sum")
    fields = {"conflicts": conflicts, "at_risk_days": _setting(settings, "at_risk_days"),
              "score_conflicts": Cite(int(names["score_map_conflicts"].sum()), table=NAMES,
                                      column="score_map_conflicts", agg="sum")}
    status = "pass" if conflicts.value == 0 else "warn"
    key = f"segmentation.check.names.{status}"
    if loyal in names.index and names.loc[loyal, "score_map_customers"] > 0:
        key += "_loyal"
        fields.update(loyal=_cell(names, NAMES, loyal, "score_map_customers"),
                      loyal_lost=_cell(names, NAMES, loyal, "lost"), lost_days=_setting(settings, "lost_days"),
                      name=escape_markdown(loyal))
    return Check("segment_names", "consistency", status, key,
                 affects=("largest_segment", "stages"), **fields)


def small_segments_check(summary: pd.DataFrame, settings: pd.DataFrame) -> Check:
    """Is the smallest RFM segment at least ``min_segment_size`` customers? (``rfm_segments``, ``settings``).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customers": [40, 3]}, index=pd.Index(["Lost", "New"], name="segment"))
    >>> c = small_segments_check(s, settings_table(min_segment_size=30))
    >>> c.status, c.text()
    ('warn', 'The smallest RFM segment, New, has 3 customers, fewer than 30: its averages and shares rest on too few customers to compare it with the others.')
    """
    smallest = summary["customers"].idxmin()
    size = Cite(int(summary["customers"].min()), table=SEGMENTS, column="customers", agg="min")
    minimum = _setting(settings, "min_segment_size")
    status = "pass" if size.value >= minimum.value else "warn"
    return Check("small_segments", "small_groups", status, f"segmentation.check.small_segments.{status}",
                 affects=("largest_segment",), segment=escape_markdown(str(smallest)), customers=size,
                 min_size=minimum)


def one_to_one_findings(summary: pd.DataFrame, settings: pd.DataFrame, *, what: str = "revenue",
                        potential_column: str | None = "potential_value",
                        cost_column: str | None = "cost_to_serve",
                        language: str | None = None) -> list[Finding]:
    """Counts of the one-to-one classes, or which column would enable a class (table ``one_to_one``).

    A column given as None (or "") says the class was left out on purpose; with
    ``what="purchases"`` (data without money) below zero cannot be told.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customers": [2, None, 1], "share": [0.2, None, 0.1], "note": ["", "x", ""]},
    ...                  index=pd.Index(["most_valuable", "most_growable", "below_zero"], name="class"))
    >>> [f.key for f in one_to_one_findings(s, settings_table(one_to_one_share=0.1))]
    ['most_valuable', 'most_growable_missing', 'below_zero']
    """
    def computed(name: str) -> bool:
        return name in summary.index and pd.notna(summary.loc[name, "customers"])

    found = [Finding("most_valuable", "segmentation.finding.one_to_one",
                     most_valuable=_cell(summary, ONE_TO_ONE, "most_valuable", "customers"),
                     top=_setting(settings, "one_to_one_share"),
                     what=msg(f"segmentation.what.{what}", language=language))]
    if computed("most_growable"):
        found.append(Finding("most_growable", "segmentation.finding.most_growable",
                             most_growable=_cell(summary, ONE_TO_ONE, "most_growable", "customers")))
    elif not potential_column:
        found.append(Finding("most_growable_missing", "segmentation.finding.potential_off"))
    else:
        found.append(Finding("most_growable_missing", "segmentation.finding.missing_potential",
                             column=escape_markdown(potential_column)))
    if computed("below_zero"):
        found.append(Finding("below_zero", "segmentation.finding.below_zero",
                             below_zero=_cell(summary, ONE_TO_ONE, "below_zero", "customers"),
                             share=_cell(summary, ONE_TO_ONE, "below_zero", "share")))
    elif not cost_column:
        found.append(Finding("below_zero_missing", f"segmentation.finding.cost_off{'_counts' if what == 'purchases' else ''}"))
    else:
        found.append(Finding("below_zero_missing", "segmentation.finding.missing_cost",
                             column=escape_markdown(cost_column)))
    return found


def cluster_structure(picks: pd.DataFrame, selection: pd.DataFrame, *, method: str,
                      language: str | None = None) -> tuple[Finding, Check]:
    """What the k-selection criteria say about cluster structure (tables ``k_picks``, ``k_selection``).

    ``fail`` when the gap rule picks k = 1 (one continuous cloud: the clusters are
    a cut of it, not segments); ``warn`` when the criteria pick different k, or
    when the gap statistic, the one criterion able to say "no clusters", was not
    computed; ``pass`` when every criterion, the gap rule included, picks the
    chosen k.

    Parameters
    ----------
    picks : DataFrame
        ``KSelection.picks()``.
    selection : DataFrame
        ``KSelection.summary()``: its ``chosen`` row is the k the clusters use (with the
        gap criterion and a gap rule of 1, the smallest candidate).
    method : str
        The clustering method as the reader names it (e.g. "k-means").

    Returns
    -------
    (Finding, Check)
        The ``clusters`` finding and the ``cluster_structure`` check.
    """
    chosen = picks.index[picks["chosen"]][0]
    used = int(selection.index[selection["chosen"].astype(bool)][0])
    k = Cite(used, table=K_SELECTION, column="k", agg="max", where={"chosen": True})
    fields = {"k": k, "criterion": msg(f"segmentation.criterion_name.{chosen}", language=language),
              "method": method}
    others = picks.drop(index="gap", errors="ignore")
    span = {"low": Cite(int(others["k"].min()), table=PICKS, column="k", agg="min",
                        where={"criterion": list(others.index)}),
            "high": Cite(int(others["k"].max()), table=PICKS, column="k", agg="max",
                         where={"criterion": list(others.index)})}
    if "gap" in picks.index and picks.loc["gap", "k"] == 1:
        status, reading = "fail", "none" if span["low"].value != span["high"].value else "none_same"
        fields.update(span if reading == "none" else {"high": span["high"]}, gap_k=_cell(picks, PICKS, "gap", "k"))
    elif picks["k"].nunique() > 1:
        status, reading = "warn", "disagree" if "gap" in picks.index else "disagree_no_gap"
        fields.update(low=Cite(int(picks["k"].min()), table=PICKS, column="k", agg="min"),
                      high=Cite(int(picks["k"].max()), table=PICKS, column="k", agg="max"))
        if "gap" in picks.index:
            fields["gap_k"] = _cell(picks, PICKS, "gap", "k")
    elif "gap" not in picks.index:
        status, reading = "warn", "no_gap"
    else:
        status, reading = "pass", "agree"
        fields["n_criteria"] = Cite(len(picks), table=PICKS, column="k", agg="count")
    finding = Finding("clusters", f"segmentation.finding.clusters.{reading}", checks=("cluster_structure",),
                      **fields)
    check = Check("cluster_structure", "cluster_structure", status, f"segmentation.check.structure.{reading}",
                  affects=("clusters", "cluster_stability", "channels"), **fields)
    return finding, check


def stability_findings(stability: pd.DataFrame, *, language: str | None = None) -> tuple[Finding, Check]:
    """Bootstrap stability of the clusters (table ``cluster_stability``, its ``reading`` column).

    The check warns when any cluster's mean Jaccard is below 0.75 (clusterboot's
    "doubtful" or worse).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"mean_jaccard": [0.9, 0.55], "reading": ["highly stable", "not to be trusted"]},
    ...                  index=pd.Index([1, 2], name="cluster"))
    >>> f, c = stability_findings(s)
    >>> f.text()
    '1 of 2 clusters are stable (mean bootstrap Jaccard >= 0.75), 0 doubtful and 1 not to be trusted.'
    >>> c.status
    'warn'
    """
    def readings(keys) -> list[str]:
        return [msg(f"segmentation.stability.{key}", language=language) for key in keys]

    def count(keys) -> Cite:
        names = readings(keys)
        return Cite(int(stability["reading"].isin(names).sum()), table=STABILITY, column="mean_jaccard",
                    agg="count", where={"reading": names})

    k = Cite(len(stability), table=STABILITY, column="mean_jaccard", agg="count")
    finding = Finding("cluster_stability", "segmentation.finding.cluster_stability",
                      checks=("cluster_stability", "cluster_structure"), k=k, n_stable=count(_STABLE),
                      n_doubtful=count(_DOUBTFUL), n_unstable=count(_WEAK))
    weak = count(_DOUBTFUL + _WEAK)
    status = "warn" if weak.value else "pass"
    lowest = Cite(float(stability["mean_jaccard"].min()), table=STABILITY, column="mean_jaccard", agg="min")
    check = Check("cluster_stability", "cluster_structure", status, f"segmentation.check.stability.{status}",
                  affects=("cluster_stability", "clusters"), k=k, n_weak=weak, lowest=lowest)
    return finding, check


def channel_finding(agreement: pd.DataFrame | None) -> Finding:
    """Do the clusters mirror the acquisition channels? (table ``channel_agreement``; None: no channels).

    An adjusted Rand index below 0.05 reads "the clusters cut across the channels".

    Examples
    --------
    >>> channel_finding(channel_table(0.01)).text().endswith("which cluster they fall in.")
    True
    >>> channel_finding(None).text()
    'This study has no `acquisition_channel` column in a customers table.'
    """
    if agreement is None:
        return Finding("channels", "segmentation.finding.no_channels")
    ari = _cell(agreement, CHANNELS, "clusters_vs_channel", "ari")
    reading = "across" if ari.value < 0.05 else "mirror"
    return Finding("channels", f"segmentation.finding.channels_{reading}", checks=("cluster_structure",), ari=ari)
