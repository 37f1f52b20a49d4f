"""Notebook 04 on the public Hillstrom e-mail campaign: the rendered report's per-arm
tables must reproduce the figures computed from the publisher's file (PROVENANCE.md of
../shared/data/hillstrom, 6 decimals; the conversion and spend figures also match
published re-runs of Yasui 2020 and the pyuplift docs).

This runs the study file users run (params/examples/hillstrom.yaml) through the CLI, read from the
local copy in ../shared/data/hillstrom through the fetcher's ``local_path`` option (the study file
copied into tmp_path with that one option added), so the test neither needs the network nor writes
into the user's download cache.
"""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from analysis.findings import verify_outputs
from analysis.report.cli import main

PUBLISHED = pd.DataFrame(
    {"n": [21307, 21387, 21306], "visit": [0.182757, 0.151400, 0.106167],
     "conversion": [0.012531, 0.008837, 0.005726], "spend": [1.422617, 1.077202, 0.652789]},
    index=["Mens E-Mail", "Womens E-Mail", "No E-Mail"],
)


@pytest.mark.slow
def test_channel_notebook_reproduces_hillstrom_arms(shared_data, project_root, tmp_path):
    text = (project_root / "params" / "examples" / "hillstrom.yaml").read_text(encoding="utf-8")
    local = shared_data / "hillstrom" / "hillstrom.csv"
    assert "\n  dataset: hillstrom\n" in text
    study = tmp_path / "hillstrom.yaml"
    study.write_text(text.replace("\n  dataset: hillstrom\n", f"\n  dataset: hillstrom\n  options: {{local_path: '{local}', "
                                  "download: false}\n"), encoding="utf-8")
    result = CliRunner().invoke(main, [
        "run", "--study", str(study), "--notebook", "04_channel_comparison", "--force",
        "--notebooks-dir", str(project_root / "notebooks"), "--reports-dir", str(tmp_path),
    ])
    assert result.exit_code == 0, result.output
    tables = tmp_path / "hillstrom" / "04_channel_comparison" / "tables"
    visit = pd.read_csv(tables / "rates_visit.csv", index_col="channel")
    conversion = pd.read_csv(tables / "rates_conversion.csv", index_col="channel")
    spend = pd.read_csv(tables / "spend_summary.csv", index_col="channel")
    for arm, row in PUBLISHED.iterrows():
        assert visit.loc[arm, "n"] == row["n"]
        assert visit.loc[arm, "rate"] == pytest.approx(row["visit"], abs=5e-7)
        assert conversion.loc[arm, "rate"] == pytest.approx(row["conversion"], abs=5e-7)
        assert spend.loc[arm, "spend_per_customer"] == pytest.approx(row["spend"], abs=5e-7)
    # the lift table in the one estimate shape: estimate = arm rate - control rate
    lift = pd.read_csv(tables / "lift_visit.csv").set_index("arm")
    assert list(lift.columns[1:6]) == ["estimate", "std_error", "ci_low", "ci_high", "p_value"]
    for arm in ("Mens E-Mail", "Womens E-Mail"):
        want = PUBLISHED.loc[arm, "visit"] - PUBLISHED.loc["No E-Mail", "visit"]
        assert lift.loc[arm, "estimate"] == pytest.approx(want, abs=1e-6)
        assert lift.loc[arm, "ci_low"] < lift.loc[arm, "estimate"] < lift.loc[arm, "ci_high"]
    # issue 13: every sentence cites the written tables, money is in the study's currency (US dollars),
    # lifts of rates are in percentage points, and no arm is called profitable against its interval
    folder = tmp_path / "hillstrom" / "04_channel_comparison"
    assert verify_outputs(folder) == []
    import json

    findings = json.loads((folder / "outputs.json").read_text(encoding="utf-8"))["findings"]
    profit = [f["text"] for k, f in findings.items() if k.startswith("profit_")]
    assert profit and all("US dollars" in t and "currency units" not in t for t in profit)
    inc = pd.read_csv(tables / "incremental_revenue.csv").set_index("arm")
    for arm, text in zip(inc.index, profit):
        assert ("is profitable" in text) == (inc.loc[arm, "profit_ci_low"] > 0)
    assert all("percentage points" in f["text"] for k, f in findings.items() if k.startswith("lift_visit_"))
