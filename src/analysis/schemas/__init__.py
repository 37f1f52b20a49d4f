"""Data contracts: the canonical tables and their validators.

Every analysis module works on a few canonical tables. Their reference, column by
column with every table option and an example study entry, is ``docs/tables.md``
(generated from :mod:`analysis.schemas.descriptions` by
``python -m analysis.schemas.reference docs/tables.md``; a test keeps both equal).
In short:

``transactions``
    ``customer_id`` (text), ``date`` (``datetime64[ns]``, no time zone); optional
    ``amount`` (``float64``, >= 0; without it the log is *count-only*: who bought
    when), ``channel`` (text), ``quantity`` (number >= 0), ``order_id`` (text),
    ``category`` (text: the product or service category).
    Other columns are kept as they are.
``customers``
    ``customer_id`` (text, unique); optional ``acquisition_date`` (date),
    ``acquisition_channel`` (text), ``acquisition_cost`` and ``cost_to_serve``,
    the customer-level purchase summary ``recency_days``, ``frequency`` and
    ``monetary`` (numbers >= 0), ``referred_by`` (the referrer's ``customer_id``;
    missing = not referred) and any descriptive attributes.
``survey``
    ``respondent_id`` (text, unique); rating columns within a declared scale;
    optional outcome columns, a weight column and group columns.
``channel_outcomes``
    one row per customer or contact: a ``channel`` (or campaign arm) column,
    binary outcomes (0/1) and continuous outcomes.
``paths``
    one row per customer journey: ``path`` (channels separated by `` > ``),
    ``conversions``; optional ``value`` and ``nulls`` (numbers >= 0).
``complaints``
    one row per complaint: ``customer_id``, ``date``; optional ``complaint_id``
    (unique), ``category``, ``channel``, ``resolution`` (missing = not resolved),
    ``resolved_date`` (not before ``date``), ``compensation`` (>= 0) and
    ``satisfaction_after``.
``memberships``
    one row per loyalty-programme tier spell: ``customer_id``, ``start_date``;
    optional ``end_date`` (missing = still in the tier), ``tier``,
    ``points_earned``, ``points_redeemed`` and ``discounts`` (>= 0); the spells
    of one customer do not overlap.

Validation happens once, at the door. Each ``validate_*`` function returns a new,
typed frame (the input is never modified) or raises one
:class:`~analysis.errors.DataValidationError` whose message lists every broken
rule: the column, the rule in plain words, how many rows break it and the first
few of them with their values. Row numbers in messages count data rows from 1:
the first row under the header is row 1 (in a spreadsheet with one header line,
that row is line 2). A caller that leaves rows out before validation (a study's
``filter:``) passes each remaining row's number in the file as
``df.attrs[SOURCE_ROWS]``, and messages name those rows.

Conversions the validators make, so that every module can rely on them:

* ids (``customer_id``, ``respondent_id``, ``complaint_id``, ``referred_by``)
  become pandas' string dtype, with surrounding spaces removed; whole numbers
  stored as floats (``1.0``, as Excel and CSV readers produce when a column has
  gaps) become ``"1"``. Missing ids are errors (a missing ``referred_by`` means
  the customer was not referred).
* date text is parsed into ``datetime64[ns]``. Recognised forms: ``YYYY-MM-DD``
  (with an optional time and UTC offset), ``YYYY/MM/DD``, ``YYYY.MM.DD``,
  ``YYYYMMDD``, ``DD.MM.YYYY``, ``NN/NN/YYYY`` and ``NN-NN-YYYY`` (day or month
  first, decided from the whole column: values that read one way only decide it
  when they are at least a quarter of the rows whose date depends on the order,
  otherwise the rows are named and ``date_format`` must be passed),
  ``YYYY年MM月DD日`` and dates with month names (``March 1, 2024``). A column that
  mixes several forms is an error, since such a column is usually misread
  somewhere. Time-zone-aware timestamps are converted to UTC and the time zone
  is dropped. Excel serial day numbers are not dates here (they are errors).
* dates that cannot be purchases or acquisitions, those more than a day after the run date
  (:func:`analysis.window.run_date`) or in a late tail of under 1 % of the rows
  more than a year after every other row, are refused with their count and first
  rows; the table option ``future_dates="drop"`` leaves them out with a warning.
* binary outcomes accept 0/1, booleans and the words yes/no, true/false, y/n
  (any case), stored as ``int64`` 0/1.

Examples
--------
>>> import pandas as pd
>>> from analysis.schemas import validate_transactions
>>> raw = pd.DataFrame({"customer_id": [1.0, 2.0], "date": ["2024-03-01", "2024-03-05"],
...                     "amount": ["12.5", 8]})
>>> tx = validate_transactions(raw)
>>> tx["customer_id"].tolist(), str(tx["date"].dtype), tx["amount"].tolist()
(['1', '2'], 'datetime64[ns]', [12.5, 8.0])
"""

from __future__ import annotations

import warnings

# pandera imports pyspark.pandas whenever pyspark is installed (the optional 'spark' extra), at its
# own import and again when it first validates a table, and pyspark then warns that it does not
# support pandas 3: a library's note about itself, printed into every report page and command. The
# suite uses Spark through pyspark.sql, never pyspark.pandas, so this one message is silenced.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support", category=FutureWarning)

from analysis.schemas.problems import ROW_CONVENTION as ROW_CONVENTION
from analysis.schemas.problems import SOURCE_ROWS as SOURCE_ROWS
from analysis.schemas.values import number_hint as number_hint
from analysis.schemas.problems import missing_column_text as missing_column_text
from analysis.schemas.tables import (
    CUSTOMER_NUMBERS,
    TABLES,
    validate_channel_outcomes,
    validate_complaints,
    validate_customers,
    validate_memberships,
    validate_paths,
    validate_survey,
    validate_table,
    validate_transactions,
)

__all__ = [
    "CUSTOMER_NUMBERS",
    "TABLES",
    "validate_channel_outcomes",
    "validate_complaints",
    "validate_customers",
    "validate_memberships",
    "validate_paths",
    "validate_survey",
    "validate_table",
    "validate_transactions",
]
