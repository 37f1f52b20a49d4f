"""Property-based tests of the study loader (issue 14): any text, bytes, encoding or YAML structure.

load_study (and load_tables of a file-form study) gives a Study, tables, or a
StudyConfigError (an AnalysisError) that names the study file and the key at
fault, never another exception.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from property_cases import AWKWARD_TEXT, SECRET, bounded, contents, outcome
from study_project import make_project

from analysis.errors import AnalysisError, StudyConfigError
from analysis.study import Study, load_study
from analysis.study.config import TOP_KEYS
from analysis.study.data import FORMATS, TABLE_KEYS
from analysis.window import WINDOW_KEYS

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1", "cp1252")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12), AWKWARD_TEXT,
                    st.dates(min_value=dt.date(1, 1, 1)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=3),
                      max_leaves=8)
PATHS = st.sampled_from(["../data/orders.csv", "../data/none.csv", "../data", "/etc/passwd", "../" * 12 + "etc/passwd",
                         "orders.csv", "~/orders.csv", "../data/*.csv", "", " ", "\x00", "../data/orders.csv\n"])


ORDERS = {"path": "../data/orders.csv", "columns": {"customer_id": "CustID", "date": "OrderDate", "amount": "Value"}}
#: studies that load, to be broken one key at a time
BASES = [
    {"name": "tiny", "title": "t", "description": "d", "data": {"transactions": ORDERS},
     "window": {"observation_end": "2024-03-31", "time_unit": "W"}, "notebooks": {"fixture_ok": {"top_n": 2}}},
    {"name": "tiny", "data": {"dataset": "cdnow", "options": {"kind": "master"}}, "notebooks": {"fixture_fail": None}},
    {"name": "tiny", "data": {"transactions": {"path": "../data/*.csv", "engine": "duckdb", "memory_limit": "1GB",
                                              "columns": {"customer_id": "CustID"}}}},
    {"name": "tiny", "allowed_roots": ["../data"],
     "data": {"customers": {**ORDERS, "columns": {"customer_id": "CustID"}, "options": {"date_format": "%Y-%m-%d"}}}},
    {"name": "tiny", "data": {"transactions": {**ORDERS, "missing_codes": {"Value": [999]},
                                               "derive": {"Double": {"expr": "Value * 2"},
                                                          "Size": {"bins": "Value", "edges": [0, 20, 100]}},
                                               "filter": "Double > 1 and Size != 'x'"}}},
]
#: values of the preparation keys (issue 12): right, nearly right, and hostile
CODES = st.one_of(st.lists(st.one_of(st.integers(), AWKWARD_TEXT, st.booleans(), st.none()), max_size=3),
                  st.dictionaries(st.sampled_from(["Value", "CustID", "Nope", "Double"]),
                                  st.lists(st.one_of(st.integers(), AWKWARD_TEXT), max_size=2), max_size=2))
DERIVE_SPECS = st.one_of(st.builds(
    lambda kind, value, extra: {kind: value, **extra},
    st.sampled_from(["mean", "sum", "min", "max", "largest", "bins", "recode", "expr", "avg"]),
    st.one_of(st.sampled_from(["Value", "CustID", "Nope", "Value + 1", "__import__('os')"]),
              st.lists(st.sampled_from(["Value", "CustID", "OrderDate", "Nope"]), max_size=3),
              st.dictionaries(st.sampled_from(["Value", "CustID"]), AWKWARD_TEXT, max_size=2)),
    st.fixed_dictionaries({}, optional={"min_items": st.integers(-1, 4), "map": st.dictionaries(AWKWARD_TEXT, AWKWARD_TEXT),
                                        "other": AWKWARD_TEXT, "edges": st.lists(st.integers(-5, 50), max_size=4),
                                        "labels": st.lists(AWKWARD_TEXT, max_size=3), "right": st.booleans()})),
    VALUES)
EXPRESSIONS = st.one_of(st.sampled_from(["Value > 10", "Value >", "CustID == 'A1'", "Value.real", "Value * CustID",
                                         "isna(Value) or Value < 0", "Value in [1, 2]", "open('x')", "Nope > 1",
                                         "(Value > 1) + 1", "'a' * 10 ** 9", "OrderDate > 3"]), AWKWARD_TEXT)
#: values worth trying for a key, by its name; any key also gets arbitrary values
CANDIDATES = {
    "path": PATHS, "format": st.sampled_from([*FORMATS, "xlsx", "cvs"]),
    "encoding": st.sampled_from(["gb18030", "auto", "utf-16", "nonsense", ""]),
    "sep": st.sampled_from([";", "\t", "", "||", "\\s+"]), "sheet": st.sampled_from(["Orders", 0, -1, 5]),
    "engine": st.sampled_from(["duckdb", "spark", "pandas"]), "memory_limit": st.sampled_from(["4GB", "lots", "0"]),
    "temp_directory": st.sampled_from(["../data", "/tmp", "nowhere"]),
    "dataset": st.sampled_from(["cdnow", "service_demo", "hillstrom", "cdnw"]),
    "observation_end": AWKWARD_TEXT, "calibration_end": AWKWARD_TEXT, "holdout_length": st.integers(-3, 10**20),
    "time_unit": st.sampled_from(["D", "W", "M", "Y", "fortnight"]),
    "timezone": st.sampled_from(["UTC", "Asia/Shanghai", "Mars/Base", ""]),
    "options": st.sampled_from([{"drop_invalid_amounts": True}, {"date_format": "%Q"}, {"kind": "sample"}, {"n": 1}]),
    "columns": st.dictionaries(st.sampled_from(["customer_id", "date", "amount", 1]),
                               st.sampled_from(["CustID", "OrderDate", "Value", "Nope", 1]), max_size=3),
    "allowed_roots": st.sampled_from([["/"], ["../nowhere"], "../data", [None]]),
    "missing_codes": CODES, "derive": st.dictionaries(st.sampled_from(["New", "Value", "Double", ""]), DERIVE_SPECS,
                                                      max_size=2),
    "filter": EXPRESSIONS, "expr": EXPRESSIONS,
}
NEW_KEYS = st.sampled_from([*TOP_KEYS, *TABLE_KEYS, *WINDOW_KEYS, "transactions", "customers", "survey",
                            "channel_outcomes", "dataset", "fixture_ok", "colums", "titel"]) | st.text(max_size=6)


def _paths(tree: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path of a nested mapping, the empty path (the top) first."""
    found = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += _paths(value, (*prefix, key))
    return found


