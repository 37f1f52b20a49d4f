"""The finding of the eight RFM value classes (notebook 01, table ``rfm_value_classes``).

Every number the sentence uses is a :class:`~analysis.findings.Cite` of the
summary table :func:`analysis.segmentation.value_class_summary` returns and the
notebook writes as ``rfm_value_classes``.

Examples
--------
>>> import pandas as pd
>>> from analysis.segmentation import rfm_value_classes, value_class_summary
>>> t = pd.DataFrame({"recency_days": [10, 20, 90], "frequency": [1, 1, 4], "monetary": [5.0, 50.0, 60.0]})
>>> value_class_finding(value_class_summary(rfm_value_classes(t)), language="en").text("en")[:60]
"Compared with the customers' median recency (20 days), frequ"
"""

from __future__ import annotations

import pandas as pd

from analysis.findings.core import Cite, Finding
from analysis.messages import escape_markdown, msg

__all__ = ["value_class_finding"]

VALUE_CLASSES_TABLE = "rfm_value_classes"


def _cell(summary: pd.DataFrame, table: str, row: str, column: str) -> Cite:
    return Cite(float(summary.loc[row, column]), table=table, column=column, row=row)


def value_class_finding(summary: pd.DataFrame, *, table: str = VALUE_CLASSES_TABLE,
                        language: str | None = None) -> Finding:
    """The largest value class, the class bringing most revenue, and the references used.

    Parameters
    ----------
    summary : DataFrame
        :func:`analysis.segmentation.value_class_summary`, as written to *table*.
    table : str
        The name the notebook wrote the summary under.
    language : str, optional
        Language of the class names and the reference word put into the sentence.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.segmentation import rfm_value_classes, value_class_summary
    >>> t = pd.DataFrame({"recency_days": [5, 20, 90, 95], "frequency": [3, 1, 4, 1],
    ...                   "monetary": [80.0, 5.0, 60.0, 1.0]})
    >>> f = value_class_finding(value_class_summary(rfm_value_classes(t)), language="en")
    >>> round(f.cites()["top_revenue_share"].value, 4), f.cites()["top_revenue_share"].row
    (0.5479, 'important_value')
    """
    largest = str(summary["customers"].idxmax())
    richest = str(summary["revenue_share"].idxmax())
    first = summary.index[0]
    reference = str(summary["reference"].iloc[0])
    return Finding(
        "value_classes", "value_classes.finding.classes", checks=(),
        reference=msg(f"value_classes.reference.{reference}", language=language),
        r_ref=_cell(summary, table, first, "reference_recency_days"),
        f_ref=_cell(summary, table, first, "reference_frequency"),
        m_ref=_cell(summary, table, first, "reference_monetary"),
        largest=escape_markdown(msg(f"value_classes.class.{largest}", language=language)),
        largest_share=_cell(summary, table, largest, "customer_share"),
        top_class=escape_markdown(msg(f"value_classes.class.{richest}", language=language)),
        top_share=_cell(summary, table, richest, "customer_share"),
        top_revenue_share=_cell(summary, table, richest, "revenue_share"))
