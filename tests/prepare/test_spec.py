"""The preparation keys of a study file are checked before any data is read: each mistake named with its key path."""

from __future__ import annotations

import pytest

from analysis.errors import StudyConfigError
from analysis.prepare import parse_preparation

HEADER = ["id", "age", "sat1", "sat2", "sat3", "y", "web", "store"]


def parse(**raw):
    return parse_preparation(raw, where="s.yaml", key="data.survey", header=HEADER)


def error(**raw) -> str:
    with pytest.raises(StudyConfigError) as info:
        parse(**raw)
    return str(info.value)


def test_a_full_declaration_is_parsed_in_order():
    prep = parse(missing_codes={"age": [999]}, derive={
        "satisfaction": {"mean": ["sat1", "sat2", "sat3"], "min_items": 2},
        "subscribed": {"recode": "y", "map": {"yes": 1, "no": 0}},
        "age_group": {"bins": "age", "edges": [18, 30, 45], "labels": ["18-29", "30-44"]},
        "preferred": {"largest": {"web": "web", "store": "store"}},
        "happy": {"expr": "satisfaction >= 7"},   # a later column may use an earlier one
    }, filter="happy and age_group == '18-29'")
    assert prep.derived_names == ("satisfaction", "subscribed", "age_group", "preferred", "happy")
    assert prep.derive[0].settings["min_items"] == 2 and prep.derive[4].sources == ("satisfaction",)
    assert dict(prep.missing_codes) == {"age": (999,)} and prep.declared


def test_nothing_declared():
    assert not parse().declared and parse().derived_names == ()


def test_codes_for_every_column_and_a_single_code():
    assert dict(parse(missing_codes=["unknown", 999]).missing_codes) == {None: ("unknown", 999)}
    assert dict(parse(missing_codes=-1).missing_codes) == {None: (-1,)}


@pytest.mark.parametrize("raw, part", [
    ({"missing_codes": []}, "data.survey.missing_codes: expected a list of codes"),
    ({"missing_codes": {}}, "data.survey.missing_codes: expected a list of codes"),
    ({"missing_codes": [True]}, "data.survey.missing_codes[0]: True is read by YAML as true/false"),
    ({"missing_codes": [None]}, "data.survey.missing_codes[0]: expected a code"),
    ({"missing_codes": [" "]}, "expected a code"),
    ({"missing_codes": [float("nan")]}, "expected a code"),
    ({"derive": {"s": {"recode": "y", "map": {float("inf"): 1}}}}, "data.survey.derive.s.map: expected a code"),
    ({"missing_codes": {"agee": [999]}}, "data.survey.missing_codes.agee: column 'agee' is not in the file"
                                         " (nor derived before); did you mean 'age'?"),
    ({"derive": []}, "data.survey.derive: expected a mapping of new column"),
    ({"derive": {"age": {"sum": ["sat1"]}}}, "data.survey.derive.age: the file already has a column 'age'"),
    ({"derive": {"s": {"mean": ["sat1"], "sum": ["sat2"]}}}, "data.survey.derive.s: expected a mapping with exactly "
                                                             "one of mean, sum"),
    ({"derive": {"s": {"avg": ["sat1"]}}}, "exactly one of"),
    ({"derive": {"s": "sat1 + sat2"}}, "exactly one of"),
    ({"derive": {"s": {"mean": ["sat1"], "min_item": 1}}}, "data.survey.derive.s.min_item: unknown key 'min_item'; "
                                                           "did you mean 'min_items'?"),
    ({"derive": {"s": {"mean": ["sat1", "sat4"]}}}, "data.survey.derive.s.mean[1]: column 'sat4' is not in the file"),
    ({"derive": {"s": {"mean": "sat1"}}}, "data.survey.derive.s.mean: expected a list of column names"),
    ({"derive": {"s": {"mean": ["sat1", "sat1"]}}}, "column 'sat1' is listed twice"),
    ({"derive": {"s": {"mean": ["sat1", "sat2"], "min_items": 3}}}, "expected a whole number from 1 to 2"),
    ({"derive": {"s": {"mean": ["sat1", "sat2"], "min_items": True}}}, "expected a whole number from 1 to 2"),
    ({"derive": {"s": {"recode": "y"}}}, "data.survey.derive.s.map: expected a mapping of value -> new value"),
    ({"derive": {"s": {"recode": "yy", "map": {"a": 1}}}}, "derive.s.recode: column 'yy' is not in the file"),
    ({"derive": {"s": {"recode": "y", "map": {"a": [1]}}}}, "derive.s.map.a: expected a label"),
    ({"derive": {"s": {"bins": "age", "edges": [30, 18]}}}, "derive.s.edges: expected at least two increasing"),
    ({"derive": {"s": {"bins": "age", "edges": [18]}}}, "expected at least two increasing numbers"),
    ({"derive": {"s": {"bins": "age", "edges": [18, "x"]}}}, "expected at least two increasing numbers"),
    ({"derive": {"s": {"bins": "age", "edges": [18, 30, 45], "labels": ["a"]}}}, "derive.s.labels: expected 2 "
                                                                                  "different labels"),
    ({"derive": {"s": {"bins": "age", "edges": [18, 30, 45], "labels": ["a", "a"]}}}, "expected 2 different"),
    ({"derive": {"s": {"bins": "age", "edges": [18, 30], "right": "yes"}}}, "derive.s.right: expected true"),
    ({"derive": {"s": {"largest": ["web", "store"]}}}, "derive.s.largest: expected a mapping of column -> label"),
    ({"derive": {"s": {"largest": {"webb": "web"}}}}, "derive.s.largest.webb: column 'webb' is not in the file"),
    ({"derive": {"s": {"expr": "sat1 +"}}}, "data.survey.derive.s.expr: not a valid expression"),
    ({"derive": {"s": {"expr": "t + 1"}, "t": {"expr": "1"}}}, "column 't' is not in the file (nor derived before)"),
    ({"filter": "agee > 18"}, "data.survey.filter: column 'agee' is not in the file"),
    ({"filter": "__import__('os')"}, "data.survey.filter: the function '__import__' is not available"),
])
def test_each_mistake_is_named_with_its_key_path(raw, part):
    message = error(**raw)
    assert message.startswith("s.yaml: ") and part in message, message


def test_unquoted_yaml_booleans_in_a_recode_map_are_kept():
    prep = parse(derive={"s": {"recode": "y", "map": {True: 1, False: 0}}})
    assert prep.derive[0].settings["map"] == {True: 1, False: 0}
