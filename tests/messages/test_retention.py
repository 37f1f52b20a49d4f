"""Messages of notebook 05's retention and economics sections (analysis.messages.retention): every key
renders with plain fields, every grouping, period and verdict the code can name has words, and formatted
numbers read as a student expects."""

from __future__ import annotations

import pytest

from analysis.messages import msg
from analysis.messages import retention as catalog

FIELDS = {"period": "month", "level": 0.95, "period_t": "2024-03", "currency": "US dollars", "size": 7846,
          "cohort": "1997-01", "rate": 0.1475, "n_cohorts": 3, "low_rate": 0.142, "high_rate": 0.155, "low": "1997-03",
          "high": "1997-02", "active": 1488, "churn": 0.7, "first_period": "1997-01", "first_rate": 0.147,
          "grouping": "value tier", "low_n": 13, "high_n": 1269, "p": 4.6e-07, "judged": 23570, "churn_days": "365",
          "churned": 15220, "censored": 8350, "share": 0.511, "median": 150.0, "last": 0.42, "days": "180",
          "statistic": 13.5, "df": 4, "fit": 6.0, "members": 785.0, "alpha": 1.01, "beta": 5.15,
          "mean_retention": 0.836, "mae": 0.013, "max_error": 0.02, "margin": 27.8, "value": 54.16, "base": 47879.0,
          "churn_cost": 52.89, "cost": 1.39, "effect": 0.02, "per_kept": 69.5, "break_even": 0.0263,
          "verdict": "pays", "gain_one": 0.019, "gain_one_money": 928.0, "top": "5", "gain_top": 0.105,
          "table": "memberships", "n": 7, "limit": "30", "n_small": 4,
          **{f"{p}_{c}": 1.5 for p in ("alpha", "beta") for c in ("truth", "ci_low", "ci_high")}}


@pytest.mark.parametrize("key", sorted(catalog.MESSAGES["en"]))
def test_every_key_renders(key):
    assert key.startswith("retention.")
    numeric = key in ("retention.finding.latest", "retention.finding.median", "retention.finding.median_open",
                      "retention.finding.value")  # low and high are numbers there, group names elsewhere
    text = msg(key, language="en", **{**FIELDS, **({"low": 0.139, "high": 0.155} if numeric else {})})
    assert text and "{" not in text and "}" not in text


def test_every_word_the_code_asks_for_exists():
    for period in ("month", "quarter"):
        assert msg(f"retention.period.{period}") == period
    for grouping in ("acquisition_channel", "value_tier", "lifecycle_stage", "rfm_segment", "cohort"):
        assert msg(f"retention.grouping.{grouping}")
    for verdict in ("yes", "no", "unclear"):
        assert msg(f"retention.pays.{verdict}")


def test_sentences_read_as_expected():
    latest = {**FIELDS, "rate": 0.1475, "low": 0.139, "high": 0.155}
    assert msg("retention.finding.latest", **latest) == (
        "Retention: of the 1,488 customers who bought in 2024-03, 14.8% bought again in the next month (interval "
        "13.9% to 15.5%); churn was 70.0%. In the first rated month, 1997-01, retention was 14.7%.")
    text = msg("retention.finding.median", median=150.0, low=139.0, high=162.0)
    assert text == "The median customer lifetime is 150 days (interval 139 to 162 days)."
    assert "0.0%" not in msg("retention.finding.programme", **FIELDS)
    assert msg("retention.finding.programme", **FIELDS).endswith("breaks even at an absolute rise of 2.63%, and pays.")
