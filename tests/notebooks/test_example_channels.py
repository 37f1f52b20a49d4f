"""Notebook 04 on what a study has (issue 12, NB04): attribution-only studies, count-only logs, absent
default columns, null parameters, and the public examples params/examples/path_attribution.yaml and
params/examples/bank_marketing.yaml.

Each runs the notebook through the CLI into tmp_path (as a user would), then checks that every
sentence cites the written tables (verify_outputs == []) and compares the numbers with something
independent:

- attribution paths (ChannelAttribution's example data): no published attribution results exist
  (PROVENANCE.md), so the rules are compared with PROVENANCE's recorded first/last/linear figures
  (rounded to 0.1 there: tolerance 0.05) and the Markov removal effects with a value iteration of the
  same chain written here (dense, 2,000 sweeps; tolerance 1e-6, far below any shown digit);
- bank marketing: the subscription rates by contact channel against a direct pandas computation of the
  raw file (exact counts, rates to 1e-12) and PROVENANCE's 14.14% / 5.18% (rounded: 5e-5); the
  adjusted difference against statsmodels' logistic regression with the same covariates, standardized
  over the sample (g-computation; 1e-5, the two optimizers' convergence).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from analysis.datasets import load_dataset
from analysis.findings import verify_outputs
from analysis.report.cli import main

ROOT = Path(__file__).resolve().parents[2]
NB = "04_channel_comparison"
#: PROVENANCE.md of ../shared/data/path_attribution: (first, last, linear) conversions per channel
HEURISTICS = {"alpha": (6308, 8447, 7574.7), "iota": (4606, 3355, 3857.1), "eta": (3164, 4167, 3540.0),
              "beta": (2831, 989, 2083.5), "theta": (1606, 653, 1022.8), "lambda": (902, 1207, 1035.3)}


def _run(study: Path, reports: Path, *params: str) -> Path:
    args = ["run", "--study", str(study), "--notebook", NB, "--notebooks-dir", str(ROOT / "notebooks"),
            "--reports-dir", str(reports), "--force"]
    for p in params:
        args += ["-p", p]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    folder = next(reports.glob(f"*/{NB}"))
    assert verify_outputs(folder) == []
    return folder


def _outputs(folder: Path) -> dict:
    return json.loads((folder / "outputs.json").read_text(encoding="utf-8"))


def _page(folder: Path) -> str:
    return (folder.parent / f"{NB}.html").read_text(encoding="utf-8")


def _markov_by_value_iteration(paths: pd.DataFrame) -> pd.Series:
    """Removal effects of the first-order chain of the journeys, by plain value iteration."""
    counts: dict[str, dict[str, float]] = {}
    for text, conv, null in zip(paths["path"], paths["total_conversions"], paths["total_null"]):
        states = ["(start)", *[s.strip() for s in text.split(">")]]
        for a, b in zip(states[:-1], states[1:]):
            counts.setdefault(a, {}).setdefault(b, 0.0)
            counts[a][b] += conv + null
        counts.setdefault(states[-1], {}).setdefault("(conversion)", 0.0)
        counts.setdefault(states[-1], {}).setdefault("(null)", 0.0)
        counts[states[-1]]["(conversion)"] += conv
        counts[states[-1]]["(null)"] += null

    def p_conversion(removed=None) -> float:
        value = {s: 0.0 for s in counts}
        value["(conversion)"], value["(null)"] = 1.0, 0.0
        for _ in range(2000):
            for s, row in counts.items():
                total = sum(row.values())
                value[s] = 0.0 if s == removed else sum(n / total * value[t] for t, n in row.items())
        return value["(start)"]

    base = p_conversion()
    channels = sorted(s for s in counts if s != "(start)")
    return pd.Series({c: 1 - p_conversion(c) / base for c in channels})


@pytest.mark.slow
def test_attribution_only_study_runs_its_section_and_says_why_the_others_skip(shared_data, tmp_path):
    folder = _run(ROOT / "params" / "examples" / "path_attribution.yaml", tmp_path)
    table = pd.read_csv(folder / "tables" / "attribution.csv", index_col="channel")
    for channel, (first, last, linear) in HEURISTICS.items():
        assert table.loc[channel, ["first_touch", "last_touch", "linear"]].tolist() == pytest.approx(
            [first, last, linear], abs=0.05)
    assert table["markov"].sum() == pytest.approx(19785, abs=1e-6)  # PROVENANCE: total conversions
    raw = pd.read_csv(shared_data / "path_attribution" / "PathData.csv", sep=";")
    removal = _markov_by_value_iteration(raw)
    assert table["removal_effect"].to_dict() == pytest.approx(removal.to_dict(), abs=1e-6)
    lengths = pd.read_csv(folder / "tables" / "attribution_paths.csv", index_col="touches")
    one_touch = raw.loc[~raw["path"].str.contains(">"), "total_conversions"].sum()
    assert lengths.loc[1, "conversions"] == one_touch
    out = _outputs(folder)
    assert {"attribution_top", "attribution_shift"} <= set(out["findings"])
    assert "alpha" in out["findings"]["attribution_top"]["text"]
    assert out["checks"]["skipped_channel_outcomes"]["status"] == "not_run"
    assert out["checks"]["economics_skipped"]["status"] == "not_run"
    assert {"attribution_single_touch", "attribution_bootstrap"} <= set(out["checks"])
    page = _page(folder)
    assert page.count("This study has no channel_outcomes table (one row per customer") >= 4  # each section
    assert "Traceback" not in page and "KeyError" not in page


@pytest.mark.slow
def test_bank_marketing_rates_and_adjusted_comparison(shared_data, tmp_path):
    import statsmodels.formula.api as smf

    folder = _run(ROOT / "params" / "examples" / "bank_marketing.yaml", tmp_path)
    raw = pd.read_csv(shared_data / "bank_marketing" / "bank-additional.csv", sep=";")
    direct = raw.assign(y=raw["y"].eq("yes")).groupby("contact")["y"].agg(["size", "sum", "mean"])
    rates = pd.read_csv(folder / "tables" / "rates_y.csv", index_col="channel")
    assert rates["n"].to_dict() == direct["size"].to_dict()
    assert rates["successes"].to_dict() == direct["sum"].to_dict()
    assert rates["rate"].to_dict() == pytest.approx(direct["mean"].to_dict(), abs=1e-12)
    assert rates["rate"].to_dict() == pytest.approx({"cellular": 0.1414, "telephone": 0.0518}, abs=5e-5)

    # independent: logistic regression by statsmodels' formula API, predictions averaged over the sample
    data = raw.replace("unknown", np.nan).assign(
        y=raw["y"].eq("yes").astype(int),
        schooling=raw["education"].replace({"illiterate": "basic", "basic.4y": "basic", "basic.6y": "basic",
                                            "basic.9y": "basic"}).replace("unknown", np.nan))
    data = data.dropna(subset=["age", "job", "marital", "schooling", "housing", "loan", "euribor3m"])
    fit = smf.logit("y ~ C(contact) + age + C(job) + C(marital) + C(schooling) + C(housing) + C(loan) + euribor3m",
                    data=data).fit(disp=0, tol=1e-12, maxiter=200)
    effect = fit.predict(data.assign(contact="telephone")).mean() - fit.predict(data.assign(contact="cellular")).mean()
    adjusted = pd.read_csv(folder / "tables" / "adjusted_y.csv").set_index("group")
    assert adjusted.loc["telephone", "estimate"] == pytest.approx(effect, abs=1e-5)
    complete = data.groupby("contact")["y"].mean()  # both fits use the rows with every covariate
    assert adjusted.loc["telephone", "unadjusted"] == pytest.approx(
        complete["telephone"] - complete["cellular"], abs=1e-12)
    verdict = _outputs(folder)["findings"]["adjusted_y_telephone_verdict"]
    survives = adjusted.loc["telephone", "ci_high"] < 0
    assert verdict["message"] == ("channels.text.adjusted_survives" if survives else "channels.text.adjusted_vanishes")
    assert "no control arm" in _page(folder).lower()


def _count_only_study(folder: Path) -> Path:
    tables = load_dataset("service_demo", n_customers=400, seed=7)
    tables["transactions"].drop(columns="amount").to_csv(folder / "visits.csv", index=False)
    tables["customers"].to_csv(folder / "customers.csv", index=False)
    # no past_spend and no cost_per_contact: two of the notebook's defaults name absent columns
    tables["channel_outcomes"].drop(columns=["past_spend", "cost_per_contact"]).to_csv(folder / "outcomes.csv",
                                                                                       index=False)
    study = folder / "visits.yaml"
    study.write_text("name: visits\ndata:\n  transactions: {path: visits.csv}\n  customers: {path: customers.csv}\n"
                     "  channel_outcomes: {path: outcomes.csv, options: {binary_columns: [visit, conversion]}}\n",
                     encoding="utf-8")
    return study


@pytest.mark.slow
def test_count_only_small_log_skips_the_money_sections_and_absent_defaults(tmp_path):
    folder = _run(_count_only_study(tmp_path), tmp_path / "reports")
    out = _outputs(folder)
    skipped = out["checks"]["economics_skipped"]
    assert skipped["status"] == "not_run" and "without amounts" in skipped["text"]
    absent = out["checks"]["absent_covariates"]
    assert absent["status"] == "not_run" and "past" in absent["text"]
    assert "absent_cost_column" in out["checks"]
    assert not (folder / "tables" / "economics.csv").exists()
    assert (folder / "tables" / "rates_visit.csv").exists() and (folder / "tables" / "lift_visit.csv").exists()
    assert (folder / "tables" / "adjusted_visit.csv").exists()  # with the covariates that exist
    # 400 contacts leave arms with a single buyer: spend among buyers is skipped with a sentence, not a stop
    assert out["checks"]["spend_few_buyers_spend"]["status"] == "not_run"


@pytest.mark.slow
def test_every_optional_parameter_accepts_null(tmp_path):
    nulls = ["spend_outcome", "covariates", "control_arm", "cost_column", "heterogeneity_by",
             "acquisition_channel_column", "arm_discounts", "arm_incentives", "clv_horizon_weeks", "paths_file",
             "binary_outcomes", "stage_rules", "observation_end"]
    folder = _run(ROOT / "params" / "service_demo.yaml", tmp_path, *(f"{p}=null" for p in nulls))
    out = _outputs(folder)
    assert out["checks"]["economics_skipped"]["status"] == "not_run"
    assert not any(k.startswith(("lift_", "adjusted_", "rates_")) for k in out["findings"])
    page = _page(folder)
    assert "Traceback" not in page and "KeyError" not in page