@st.composite
def studies(draw: Any) -> dict:
    """A study that loads, with one to three keys changed, removed or added (the rest stays valid)."""
    study = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(study)))
        parent = study
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "set", "delete", "add"]))
        if not path or action == "add":
            target = parent[path[-1]] if path else study
            if isinstance(target, dict):
                key = draw(NEW_KEYS)
                target[key] = copy.deepcopy(draw(CANDIDATES.get(key, VALUES) | VALUES))
        elif action == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(draw(CANDIDATES.get(path[-1], VALUES) | VALUES))
    return study


BILLION_LAUGHS = "name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok:\n    a: &a [lol, lol, lol]\n" + "".join(
    f"    {b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi")) + "title: *i\n"
#: YAML that has broken loaders: aliases that expand, recursion, deep nesting, tags, odd keys
NASTY = [
    "name: tiny\ndata: {dataset: cdnow}\nnotebooks:\n  fixture_ok: {a: &a [1, 2], b: &b [*a, *a, *a, *a, *a, *a],\n"
    "    c: &c [*b, *b, *b, *b, *b, *b], d: &d [*c, *c, *c, *c, *c, *c]}\ntitle: *d\n",  # 6^3 items: shown cut
    BILLION_LAUGHS,
    "name: tiny\ndata: &a [*a]\n",
    "name: tiny\ndata: " + "[" * 5000 + "]" * 5000 + "\n",
    "name: tiny\ndata: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
    "name: !!python/object/apply:os.system ['echo hi']\ndata: {dataset: cdnow}\n",
    "name: tiny\ndata: {dataset: cdnow}\n? [a, b]\n: 1\n",
    "name: tiny\ndata: {dataset: cdnow}\n? {a: 1}\n: 1\n",
    "name: tiny\ndata: {dataset: !!binary aGk=}\n",
    "name: tiny\ndata: !!set {a, b}\n",
    "name: tiny\ndata: {dataset: cdnow}\nwindow: {observation_end: 2024-13-45, calibration_end: 2024-02-30}\n",
    "name: tiny\ndata: {dataset: cdnow}\nnotebooks: {fixture_ok: {<<: [1, 2]}}\n",
    "name: tiny\ndata: {dataset: cdnow}\n<<: {name: other}\n",
    "name: tiny\n\tdata: x\n",
    "---\nname: tiny\n---\nname: tiny\n",
    "%YAML 1.1\n%TAG ! tag:evil.example,2000:\n---\nname: !x tiny\n",
    "name: tiny\ndata:\n  transactions:\n    path: ../data/orders.csv\n    columns: {customer_id: CustID, "
    "date: OrderDate, amount: Value}\n    options: {date_format: '%Q'}\n",
    "\ufeffname: tiny\ndata: {dataset: cdnow}\n",
    'name: tiny\ndata:\n  transactions: {path: "../data/orders.csv\\0"}\n',  # a NUL escaped in YAML text
    'name: tiny\ndata:\n  transactions: {path: "../data/*.csv\\0", engine: duckdb}\n',
    'name: tiny\ndata:\n  transactions: {path: "../data/*.csv", engine: duckdb, temp_directory: "\\0"}\n',
    'name: tiny\nallowed_roots: ["\\0"]\ndata: {dataset: cdnow}\n',
    "",
    "~",
    "name: tiny\ndata: {dataset: cdnow}\n" + "# comment\n" * 3 + "\x85",
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    """The study file of a tiny project (params/, data/orders.csv, notebooks/fixture_*)."""
    return make_project(tmp_path_factory.mktemp("properties")) / "params" / "tiny.yaml"


def _check(path: Path, load_tables: bool = True) -> None:
    result = outcome(load_study, path)
    if isinstance(result, Study):
        if load_tables and result.data.dataset is None:  # reading a tiny file is cheap; generating a data set is not
            tables = outcome(result.load_tables)
            assert isinstance(tables, (dict, AnalysisError))
        return
    assert isinstance(result, StudyConfigError), repr(result)
    message = str(result)
    assert message.startswith(str(path)), message  # names the file ...
    if not re.search(r"not valid YAML|UTF-8|expected a mapping of keys", message):
        assert re.match(re.escape(str(path)) + r": \S.*?: ", message, re.DOTALL), message  # ... and the key


@bounded(150)
@given(study=studies(), encoding=st.sampled_from(ENCODINGS))
def test_any_study_structure_in_any_encoding(tiny, study, encoding):
    text = yaml.safe_dump(study, allow_unicode=True, sort_keys=False)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    tiny.write_bytes(data)
    _check(tiny)


@bounded(100)
@given(data=contents(), suffix=st.sampled_from([".csv", ".tsv", ".txt", ".parquet", ".xlsx", ".dat"]),
       options=st.fixed_dictionaries({}, optional={"format": st.sampled_from([*FORMATS, "csv"]),
                                                   "encoding": st.sampled_from(["auto", "gb18030", "utf-16", "x"]),
                                                   "sep": st.sampled_from([";", "\t", "|", "\\s+"])}))
def test_any_data_file_behind_a_column_mapping(tiny, data, suffix, options):
    """The header check before any kernel starts: the file's column names or an error naming the key;
    never a row of the file in the message."""
    (tiny.parent.parent / "data" / f"orders{suffix}").write_bytes(data)
    table = {**ORDERS, "path": f"../data/orders{suffix}", **options}
    tiny.write_text(yaml.safe_dump({"name": "tiny", "data": {"transactions": table}}), encoding="utf-8")
    result = outcome(load_study, tiny)
    assert isinstance(result, (Study, StudyConfigError)), repr(result)
    assert SECRET not in str(result) and len(str(result)) < 1500, str(result)
    _check(tiny, load_tables=False)


@bounded(80)
@given(text=st.text(max_size=200))
@example(text=NASTY[0])
def test_any_text(tiny, text):
    tiny.write_text(text, encoding="utf-8", errors="surrogatepass")
    _check(tiny)


@bounded(40)
@given(data=st.binary(max_size=200))
def test_any_bytes(tiny, data):
    tiny.write_bytes(data)
    _check(tiny)


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_yaml_that_broke_loaders(tiny, text):
    tiny.write_text(text, encoding="utf-8")
    _check(tiny)


def test_top_keys_are_the_documented_ones():
    assert set(TOP_KEYS) == {"name", "title", "description", "language", "data", "allowed_roots", "window", "lifecycle", "labels",
                             "currency", "cleaning", "notebooks"}


@bounded(150)
@given(prep=st.fixed_dictionaries({}, optional={"missing_codes": CODES, "filter": EXPRESSIONS,
                                               "derive": st.dictionaries(st.sampled_from(["New", "Value", "Two"]),
                                                                         DERIVE_SPECS, max_size=2)}))
def test_any_data_preparation(tiny, prep):
    """Missing codes, derived columns and filters of any shape: a Study and tables, or an error naming the key
    (issue 12); never a traceback from pandas, never a run of the study's text."""
    tiny.write_text(yaml.safe_dump({"name": "tiny", "data": {"transactions": {**ORDERS, **prep}}}), encoding="utf-8")
    _check(tiny)


def test_language_and_texts_per_language(tmp_path, monkeypatch):
    from analysis.errors import StudyConfigError
    from analysis.study import load_study

    path = tmp_path / "params" / "shop.yaml"
    path.parent.mkdir()
    path.write_text("name: shop\ntitle: {en: Shop, zh: 商店}\ndescription: Plain\nlanguage: zh\n"
                    "data: {dataset: service_demo, options: {n_customers: 50}}\n", encoding="utf-8")
    study = load_study(path)
    assert (study.language, study.title, study.text_in("zh"), study.text_in("zh-Hant")) == ("zh", "Shop", "商店", "商店")
    assert study.text_in("zh", "description") == "Plain"
    monkeypatch.setenv("ANALYSIS_LANG", "zh")
    assert load_study(path).title == "商店"  # a kernel of the Chinese edition
    path.write_text(path.read_text(encoding="utf-8").replace("language: zh", "language: fr"), encoding="utf-8")
    with pytest.raises(StudyConfigError, match="language: must be one of en, zh, zh-Hant; got 'fr'"):
        load_study(path)
    path.write_text(path.read_text(encoding="utf-8").replace("language: fr\n", "").replace("zh: 商店", "de: Laden"),
                    encoding="utf-8")
    with pytest.raises(StudyConfigError, match="title: give one text, or one per language"):
        load_study(path)
