"""The grocery example (params/examples/grocery.yaml): a count-only log through notebook 02 (issue 12, NB02).

The BTYDplus grocery log has customers and purchase days, no amounts. Notebook 02 must fit the purchase
models, forecast purchases and P(alive), list the customers at risk, and never speak of revenue, spend,
margin or currency except in the sentences that say why the value sections are skipped. Before issue 12
the log was refused (amount required), and a copy with amount = 1 stopped in the Gamma-Gamma fit.

References: BTYDplus' documented counts (PROVENANCE.md: 10,483 purchases of 1,525 customers; with the
vignette's split T.cal = 2006-12-31, 7,094 in 2006 and 3,389 in 2007) and the BG/NBD estimates of an
independent maximum-likelihood fit written here from Fader, Hardie & Lee (2005), eq. 6.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from scipy import optimize, special

from analysis.findings import verify_outputs
from analysis.messages import msg
from analysis.report.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data" / "grocery" / "groceryElog.csv"
pytestmark = pytest.mark.skipif(not DATA.exists(), reason=f"grocery log not found at {DATA} (shared data folder)")
MONEY = re.compile(r"(?i)\b(revenue\w*|spend\w*|margin\w*|currenc\w*|money|valued)\b")


def _run(study: Path, reports: Path, *extra: str) -> None:
    result = CliRunner().invoke(main, ["run", "--study", str(study), "--notebook", "02_clv", "--force",
                                       "--reports-dir", str(reports), "--notebooks-dir", str(ROOT / "notebooks"),
                                       *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """Every notebook the example lists (00, 01, 02, 05), as `analysis run --study params/examples/grocery.yaml` runs it."""
    folder = tmp_path_factory.mktemp("grocery_reports")
    result = CliRunner().invoke(main, ["run", "--study", str(ROOT / "params" / "examples" / "grocery.yaml"), "--force",
                                       "--reports-dir", str(folder), "--notebooks-dir", str(ROOT / "notebooks")])
    assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("notebook", ["00_data_overview", "01_segmentation", "02_clv", "05_retention_loyalty"])
def test_every_notebook_of_the_example_runs_and_verifies(reports, notebook):
    assert verify_outputs(reports / "grocery" / notebook) == []


def _page_text(page: Path) -> str:
    """What a reader reads: the page without its code, styles and scripts, plus the figures' alt texts."""
    markup = page.read_text(encoding="utf-8")
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r'<div class="highlight[^"]*">\s*<pre>.*?</pre>\s*</div>', " ", markup, flags=re.S)
    alts = " ".join(re.findall(r'alt="([^"]*)"', markup))
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup) + " " + alts)
    return " ".join(re.sub(r"[*`\\]", "", text).split())


def _skip_sentences() -> list[str]:
    out = [msg("clv.check.spend.no_amounts")]
    why = msg("clv.why.no_amounts")
    out += [msg(f"clv.text.skip.{k}", why=why) for k in ("value", "win_back", "channel_value")]
    return [" ".join(re.sub(r"[*`\\]", "", s).split()) for s in out]


def test_findings_verify_and_the_page_has_no_money_words(reports):
    out = reports / "grocery" / "02_clv"
    assert verify_outputs(out) == []
    text = _page_text(reports / "grocery" / "02_clv.html")
    for sentence in _skip_sentences():
        text = text.replace(sentence, " ")
    assert msg("clv.why.no_amounts") not in text  # every skip sentence was found (and removed) above
    found = [text[max(0, m.start() - 80):m.end() + 40] for m in MONEY.finditer(text)]
    assert found == [], found
    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"purchase_forecast", "customers_at_risk", "model_comparison", "tracking"} <= tables
    assert not tables & {"customer_value", "value_settings", "value_concentration", "gamma_gamma_independence"}


