"""Fuzz (hypothesis) of every notebook parameter through planning and the pre-run check
(issue 12, "Done when"): None, "", wrong types and unknown column names either pass (None
or "" where the notebook declares the parameter optional: that part is skipped) or give
an AnalysisError whose message names the parameter; never another exception, and no
kernel starts. Before issue 12, `group: ""` reached the kernel as KeyError: '' and a
misspelt column was found only inside a kernel."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import AnalysisError
from analysis.report import requirements as rq
from analysis.report.parameters import read_parameters
from analysis.report.plan import RUNNER_PARAMETERS, plan_runs
from analysis.study import load_study

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
DECLARED = {nb: read_parameters(NOTEBOOKS / f"{nb}.ipynb") for nb in NAMES}
CASES = [(nb, name) for nb in NAMES for name in DECLARED[nb] if name not in RUNNER_PARAMETERS]
COLUMN_PARAMS = {(nb, p.name): p for nb, params in rq.COLUMN_PARAMETERS.items() for p in params}

FILES = {
    "orders.csv": "cid,day,value\n" + "".join(f"c{i % 6},2024-0{i % 9 + 1}-1{i % 9},{5 + i}.5\n" for i in range(30)),
    "customers.csv": "cid,acq,src\n" + "".join(f"c{i},2023-12-0{i + 1},{'ab'[i % 2]}\n" for i in range(6)),
    "survey.csv": "rid,overall_satisfaction,perc_a_1,perc_a_2,seg\n" + "".join(
        f"r{i},{i % 7 + 1},{i % 5 + 1},{i % 3 + 2},{'xy'[i % 2]}\n" for i in range(20)),
    "outcomes.csv": "cid,arm,visit,conversion\n" + "".join(
        f"c{i % 6},{['control', 'email'][i % 2]},{i % 2},{i % 3 == 0:d}\n" for i in range(20)),
}
STUDY = """\
name: fuzz
data:
  transactions: {path: ../data/orders.csv, columns: {customer_id: cid, date: day, amount: value}}
  customers: {path: ../data/customers.csv, columns: {customer_id: cid, acquisition_date: acq, acquisition_channel: src}}
  survey: {path: ../data/survey.csv, columns: {respondent_id: rid}}
  channel_outcomes:
    path: ../data/outcomes.csv
    columns: {customer_id: cid, channel: arm}
    options: {binary_columns: [visit, conversion]}
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The study (every table present, so no notebook is skipped), the data cache, and a
    papermill that fails the test if a kernel would start."""
    import papermill

    root = tmp_path_factory.mktemp("fuzz")
    for sub in ("params", "data"):
        (root / sub).mkdir()
    shutil.copytree(NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    for name, text in FILES.items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    (root / "params" / "fuzz.yaml").write_text(textwrap.dedent(STUDY), encoding="utf-8")
    study = load_study(root / "params" / "fuzz.yaml")
    data: dict = {}
    assert rq.read_study_data(study).error is None
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(papermill, "execute_notebook", _no_kernel)
        yield study, data


def _no_kernel(*args, **kwargs):
    raise AssertionError("a kernel would have started")


VALUES = st.one_of(
    st.none(), st.just(""), st.just("no_such_column"), st.integers(-3, 3), st.floats(allow_nan=False, width=32),
    st.booleans(), st.lists(st.sampled_from(["no_such_column", "visit", ""]), max_size=2),
    st.lists(st.integers(0, 3), min_size=1, max_size=2), st.just({"no_such_column": 1}),
    st.just({"a": ["no_such_column"]}), st.just({"a": "b"}), st.just([["a", "b"]]), st.just("(unclosed"),
    st.text(max_size=6),
)


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(CASES), value=VALUES)
def test_every_parameter_value_is_accepted_or_a_clear_analysis_error(world, case, value):
    study, data = world
    notebook, name = case
    try:
        [plan] = rq.check_plans(plan_runs([study], [notebook], {name: value}), data=data)
    except AnalysisError as exc:  # refused while planning: type, date, value
        assert name in str(exc), str(exc)
        return
    assert plan.skipped is None  # every table is present
    if plan.problem is not None:
        assert isinstance(plan.problem, AnalysisError)
        assert repr(name) in str(plan.problem), str(plan.problem)
        return
    declared = DECLARED[notebook][name]
    injected = plan.parameters[name]
    if value is None or value == "":
        # accepted only where the notebook says None skips the part (or the default is None)
        assert declared.nullable or declared.type in ("NoneType", "unknown"), (notebook, name, value)
        assert injected is None or declared.type in ("NoneType", "unknown") or not declared.nullable
    param = COLUMN_PARAMS.get((notebook, name))
    if param is not None and param.kind in ("column", "columns") and injected is not None:
        names = [injected] if isinstance(injected, str) else list(injected)
        assert "no_such_column" not in names, "an unknown column passed the check"


@pytest.mark.parametrize(("notebook", "name"), sorted(COLUMN_PARAMS))
def test_an_unknown_column_is_refused_for_every_column_parameter(world, notebook, name):
    study, data = world
    kind = COLUMN_PARAMS[(notebook, name)].kind
    value = {"columns": ["no_such_column"], "keys": {"no_such_column": 1}, "values": {"x": "no_such_column"},
             "value_lists": {"x": ["no_such_column"]}, "value_keys": {"no_such_column": 0.1}}.get(kind, "no_such_column")
    try:
        [plan] = rq.check_plans(plan_runs([study], [notebook], {name: value}), data=data)
    except AnalysisError as exc:  # the notebook declares another type: refused as such, by name
        assert repr(name) in str(exc)
        return
    assert isinstance(plan.problem, AnalysisError), (notebook, name)
    assert repr(name) in str(plan.problem) and "no_such_column" in str(plan.problem)


@pytest.mark.parametrize("value", [None, ""])
def test_none_and_empty_text_for_every_parameter(world, value):
    """Every parameter of every notebook, exhaustively: None and "" pass only where the
    notebook declares the parameter optional (or its default is None); else a message names it."""
    study, data = world
    for notebook, name in CASES:
        declared = DECLARED[notebook][name]
        optional = declared.nullable or declared.type in ("NoneType", "unknown")
        try:
            [plan] = rq.check_plans(plan_runs([study], [notebook], {name: value}), data=data)
        except AnalysisError as exc:
            assert not optional and repr(name) in str(exc), (notebook, name, str(exc))
            continue
        assert optional, (notebook, name)
        assert plan.problem is None and plan.parameters[name] in (None, value)
