"""The segmentation message catalog: keys, fields and the sentences built from it.

References: the templates are filled by hand here with the numbers a reader
would compute (shares, counts) and compared with what the package writes.
"""

from __future__ import annotations

import pytest

from analysis.messages import available_languages, msg
from analysis.messages.segmentation import MESSAGES
from analysis.segmentation import STAGES


def test_every_key_is_prefixed():
    # that every language has the English keys and fields: tests/messages/test_init.py, for every catalog
    assert all(key.startswith("segmentation.") for entries in MESSAGES.values() for key in entries)
    assert "en" in available_languages()


def test_every_stage_and_what_label_has_a_message():
    for stage in STAGES:
        assert msg(f"segmentation.stage.{stage}")
    assert msg("segmentation.what.revenue") == "revenue" and msg("segmentation.what.margin") == "margin"


def test_notebook_sentences_formerly_typed_in_the_notebook():
    # the sentences notebook 01 used to type: data summary, no channel column; "Chosen: k = ..." is now
    # the cluster-structure finding, which says whether the criteria support the k at all
    assert msg("segmentation.finding.data", title="CDNOW", transactions=69659, customers=23570,
               first_date="1997-01-01", last_date="1998-06-30") == (
        "**CDNOW**: 69,659 transactions of 23,570 customers, 1997-01-01 to 1998-06-30.")
    assert msg("segmentation.finding.no_channels") == (
        "This study has no `acquisition_channel` column in a customers table.")
    assert msg("segmentation.finding.clusters.agree", n_criteria=4, k=3, method="k-means",
               criterion="silhouette") == (
        "All 4 criteria, the gap rule included, pick k = 3: k-means finds 3 clusters (k chosen by silhouette).")


@pytest.mark.parametrize("key, fields, expected", [
    ("segmentation.finding.top_share", {"top": 0.2, "share": 0.678, "what": "revenue"},
     "The top 20% of customers bring 67.8% of revenue."),
    ("segmentation.finding.tiers", {"a_customers": 7695, "a_share": 0.3265, "a_value": 0.8, "what": "margin"},
     "Tier A holds 7,695 customers (32.6%) who bring 80.0% of margin."),
    ("segmentation.finding.stages", {"lost_share": 0.5, "at_risk_share": 0.25, "lost_days": 365,
                                     "at_risk_days": 180},
     "50% of customers are lapsed or lost (no purchase for more than 365 days) and 25% are at risk "
     "(no purchase for more than 180 days)."),
    ("segmentation.finding.channels_across", {"ari": 0.0123},
     "Clusters and acquisition channels agree with an adjusted Rand index of 0.01 "
     "(0 = no more than chance, 1 = identical groupings): the behavioural clusters cut across the "
     "acquisition channels; knowing how a customer was acquired says little about which cluster they fall in."),
])
def test_findings_templates_format_numbers_as_a_reader_expects(key, fields, expected):
    assert msg(key, **fields) == expected


def test_missing_field_is_an_error_not_a_silent_blank():
    with pytest.raises(KeyError, match="needs fields \\['criterion'\\]"):
        msg("segmentation.finding.clusters.agree", n_criteria=3, k=3, method="k-means")


def test_words_follow_the_data():
    # issue 12: without money the sentences speak of purchases; customer-level input says where values come from
    assert msg("segmentation.what.purchases") == "purchases"
    assert msg("segmentation.finding.largest_segment_counts", segment="Lost", share=0.72, revenue_share=0.27,
               top_segment="Champions", top_revenue_share=0.54, top_share=0.18) == (
        "The largest RFM segment is Lost with 72% of customers and 27% of purchases; the segment making most "
        "purchases is Champions: 54% of purchases from 18% of customers.")
    assert "revenue" not in msg("segmentation.finding.rules_differ_counts", r=0.0, f=0.01)
    text = msg("segmentation.finding.data_customers_money", title="iFood", customers=2240, frequency=12.537,
               recency=49.1, monetary=605.8, currency="monetary units (MU)")
    assert text == ("**iFood**: 2,240 customers with recency, purchase counts and spend from the customers table "
                    "(no transaction log): on average 12.5 purchases, the last 49 days ago, and 605.8 monetary "
                    "units (MU) spent.")
    assert msg("segmentation.note.stages_unknown", stage="New").startswith("The lifecycle stage *New* cannot")