def test_counts_match_btydplus(reports):
    """PROVENANCE.md: 1,525 customers; 7,094 purchases in the calibration year, 3,389 in the holdout."""
    tables = reports / "grocery" / "02_clv" / "tables"
    window = pd.read_csv(tables / "clv_window.csv", index_col=0)
    comparison = pd.read_csv(tables / "model_comparison.csv", index_col=0)
    assert int(window.loc["window", "customers"]) == 1525
    assert comparison["actual_total"].eq(3389).all()
    forecast = pd.read_csv(tables / "purchase_forecast.csv", index_col=0)
    assert len(forecast) == 1525 and forecast["p_alive"].between(0, 1).all()


def _bgnbd_negloglik(log_params: np.ndarray, x: np.ndarray, tx: np.ndarray, T: np.ndarray) -> float:
    """BG/NBD log-likelihood, Fader, Hardie & Lee (2005) eq. 6, written out independently of analysis.clv."""
    r, alpha, a, b = np.exp(log_params)
    ln_a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    ln_a2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    ln_a3 = -(r + x) * np.log(alpha + T)
    ln_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return -float(np.sum(ln_a1 + ln_a2 + np.logaddexp(ln_a3, ln_a4)))


def test_bgnbd_estimates_match_an_independent_fit(reports):
    """Our calibration BG/NBD against Nelder-Mead on the textbook likelihood, on the same summary built from the
    raw CSV by hand (weeks = days / 7; repeat purchase days). Both maximise the same likelihood, so the estimates
    agree to 1% (the table is rounded to 4 decimals; the optimisers stop at different tolerances) and the
    log-likelihoods to 0.01."""
    log = pd.read_csv(DATA, parse_dates=["date"])
    cal = log[log["date"] <= "2006-12-31"].groupby("cust")["date"].agg(["min", "max", "nunique"])
    x = cal["nunique"].to_numpy(float) - 1
    tx = (cal["max"] - cal["min"]).dt.days.to_numpy(float) / 7
    T = (pd.Timestamp("2006-12-31") - cal["min"]).dt.days.to_numpy(float) / 7
    assert int(cal["nunique"].sum()) == 7094  # BTYDplus vignette: 7,094 events in 2006
    fit = optimize.minimize(_bgnbd_negloglik, np.log([0.5, 3.0, 0.5, 3.0]), args=(x, tx, T), method="Nelder-Mead",
                            options={"xatol": 1e-9, "fatol": 1e-10, "maxiter": 20000, "maxfev": 40000})
    params = pd.read_csv(reports / "grocery" / "02_clv" / "tables" / "model_parameters.csv", index_col=[0, 1])
    ours = params.xs("BetaGeo", level="model")
    np.testing.assert_allclose(ours.loc[["r", "alpha", "a", "b"], "estimate"], np.exp(fit.x), rtol=0.01)
    assert abs(ours["loglik"].iloc[0] + fit.fun) < 0.01


def test_equal_amounts_skip_gamma_gamma_with_a_check(tmp_path):
    """A copy of the log with amount = 1 everywhere (the old workaround), one model and margin: null (= 1):
    failed before issue 12 in the Gamma-Gamma fit; now the spend model is skipped with a Check, each purchase is
    worth 1 and the value is the (discounted) expected purchases."""
    copy = tmp_path / "grocery_amounts.csv"
    pd.read_csv(DATA).assign(amount=1.0).to_csv(copy, index=False)
    study = tmp_path / "grocery_amounts.yaml"
    study.write_text(
        "name: grocery_amounts\ndata:\n  transactions:\n    path: grocery_amounts.csv\n"
        "    columns: {customer_id: cust, date: date, amount: amount}\n"
        "window: {calibration_end: '2006-12-31', observation_end: '2007-12-30', time_unit: W}\n"
        "notebooks:\n  02_clv: {models: [BetaGeo], margin: null, discount_rate: null}\n", encoding="utf-8")
    _run(study, tmp_path / "reports")
    out = tmp_path / "reports" / "grocery_amounts" / "02_clv"
    assert verify_outputs(out) == []
    basis = pd.read_csv(out / "tables" / "spend_basis.csv", index_col=0)
    assert basis.loc["spend", "basis"] == "constant"
    value = pd.read_csv(out / "tables" / "customer_value.csv", index_col=0)
    np.testing.assert_allclose(value["clv"], value["expected_purchases"], rtol=1e-3, atol=1e-3)  # rounded to 4 places
    checks = json.loads((out / "findings.json").read_text(encoding="utf-8"))["checks"]
    spend = checks["spend_model"] if isinstance(checks, dict) else next(c for c in checks if c["key"] == "spend_model")
    assert spend["status"] == "not_run"
    comparison = pd.read_csv(out / "tables" / "model_comparison.csv", index_col=0)
    assert comparison.index.tolist() == ["BetaGeo"]
    page = _page_text(tmp_path / "reports" / "grocery_amounts" / "02_clv.html")
    assert "there is no spend model to fit" in page and "Gamma-Gamma spend model are refitted" not in page


