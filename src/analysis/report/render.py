"""Render an executed notebook to a standalone HTML page (nbconvert's lab template)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from analysis.errors import ReportError

__all__ = ["render_html"]


def render_html(notebook: str | Path, output: str | Path, *, hide_code: bool = False, title: str | None = None) -> Path:
    """Render *notebook* to *output* (written atomically).

    Parameters
    ----------
    notebook : str or Path
        An executed ``.ipynb`` file.
    output : str or Path
        The ``.html`` file to write.
    hide_code : bool, default False
        Leave out the code cells' input and prompts (outputs and text stay).
    title : str, optional
        The page title; default: the notebook's file name.

    Returns
    -------
    Path
        *output*.

    Raises
    ------
    ReportError
        If the notebook cannot be read or rendered.

    Examples
    --------
    >>> render_html("reports/cdnow/00_data_overview.ipynb", "/tmp/overview.html")  # doctest: +SKIP
    PosixPath('/tmp/overview.html')
    """
    from nbconvert import HTMLExporter

    from analysis.io import write_text_atomic

    notebook, output = Path(notebook), Path(output)
    try:
        nb = nbformat.read(notebook, as_version=4)
        exporter = HTMLExporter(
            template_name="lab",
            exclude_input=hide_code,
            exclude_input_prompt=hide_code,
            exclude_output_prompt=hide_code,
        )
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title or notebook.stem}})
    except Exception as exc:  # nbformat/nbconvert raise many kinds; report them as one
        raise ReportError(f"cannot render {notebook} to HTML: {type(exc).__name__}: {exc}") from exc
    output.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(output, body)
    return output
