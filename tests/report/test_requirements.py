"""analysis.report.requirements: what each notebook needs and the one pre-run check of a
study's data (issue 12): a notebook whose inputs are absent is skipped with the reason
(before: `KeyError: 'survey'` from inside a kernel); a column the study or -p gives that
the table lacks is refused by name before any kernel (before: only a kernel found it); a
default column that is absent is no error; a study's data are read once per study."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from analysis.errors import DataValidationError, NotebookParameterError
from analysis.report import requirements as rq
from analysis.report.parameters import read_parameters
from analysis.report.plan import plan_runs
from analysis.study import load_study

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"

# overall_satisfaction and perc_q_1 make notebook 03's defaults (outcome, item_pattern) name columns
SURVEY_CSV = "rid,sat,q_a,q_b,region,overall_satisfaction,perc_q_1\n" + "".join(
    f"r{i},{i % 5 + 1},{i % 4 + 1},{i % 3 + 1},{'ns'[i % 2]},{i % 5 + 1},{i % 4 + 1}\n" for i in range(12))
CUSTOMERS_CSV = "cid,rec,freq,spend\n" + "".join(f"c{i},{i * 3},{i % 4 + 1},{i * 10.5}\n" for i in range(12))
OUTCOMES_CSV = "cid,arm,bought\n" + "".join(f"c{i},{['control', 'mail'][i % 2]},{i % 3 == 0:d}\n" for i in range(12))


def survey_project(root: Path, notebooks: str = "", extra: str = "") -> Path:
    """A project with the real notebooks and a study ``s`` holding only a survey."""
    for sub in ("params", "data"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    shutil.copytree(NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "data" / "survey.csv").write_text(SURVEY_CSV, encoding="utf-8")
    (root / "data" / "customers.csv").write_text(CUSTOMERS_CSV, encoding="utf-8")
    (root / "data" / "outcomes.csv").write_text(OUTCOMES_CSV, encoding="utf-8")
    text = textwrap.dedent("""\
        name: s
        data:
          survey:
            path: ../data/survey.csv
            columns: {respondent_id: rid}
        """) + textwrap.indent(textwrap.dedent(extra), "  ") + textwrap.dedent(notebooks)
    (root / "params" / "s.yaml").write_text(text, encoding="utf-8")
    return root / "params" / "s.yaml"


def _checked(study_file: Path, notebooks=None, overrides=None, data=None):
    return rq.check_plans(plan_runs([load_study(study_file)], notebooks, overrides), data=data)


def test_every_registered_parameter_is_in_its_notebooks_parameters_cell():
    for notebook in {*rq.NEEDS, *rq.COLUMN_PARAMETERS}:
        assert (NOTEBOOKS / f"{notebook}.ipynb").is_file(), notebook
    for notebook, params in rq.COLUMN_PARAMETERS.items():
        declared = read_parameters(NOTEBOOKS / f"{notebook}.ipynb")
        for param in params:
            assert param.name in declared, f"{notebook}: {param.name} is registered but not a parameter"
            assert param.kind in rq.KINDS
            assert param.of is None or param.of in declared
        for need in rq.NEEDS.get(notebook, ()):
            assert need.parameter is None or need.parameter in declared


def test_a_survey_only_study_without_a_notebooks_list_runs_only_what_applies(tmp_path):
    plans = _checked(survey_project(tmp_path))
    fate = {p.notebook: p.skipped for p in plans}
    assert sorted(n for n, why in fate.items() if why is None) == ["00_data_overview", "03_satisfaction_drivers"]
    assert "needs a transactions table" in fate["02_clv"] and "the study has survey" in fate["02_clv"]
    assert "customers table with the column(s) recency_days, frequency" in fate["01_segmentation"]
    assert "paths table" in fate["04_channel_comparison"]
    assert all(p.problem is None for p in plans)


def test_customer_level_rfm_input_lets_notebook_01_run(tmp_path):
    study = survey_project(tmp_path, extra="""\
          customers:
            path: ../data/customers.csv
            columns: {customer_id: cid, recency_days: rec, frequency: freq, monetary: spend}
        """)
    fate = {p.notebook: p.skipped for p in _checked(study)}
    assert fate["01_segmentation"] is None and fate["02_clv"] is not None
    assert rq.unmet_reason("01_segmentation", {"customers": ["customer_id", "frequency"]}, {}) is not None


@pytest.mark.parametrize(
    ("tables", "runs"),
    [({"paths": ["path", "conversions"]}, True), ({"channel_outcomes": ["channel"]}, True),
     ({"transactions": ["customer_id", "amount"], "customers": ["customer_id", "acquisition_channel"]}, True),
     # a count-only log has no money for the channel economics, the only part these tables would feed
     ({"transactions": ["customer_id"], "customers": ["customer_id", "acquisition_channel"]}, False),
     ({"transactions": ["customer_id"], "customers": ["customer_id"]}, False), ({"survey": ["x"]}, False)],
)
def test_notebook_04_applies_to_channel_outcomes_paths_or_acquisition_channels(tables, runs):
    assert (rq.unmet_reason("04_channel_comparison", tables, {"paths_file": None}) is None) is runs


def test_a_given_column_that_is_absent_is_refused_naming_parameter_table_and_closest_column(tmp_path):
    study = survey_project(tmp_path, notebooks="notebooks:\n  03_satisfaction_drivers: {outcome: satt}\n")
    [plan] = _checked(study)
    assert isinstance(plan.problem, NotebookParameterError)
    text = str(plan.problem)
    assert "s.yaml notebooks.03_satisfaction_drivers: parameter 'outcome'" in text
    assert "the survey table does not have" in text and "did you mean 'sat'?" in text and "null" in text


@pytest.mark.parametrize(
    ("override", "words"),
    [({"group": "regoin"}, "did you mean 'region'"),
     ({"predictors": ["q_a", "q_c"]}, "names the column 'q_c'"),
     ({"predictors": [1, 2]}, "as text, got 1"),
     ({"item_pattern": "^x_"}, "matches no column of the survey table"),
     ({"item_pattern": "(unclosed"}, "not a valid regular expression"),
     ({"expectation_prefix": "exp_"}, "matches no column"),
     ({"stated_importance": {"a": "imp_a"}}, "names the column 'imp_a'"),
     ({"pls_outcomes": {"satisfaction": "sat"}}, "must be a list of column names"),
     ({"predictors": ["q_a", ""]}, "is empty; write a column of the survey table")],
)
def test_minus_p_columns_are_checked_before_any_kernel(tmp_path, override, words):
    [plan] = _checked(survey_project(tmp_path), ["03_satisfaction_drivers"], override)
    assert isinstance(plan.problem, NotebookParameterError), plan
    assert words in str(plan.problem)
    assert f"-p: parameter {next(iter(override))!r}" in str(plan.problem)


def test_given_columns_that_exist_pass_and_absent_defaults_are_no_error(tmp_path):
    given = {"outcome": "sat", "group": "region", "item_pattern": r"^q_(?P<construct>\w)$", "predictors": ["q_a"],
             "pls_outcome_scale": {"sat": [1, 5]}}
    [plan] = _checked(survey_project(tmp_path), ["03_satisfaction_drivers"], given)
    assert plan.problem is None and plan.skipped is None  # defaults (loyalty_outcome 'churned', ...) are absent


def test_empty_text_for_an_optional_parameter_is_passed_as_none(tmp_path):
    study = survey_project(tmp_path)
    declared = read_parameters(NOTEBOOKS / "04_channel_comparison.ipynb")
    optional = [n for n in ("control_arm", "spend_outcome", "cost_column") if declared[n].nullable]
    assert optional, "notebook 04 declares its optional columns as `str | None`"
    [plan] = plan_runs([load_study(study)], ["04_channel_comparison"], {optional[0]: ""})
    assert plan.parameters[optional[0]] is None


def test_an_arm_must_be_a_value_of_the_channel_column(tmp_path):
    study = survey_project(tmp_path, extra="""\
          channel_outcomes:
            path: ../data/outcomes.csv
            columns: {customer_id: cid, channel: arm}
            options: {binary_columns: [bought]}
        """)
    [plan] = _checked(study, ["04_channel_comparison"], {"control_arm": "contol"})
    assert "not a value of the column 'channel'" in str(plan.problem) and "did you mean 'control'" in str(plan.problem)
    [plan] = _checked(study, ["04_channel_comparison"], {"arm_incentives": {"mail": 2.0, "sms": 1.0}})
    assert "names 'sms'" in str(plan.problem)
    [plan] = _checked(study, ["04_channel_comparison"], {"control_arm": "control", "binary_outcomes": ["bought"],
                                                          "arm_discounts": {"mail": 0.1}})
    assert plan.problem is None


def test_bad_data_are_one_error_for_every_notebook_read_once(tmp_path, monkeypatch):
    study = survey_project(tmp_path, extra="""\
          customers:
            path: ../data/customers.csv
            columns: {customer_id: cid, frequency: rec, recency_days: spend}
        """)
    (tmp_path / "data" / "customers.csv").write_text("cid,rec,freq,spend\nc1,-3,1,x\n", encoding="utf-8")
    calls = []
    original = rq.read_study_data
    monkeypatch.setattr(rq, "read_study_data", lambda s: calls.append(s) or original(s))
    plans = _checked(study)
    assert len(calls) == 1 and len(plans) == len(list(NOTEBOOKS.glob("*.ipynb")))  # every notebook: 6 with 05
    assert all(isinstance(p.problem, DataValidationError) for p in plans)
    assert len({str(p.problem) for p in plans}) == 1


def test_run_refuses_a_given_column_that_is_absent_before_any_kernel(tmp_path, monkeypatch):
    from click.testing import CliRunner
    import papermill

    from analysis.report.cli import main

    study = survey_project(tmp_path / "proj", notebooks="notebooks:\n  03_satisfaction_drivers: {group: regoin}\n")
    monkeypatch.chdir(study.parent.parent)
    asked: list = []
    monkeypatch.setattr(papermill, "execute_notebook", lambda path, *a, **k: asked.append(path))
    result = CliRunner().invoke(main, ["run", "--reports-dir", str(tmp_path / "reports")])
    assert result.exit_code == 2 and asked == []
    assert "parameter 'group' of notebook 03_satisfaction_drivers names the column 'regoin'" in result.output
    assert "did you mean 'region'" in result.output


def test_a_column_notebook_04_derives_may_be_named_when_its_sources_are_there(tmp_path):
    (tmp_path / "data").mkdir()
    study = survey_project(tmp_path, extra="""\
          channel_outcomes:
            path: ../data/contacts.csv
            columns: {customer_id: cid, channel: arm}
            options: {binary_columns: [bought]}
        """)
    rows = "".join(f"c{i},{['control', 'mail'][i % 2]},{i % 2},{i * 20},{i % 4},{i * 30 + 5}\n" for i in range(12))
    contacts = tmp_path / "data" / "contacts.csv"
    contacts.write_text("cid,arm,bought,recency_days,n_orders,tenure_days\n" + rows, encoding="utf-8")
    given = {"covariates": ["lifecycle_stage"], "heterogeneity_by": "lifecycle_stage", "binary_outcomes": ["bought"]}
    [plan] = _checked(study, ["04_channel_comparison"], given)
    assert plan.problem is None
    contacts.write_text("cid,arm,bought\n" + "".join(f"c{i},{['control', 'mail'][i % 2]},{i % 2}\n" for i in range(12)),
                        encoding="utf-8")
    [plan] = _checked(study, ["04_channel_comparison"], given)
    assert "names the column 'lifecycle_stage'" in str(plan.problem)


def test_a_log_kept_on_disk_has_its_columns_read_not_its_rows(tmp_path):
    study = survey_project(tmp_path, extra="""\
          transactions:
            path: ../data/orders.csv
            engine: duckdb
            columns: {customer_id: cid, date: day}
        """)
    (tmp_path / "data" / "orders.csv").write_text("cid,day\nc1,2024-01-03\nc2,2024-01-05\n", encoding="utf-8")
    data = rq.read_study_data(load_study(study))
    assert data.error is None and data.frames["transactions"] is None
    assert data.columns["transactions"] == ["customer_id", "date"]
    fate = {p.notebook: p.skipped for p in _checked(study)}
    assert fate["02_clv"] is None and fate["04_channel_comparison"] is not None


def test_a_notebook_opened_on_a_study_it_does_not_serve_says_why():
    import pandas as pd

    from analysis.errors import StudyConfigError

    with pytest.raises(StudyConfigError, match="needs a survey table; the study has transactions"):
        rq.require_inputs("03_satisfaction_drivers", {"transactions": pd.DataFrame({"customer_id": ["a"]})})
    rq.require_inputs("04_channel_comparison", {}, paths_file="paths.csv")  # the parameter serves it


def test_check_of_a_study_whose_tables_fit_none_of_its_notebooks_says_so(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from analysis.report.cli import main

    study = survey_project(tmp_path / "proj", notebooks="notebooks:\n  02_clv: {}\n")
    monkeypatch.chdir(study.parent.parent)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "  skip  02_clv: notebook 02_clv needs a transactions table; the study has survey." in result.output
    assert "none of the notebooks applies to the tables of this study (survey)" in result.output


@pytest.mark.parametrize(("override", "words"), [
    ({"models": ["BetaGeo", "Foo"]}, "-p: parameter 'models' of notebook 02_clv: models: ['Foo'] is not a transaction model"),
    ({"models": []}, "-p: parameter 'models' of notebook 02_clv: models must name at least one"),
    ({"horizon": 0}, "'horizon'"),
    ({"min_p_alive": 0.9}, "min_p_alive"),
])
def test_notebook_02_settings_are_checked_before_any_kernel(tmp_path, override, words):
    """Issue 12: `models: [Foo]` passed `analysis check` and failed only inside the kernel."""
    from analysis.errors import AnalysisError

    study = survey_project(tmp_path, extra="""\
        transactions:
          path: ../data/tx.csv
        """)
    (tmp_path / "data" / "tx.csv").write_text("customer_id,date\nc1,2024-01-02\nc1,2024-02-03\nc2,2024-01-05\n",
                                              encoding="utf-8")
    [plan] = _checked(study, ["02_clv"], override)
    assert isinstance(plan.problem, AnalysisError) and words in str(plan.problem), plan.problem
    [plan] = _checked(study, ["02_clv"])
    assert plan.problem is None and plan.skipped is None


def test_a_paths_file_outside_the_studys_folders_is_refused_before_any_kernel(tmp_path):
    """Issue 12: notebook 04's paths_file read any file, although the study's data: section may only read its
    own folders (and allowed_roots)."""
    from analysis.errors import StudyConfigError

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "paths.csv").write_text("path;total_conversions\na > b;1\n", encoding="utf-8")
    study = survey_project(tmp_path / "project")
    [plan] = _checked(study, ["04_channel_comparison"], {"paths_file": str(outside / "paths.csv")})
    assert isinstance(plan.problem, StudyConfigError)
    assert "notebooks.04_channel_comparison.paths_file" in str(plan.problem) and "allowed_roots" in str(plan.problem)
    (tmp_path / "project" / "data" / "paths.csv").write_text("path;total_conversions\na > b;1\n", encoding="utf-8")
    [plan] = _checked(study, ["04_channel_comparison"], {"paths_file": "../data/paths.csv"})
    assert plan.problem is None


def test_a_default_the_notebook_cannot_run_without_is_checked_too(tmp_path):
    """A survey without notebook 03's default outcome (overall_satisfaction) or items matching its default
    item_pattern failed in the kernel ('no column matches the item pattern'); now the check says so first."""
    study = survey_project(tmp_path)
    (tmp_path / "data" / "survey.csv").write_text(SURVEY_CSV.replace("overall_satisfaction", "overall"),
                                                  encoding="utf-8")
    [plan] = _checked(study, ["03_satisfaction_drivers"])
    assert isinstance(plan.problem, NotebookParameterError)
    assert "notebook 03_satisfaction_drivers's default, as the study's notebooks.03_satisfaction_drivers does not " \
           "set it: parameter 'outcome'" in str(plan.problem) and "'overall_satisfaction'" in str(plan.problem)
    assert "under notebooks: 03_satisfaction_drivers: in the study file: the notebook cannot run without it" in \
        str(plan.problem) and "null" not in str(plan.problem)
    (tmp_path / "data" / "survey.csv").write_text(SURVEY_CSV.replace("perc_q_1", "item_1"), encoding="utf-8")
    [plan] = _checked(study, ["03_satisfaction_drivers"])
    assert "parameter 'item_pattern'" in str(plan.problem) and "matches no column" in str(plan.problem)
    assert "(or list the columns under predictors instead)" in str(plan.problem)
    [plan] = _checked(study, ["03_satisfaction_drivers"], {"predictors": ["q_a", "q_b"]})
    assert plan.problem is None  # predictors stand in for the item pattern


@pytest.mark.parametrize(("override", "words"), [
    ({"pls_paths": [["IMG", "SAT"]], "pls_blocks": {"SAT": ["sat"], "Q": ["q_a"]}}, "parameter 'pls_paths'"),
    ({"pls_paths": [["Q", "SAT"]], "pls_blocks": {"SAT": ["sat"], "Q": ["q_a", "q_b"]},
      "pls_anchors": {"SAT": "q_a"}}, "parameter 'pls_anchors'"),
])
def test_a_structural_model_that_cannot_be_built_is_refused_before_any_kernel(tmp_path, override, words):
    """Issue 12: a pls_paths construct without items, or an anchor item outside its construct's block, was found
    only inside the kernel (the NB03 helper's request)."""
    [plan] = _checked(survey_project(tmp_path), ["03_satisfaction_drivers"], override)
    assert isinstance(plan.problem, NotebookParameterError), plan.problem
    assert f"-p: {words} of notebook 03_satisfaction_drivers" in str(plan.problem), plan.problem
    good = {"pls_paths": [["Q", "SAT"]], "pls_blocks": {"SAT": ["sat"], "Q": ["q_a", "q_b"]},
            "pls_anchors": {"SAT": "sat", "Q": "q_b"}}
    [plan] = _checked(survey_project(tmp_path / "good"), ["03_satisfaction_drivers"], good)
    assert plan.problem is None, plan.problem


@pytest.mark.parametrize(
    ("tables", "runs"),
    [({"transactions": ["customer_id", "date"]}, True), ({"complaints": ["customer_id", "date"]}, True),
     ({"memberships": ["customer_id", "start_date"]}, True), ({"survey": ["x"]}, False),
     ({"customers": ["customer_id"], "channel_outcomes": ["channel"]}, False)],
)
def test_notebook_05_applies_to_transactions_complaints_or_memberships(tables, runs):
    """Issue 15: before, notebook 05 was not listed and ran (and failed in its kernel) on any study."""
    assert (rq.unmet_reason("05_retention_loyalty", tables, {}) is None) is runs


def test_a_study_of_complaints_alone_runs_notebook_05_and_a_survey_alone_skips_it(tmp_path):
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "tickets.csv").write_text("cust,opened\nc1,2024-01-02\nc2,2024-01-05\n", encoding="utf-8")
    study = survey_project(tmp_path, extra="""\
          complaints:
            path: ../data/tickets.csv
            columns: {customer_id: cust, date: opened}
        """)
    fate = {p.notebook: p.skipped for p in _checked(study, ["05_retention_loyalty"])}
    assert fate == {"05_retention_loyalty": None}
    alone = {p.notebook: p.skipped for p in _checked(survey_project(tmp_path / "other"), ["05_retention_loyalty"])}
    assert "needs a transactions table or a complaints table or a memberships table" in alone["05_retention_loyalty"]


