"""Messages of the channel comparison (analysis.messages.channels): every key renders with
the fields its callers pass, every attribution rule has a name, the sentences notebook 04
used to build in its cells read as before, and differences of rates read in percentage
points (issue 13, case 15)."""

from __future__ import annotations

import string

import pytest

from analysis.channels.attribution import RULES
from analysis.messages import channels as catalog
from analysis.messages import msg

FIELDS = {
    "outcome": "visit", "group": "web", "level": 0.95, "reference": "store", "control": "control", "arm": "email",
    "low": "app", "low_rate": 0.05, "high": "web", "high_rate": 0.09, "p": 0.0123, "v": 0.11, "n_sig": 1,
    "n_pairs": 3, "correction": "holm", "test": "Welch ANOVA", "reason": "Variances differ.", "eta2": 0.01,
    "omega2": 0.009, "alpha": 0.05, "posthoc": "Games-Howell", "best": "web", "worst": "app", "best_spend": 2.5,
    "best_share": 0.05, "worst_share": 0.02, "best_buyer": 60.0, "worst_buyer": 55.0, "treat": 0.087,
    "ctrl": 0.055, "lift_pp": 3.2, "lo_pp": 1.5, "hi_pp": 5.0, "rel": 0.58, "raw": 0.032, "adj": 0.031,
    "covariates": "recency_group, tenure_days", "lo": 0.01, "hi": 0.05, "best_ratio": 1.9, "best_value": 34.5,
    "best_cac": 17.9, "worst_ratio": 1.7, "years": 3, "ratio": 3.3, "to_date": 54.6, "residual": 29.0,
    "cac": 25.2, "p_best": 0.995, "bound": 1.78, "channel": "web", "months": 3, "power": 0.8, "mde": 0.021,
    "a": "email", "b": "control", "table": "channel_outcomes", "inc": 1.87, "total": 3119.3,
    "first_year_best": "app", "groups": ["a"], "skewness": 4.2, "n": 40, "min_n": 441, "method": "welch",
    "share": 1.0, "currency": "US dollars", "profit": 0.28, "margin": 0.222, "roi": 5.6, "roi_lo": 1.67,
    "roi_hi": 9.5, "weeks": 52.0, "clv_weeks": 156.0, "expected": 3.0, "limit": "0.1", "smd": 0.21,
    "covariate": "tenure days", "missing": 0, "new_days": 90, "at_risk_days": 180, "lost_days": 365,
    "loyal_purchases": 4, "value": "lost", "mde_pp": 0.85, "parameter": "covariates", "columns": "age",
    "single": 3412.0, "total": 19785.0, "width": 0.004, "removal": 0.56, "conversions": 5345.0, "last": 0.43,
    "markov": 0.27, "diff_pp": -15.7, "unit": "percentage points",
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("channels.")
    assert _fields(catalog.MESSAGES["en"][key]) <= set(FIELDS), key
    text = msg(key, language="en", **FIELDS)
    assert text and "{" not in text


def test_every_attribution_rule_has_a_name():
    for rule in (*RULES, "markov"):
        assert msg(f"channels.rule.{rule}")


def test_notebook_sentences_read_as_before():
    # the sentences notebook 04 assembled in its cells, now built by analysis.findings.channels
    assert msg("channels.text.payback", channel="web", months=3.0) == "web pays back its acquisition cost in month 3."
    assert msg("channels.text.no_payback", channel="app", months=24) == (
        "app does not pay back its acquisition cost within 24 months.")
    assert msg("channels.label.buyers", outcome="spend") == "spend (buyers)"
    assert msg("channels.label.per_customer", outcome="spend") == "spend (per customer)"



def test_differences_of_rates_read_in_percentage_points():
    # case 15: was "+0.0910 to +0.0906" (proportions) and "about 0.85%" for a difference in points
    text = msg("channels.text.adjusted_pp", group="email discount", reference="control", outcome="visit",
               raw=9.10, adj=9.06, covariates="tenure days", lo=7.0, hi=11.1)
    assert text == ("email discount vs control on visit: +9.10 percentage points unadjusted, +9.06 adjusted for "
                    "tenure days (+7.00 to +11.10).")
    mde = msg("channels.text.mde", arm="email", control="control", alpha="5%", power="80%", outcome="visit",
              mde_pp=0.85)
    assert "about 0.85 percentage points" in mde and "%" not in mde.replace("5%", "").replace("80%", "")


def test_test_choice_reasons():
    # the reasons compare_means gives for its choice of test (tests of the choice check these words)
    assert "variances differ" in msg("channels.reason.welch", p=0.001, alpha=0.05)
    assert "Cochran" in msg("channels.reason.skewed", skewness=4.2, group="a", n=40, min_n=441)
    assert msg("channels.reason.requested", test="Welch ANOVA", method="welch") == (
        "Welch ANOVA was requested (method='welch').")


def test_every_value_definition_and_fit_method_has_words():
    # the page names which Markov value definition it used, and how a separated fit was handled
    from analysis.channels.attribution import VALUE_METHODS

    for method in VALUE_METHODS:
        assert msg(f"channels.text.attribution_value.{method}").startswith("Attributed value")
    for method in ("firth", "withheld", "ml", "ols"):
        assert msg(f"channels.method.{method}")
