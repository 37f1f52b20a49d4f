"""The exercises of notebook 01 (segmentation): value indicators, tiers, lifecycle, one-to-one, key accounts.

Words: catalog ``exercises_segmentation``. Each ``solve`` computes the answer with
the functions and parameters notebook 01 uses (its parameters cell, then the class
study's), on the student's firm (:class:`ClassData`).
"""

from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

from analysis.course.exercise import ClassData, Exercise, Solution

__all__ = ["EXERCISES", "CHANGED_STAGE_RULES", "CHANGED_TIER_CUTOFFS"]

_CATALOG = "exercises_segmentation"
_NOTEBOOK = "01_segmentation"

#: exercise 01.5: lifecycle limits of a business whose customers buy on a slower clock
CHANGED_STAGE_RULES = {"at_risk_days": 270, "lost_days": 540}
#: exercise 01.3: tier A reaches 70% of value, tier B 90%
CHANGED_TIER_CUTOFFS = [0.7, 0.9]
#: lifecycle stages of a customer who has stopped buying
_LAPSED = ("at_risk", "lost")
#: the key account at risk is looked for among this many best-ranked key accounts
_KEY_TOP = 10


def _study_parameters(study, notebook: str) -> dict[str, Any]:
    """*notebook*'s parameters for another study: the notebook's defaults, then that study's (not the class study's)."""
    from pathlib import Path

    from analysis.report import read_parameters
    from analysis.study import find_project_root

    path = find_project_root(Path(__file__).parent) / "notebooks" / f"{notebook}.ipynb"
    return {**{name: p.default for name, p in read_parameters(path).items()}, **study.notebook_parameters(notebook)}