def test_customers_with_a_complaint_flag_run_notebook_05_and_its_columns_are_checked(tmp_path):
    """Issue 15: iFood-like data (a customer table with a 0/1 complaint column) serve notebook 05 through
    complaint_flag; a flag, outcome or covariate the customers table lacks is named before any kernel."""
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "crm.csv").write_text("cid,Complain,Response,Income\n" + "".join(
        f"c{i},{i % 5 == 0:d},{i % 3 == 0:d},{1000 + i}\n" for i in range(12)), encoding="utf-8")
    study = survey_project(tmp_path, extra="""\
          customers:
            path: ../data/crm.csv
            columns: {customer_id: cid}
        """)
    skipped = _checked(study, ["05_retention_loyalty"])[0].skipped
    assert "a customers table and the parameter complaint_flag" in skipped
    given = {"complaint_flag": "Complain", "complaint_outcome": "Response", "complaint_covariates": ["Income"]}
    [plan] = _checked(study, ["05_retention_loyalty"], given)
    assert plan.problem is None and plan.skipped is None
    for override, words in (({"complaint_flag": "Complaint"}, "did you mean 'Complain'"),
                            ({"complaint_outcome": "Respons"}, "did you mean 'Response'"),
                            ({"complaint_covariates": ["Income", "Kidhome"]}, "names the column 'Kidhome'"),
                            ({"survival_by": "region"}, "the customers table does not have")):
        [plan] = _checked(study, ["05_retention_loyalty"], {**given, **override})
        assert isinstance(plan.problem, NotebookParameterError), override
        assert words in str(plan.problem) and f"parameter {next(iter(override))!r}" in str(plan.problem)


