"""class_stories finds the four planted stories with the notebooks' functions, for many seeds.

Checked once by hand for the default seed and the seeds 1-150 at the class study's
size (3,000 customers): all four stories held, and the channel, dimension and key
account found were the planted ones, for 51 of 51 firms (default and 1-50) and
151 of 151 (default and 1-150). The tests run the default
seed and four others (the exercises' seeds 7 and 2027 among them), compare what
class_stories found with the truth planted (ClassPlan), recompute its numbers by
hand where that is short, and check that a firm without the stories (service_demo)
does not pass.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.course.stories import STORIES, STORY_COLUMNS, class_stories
from analysis.datasets.tables import _service_demo_tables
from analysis.errors import DataValidationError
from analysis.simulate import simulate_service_firm
from analysis.simulate.classroom import CLASS_SEED, simulate_class_firm

SEEDS = (CLASS_SEED, 1, 7, 44, 2027)


@pytest.fixture(scope="module")
def found():
    """{seed: (firm, its tables, class_stories of them)}, each computed once."""
    made = {}

    def get(seed):
        if seed not in made:
            firm = simulate_class_firm(seed=seed)
            tables = _service_demo_tables(firm)
            made[seed] = firm, tables, class_stories(tables)
        return made[seed]

    return get


@pytest.mark.parametrize("seed", SEEDS)
def test_all_four_stories_hold_and_are_the_planted_ones(found, seed):
    firm, _, stories = found(seed)
    assert list(stories.index) == list(STORIES)
    assert list(stories.columns) == [c for c in STORY_COLUMNS if c != "story"]
    assert stories["holds"].all(), stories
    plan = firm.plan
    assert stories.loc["channel", "subject"] == plan.channel
    assert stories.loc["channel", "benchmark_subject"] == plan.rival
    assert stories.loc["gap", "subject"] == plan.gap_dimension
    assert stories.loc["gap", "rank"] == 1  # the strongest driver too: the first to fix
    assert stories.loc["key_account", "subject"] == plan.key_account
    assert stories.loc["loyalty", "verdict"] == "does_not_pay"


def test_channel_numbers_by_hand(found):
    _, tables, stories = found(CLASS_SEED)
    c = tables["channel_outcomes"]
    rates = c.groupby("channel")["visit"].mean()
    row = stories.loc["channel"]
    assert row["naive"] == pytest.approx(rates["app_push"] - rates["control"], abs=1e-9)
    assert row["naive"] == pytest.approx((rates.drop("control") - rates["control"]).max(), abs=1e-9)
    assert row["estimate"] < row["benchmark"] < row["naive"]
    assert row["ci_low"] < row["estimate"] < row["ci_high"]


def test_gap_numbers_by_hand(found):
    firm, tables, stories = found(CLASS_SEED)
    s = tables["survey"]
    dim = firm.plan.gap_dimension
    perc = s.filter(regex=f"^perc_{dim}_\\d+$").to_numpy(float)
    exp = s.filter(regex=f"^exp_{dim}_\\d+$").to_numpy(float)
    per_respondent = (perc - exp).mean(axis=1)
    row = stories.loc["gap"]
    assert row["estimate"] == pytest.approx(per_respondent.mean(), abs=1e-9)
    se = per_respondent.std(ddof=1) / np.sqrt(len(per_respondent))
    assert row["ci_high"] - row["ci_low"] == pytest.approx(2 * 1.96 * se, rel=0.01)  # t interval, n = 720
    assert row["naive"] == pytest.approx(perc.mean(), abs=1e-9)
    # the true gap is in the interval's neighbourhood (rounding and clipping to 1-7 pull it in a little)
    assert row["estimate"] == pytest.approx(firm.plan.true_gaps[dim], abs=0.2)
    assert row["benchmark"] - row["estimate"] >= 0.5


def test_loyalty_numbers_against_the_truth(found):
    firm, _, stories = found(CLASS_SEED)
    row = stories.loc["loyalty"]
    assert row["naive"] > 1.2
    assert abs(row["estimate"] - (1 + firm.plan.loyalty_spend_effect)) <= 0.1
    assert row["ci_low"] < row["estimate"] < row["ci_high"]
    assert row["benchmark"] < 0  # the net in money


def test_key_account_numbers_by_hand(found):
    firm, tables, stories = found(CLASS_SEED)
    tx = tables["transactions"]
    own = tx[tx["customer_id"] == firm.plan.key_account]
    end = tx["date"].max()
    row = stories.loc["key_account"]
    assert row["estimate"] == pytest.approx(own["amount"].sum(), abs=0.01)
    assert row["naive"] == pytest.approx(own.loc[own["date"] > end - pd.Timedelta(days=365), "amount"].sum(),
                                         abs=0.01)
    assert row["benchmark"] == (end - own["date"].max()).days
    assert set(row["verdict"].split("+")) >= {"overdue", "stage_at_risk"}
    assert 1 <= row["rank"] <= 10


def test_a_firm_without_the_stories_does_not_pass():
    # service_demo: a randomized campaign, every SERVQUAL dimension short by a similar amount, no planted account
    tables = _service_demo_tables(simulate_service_firm(3000, seed=5))
    stories = class_stories(tables, n_bootstrap=50)
    assert not stories.loc["channel", "holds"]
    assert not stories.loc["gap", "holds"]


def test_missing_tables_are_named():
    with pytest.raises(DataValidationError, match="memberships"):
        class_stories({"transactions": pd.DataFrame()})


# ------------------------------------------------------------------ end to end: the notebooks on the class study
@pytest.fixture(scope="module")
def class_reports(project_root, tmp_path_factory):
    """`analysis run` on params/class_study.yaml, every notebook, English (about a minute of CPU)."""
    from click.testing import CliRunner

    from analysis.report.cli import main

    folder = tmp_path_factory.mktemp("class_reports")
    result = CliRunner().invoke(main, ["run", "--force", "--lang", "en", "--reports-dir", str(folder),
                                       "--notebooks-dir", str(project_root / "notebooks"),
                                       "--study", str(project_root / "params" / "class_study.yaml")])
    assert result.exit_code == 0, result.output
    return folder / "class_study"


def _table(reports, nb, name, **kwargs):
    return pd.read_csv(reports / nb / "tables" / f"{name}.csv", **kwargs)


@pytest.mark.slow
def test_the_notebooks_show_the_stories_class_stories_reports(class_reports, found):
    _, _, stories = found(CLASS_SEED)
    adjusted = _table(class_reports, "04_channel_comparison", "adjusted_visit").set_index("group")
    row = stories.loc["channel"]
    assert adjusted.loc[row["subject"], "unadjusted"] == pytest.approx(row["naive"], rel=1e-9)
    assert adjusted.loc[row["subject"], "estimate"] == pytest.approx(row["estimate"], rel=1e-9)
    assert adjusted.loc[row["benchmark_subject"], "estimate"] == pytest.approx(row["benchmark"], rel=1e-9)

    effects = _table(class_reports, "05_retention_loyalty", "loyalty_effects", index_col=0)
    economics = _table(class_reports, "05_retention_loyalty", "loyalty_economics", index_col=0)
    row = stories.loc["loyalty"]
    assert effects.loc["naive", "ratio"] == pytest.approx(row["naive"], rel=1e-9)
    assert effects.loc["doubly_robust", ["ratio", "ratio_ci_low", "ratio_ci_high"]].tolist() == pytest.approx(
        [row["estimate"], row["ci_low"], row["ci_high"]], rel=1e-9)
    assert economics.loc["net", "verdict"] == row["verdict"] == "does_not_pay"
    assert economics.loc["net", "estimate"] == pytest.approx(row["benchmark"], rel=1e-9)

    gaps = _table(class_reports, "03_satisfaction_drivers", "servqual_gaps")
    gaps = gaps[gaps["level"] == "dimension"].set_index("name")
    row = stories.loc["gap"]
    assert gaps["estimate"].idxmin() == row["subject"]
    assert gaps.loc[row["subject"], ["estimate", "ci_low", "ci_high"]].tolist() == pytest.approx(
        [row["estimate"], row["ci_low"], row["ci_high"]], rel=1e-9)
    ipa = _table(class_reports, "03_satisfaction_drivers", "importance_performance", index_col=0)
    assert ipa.loc[row["subject"], "priority_rank"] == 1 and ipa.loc[row["subject"], "quadrant"] == "concentrate_here"

    profiles = _table(class_reports, "01_segmentation", "key_account_profiles", index_col=0)
    row = stories.loc["key_account"]
    account = profiles.loc[row["subject"]]
    assert account["rank"] == row["rank"] and bool(account["overdue"]) and account["stage"] == "at_risk"
    assert account["total_spend"] == pytest.approx(row["estimate"], abs=0.01)


@pytest.mark.slow
def test_the_class_study_pages_report_no_truth(class_reports):
    # the notebooks write their truth tables only for a study with a known truth
    names = {p.stem for p in class_reports.glob("*/tables/*.csv")}
    assert names, "no tables written"
    leaks = sorted(n for n in names if "truth" in n or n == "parameter_recovery")
    assert not leaks, leaks
    for page in class_reports.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for word in ("planted", "ClassPlan", "simulate_class_firm", "analysis.simulate.classroom"):
            assert word not in text, (page.name, word)


def test_study_stories_reads_the_study_parameters(found):
    from analysis.course.stories import study_stories
    from analysis.study import load_study

    _, _, stories = found(CLASS_SEED)
    pd.testing.assert_frame_equal(study_stories(load_study("class_study")), stories)
