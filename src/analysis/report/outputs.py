"""What a notebook hands to automation: key tables, figures and headline findings.

A notebook makes one ``ReportOutputs(output_dir)`` (``output_dir`` is injected by
the runner) and passes its key results through it; each method returns what it
was given, so the same line also displays the table or figure::

    out = ReportOutputs(output_dir)
    out.table("rfm_summary", summary)          # -> tables/rfm_summary.csv
    out.figure("recency_histogram", fig)       # -> figures/recency_histogram.png
    out.finding(Finding(...))                  # a sentence whose numbers cite the tables
    out.check(Check(...))                      # an assumption check, for the "Checks" section

With ``output_dir=None`` (a student running the notebook by hand) nothing is
written; the records are kept in memory (``.records``).

In an edition other than English (``ANALYSIS_LANG``, set by the runner) the page
shows the catalog's words, but the files automation reads are the English
edition's: a segment or stage name the catalog generated is written as its English
text in the CSV tables and in the citations of ``findings.json``
(:func:`analysis.messages.to_english`), so both editions write identical tables;
and pandas tables shown in the notebook get the catalog's headers
(:func:`analysis.messages.column_label`) while their CSV keeps the column names.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from analysis.errors import ParameterError
from analysis.findings import Check, Finding, checks_markdown, findings_markdown
from analysis.messages import DEFAULT_LANGUAGE, column_label, current_language, to_english

__all__ = ["ReportOutputs", "check_name", "in_english"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def check_name(name: str, what: str = "name") -> str:
    """Return *name* if it is a safe file name stem, else raise :class:`ParameterError`.

    Safe: 1-100 characters, letters, digits, ``_`` and ``-``, starting with a letter
    or digit, and not a reserved Windows device name.

    Examples
    --------
    >>> check_name("rfm_summary")
    'rfm_summary'
    """
    if not isinstance(name, str) or not _NAME.match(name) or name.lower() in _RESERVED:
        raise ParameterError(
            f"{what} {name!r} is not a safe file name: use 1-100 letters, digits, '_' or '-', "
            f"starting with a letter or digit (e.g. 'rfm_summary')"
        )
    return name


class ReportOutputs:
    """Collects a notebook's key tables, figures and findings.

    Parameters
    ----------
    output_dir : str, Path or None
        Folder for ``tables/<name>.csv``, ``figures/<name>.png``, ``findings.json``
        (findings and checks with their citations) and ``outputs.json`` (everything
        recorded, with each figure's alt text and each table's index levels).
        None keeps everything in memory only.

    Examples
    --------
    >>> import pandas as pd
    >>> out = ReportOutputs(None)
    >>> df = out.table("counts", pd.DataFrame({"n": [1, 2]}))
    >>> out.records["tables"]["counts"]["rows"]
    2
    """

    def __init__(self, output_dir: str | Path | None) -> None:
        self.output_dir = Path(output_dir) if output_dir is not None else None
        self.records: dict[str, dict[str, Any]] = {"tables": {}, "figures": {}, "findings": {}, "checks": {}}
        self._findings: dict[str, Finding] = {}
        self._checks: dict[str, Check] = {}
        self.language = current_language()
        if self.language != DEFAULT_LANGUAGE:
            _show_headers_in(self.language)

    def table(self, name: str, df: Any, *, index: bool = True) -> Any:
        """Save *df* as ``tables/<name>.csv`` (UTF-8) and return it.

        Examples
        --------
        >>> import pandas as pd
        >>> ReportOutputs(None).table("t", pd.DataFrame({"a": [1]})).shape
        (1, 1)
        """
        check_name(name, "table name")
        written = df if self.language == DEFAULT_LANGUAGE else in_english(df, self.language)
        record: dict[str, Any] = {"path": None, "rows": int(df.shape[0]), "columns": [str(c) for c in written.columns],
                                  "index_levels": int(df.index.nlevels) if index else 0}
        if self.output_dir is not None:
            from analysis.io import write_csv_atomic

            path = self.output_dir / "tables" / f"{name}.csv"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_csv_atomic(written, path, index=index)
            record["path"] = f"tables/{name}.csv"
        self.records["tables"][name] = record
        self._save_index()
        return df

    def figure(self, name: str, fig: Any, *, dpi: int = 120, alt: str | None = None) -> Any:
        """Save a matplotlib figure as ``figures/<name>.png`` and return it.

        The alt text recorded in ``outputs.json`` is *alt*, else the figure's title
        (suptitle, or the axes titles), else the name. In a notebook the returned
        figure shows itself as two outputs: its PNG (with the alt text in the output's
        metadata) and, when the plot function recorded how to read it
        (:func:`analysis.plots.reading.attach_reading`), a Markdown note in the page's
        language marked ``{"analysis": {"reading": <kind>}}`` in its metadata.

        Examples
        --------
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(); _ = ax.set_title("Spend per month")
        >>> out = ReportOutputs(None); _ = out.figure("spend", fig)
        >>> out.records["figures"]["spend"]["alt"]
        'Spend per month'
        """
        check_name(name, "figure name")
        record: dict[str, Any] = {"path": None, "alt": alt or _figure_title(fig) or name}
        if self.output_dir is not None:
            from analysis.io import write_bytes_atomic

            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
            path = self.output_dir / "figures" / f"{name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(path, buffer.getvalue())
            record["path"] = f"figures/{name}.png"
        self.records["figures"][name] = record
        self._save_index()
        _attach_alt(fig, record["alt"])
        _attach_reading_display(fig)
        return fig

    def finding(self, finding: Finding) -> Finding:
        """Record a generated finding (a :class:`~analysis.findings.Finding`) and return it.

        ``findings.json`` and ``outputs.json`` keep its text and its citations, which
        :func:`analysis.findings.verify_outputs` recomputes from the written tables.

        Examples
        --------
        >>> from analysis.findings import Cite, Finding
        >>> out = ReportOutputs(None)
        >>> f = out.finding(Finding("n", "findings.example.customers",
        ...                         n=Cite(3, table="rfm", column="customer_id", agg="count")))
        >>> out.records["findings"]["n"]["text"]
        '3 customers.'
        """
        if not isinstance(finding, Finding):
            raise ParameterError(
                f"a finding must be an analysis.findings.Finding (a sentence whose numbers cite the "
                f"written tables), got {type(finding).__name__}"
            )
        check_name(finding.key, "finding key")
        self._findings[finding.key] = finding
        self.records["findings"][finding.key] = self._english_cites(finding.record())
        self._save_findings()
        return finding

    def check(self, check: Check) -> Check:
        """Record an assumption check that ran (a :class:`~analysis.findings.Check`) and return it.

        Examples
        --------
        >>> from analysis.findings import Check
        >>> out = ReportOutputs(None)
        >>> out.check(Check("fit", "convergence", "fail", "findings.example.not_converged", model="BG/NBD")).failed
        True
        """
        if not isinstance(check, Check):
            raise ParameterError(f"a check must be an analysis.findings.Check, got {type(check).__name__}")
        check_name(check.key, "check key")
        self._checks[check.key] = check
        self.records["checks"][check.key] = self._english_cites(check.record())
        self._save_findings()
        return check

    def _english_cites(self, record: dict[str, Any]) -> dict[str, Any]:
        """A finding's record with the labels its citations name as the English tables write them."""
        if self.language == DEFAULT_LANGUAGE:
            return record
        back = lambda v: to_english(v, self.language)  # noqa: E731
        for cite in record.get("cites", {}).values():
            cite["value"] = back(cite["value"])
            if "row" in cite:
                cite["row"] = [back(r) for r in cite["row"]] if isinstance(cite["row"], list) else back(cite["row"])
            if "where" in cite:
                cite["where"] = {back(k): ([back(x) for x in v] if isinstance(v, list) else back(v))
                                 for k, v in cite["where"].items()}
        return record

    def findings_markdown(self) -> str:
        """The recorded findings as a Markdown list, each with the failed checks that weaken it."""
        return findings_markdown(self._findings.values(), self._checks.values())

    def checks_markdown(self) -> str:
        """The "Checks" section: every recorded check, its result and what it means."""
        return checks_markdown(self._checks.values())

    def _save_findings(self) -> None:
        if self.output_dir is not None:
            from analysis.io import write_text_atomic

            self.output_dir.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.output_dir / "findings.json",
                              _dumps({"findings": self.records["findings"], "checks": self.records["checks"]}))
        self._save_index()

    def _save_index(self) -> None:
        if self.output_dir is None:
            return
        from analysis.io import write_text_atomic

        self.output_dir.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.output_dir / "outputs.json", _dumps(self.records))

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self.records.items())
        return f"ReportOutputs({str(self.output_dir) if self.output_dir else None!r}: {counts})"


