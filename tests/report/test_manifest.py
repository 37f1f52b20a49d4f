"""analysis.report.manifest: entries written one at a time keep each other, the last good
entry behind a failure or an interruption, and the run date in the fingerprint only
when it is given."""

from __future__ import annotations

from analysis.report.manifest import last_good, read_manifest, run_fingerprint, write_entry

FP = {"notebook_sha256": "a", "study_sha256": "b", "input_files": [{"sha256": "c"}], "parameters": {"top_n": 5},
      "code": "d", "environment": {"python": "3.11.7", "packages": {}}}


def test_writing_one_entry_keeps_every_other(tmp_path):
    for nb in ("01_segmentation", "00_data_overview", "02_clv"):
        write_entry(tmp_path, {"study": "x", "title": "X"}, nb, {"status": "ok", "run": nb})
    write_entry(tmp_path, {"study": "x", "title": "X2"}, "01_segmentation", {"status": "interrupted"})
    manifest = read_manifest(tmp_path)
    assert list(manifest["notebooks"]) == ["00_data_overview", "01_segmentation", "02_clv"]
    assert manifest["notebooks"]["01_segmentation"] == {"status": "interrupted"} and manifest["title"] == "X2"


def test_last_good_of_an_interrupted_or_failed_entry():
    good = {"status": "ok", "html": "a.html", "last_good": {"status": "ok", "html": "older.html"}}
    assert last_good(good) == {"status": "ok", "html": "a.html"}
    assert last_good({"status": "interrupted", "last_good": {"status": "ok", "html": "a.html"}})["html"] == "a.html"
    assert last_good({"status": "failed", "last_good": None}) is None


def test_run_date_changes_the_fingerprint_only_when_given():
    plain = run_fingerprint(**FP)
    assert "run_date" not in plain and run_fingerprint(**FP, run_date=None) == plain  # earlier fingerprints hold
    day1, day2 = run_fingerprint(**FP, run_date="2024-06-30"), run_fingerprint(**FP, run_date="2024-07-01")
    assert len({plain["sha256"], day1["sha256"], day2["sha256"]}) == 3
    assert day1["run_date"] == "2024-06-30"


def test_collected_outputs_carry_checks_and_the_citations_their_tables_do_not_hold(tmp_path):
    import pandas as pd

    from analysis.findings import Check, Cite, Finding
    from analysis.report import ReportOutputs
    from analysis.report.manifest import collect_outputs

    out = ReportOutputs(tmp_path / "nb")
    out.table("counts", pd.DataFrame({"n": [4]}, index=pd.Index(["b"], name="segment")))
    out.finding(Finding("good", "findings.example.customers", n=Cite(4, table="counts", column="n", row="b")))
    out.finding(Finding("bad", "findings.example.customers", n=Cite(5, table="counts", column="n", row="b")))
    out.check(Check("fit", "convergence", "fail", "findings.example.not_converged", model="m", affects=["good"]))
    collected = collect_outputs(tmp_path / "nb", "nb")
    assert collected["checks"]["fit"]["affects"] == ["good"]
    assert collected["citation_problems"] == ["finding 'bad', field 'n': cites 5 but counts.n[b] is 4 (tolerance 0.5)"]
    assert collected["tables"]["counts"]["path"] == "nb/tables/counts.csv"
