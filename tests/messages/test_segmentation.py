"""The segmentation message catalog: keys, fields and the sentences built from it.

References: the templates are filled by hand here with the numbers a reader
would compute (shares, counts) and compared with what the package writes.
"""

from __future__ import annotations

import pytest

from analysis.messages import available_languages, msg
from analysis.messages.segmentation import MESSAGES
from analysis.segmentation import STAGES
from analysis.segmentation.findings import chosen_k_sentence, data_sentence


def test_every_key_is_prefixed():
    # that every language has the English keys and fields: tests/messages/test_init.py, for every catalog
    assert all(key.startswith("segmentation.") for entries in MESSAGES.values() for key in entries)
    assert "en" in available_languages()


def test_every_stage_and_what_label_has_a_message():
    for stage in STAGES:
        assert msg(f"segmentation.stage.{stage}")
    assert msg("segmentation.what.revenue") == "revenue" and msg("segmentation.what.margin") == "margin"


def test_notebook_sentences_formerly_typed_in_the_notebook():
    # the three sentences notebook 01 used to type: data summary, chosen k, no channel column
    assert data_sentence("CDNOW", {"transactions": 69659, "customers": 23570, "first_date": "1997-01-01",
                                   "last_date": "1998-06-30"}) == (
        "**CDNOW**: 69,659 transactions of 23,570 customers, 1997-01-01 to 1998-06-30.")
    assert msg("segmentation.finding.chosen_k", k=4, criterion="gap") == "Chosen: **k = 4** by gap."
    assert msg("segmentation.finding.no_channels") == (
        "This study has no `acquisition_channel` column in a customers table.")

    class Selection:
        best_k, criterion = 5, "davies_bouldin"
    assert chosen_k_sentence(Selection()) == "Chosen: **k = 5** by davies-bouldin."


@pytest.mark.parametrize("key, fields, expected", [
    ("segmentation.finding.top_share", {"top": 0.2, "share": 0.678, "what": "revenue"},
     "The top 20% of customers bring 67.8% of revenue."),
    ("segmentation.finding.tiers", {"a_customers": 7695, "a_share": 0.3265, "a_value": 0.8, "what": "margin"},
     "Tier A holds 7,695 customers (32.6%) who bring 80.0% of margin."),
    ("segmentation.finding.stages", {"lost_share": 0.5, "at_risk_share": 0.25, "lost_days": 365},
     "50% of customers are lapsed or lost (no purchase for more than 365 days) and 25% are at risk."),
    ("segmentation.finding.channels", {"ari": 0.0123},
     "Clusters and acquisition channels agree with an adjusted Rand index of 0.01 "
     "(0 = no more than chance, 1 = identical groupings)."),
])
def test_findings_templates_format_numbers_as_a_reader_expects(key, fields, expected):
    assert msg(key, **fields) == expected


def test_missing_field_is_an_error_not_a_silent_blank():
    with pytest.raises(KeyError, match="needs fields \\['criterion'\\]"):
        msg("segmentation.finding.chosen_k", k=3)