def _orders_study(tmp_path):
    """A survey study with a small order log (12 orders of 4 customers, each of product a or b)."""
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "orders.csv").write_text("cust,day,amount,product\n" + "".join(
        f"c{i % 4},2024-01-{i + 1:02d},{i + 1}.5,{'ab'[i % 2]}\n" for i in range(12)), encoding="utf-8")
    return survey_project(tmp_path, extra="""\
          transactions:
            path: ../data/orders.csv
            columns: {customer_id: cust, date: day}
        """)


def test_notebook_05_category_basket_satisfaction_and_targets_are_checked_before_any_kernel(tmp_path):
    """Issue 15: the cross-sell columns (transactions), the satisfaction column (survey) and the scorecard's
    KPI names are checked when the study gives them; before, a misspelt one stopped the notebook's kernel."""
    study = _orders_study(tmp_path)
    good = {"category_column": "product", "basket": "customer_id", "satisfaction_column": "sat",
            "targets": {"retention_rate": 0.6, "complaint_rate": 20}}
    [plan] = _checked(study, ["05_retention_loyalty"], good)
    assert plan.problem is None and plan.skipped is None
    for override, words in (({"category_column": "produkt"}, "did you mean 'product'"),
                            ({"basket": "order_id"}, "the transactions table does not have"),
                            ({"satisfaction_column": "satisfaction"}, "the survey table does not have"),
                            ({"targets": {"retention": 0.6}}, "unknown KPI(s) ['retention']"),
                            ({"targets": {"retention_rate": "high"}}, "targets must be numbers"),
                            ({"loyalty_covariates": ["income"]}, "not a pre-launch covariate")):
        [plan] = _checked(study, ["05_retention_loyalty"], {**good, **override})
        assert isinstance(plan.problem, NotebookParameterError), override
        assert words in str(plan.problem) and f"parameter {next(iter(override))!r}" in str(plan.problem)