def in_english(df: Any, language: str) -> Any:
    """*df* with every label and text value the catalog of *language* generated in English
    (:func:`analysis.messages.to_english`): what the tables of an edition other than English write.

    Examples
    --------
    >>> import pandas as pd
    >>> in_english(pd.DataFrame({"n": [1]}, index=pd.Index(["x"], name="k")), "zh").index.name
    'k'
    """
    import pandas as pd

    back = lambda v: to_english(v, language)  # noqa: E731
    texty = lambda dtype: pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype)  # noqa: E731

    def labels(index: pd.Index) -> pd.Index:
        if isinstance(index, pd.MultiIndex):
            return pd.MultiIndex.from_tuples([tuple(back(x) for x in t) for t in index], names=[back(n) for n in index.names])
        mapped = index.map(back) if texty(index.dtype) else index
        return mapped.rename(back(index.name))

    if isinstance(df, pd.Series):
        series = df.astype(object).map(back) if texty(df.dtype) else df.copy()
        return series.set_axis(labels(df.index)).rename(back(df.name))
    out = df.copy()
    out.index, out.columns = labels(df.index), labels(df.columns)
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if texty(column.dtype):  # element by element: a column of mixed numbers keeps each number's type
            mapped = pd.Series([back(v) for v in column], index=column.index, dtype=object)
            out.isetitem(i, mapped if column.dtype in (object,) or isinstance(column.dtype, pd.CategoricalDtype)
                         else mapped.astype(column.dtype))
    return out


