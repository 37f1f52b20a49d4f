"""The labels catalog: table headers (English = the column name, Chinese short and distinct), the user's own
column names left alone, and the words moved out of the code render as before in English.

References: the English texts the code typed before they moved into the catalog (a cross
table's "Total" margins, the legend "A|B, B|C", "Pearson chi-square", "<group> x drivers",
"Endogenous"/"Exogenous"); the column names of the bundled synthetic firm's own tables.
"""

from __future__ import annotations

import pandas as pd

from analysis.messages import _MESSAGES, column_label, msg, to_english
from analysis.messages.labels import COLUMNS, MESSAGES
from analysis.messages.zh.labels import MESSAGES as ZH
from analysis.messages.zh.labels import SAME_AS_ENGLISH

#: columns of the synthetic firm's own tables that are not the canonical tables' (docs/tables.md):
#: survey items and outcomes, campaign outcomes and covariates, its region: the user's words
USER_WORDS = {"overall_satisfaction", "recommend", "loyalty_intent", "visit", "conversion", "cost_per_contact",
              "region", "past_spend", "recency_group", "contact_date"}


def test_keys_are_prefixed_and_english_headers_are_the_names_themselves():
    assert all(key.startswith("labels.") for entries in MESSAGES.values() for key in entries)
    assert len(COLUMNS) == len(set(COLUMNS)) > 600
    for name in COLUMNS:
        assert msg(f"labels.column.{name}", language="en") == name
        assert column_label(name, language="en") == name


def test_chinese_headers_are_short_distinct_and_translated():
    zh = {key[len("labels.column."):]: text for key, text in ZH["zh"].items() if key.startswith("labels.column.")}
    assert set(zh) == set(COLUMNS)
    assert len(set(zh.values())) == len(zh), "two columns share one Chinese header"
    assert max(len(text) for text in zh.values()) <= 20  # method names such as "Calinski-Harabasz 指数"
    same = {name for name, text in zh.items() if text == name}
    assert {f"labels.column.{name}" for name in same} == SAME_AS_ENGLISH  # parameter symbols only
    assert all(len(name) <= 5 for name in same)
    for name, text in {"ci_low": "置信下限", "ci_high": "置信上限", "p_value": "p 值", "std_error": "标准误",
                       "estimate": "估计值", "n_customers": "客户人数", "share": "占比",
                       "clv": "客户生命周期价值", "p_alive": "客户存活概率", "retention_rate": "客户留存率"}.items():
        assert column_label(name, language="zh") == text
    assert column_label("my_own_column", language="zh") == "my_own_column"  # the user's words as they are
    assert column_label(3, language="zh") == 3


def test_the_users_own_columns_are_not_translated():
    from analysis.datasets import load_dataset

    tables = load_dataset("service_demo", n_customers=200, seed=1)
    survey_items = [c for c in tables["survey"].columns if c.startswith(("perc_", "exp_"))]
    assert survey_items and not set(survey_items) & set(COLUMNS)
    assert not USER_WORDS & set(COLUMNS)
    assert USER_WORDS <= {c for t in tables.values() for c in t.columns}  # they are the data's columns
    channels = set(tables["transactions"]["channel"].astype(str)) | set(tables["channel_outcomes"]["channel"].astype(str))
    assert not channels & set(COLUMNS)  # channel names become headers of cross tables: the user's words


def test_every_column_of_the_value_class_summary_has_a_header():
    from analysis.segmentation import rfm_value_classes, value_class_summary

    t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
    classes = rfm_value_classes(t)
    summary = value_class_summary(classes)
    for name in [*classes.columns, *summary.columns, summary.index.name]:
        assert name in COLUMNS, name


def test_words_moved_out_of_the_code_read_as_before_in_english_and_come_back_from_chinese():
    before = {"labels.table.total": "Total", "labels.fig.abc_limits": "A|B, B|C",
              "labels.test.pearson_chi2": "Pearson chi-square", "labels.construct.endogenous": "Endogenous",
              "labels.construct.exogenous": "Exogenous"}
    for key, text in before.items():
        assert msg(key, language="en") == text
        assert to_english(msg(key, language="zh"), language="zh") == text  # the written tables stay English
    assert msg("labels.test.group_interaction", language="en", group="g") == "g x drivers"
    assert msg("labels.table.total", language="zh") == "合计"


def test_headers_never_shadow_a_generated_value_in_the_written_tables():
    # a header's Chinese may equal a generated value's (最有价值客户, 客户留存率): the written tables read values
    # back to English (analysis.messages.to_english), and must give the value's English, not the column name
    zh, en = _MESSAGES["zh"], _MESSAGES["en"]
    header_of = {zh[f"labels.column.{name}"]: name for name in COLUMNS}
    wrong = {key: text for key, text in zh.items()
             if not key.startswith("labels.column.") and key in en and text in header_of
             and to_english(text, language="zh") == header_of[text] != en[key]}
    assert not wrong