@pytest.mark.parametrize(("override", "words"), [
    ({"tier_start": "2024-13-01"}, "parameter 'tier_start'"), ({"launch_date": "soon"}, "parameter 'launch_date'"),
    ({"category_spend_columns": ["MntWines"]}, "names the column 'MntWines'")])
def test_notebook_05_loyalty_dates_and_spend_columns_are_checked_before_any_kernel(tmp_path, override, words):
    study = survey_project(tmp_path, extra="""\
          customers:
            path: ../data/customers.csv
            columns: {customer_id: cid}
        """)
    given = {"complaint_flag": None, "launch_date": "2024-01-01", "tier_start": None}
    [plan] = _checked(study, ["05_retention_loyalty"], {**given, "complaint_flag": "rec"})
    assert plan.problem is None, plan.problem
    [plan] = _checked(study, ["05_retention_loyalty"], {**given, "complaint_flag": "rec", **override})
    assert isinstance(plan.problem, NotebookParameterError) and words in str(plan.problem), plan.problem


def test_a_good_resolution_the_complaints_lack_is_named_before_any_kernel(tmp_path):
    """Issue 15: a misspelt ``good_resolutions`` value would count every complaint as not resolved well,
    silently; the pre-run check names it with the resolutions the data hold (the default too)."""
    (tmp_path / "data").mkdir(parents=True)
    (tmp_path / "data" / "complaints.csv").write_text("cid,day,outcome\n" + "".join(
        f"c{i},2024-01-{i + 1:02d},{'fixed' if i % 2 else 'open'}\n" for i in range(8)), encoding="utf-8")
    study = survey_project(tmp_path, extra="""\
          complaints:
            path: ../data/complaints.csv
            columns: {customer_id: cid, date: day, resolution: outcome}
        """)
    [plan] = _checked(study, ["05_retention_loyalty"], {"good_resolutions": ["fixed"]})
    assert plan.problem is None and plan.skipped is None, plan.problem
    for given in ({"good_resolutions": ["Fixed"]}, {}):  # a misspelt value, and the default ["good"]
        [plan] = _checked(study, ["05_retention_loyalty"], given)
        assert isinstance(plan.problem, NotebookParameterError), given
        assert "parameter 'good_resolutions'" in str(plan.problem)
        assert "the resolutions in the complaints table are 'fixed', 'open'" in str(plan.problem)


def test_the_rfm_class_reference_is_checked_before_any_kernel(tmp_path):
    """Issue 16: notebook 01's eight RFM value classes take "median", "mean" or null; a misspelt one was
    found in the kernel, after the notebook had run for a while."""
    study = _orders_study(tmp_path)
    for good in ("mean", None):
        [plan] = _checked(study, ["01_segmentation"], {"rfm_class_reference": good})
        assert plan.problem is None, plan.problem
    [plan] = _checked(study, ["01_segmentation"], {"rfm_class_reference": "average"})
    assert isinstance(plan.problem, NotebookParameterError)
    assert "rfm_class_reference must be one of 'median', 'mean' or null" in str(plan.problem)
