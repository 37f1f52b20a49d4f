"""ReportOutputs: what notebooks hand over to the report runner."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.errors import ParameterError  # noqa: E402
from analysis.findings import Cite, Finding, verify_outputs  # noqa: E402
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
    finding = Finding("headline", "findings.example.customers", n=Cite(4, table="counts", column="n", row="b"))
    assert out.finding(finding) is finding
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
    out.finding(Finding("first", "findings.example.labelled", label="One"))
    out.finding(Finding("second", "findings.example.customers", n=Cite(4, table="counts", column="n", row="b")))
    root = tmp_path / "out"
    assert pd.read_csv(root / "tables" / "counts.csv", index_col=0).equals(frame)
    assert (root / "tables" / "no_index.csv").read_text().splitlines()[0] == "n"
    assert (root / "figures" / "spend.png").read_bytes()[:4] == b"\x89PNG"
    written = json.loads((root / "findings.json").read_text(encoding="utf-8"))
    assert {k: f["text"] for k, f in written["findings"].items()} == {"first": "One.", "second": "4 customers."}
    assert written["findings"]["second"]["cites"]["n"] == {"value": 4, "table": "counts", "column": "n", "row": "b"}
    assert verify_outputs(root) == []
    index = json.loads((root / "outputs.json").read_text(encoding="utf-8"))
    assert index["figures"]["spend"] == {"path": "figures/spend.png", "alt": "Spend by segment"}
    assert sorted(p.name for p in root.rglob("*")) == sorted(
        ["tables", "figures", "counts.csv", "no_index.csv", "spend.png", "findings.json", "outputs.json"])


@pytest.mark.parametrize("name", ["", "../evil", "a/b", "with space", ".hidden", "x" * 101, "CON", 3])
def test_unsafe_names_are_refused(name, frame):
    with pytest.raises(ParameterError, match="not a safe file name"):
        ReportOutputs(None).table(name, frame)


@pytest.mark.parametrize("item", ["A sentence with 12 typed in.", 3])
def test_a_finding_must_be_structured(item):
    with pytest.raises(ParameterError, match="must be an analysis.findings.Finding"):
        ReportOutputs(None).finding(item)


def _shown(fig):
    """The outputs a notebook records for ``display(fig)`` (an IPython shell with PNG on, as a kernel has)."""
    from IPython import get_ipython
    from IPython.display import display
    from IPython.testing.globalipapp import start_ipython
    from IPython.utils.capture import capture_output

    shell = start_ipython() or get_ipython()  # started once per process
    active = shell.display_formatter.active_types
    shell.display_formatter.active_types = ["text/plain", "image/png", "text/markdown"]
    try:
        with capture_output() as captured:
            display(fig)
    finally:
        shell.display_formatter.active_types = active
    return captured.outputs


def test_a_figure_shows_its_png_then_its_reading_note(monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    from analysis.plots.segmentation import plot_concentration
    from analysis.segmentation import concentration

    fig = plot_concentration(concentration([1.0, 1.0, 2.0, 6.0, 10.0]), top=0.2)
    png = fig._repr_png_()
    outputs = _shown(ReportOutputs(None).figure("conc", fig))
    assert [sorted(o.data) for o in outputs] == [["image/png", "text/plain"], ["text/markdown", "text/plain"]]
    assert outputs[0].metadata == {"image/png": {"alt": "Concentration of value (Gini = 0.46)"}}
    assert outputs[0].data["image/png"] == png  # IPython's own PNG, unchanged
    assert outputs[1].metadata == {"analysis": {"reading": "concentration"}}
    note = outputs[1].data["text/markdown"]
    assert note.startswith("**How to read this chart.**") and note.endswith("top 20% of customers bring 50.0% of the value.")
    monkeypatch.setenv("ANALYSIS_LANG", "zh")
    assert _shown(fig)[1].data["text/markdown"].startswith("**读图提示**。")  # the language of the moment it is shown


def test_a_figure_without_a_reading_still_shows_alone():
    import matplotlib

    matplotlib.use("Agg")
    from analysis.plots.style import new_figure

    fig, ax = new_figure()
    ax.set_title("Plain")
    outputs = _shown(ReportOutputs(None).figure("plain", fig))
    assert len(outputs) == 1 and outputs[0].metadata == {"image/png": {"alt": "Plain"}}
