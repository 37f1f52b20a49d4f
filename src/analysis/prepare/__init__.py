"""Study-level data preparation: what a study file declares to make its raw files analysable.

Per table under ``data:``, applied in this order by
:meth:`analysis.study.Study.load_tables`: read -> ``missing_codes`` -> ``derive`` ->
``filter`` -> ``columns`` mapping -> validation -> ``cleaning:`` policy::

    data:
      survey:
        path: bank.csv
        missing_codes: [unknown, 999]          # every column; or {pdays: [999], job: [unknown]}
        derive:                                # new columns, in order; later ones may use earlier ones
          satisfaction: {mean: [sat1, sat2, sat3], min_items: 2}   # also sum, min, max
          subscribed: {recode: y, map: {"yes": 1, "no": 0}}        # other: for values not named
          age_group: {bins: age, edges: [18, 30, 45, 65, 120], labels: [18-29, 30-44, 45-64, 65+]}
          preferred_channel: {largest: {NumWebPurchases: web, NumStorePurchases: store}}
          frequency: {expr: "NumWebPurchases + NumStorePurchases"}
        filter: "age >= 18 and contact != 'unknown'"
        columns: {respondent_id: id}           # may name derived columns

Modules: :mod:`~analysis.prepare.expressions` (the safe expression language),
:mod:`~analysis.prepare.spec` (checks of the study file's keys),
:mod:`~analysis.prepare.steps` (applying them to a frame),
:mod:`~analysis.prepare.note` (the note every notebook shows),
:mod:`~analysis.prepare.tables` (:class:`StudyTables`, the tables with their report).

**Rules.** Row-wise ``mean``/``sum``/``min``/``max`` need every listed column
unless ``min_items: k`` (then they use the values given when at least *k* are).
``recode`` maps values (matched as in :func:`~analysis.prepare.steps.match_key`);
a value the map does not name is an error unless ``other:`` is given; missing
stays missing. ``bins`` intervals include their left edge (``right: true``: their
right edge); values outside the edges become missing and are counted.
``largest`` gives the label of the column with the largest value; of equal
values, the first listed wins; a row with all of them missing stays missing.
A ``filter`` keeps rows where its condition is true; rows where it is missing
are dropped and counted.
"""

from analysis.prepare.expressions import Expression, parse_expression
from analysis.prepare.names import suggest
from analysis.prepare.note import preparation_note
from analysis.prepare.spec import DERIVE_KINDS, PREPARE_KEYS, Derivation, Preparation, parse_preparation
from analysis.prepare.steps import STEP_COLUMNS, match_key, prepare_table
from analysis.prepare.tables import StudyTables, steps_frame

__all__ = ["DERIVE_KINDS", "PREPARE_KEYS", "STEP_COLUMNS", "Derivation", "Expression", "Preparation",
           "StudyTables", "match_key", "parse_expression", "parse_preparation", "preparation_note",
           "prepare_table", "steps_frame", "suggest"]
