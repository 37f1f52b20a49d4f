"""ReportOutputs: what notebooks hand over to the report runner."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.errors import ParameterError  # noqa: E402
from analysis.report import ReportOutputs  # noqa: E402


@pytest.fixture()
def frame() -> pd.DataFrame:
    return pd.DataFrame({"segment": ["a", "b"], "n": [3, 4]}).set_index("segment")


def test_in_memory_mode_writes_nothing(tmp_path, monkeypatch, frame):
    monkeypatch.chdir(tmp_path)
    out = ReportOutputs(None)
    assert out.table("counts", frame) is frame
    fig, ax = plt.subplots()
    ax.set_title("Counts")
    assert out.figure("counts", fig) is fig
    plt.close(fig)
    assert out.finding("headline", "Four in b.") == "Four in b."
    assert list(tmp_path.iterdir()) == []
    assert out.records["figures"]["counts"] == {"path": None, "alt": "Counts"}
    assert out.records["tables"]["counts"]["rows"] == 2


def test_files_are_written(tmp_path, frame):
    out = ReportOutputs(tmp_path / "out")
    out.table("counts", frame)
    out.table("no_index", frame, index=False)
    fig, ax = plt.subplots()
    fig.suptitle("Spend by segment")
    out.figure("spend", fig, dpi=50)
    plt.close(fig)
    out.finding("first", "One.")
    out.finding("second", "Two — 两个.")
    root = tmp_path / "out"
    assert pd.read_csv(root / "tables" / "counts.csv", index_col=0).equals(frame)
    assert (root / "tables" / "no_index.csv").read_text().splitlines()[0] == "n"
    assert (root / "figures" / "spend.png").read_bytes()[:4] == b"\x89PNG"
    assert json.loads((root / "findings.json").read_text(encoding="utf-8")) == {"first": "One.", "second": "Two — 两个."}
    index = json.loads((root / "outputs.json").read_text(encoding="utf-8"))
    assert index["figures"]["spend"] == {"path": "figures/spend.png", "alt": "Spend by segment"}
    assert sorted(p.name for p in root.rglob("*")) == sorted(
        ["tables", "figures", "counts.csv", "no_index.csv", "spend.png", "findings.json", "outputs.json"])


@pytest.mark.parametrize("name", ["", "../evil", "a/b", "with space", ".hidden", "x" * 101, "CON", 3])
def test_unsafe_names_are_refused(name, frame):
    with pytest.raises(ParameterError, match="not a safe file name"):
        ReportOutputs(None).table(name, frame)


def test_finding_text_must_be_text():
    with pytest.raises(ParameterError, match="must be a str"):
        ReportOutputs(None).finding("n", 3)