def _run(data: ClassData, stage_rules: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Notebook 01's RFM table, lifecycle stages and value, as its cells compute them (shared per seed)."""

    def compute() -> dict[str, Any]:
        from analysis.segmentation import has_monetary, lifecycle_stages, rfm, rfm_window

        p = data.parameters(_NOTEBOOK)
        tx, customers = data.tables["transactions"], data.tables.get("customers")
        window = rfm_window(tx, customers, data.study.window.override(observation_end=p["observation_end"]))
        rules = p["stage_rules"] if stage_rules is None else {**(p["stage_rules"] or {}), **stage_rules}
        lifecycle = data.study.lifecycle if rules is None else {**data.study.lifecycle, **rules}
        table = rfm(tx, observation_end=window.observation_end, bins=p["rfm_bins"], method=p["rfm_method"],
                    frequency=p["frequency_unit"], segment_rules=p["segment_rules"], lifecycle=lifecycle,
                    language="en")  # names looked up below in English, whatever the kernel's language
        money = has_monetary(table)
        margin_rate = p["margin_rate"]
        value = table["frequency" if not money else "monetary"] * (margin_rate if money and margin_rate else 1)
        return {"p": p, "window": window, "lifecycle": lifecycle, "table": table, "money": money, "value": value,
                "stages": lifecycle_stages(table, lifecycle)}

    key = "segmentation.run" if stage_rules is None else f"segmentation.run.{sorted(stage_rules.items())}"
    return data.memo(key, compute)


def _champions(data: ClassData) -> Solution:
    from analysis.segmentation import segment_summary

    summary = data.memo("segmentation.summary", lambda: segment_summary(_run(data)["table"]).round(4))
    row = summary.loc["Champions"]
    return Solution({"customers": int(row["customers"]), "revenue_share": float(row["revenue_share"])},
                    {"customers": int(row["customers"]), "customer_share": float(row["customer_share"]),
                     "revenue_share": float(row["revenue_share"]), "recency": float(row["mean_recency_days"]),
                     "ratio": float(row["revenue_share"] / row["customer_share"]),
                     "frequency": float(row["mean_frequency"])})


def _concentration(data: ClassData) -> Solution:
    from analysis.findings.segmentation import concentration_table
    from analysis.segmentation import abc_limits, concentration

    run = _run(data)
    top = run["p"]["top_share"]
    table = concentration_table(concentration(run["value"]), abc_limits(run["value"]), top).round(4)
    row = table.loc["value"]
    share = float(row["top_value_share"])
    return Solution(share, {"top": float(top), "share": share, "gini": float(row["gini"]),
                            "n_top": int(round(top * len(run["value"])))})


def _tiers(data: ClassData, cutoffs) -> pd.DataFrame:
    from analysis.segmentation import tier_summary, value_tiers

    run = _run(data)
    return tier_summary(value_tiers(run["value"], method=run["p"]["tier_method"], cutoffs=cutoffs)).round(4)


def _tier_change(data: ClassData) -> Solution:
    before = _tiers(data, data.parameters(_NOTEBOOK)["tier_cutoffs"]).loc["A"]
    after = _tiers(data, CHANGED_TIER_CUTOFFS).loc["A"]
    return Solution(int(after["customers"]),
                    {"before": int(before["customers"]), "before_share": float(before["customer_share"]),
                     "after": int(after["customers"]), "after_share": float(after["customer_share"]),
                     "after_value": float(after["value_share"]), "min_value": float(after["min_value"]),
                     "cut": CHANGED_TIER_CUTOFFS[0]})


def _value_classes(data: ClassData) -> Solution:
    from analysis.segmentation import rfm_value_classes, value_class_summary

    run = _run(data)
    reference = run["p"]["rfm_class_reference"] or "median"
    summary = value_class_summary(rfm_value_classes(run["table"], reference), reference).round(4)
    row = summary.loc["important_value"]
    return Solution(int(row["customers"]),
                    {"n": int(row["customers"]), "share": float(row["customer_share"]),
                     "revenue_share": float(row["revenue_share"]), "recency": float(row["reference_recency_days"]),
                     "frequency": float(row["reference_frequency"]), "monetary": float(row["reference_monetary"]),
                     "win_back": int(summary.loc["general_win_back", "customers"])})


def _loyal_counts(data: ClassData, stage_rules: Mapping[str, int] | None) -> pd.Series:
    from analysis.segmentation import segment_lifecycle_table

    run = _run(data, stage_rules)
    table = segment_lifecycle_table(run["table"], run["stages"], run["p"]["segment_rules"], bins=run["p"]["rfm_bins"],
                                    language="en")
    return table.loc["Loyal"]


def _loyal_lapsed(data: ClassData) -> Solution:
    before = _loyal_counts(data, None)
    after = _loyal_counts(data, CHANGED_STAGE_RULES)
    table = _run(data)["table"]
    loyal = table[table["r_score"].between(3, 4) & table["f_score"].between(4, 5)]
    lapsed_before = int(before["at_risk"] + before["lost"])
    lapsed_after = int(after["at_risk"] + after["lost"])
    return Solution({"loyal_by_scores": int(after["score_map_customers"]), "lapsed": lapsed_after},
                    {"n": int(after["score_map_customers"]), "before": lapsed_before, "after": lapsed_after,
                     "named_before": int(before["customers"]), "named_after": int(after["customers"]),
                     "max_recency": int(loyal["recency_days"].max()),
                     "at_risk_days": CHANGED_STAGE_RULES["at_risk_days"]})


def _below_zero(data: ClassData) -> Solution:
    from analysis.segmentation import one_to_one_classes

    run, p = _run(data), _run(data)["p"]
    cost = (p["cost_column"] or None) if run["money"] else None
    oto = one_to_one_classes(run["table"], data.tables.get("customers"), top_share=p["one_to_one_share"],
                             value_column=run["value"].name, margin_rate=p["margin_rate"] if run["money"] else None,
                             potential_column=p["potential_column"] or None, cost_column=cost,
                             cost_unit=p["cost_unit"])
    t = oto.table
    below = t[t["below_zero"].fillna(False).astype(bool)]
    valuable = t[t["most_valuable"].fillna(False).astype(bool)]
    return Solution(int(len(below)),
                    {"n": int(len(below)), "share": len(below) / len(t), "loss": float(-below["net_margin"].sum()),
                     "top": float(p["one_to_one_share"]),
                     "valuable_share": float(valuable["margin"].sum() / t["margin"].sum())})


def _key_account(data: ClassData) -> Solution:
    from analysis.segmentation.key_account_profiles import key_account_profiles
    from analysis.segmentation.key_accounts import key_account_scores, portfolio_quadrants

    run, p = _run(data), _run(data)["p"]
    tx = data.tables["transactions"]
    ka = key_account_scores(
        tx, data.tables.get("customers"), observation_end=run["window"].observation_end,
        window_days=p["key_account_window_days"], weights=p["key_account_weights"], count=p["key_account_count"],
        margin_rate=p["margin_rate"] if run["money"] else None, potential_column=p["key_account_potential"],
        wallet_column=p["wallet_column"], share_column=p["share_column"])
    profiles = key_account_profiles(tx, ka, portfolio_quadrants(ka, split=p["portfolio_split"]),
                                    stages=run["stages"]["stage"], complaints=data.tables.get("complaints"),
                                    overdue_factor=p["overdue_factor"], quarters=p["trend_quarters"]).round(4)
    top = profiles[profiles["rank"] <= _KEY_TOP]
    flagged = top[top["overdue"].fillna(False).astype(bool) & top["stage"].astype(str).isin(_LAPSED)]
    if flagged.empty:  # expect fails and says so: the story did not show for this seed
        return Solution({"customer_id": "", "days_since_last": -1}, {"rank": 0, "stage": ""})
    who = flagged.sort_values("rank").index[0]
    row = profiles.loc[who]
    return Solution({"customer_id": str(who), "days_since_last": int(row["days_since_last"])},
                    {"customer_id": str(who), "rank": int(row["rank"]), "days": int(row["days_since_last"]),
                     "gap": float(row["usual_gap_days"]), "window_spend": float(row["window_spend"]),
                     "previous_spend": float(row["previous_spend"]), "orders": int(row["orders"]),
                     "complaints": int(row["complaints"]), "stage": str(row["stage"]),
                     "window_days": int(p["key_account_window_days"]), "factor": float(p["overdue_factor"]),
                     "at_risk_days": int(run["lifecycle"]["at_risk_days"])})


def _cdnow(data: ClassData) -> Solution:
    from analysis.findings.segmentation import stage_table
    from analysis.segmentation import concentration, lifecycle_stages, rfm
    from analysis.study import load_study

    def compute():
        study = load_study(data.study.path.parent / "cdnow.yaml")
        p = _study_parameters(study, _NOTEBOOK)
        tables = data.memo("cdnow", study.load_tables)
        lifecycle = study.lifecycle if p["stage_rules"] is None else {**study.lifecycle, **p["stage_rules"]}
        table = rfm(tables["transactions"], observation_end=study.window.observation_end, bins=p["rfm_bins"],
                    method=p["rfm_method"], frequency=p["frequency_unit"], segment_rules=p["segment_rules"],
                    lifecycle=lifecycle)
        value = table["monetary"] * (p["margin_rate"] or 1)
        return (round(concentration(value).top_share(p["top_share"]), 4),
                stage_table(lifecycle_stages(table, lifecycle)).round(4))

    top, stages = data.memo("segmentation.cdnow", compute)
    own = _run(data)
    own_top = round(concentration(own["value"]).top_share(own["p"]["top_share"]), 4)
    own_lost = round(float((own["stages"]["stage"] == "lost").mean()), 4)
    lost = float(stages.loc["lost", "share"])
    return Solution({"top_value_share": top, "lost_share": lost},
                    {"top": top, "lost": lost, "own_top": own_top, "own_lost": own_lost,
                     "new": int(stages.loc["new", "customers"])})


def _clusters(data: ClassData) -> Solution:
    from analysis.findings.segmentation import channel_table
    from analysis.segmentation import DEFAULT_FEATURES, channel_agreement, choose_k, cluster_features, fit_clusters

    run, p = _run(data), _run(data)["p"]
    customers = data.tables.get("customers")
    attrs = customers[["customer_id", *p["attributes"]]] if p["attributes"] else None
    features = [f for f in p["features"] or DEFAULT_FEATURES if run["money"] or f != "monetary"]
    X = cluster_features(run["table"], features, attributes=attrs)
    selection = choose_k(X, range(p["k_range"][0], p["k_range"][1] + 1), method=p["cluster_method"],
                         criterion=p["k_criterion"], sample_size=p["selection_sample"], n_refs=p["n_gap_refs"],
                         seed=p["seed"])
    picks = selection.picks()["k"].astype(int)
    labels = fit_clusters(X, selection.best_k, method=p["cluster_method"], seed=p["seed"])
    ari = float(channel_table(channel_agreement(labels, customers)[0]).round(4).loc["clusters_vs_channel", "ari"]) + 0.0  # no -0.0
    return Solution({"k": int(selection.best_k), "ari": ari},
                    {"k": int(selection.best_k), "ari": ari, "calinski": int(picks["calinski_harabasz"]),
                     "davies": int(picks["davies_bouldin"]), "gap": int(picks["gap"]),
                     "agree": int((picks == selection.best_k).sum()), "criteria": int(len(picks)),
                     "smallest": int(p["k_range"][0])})


EXERCISES = (
    Exercise("01.1", "champions", _CATALOG, "read", "value_indicators", _champions,
             'answer = {"customers": None, "revenue_share": None}  # the row Champions of the table rfm_segments\n',
             tolerance=0.0005, expect=lambda s: s.facts["ratio"] > 1.5),
    Exercise("01.2", "concentration", _CATALOG, "compute", "value_tiers", _concentration,
             'from analysis.segmentation import rfm\n\n'
             'p = wb.parameters()\n'
             'table = rfm(wb.tables["transactions"], lifecycle=wb.study.lifecycle)\n'
             'value = table["monetary"] * (p["margin_rate"] or 1)  # the value notebook 01 ranks customers by\n'
             'answer = None  # the share (0 to 1) of the total value brought by the top 20% of customers\n',
             tolerance=0.0005, expect=lambda s: 0.2 < s.facts["share"] < 1 and s.facts["gini"] > 0),
    Exercise("01.3", "tier_change", _CATALOG, "change", "value_tiers", _tier_change,
             'from analysis.segmentation import rfm, tier_summary, value_tiers\n\n'
             'p = wb.parameters()\n'
             'table = rfm(wb.tables["transactions"], lifecycle=wb.study.lifecycle)\n'
             'value = table["monetary"] * (p["margin_rate"] or 1)\n'
             'tiers = None  # value_tiers(value, cutoffs=...) with the new tier_cutoffs, or run notebook 01 with them\n'
             'answer = None  # the number of customers in tier A\n',
             tolerance=0, expect=lambda s: s.facts["after"] < s.facts["before"]),
    Exercise("01.4", "value_classes", _CATALOG, "compute", "value_indicators", _value_classes,
             'from analysis.segmentation import rfm\n\n'
             'table = rfm(wb.tables["transactions"], lifecycle=wb.study.lifecycle)\n'
             'rfm_values = table[["recency_days", "frequency", "monetary"]]\n'
             'answer = None  # how many customers are important value customers (R, F and M all high)\n',
             tolerance=0, expect=lambda s: s.facts["revenue_share"] > s.facts["share"]),
    Exercise("01.5", "loyal_lapsed", _CATALOG, "change", "lifecycle", _loyal_lapsed,
             'stage_rules = dict(at_risk_days=270, lost_days=540)  # set this in notebook 01\'s parameters cell\n'
             'answer = {"loyal_by_scores": None, "lapsed": None}  # the row Loyal of the table segment_lifecycle\n',
             tolerance=0, expect=lambda s: 0 < s.facts["after"] < s.facts["before"] and s.facts["named_after"]
             > s.facts["named_before"] and s.facts["max_recency"] > CHANGED_STAGE_RULES["at_risk_days"]),
    Exercise("01.6", "below_zero", _CATALOG, "read", "one_to_one", _below_zero,
             'answer = None  # the number of below-zero customers in the table one_to_one\n',
             tolerance=0, expect=lambda s: s.facts["n"] > 0 and s.facts["valuable_share"] > s.facts["top"]),
    Exercise("01.7", "key_account", _CATALOG, "read", "key_accounts", _key_account,
             'answer = {"customer_id": None, "days_since_last": None}  # from the table key_account_profiles\n',
             tolerance=0, expect=lambda s: 1 <= s.facts["rank"] <= _KEY_TOP and s.facts["stage"] == "at_risk"
             and s.facts["days"] > s.facts["factor"] * s.facts["gap"]
             and s.facts["window_spend"] > s.facts["previous_spend"] and s.facts["complaints"] >= 1),
    Exercise("01.8", "cdnow", _CATALOG, "apply", "lifecycle", _cdnow,
             'from analysis.study import load_study\n\n'
             'cdnow = load_study("../params/cdnow.yaml")\n'
             'tx = cdnow.load_tables()["transactions"]  # notebook 01 with study = "../params/cdnow.yaml"\n'
             'answer = {"top_value_share": None, "lost_share": None}\n',
             tolerance=0.0005, expect=lambda s: s.facts["new"] == 0 and s.facts["lost"] > s.facts["own_lost"]),
    Exercise("01.9", "clusters", _CATALOG, "read", "segmentation", _clusters,
             'answer = {"k": None, "ari": None}  # the chosen number of clusters (k_selection) and the adjusted Rand '
             'index (channel_agreement)\n',
             tolerance=0.0005, expect=lambda s: s.facts["k"] == s.facts["smallest"] and abs(s.facts["ari"]) < 0.1),
)
