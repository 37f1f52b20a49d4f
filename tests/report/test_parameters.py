"""Notebook parameters: reading the tagged cell, checking names and types, parsing -p values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import nbformat
import pytest
from study_project import FIXTURES

from analysis.errors import NotebookParameterError
from analysis.report.parameters import (
    UNKNOWN,
    NotebookParameter,
    check_parameters,
    parse_cli_parameters,
    read_parameters,
)

CELL = '''\
%matplotlib inline
study = "../params/service_demo.yaml"  # study YAML
output_dir = None  # where outputs go
observation_end = None  # "YYYY-MM-DD" or None
top_n = 10  # rows to list
share: float = 0.5  # a float with an annotation
label = "all"
verbose = False
weights = [1, 2]
start = pd.Timestamp("2024-01-01")  # not a literal
'''


def _notebook(tmp_path: Path, source: str, tags=("parameters",)) -> Path:
    cell = nbformat.v4.new_code_cell(source)
    if tags:
        cell.metadata["tags"] = list(tags)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"), cell])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture()
def declared(tmp_path):
    return read_parameters(_notebook(tmp_path, CELL))


def test_reads_defaults_types_and_comments(declared):
    assert list(declared) == ["study", "output_dir", "observation_end", "top_n", "share", "label",
                              "verbose", "weights", "start"]
    assert declared["top_n"] == NotebookParameter("top_n", 10, "int", "rows to list")
    assert declared["output_dir"].type == "NoneType" and declared["output_dir"].default is None
    assert declared["share"].default == 0.5 and declared["share"].type == "float"
    assert declared["start"].type == UNKNOWN and declared["start"].comment == "not a literal"


def test_fixture_notebook_parameters():
    declared = read_parameters(FIXTURES / "fixture_ok.ipynb")
    assert declared["top_n"].default == 3 and declared["scale"].type == "float"


def test_missing_parameters_tag_is_an_error():
    with pytest.raises(NotebookParameterError, match=r"fixture_no_tag.ipynb: no cell tagged 'parameters'.*override"):
        read_parameters(FIXTURES / "fixture_no_tag.ipynb")


def test_other_tags_do_not_count(tmp_path):
    with pytest.raises(NotebookParameterError, match="no cell tagged 'parameters'"):
        read_parameters(_notebook(tmp_path, "x = 1", tags=("injected-parameters",)))


def test_broken_parameters_cell(tmp_path):
    with pytest.raises(NotebookParameterError, match=r"not valid Python \(line 1\)"):
        read_parameters(_notebook(tmp_path, "x = = 1"))


def test_unknown_name_suggests_the_closest(declared):
    with pytest.raises(NotebookParameterError) as info:
        check_parameters(declared, {"topn": 5}, notebook="00_data_overview", source="params/x.yaml")
    message = str(info.value)
    assert "params/x.yaml" in message and "'topn'" in message and "did you mean 'top_n'" in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("top_n", 5, 5),
        ("share", 1, 1),  # an int is fine for a float
        ("share", 0.25, 0.25),
        ("observation_end", "1998-06-30", "1998-06-30"),  # None default accepts text ...
        ("observation_end", 3, 3),  # ... and numbers
        ("observation_end", None, None),
        ("observation_end", dt.date(1998, 6, 30), "1998-06-30"),  # YAML dates become text
        ("label", dt.date(1998, 6, 30), "1998-06-30"),
        ("verbose", True, True),
        ("weights", [3], [3]),
        ("start", object, object),  # non-literal default: anything goes
    ],
)
def test_accepted_values(declared, name, value, expected):
    assert check_parameters(declared, {name: value}, notebook="nb") == {name: expected}


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("top_n", True, "expects an integer (int) (its default is 10), got bool True"),  # bool is not int
        ("top_n", 2.5, "got float 2.5"),
        ("share", "half", "expects a number (float)"),
        ("verbose", 1, "expects true or false (bool)"),
        ("label", 3, "expects text (str)"),
        ("observation_end", [1], "expects None, text or a number"),
        ("top_n", None, "got NoneType None"),
    ],
)
def test_wrong_types_name_parameter_expected_and_given(declared, name, value, words):
    with pytest.raises(NotebookParameterError) as info:
        check_parameters(declared, {name: value}, notebook="nb")
    assert f"parameter {name!r} of notebook nb" in str(info.value) and words in str(info.value)


def test_cli_values_are_yaml_scalars():
    parsed = parse_cli_parameters(["top_n=5", "share=0.5", "verbose=true", "end=null", "day=1998-06-30",
                                   "label=Q1 2024", "quoted='007'", "expr=a=b"])
    assert parsed == {"top_n": 5, "share": 0.5, "verbose": True, "end": None, "day": dt.date(1998, 6, 30),
                      "label": "Q1 2024", "quoted": "007", "expr": "a=b"}
    assert type(parsed["top_n"]) is int and type(parsed["verbose"]) is bool


@pytest.mark.parametrize("item", ["top_n", "=5", "top n=5", "x=[1, 2"])
def test_bad_cli_items(item):
    with pytest.raises(NotebookParameterError, match=r"-p"):
        parse_cli_parameters([item])


@pytest.mark.parametrize("value", ["2024-02-30", "2023-13-01", "2024-00-10"])
def test_a_cli_date_that_is_no_date_is_a_message(value):
    with pytest.raises(NotebookParameterError, match=rf"^-p 'observation_end={value}': not a date \(.+\); write a "
                                                     r"real day as YYYY-MM-DD, e.g. -p observation_end=2024-02-29$"):
        parse_cli_parameters([f"observation_end={value}"])


def test_cli_then_check_round_trip(declared):
    checked = check_parameters(declared, parse_cli_parameters(["observation_end=1998-06-30", "share=1"]), notebook="nb")
    assert checked == {"observation_end": "1998-06-30", "share": 1}


def test_none_only_where_the_cell_annotates_the_parameter_as_optional(tmp_path):
    declared = read_parameters(_notebook(tmp_path, 'cost: str | None = "cost"  # or None\n'
                                                   'arm: Optional[str] = "control"\n'
                                                   'label = "all"\n'))
    assert declared["cost"].nullable and declared["arm"].nullable and not declared["label"].nullable
    assert check_parameters(declared, {"cost": None, "arm": None}, notebook="n") == {"cost": None, "arm": None}
    assert check_parameters(declared, {"cost": "spend"}, notebook="n") == {"cost": "spend"}
    with pytest.raises(NotebookParameterError, match="'label'.*expects text"):
        check_parameters(declared, {"label": None}, notebook="n")
    with pytest.raises(NotebookParameterError, match="'cost'.*expects text"):
        check_parameters(declared, {"cost": 3}, notebook="n")


def test_annotated_date_parameter_takes_text_dates_and_none(tmp_path):
    declared = read_parameters(_notebook(tmp_path, 'observation_end: str | None = None  # "YYYY-MM-DD" or None\n'
                                                   'share: Optional[float] = 0.5\n'
                                                   'rules: dict | None = None\n'
                                                   'start: pd.Timestamp = pd.Timestamp("2024-01-01")\n'))
    assert declared["observation_end"].annotation == ("str", "NoneType")
    assert declared["share"].annotation == ("float", "NoneType") and declared["rules"].annotation == ("dict", "NoneType")
    assert declared["start"].annotation == () and declared["start"].type == UNKNOWN  # not a simple annotation
    given = {"observation_end": "1998-06-30"}
    assert check_parameters(declared, given, notebook="n") == {"observation_end": "1998-06-30"}
    assert check_parameters(declared, {"observation_end": dt.date(1998, 6, 30)}, notebook="n") == given
    assert check_parameters(declared, {"observation_end": None}, notebook="n") == {"observation_end": None}
    cli = parse_cli_parameters(["observation_end=1998-06-30", "share=1", "rules=null"])
    assert check_parameters(declared, cli, notebook="n") == {"observation_end": "1998-06-30", "share": 1, "rules": None}
    with pytest.raises(NotebookParameterError, match=r"'observation_end' of notebook n expects text \(str\) or None"):
        check_parameters(declared, {"observation_end": 19980630}, notebook="n")
    with pytest.raises(NotebookParameterError, match=r"'rules' of notebook n expects a mapping or None"):
        check_parameters(declared, {"rules": [1]}, notebook="n")
    assert check_parameters(declared, {"start": "anything"}, notebook="n") == {"start": "anything"}


def test_fixture_notebook_declares_an_annotated_observation_end():
    declared = read_parameters(FIXTURES / "fixture_ok.ipynb")
    assert declared["observation_end"].annotation == ("str", "NoneType") and declared["observation_end"].default is None