def test_a_count_only_log_on_disk_with_a_customers_table(tmp_path):
    """A count-only log kept on disk (engine: duckdb; has_amounts asks the log's columns) with a customers table:
    the acquisition channel still enters the covariate model (purchase counts need no money), value by channel
    is skipped with its sentence, and the page forecasts purchases."""
    from analysis.simulate import simulate_service_firm

    firm = simulate_service_firm(n_customers=600, seed=4)
    (tmp_path / "data").mkdir()
    firm.transactions[["customer_id", "date"]].to_parquet(tmp_path / "data" / "visits.parquet", index=False)
    firm.customers.to_csv(tmp_path / "data" / "customers.csv", index=False)
    study = tmp_path / "visits.yaml"
    study.write_text("name: visits\ndata:\n  transactions:\n    path: data/visits.parquet\n    engine: duckdb\n"
                     "  customers:\n    path: data/customers.csv\n"
                     "notebooks:\n  02_clv: {holdout_length: 26, models: [BetaGeo]}\n", encoding="utf-8")
    _run(study, tmp_path / "reports")
    out = tmp_path / "reports" / "visits" / "02_clv"
    assert verify_outputs(out) == []
    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"purchase_forecast", "channel_effects", "customers_at_risk"} <= tables
    assert not tables & {"value_by_channel", "customer_value"}
    page = _page_text(tmp_path / "reports" / "visits" / "02_clv.html")
    assert " ".join(msg("clv.text.skip.channel_value", why=msg("clv.why.no_amounts")).split()) in page


def test_monthly_retention_equals_a_direct_count_on_the_raw_log(reports):
    """Issue 15 on real data: notebook 05's period retention (of the customers who bought in a month, the share
    who bought again the next month) equals a count made here from the raw CSV, month by month, exactly; the
    cohort matrix counts every customer once, in her first month (all 1,525 came in January-March 2006)."""
    log = pd.read_csv(DATA, parse_dates=["date"])
    log = log[log["date"] <= "2007-12-30"]
    active = log.assign(month=log["date"].dt.to_period("M")).groupby("month")["cust"].agg(set)
    tables = reports / "grocery" / "05_retention_loyalty" / "tables"
    rates = pd.read_csv(tables / "period_retention.csv")
    rates = rates[rates["group"] == "all"]
    assert len(rates) == 22  # January 2006 to October 2007: November's buyers need all of December
    for row in rates.itertuples():
        month = pd.Period(row.period, "M")
        buyers, next_buyers = active[month], active.get(month + 1, set())
        assert (row.active, row.retained) == (len(buyers), len(buyers & next_buyers)), row.period
    cohorts = pd.read_csv(tables / "cohort_matrix.csv")
    first = log.groupby("cust")["date"].min().dt.to_period("M").value_counts()
    sizes = cohorts.groupby("cohort")["cohort_size"].first()
    assert {str(k): int(v) for k, v in sizes.items()} == {str(k): int(v) for k, v in first.items()}