def _show_headers_in(language: str) -> None:
    """In a notebook kernel, show pandas tables with the catalog's headers for *language*."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the kernel
        return
    shell = get_ipython()
    if shell is None:
        return
    import pandas as pd

    def html(df: pd.DataFrame) -> str:
        shown = df.copy(deep=False)
        label = lambda v: tuple(column_label(x, language) for x in v) if isinstance(v, tuple) else column_label(v, language)  # noqa: E731
        shown.columns = pd.Index([label(c) for c in df.columns], name=label(df.columns.name)) if not isinstance(
            df.columns, pd.MultiIndex) else pd.MultiIndex.from_tuples([label(c) for c in df.columns],
                                                                      names=[label(n) for n in df.columns.names])
        shown.index = df.index.set_names([label(n) for n in df.index.names])
        return shown._repr_html_()

    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, html)


class _AltText:
    """A figure's ``_repr_mimebundle_`` that adds only metadata: IPython still draws
    the PNG with its usual formatter and records ``{"image/png": {"alt": ...}}`` in
    the output, where the report page takes its alt text from. A class, not a
    closure, so the figure stays picklable."""

    def __init__(self, alt: str) -> None:
        self.alt = alt

    def __call__(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        return {}, {"image/png": {"alt": self.alt}}


def _attach_alt(fig: Any, alt: str) -> None:
    """Let the notebook output of *fig* carry *alt* (unless its class renders itself
    through ``_repr_mimebundle_``, which this must not shadow)."""
    if any("_repr_mimebundle_" in vars(cls) for cls in type(fig).__mro__):
        return
    try:
        fig._repr_mimebundle_ = _AltText(alt)
    except (AttributeError, TypeError):  # an object that refuses new attributes keeps no alt
        pass


class _FigureDisplay:
    """A figure's ``_ipython_display_``: the figure's own display (IPython's formatters, so the
    PNG and its alt metadata are what they would be without this), then its reading note as a
    Markdown output marked ``{"analysis": {"reading": <kind>}}``. A class holding plain data
    and the figure, not a closure, so the figure stays picklable."""

    def __init__(self, fig: Any) -> None:
        self.fig = fig

    def __call__(self) -> None:
        from IPython import get_ipython
        from IPython.display import publish_display_data

        shell = get_ipython()
        if shell is None:  # pragma: no cover - IPython calls this only inside a shell
            return
        fig = self.fig
        vars(fig).pop("_ipython_display_", None)  # the formatters must not find this again
        try:
            data, metadata = shell.display_formatter.format(fig)
        finally:
            fig._ipython_display_ = self
        if data:
            publish_display_data(data, metadata)
        note = _reading_note(fig)
        if note is not None:
            markdown, kind = note
            publish_display_data({"text/markdown": markdown, "text/plain": markdown},
                                 metadata={"analysis": {"reading": kind}})


def _reading_note(fig: Any) -> tuple[str, str] | None:
    """(Markdown, kind) of the reading note *fig* carries, in this process's language; None without one."""
    record = getattr(fig, "_analysis_reading", None)
    if not isinstance(record, dict) or "kind" not in record:
        return None
    from analysis.plots.reading import reading_markdown

    return reading_markdown(record), str(record["kind"])


def _attach_reading_display(fig: Any) -> None:
    """Let *fig* display its reading note under its PNG (when it has one and its class does not
    display itself through ``_ipython_display_``)."""
    if not isinstance(getattr(fig, "_analysis_reading", None), dict):
        return
    if any("_ipython_display_" in vars(cls) for cls in type(fig).__mro__):
        return
    try:
        fig._ipython_display_ = _FigureDisplay(fig)
    except (AttributeError, TypeError):  # an object that refuses new attributes shows no note
        pass


def _figure_title(fig: Any) -> str:
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        return suptitle.get_text().strip()
    titles = [ax.get_title().strip() for ax in getattr(fig, "axes", [])]
    return "; ".join(t for t in titles if t)


def _dumps(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
