"""The reference description of every canonical table: columns, table options, study keys, examples.

This is the one source of ``docs/tables.md`` (written by
:mod:`analysis.schemas.reference`). Tests compare it with the validators
themselves: every parameter of every ``validate_*`` function is an option here,
and every column a validator looks for by name is a column here, so the
documentation cannot drift from the code.

Each table and column also has its place in the customer database as the course
teaches it (:data:`CONTENTS`: basic information, transaction history, interaction
records, preferences): a table gives the default, a column overrides it where it
records something else. The data dictionary page of the report site
(:mod:`analysis.report.dictionary`) groups the columns by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.errors import ParameterError

__all__ = ["CONTENTS", "ColumnDoc", "OptionDoc", "TableDoc", "TABLE_DOCS", "STUDY_KEYS", "PREPARATION_KEYS", "table_doc",
           "column_content"]

#: the contents of a customer database as the course teaches them (基本信息、交易历史、互动记录、偏好特征);
#: the keys are the glossary's (``glossary.term.<key>``)
CONTENTS = ("basic_information", "transaction_history", "interaction_records", "preferences")


@dataclass(frozen=True)
class ColumnDoc:
    """One column of a canonical table.

    ``name`` is the canonical name; for columns the study names itself through
    an option (ratings, outcomes) it is written ``<rating_columns>`` and
    ``declared_by`` names the option. ``content`` is the column's place in the
    customer database (one of :data:`CONTENTS`) when it differs from its table's.
    A column that no validator checks but a notebook names through a parameter
    (a table's ``notebook_columns``) has ``declared_by`` ``"<notebook>:<parameter>"``.
    """

    name: str
    type: str
    unit: str
    meaning: str
    required: bool = False
    declared_by: str | None = None
    content: str | None = None


@dataclass(frozen=True)
class OptionDoc:
    """One table option (a validator's keyword, written under ``options:``) or one study key."""

    name: str
    default: str
    meaning: str


@dataclass(frozen=True)
class TableDoc:
    """One canonical table: what a row is (``row`` completes "One row per ..."), its columns, options and an
    example; ``content``, where its columns belong in the customer database unless a column says otherwise;
    ``notebook_columns``, columns the validator keeps as they are that notebooks name through a parameter."""

    name: str
    validator: str
    row: str
    summary: str
    columns: tuple[ColumnDoc, ...]
    options: tuple[OptionDoc, ...]
    example: str
    content: str = "transaction_history"
    notebook_columns: tuple[ColumnDoc, ...] = ()


_DATE_FORMAT = OptionDoc(
    "date_format", "none (the form is read from the data)",
    "A `strftime` format such as `\"%d/%m/%Y\"`, needed only when the day/month order cannot be told from "
    "the data (the message names the rows that decide it).")


def _future_dates(column: str) -> OptionDoc:
    return OptionDoc(
        "future_dates", "`refuse`",
        f"What to do with rows whose `{column}` is more than a day after the run date, or in a late tail of "
        "under 1 % of the rows more than a year after every other row: `refuse` (an error naming them) or "
        "`drop` (left out with a warning stating how many).")


TRANSACTIONS = TableDoc(
    name="transactions",
    validator="validate_transactions",
    row="purchase (an order, a visit, an order line)",
    summary=("The purchase log that segmentation (RFM), CLV and retention work on. A log without `amount` is "
             "a *count-only* log (a grocery or visit log: who came when): it validates, the validated table "
             "has no `amount` column, counts, recency and P(alive) work, and everything that needs money "
             "(revenue, Gamma-Gamma spend, margins) says that the log has no amounts instead of inventing them."),
    columns=(
        ColumnDoc("customer_id", "text", "-", "Who bought. Spaces around it are removed; whole numbers stored "
                  "as decimals (`1.0`, as spreadsheets write ids with gaps) become `1`. None missing.", True),
        ColumnDoc("date", "date", "day (time of day kept)",
                  "When. Read from `2024-03-01` (with an optional time and UTC offset), `2024/03/01`, "
                  "`20240301`, `01.03.2024`, `03/01/2024` (order decided from the whole column), month names "
                  "and `2024年3月1日`. Time-zone-aware times become UTC. None missing.", True),
        ColumnDoc("amount", "number >= 0", "the study's currency",
                  "What the purchase was worth. Optional: leave it out for a count-only log. A column named "
                  "`Amount` or ` amount ` is not taken silently: map it."),
        ColumnDoc("channel", "text", "-", "Where the purchase was made (web, store, app)."),
        ColumnDoc("quantity", "number >= 0", "items", "How many items the purchase holds."),
        ColumnDoc("order_id", "text", "-", "The order a row belongs to (several rows may share one)."),
        ColumnDoc("category", "text", "-", "The product or service category bought (for cross-selling, "
                  "交叉销售, and value-added service sales, 增值服务销售额)."),
    ),
    options=(
        OptionDoc("drop_invalid_amounts", "`false`",
                  "`true` drops rows whose amount is negative, missing, infinite or not a number, with a "
                  "warning that counts them; `false` makes them errors."),
        _DATE_FORMAT,
        _future_dates("date"),
    ),
    example="""\
transactions:
  path: ../mydata/orders.csv
  columns: {customer_id: CustID, date: OrderDate, amount: Total}
  options: {drop_invalid_amounts: true, future_dates: drop}""",
    # every column records one purchase (its channel and category too: where and what this purchase was;
    # a customer's category shares, summed over purchases, are preferences)
    content="transaction_history",
)

CUSTOMERS = TableDoc(
    name="customers",
    validator="validate_customers",
    row="customer",
    summary=("Who the customers are: acquisition, costs, descriptive attributes (kept as they are), and, for "
             "a CRM export that already holds it, a customer-level purchase summary (`recency_days`, "
             "`frequency`, `monetary`) that notebook 01 segments from when the study has no transactions."),
    columns=(
        ColumnDoc("customer_id", "text", "-", "The customer; unique (repeated ids are listed).", True),
        ColumnDoc("acquisition_date", "date", "day", "When the customer was acquired (same date forms as "
                  "transactions; missing allowed)."),
        ColumnDoc("acquisition_channel", "text", "-", "Through which channel the customer came."),
        ColumnDoc("acquisition_cost", "number >= 0", "the study's currency", "What acquiring the customer cost."),
        ColumnDoc("cost_to_serve", "number >= 0", "the study's currency",
                  "What serving the customer costs (per customer, or per order with the segmentation "
                  "parameter `cost_unit: order`)."),
        # a summary of the customer's purchases: transaction history, though kept per customer
        ColumnDoc("recency_days", "number >= 0", "days",
                  "Days since the customer's last purchase, at the study's observation end.",
                  content="transaction_history"),
        ColumnDoc("frequency", "number >= 0", "purchases", "How many purchases the customer made.",
                  content="transaction_history"),
        ColumnDoc("monetary", "number >= 0", "the study's currency", "What the customer spent in total.",
                  content="transaction_history"),
        ColumnDoc("referred_by", "text", "-", "The `customer_id` of the customer who referred this one "
                  "(推荐, for referral rates and rewards), read like `customer_id`; missing = not referred; "
                  "never the customer's own id."),
    ),
    options=(_DATE_FORMAT, _future_dates("acquisition_date")),
    example="""\
customers:
  path: ../mydata/crm.csv
  sep: "\\t"
  columns: {customer_id: ID, recency_days: Recency, frequency: NumPurchases, monetary: TotalSpend}""",
    # who the customer is and how she came: acquisition (date, channel, cost, referrer) and the cost of
    # serving her are facts of the account the firm keeps per customer, not events
    content="basic_information",
    notebook_columns=(
        ColumnDoc("<attributes>", "any", "-", "Descriptive attributes (region, age band, segment) added to the "
                  "clustering; text columns are one-hot encoded.", declared_by="01_segmentation:attributes"),
        ColumnDoc("<complaint_flag>", "0/1", "-", "Whether the customer complained (1) or not (0), for data "
                  "without a complaints log.", declared_by="05_retention_loyalty:complaint_flag",
                  content="interaction_records"),
        ColumnDoc("<category_spend_columns>", "number >= 0", "the study's currency",
                  "The customer's spend per product or service category, one column per category, for data "
                  "without a transaction log (cross-selling).",
                  declared_by="05_retention_loyalty:category_spend_columns", content="preferences"),
    ),
)

SURVEY = TableDoc(
    name="survey",
    validator="validate_survey",
    row="respondent",
    summary=("Satisfaction and loyalty answers for notebook 03 (key drivers, importance-performance, "
             "reliability, the structural model). The rating, outcome, weight and group columns keep your "
             "names: you declare them with the table options. Answers coded as text or as numbers such as "
             "`999` for \"no answer\" are declared with `missing_codes:`; a yes/no answer is turned into "
             "0/1 with a `derive:` recode (see Preparation keys)."),
    columns=(
        ColumnDoc("respondent_id", "text", "-", "The respondent; unique.", True),
        ColumnDoc("<rating_columns>", "number within `scale`", "scale points",
                  "Attribute ratings (perceptions, expectations, items of a construct); missing answers "
                  "allowed.", declared_by="rating_columns"),
        ColumnDoc("<outcome_columns>", "number within `outcome_scale`", "scale points",
                  "Overall outcomes (satisfaction, recommend, loyalty); missing answers allowed.",
                  declared_by="outcome_columns"),
        ColumnDoc("<weight_column>", "number >= 0", "-", "Survey weights; none missing.",
                  declared_by="weight_column"),
        ColumnDoc("<group_columns>", "any", "-", "Columns that define groups (channel, segment); they must exist.",
                  declared_by="group_columns", content="basic_information"),  # who the respondent is
    ),
    options=(
        OptionDoc("rating_columns", "none", "The rating columns: a name or a list of names."),
        OptionDoc("scale", "`[1, 7]`",
                  "The rating scale `[lowest, highest]`. Whole-number bounds (`[1, 7]`) also require whole "
                  "ratings; decimal bounds (`[0.0, 10.0]`) accept any number in the range."),
        OptionDoc("outcome_columns", "none", "The outcome columns: a name or a list of names."),
        OptionDoc("outcome_scale", "the rating `scale`", "The outcomes' scale, when it differs from the ratings'."),
        OptionDoc("weight_column", "none", "The column of survey weights."),
        OptionDoc("group_columns", "none", "The grouping columns: a name or a list of names."),
    ),
    example="""\
survey:
  path: ../mydata/satisfaction.csv
  columns: {respondent_id: id}
  missing_codes: [99]
  options:
    rating_columns: [qual1, qual2, qual3, val1, val2]
    outcome_columns: [sat1, loy1]
    scale: [1, 10]
    group_columns: gender""",
    content="interaction_records",  # a survey is a conversation with the customer: her answers, as given
)

CHANNEL_OUTCOMES = TableDoc(
    name="channel_outcomes",
    validator="validate_channel_outcomes",
    row="customer or contact",
    summary=("What each channel or campaign arm achieved, for notebook 04: yes/no outcomes compared as rates, "
             "numeric outcomes compared as means; other columns (covariates, costs) are kept."),
    columns=(
        ColumnDoc("channel", "text", "-", "The channel or campaign arm; none missing. Another column can "
                  "play this part with the option `channel_column`.", True, declared_by="channel_column"),
        ColumnDoc("<binary_columns>", "0/1", "-",
                  "Yes/no outcomes (conversion, visit, subscribed). Read from 0/1, true/false and the words "
                  "yes/no, y/n, true/false in any case; stored as 0/1; none missing.", declared_by="binary_columns"),
        ColumnDoc("<continuous_columns>", "number", "as the data (often currency)",
                  "Numeric outcomes (spend, basket size); finite, none missing.", declared_by="continuous_columns",
                  content="transaction_history"),  # what the contacted customer then bought
    ),
    options=(
        OptionDoc("channel_column", "`channel`", "The column that holds the channel or arm."),
        OptionDoc("binary_columns", "none",
                  "The yes/no outcomes. A column of `\"yes\"`/`\"no\"` declared as continuous fails with "
                  "\"must be a number\" and a hint to list it here."),
        OptionDoc("continuous_columns", "none", "The numeric outcomes."),
    ),
    example="""\
channel_outcomes:
  path: ../mydata/bank-additional.csv
  sep: ";"
  missing_codes: [unknown]
  options: {channel_column: contact, binary_columns: [y], continuous_columns: [duration]}""",
    content="interaction_records",  # campaign contacts and the customer's responses to them
)

PATHS = TableDoc(
    name="paths",
    validator="validate_paths",
    row="distinct customer journey",
    summary=("Customer journeys for channel attribution: the channels touched, in order, as one text, how "
             "many such journeys converted, and optionally their value and how many did not convert."),
    columns=(
        ColumnDoc("path", "text", "-", "The channels in order, separated by `separator` (`search > email > "
                  "display`); spaces around channel names are removed; no empty step.", True),
        ColumnDoc("conversions", "number >= 0", "journeys", "How many journeys of this form converted.", True),
        ColumnDoc("value", "number >= 0", "the study's currency", "The total value of those conversions.",
                  content="transaction_history"),  # what the converting journeys bought
        ColumnDoc("nulls", "number >= 0", "journeys", "How many journeys of this form ended without a conversion."),
    ),
    options=(
        OptionDoc("separator", "`\" > \"`",
                  "The text between two channels. Paths are split at it without its surrounding spaces, so "
                  "`a>b` and `a > b` are the same journey. When no path contains it but another common "
                  "separator (`|`, `,`, `;`, `/`, `->`) appears, the message names that one."),
    ),
    example="""\
paths:
  path: ../mydata/PathData.csv
  sep: ";"
  columns: {path: path, conversions: total_conversions, value: total_conversion_value, nulls: total_null}
  options: {separator: " > "}""",
    content="interaction_records",  # the touchpoints of a journey: contacts between firm and customer
)

COMPLAINTS = TableDoc(
    name="complaints",
    validator="validate_complaints",
    row="complaint (客户投诉)",
    summary=("The complaints log that notebook 05 measures complaint rates and service recovery from: who "
             "complained when, about what, where, how the complaint was resolved and when, the compensation "
             "and the satisfaction with the recovery."),
    columns=(
        ColumnDoc("customer_id", "text", "-", "Who complained, read like the transactions' `customer_id`. "
                  "None missing.", True),
        ColumnDoc("date", "date", "day (time of day kept)", "When the complaint was made (same date forms as "
                  "transactions). None missing.", True),
        ColumnDoc("complaint_id", "text", "-", "The complaint's own id (ticket number); unique (repeated ids "
                  "are listed with their rows), none missing."),
        ColumnDoc("category", "text", "-", "What the complaint was about (for the Pareto chart of causes)."),
        ColumnDoc("channel", "text", "-", "Where the complaint was made (phone, web, store)."),
        ColumnDoc("resolution", "text", "-", "How the complaint was resolved, in the study's own labels (the "
                  "synthetic firm uses `good` and `poor`); missing = not resolved."),
        ColumnDoc("resolved_date", "date", "day", "When the complaint was resolved; not before `date` (days "
                  "are compared); missing allowed."),
        ColumnDoc("compensation", "number >= 0", "the study's currency", "What the customer was given to make "
                  "up for the failure (refund, voucher)."),
        ColumnDoc("satisfaction_after", "number", "the study's scale", "The customer's satisfaction with the "
                  "recovery (service recovery, 服务补救)."),
    ),
    options=(OptionDoc("date_format", _DATE_FORMAT.default, "A `strftime` format for `date` and `resolved_date`, "
                       "needed only when the day/month order cannot be told from the data."),
             _future_dates("date` or `resolved_date")),
    example="""\
complaints:
  path: ../mydata/tickets.csv
  columns: {customer_id: CustomerNo, date: Opened, resolved_date: Closed, resolution: Outcome}""",
    content="interaction_records",  # complaints and their recovery: the customer speaking to the firm, and its answer
)

MEMBERSHIPS = TableDoc(
    name="memberships",
    validator="validate_memberships",
    row="tier spell of a loyalty-programme member (会员体系)",
    summary=("The loyalty programme for notebook 05: when each member joined, which tier she was in from when "
             "to when, and the points and discounts of each spell. A customer's earliest `start_date` is the "
             "day she joined; the `end_date` of her last spell is the day she left (missing: still a member). "
             "One customer's spells must not overlap: a spell may start on the day the previous one ended."),
    columns=(
        ColumnDoc("customer_id", "text", "-", "The member, read like the transactions' `customer_id`. None "
                  "missing; one row per spell, so ids repeat.", True),
        ColumnDoc("start_date", "date", "day", "The day the customer entered this tier (same date forms as "
                  "transactions). None missing.", True),
        ColumnDoc("end_date", "date", "day", "The day the customer left this tier; not before `start_date`; "
                  "missing = still in this tier at the end of the data."),
        ColumnDoc("tier", "text", "-", "The tier (base, silver, gold)."),
        ColumnDoc("points_earned", "number >= 0", "points", "Points earned during the spell."),
        ColumnDoc("points_redeemed", "number >= 0", "points", "Points redeemed during the spell."),
        ColumnDoc("discounts", "number >= 0", "the study's currency", "Discounts given to the member during "
                  "the spell (a cost of the programme)."),
    ),
    options=(OptionDoc("date_format", _DATE_FORMAT.default, "A `strftime` format for `start_date` and "
                       "`end_date`, needed only when the day/month order cannot be told from the data."),
             _future_dates("start_date` or `end_date")),
    example="""\
memberships:
  path: ../mydata/loyalty.csv
  columns: {customer_id: MemberID, start_date: TierFrom, end_date: TierTo, tier: Level}""",
    # the member's relationship with the programme: joining, tier moves, points and rewards are recorded by
    # the programme, not at the till (a tier is reached by purchases, but it is a status the firm grants)
    content="interaction_records",
)

TABLE_DOCS: tuple[TableDoc, ...] = (TRANSACTIONS, CUSTOMERS, SURVEY, CHANNEL_OUTCOMES, PATHS, COMPLAINTS, MEMBERSHIPS)

#: the keys of one table entry under ``data:`` in a study file (besides the preparation keys)
STUDY_KEYS: tuple[OptionDoc, ...] = (
    OptionDoc("path", "required", "The file, relative to the study file (or a folder/glob of Parquet or CSV "
              "files for `engine: duckdb`). It must lie in the study's folders or under `allowed_roots:`."),
    OptionDoc("format", "from the file's suffix",
              "`csv`, `tsv`, `parquet`, `excel` or `cdnow` (CDNOW-style whitespace-separated text)."),
    OptionDoc("encoding", "UTF-8 (with or without BOM)", "The text encoding of a CSV file, such as `gb18030`."),
    OptionDoc("sheet", "the first sheet", "The sheet of an Excel workbook, by name or 0-based position."),
    OptionDoc("sep", "`,` (a tab for .tsv)", "The column separator of a text file, such as `\";\"`."),
    OptionDoc("columns", "none", "The column mapping `canonical name: your column name`; it may name "
              "columns made under `derive:`."),
    OptionDoc("options", "none", "The table options of the validator (listed per table above)."),
    OptionDoc("engine", "none (loaded into memory)",
              "`duckdb` keeps a transactions log on disk and queries it there (logs larger than memory); "
              "transactions only, and without preparation keys."),
    OptionDoc("memory_limit", "DuckDB's own (80 % of RAM)", "With `engine: duckdb`: the most memory DuckDB may "
              "use, such as `4GB`; larger aggregations spill to disk."),
    OptionDoc("temp_directory", "a fresh temporary folder", "With `engine: duckdb`: where spilled data goes."),
)

#: the preparation keys of a table entry, applied in this order before the mapping and validation
PREPARATION_KEYS: tuple[OptionDoc, ...] = (
    OptionDoc("missing_codes", "none",
              "Values that mean \"no answer\" and become missing before anything else: a list for every "
              "column (`[unknown, 999]`) or per column (`{pdays: [999], job: [unknown]}`)."),
    OptionDoc("derive", "none",
              "New columns, in order (later ones may use earlier ones): `mean`, `sum`, `min`, `max` of "
              "columns (row-wise; `min_items: k` allows missing items), `recode` (`{recode: y, map: "
              "{\"yes\": 1, \"no\": 0}}`), `bins` (`edges`, `labels`), `largest` (the label of the largest of "
              "several columns) and `expr` (a safe arithmetic expression, never Python `eval`)."),
    OptionDoc("filter", "none", "The rows kept, as an expression such as `\"age >= 18 and contact != "
              "'unknown'\"`."),
)


def column_content(table: TableDoc, column: ColumnDoc) -> str:
    """Where *column* of *table* belongs in the customer database: one of :data:`CONTENTS`.

    Examples
    --------
    >>> customers = table_doc("customers")
    >>> [column_content(customers, c) for c in customers.columns if c.name in ("acquisition_channel", "frequency")]
    ['basic_information', 'transaction_history']
    """
    content = column.content or table.content
    if content not in CONTENTS:
        raise ParameterError(f"column {column.name!r} of table {table.name!r}: content {content!r} is none of "
                             f"{', '.join(CONTENTS)}")
    return content


def table_doc(name: str) -> TableDoc:
    """The description of the canonical table *name*.

    Examples
    --------
    >>> table_doc("paths").validator
    'validate_paths'
    """
    for doc in TABLE_DOCS:
        if doc.name == name:
            return doc
    known = ", ".join(doc.name for doc in TABLE_DOCS)
    raise ParameterError(f"There is no canonical table {name!r}; the tables are {known}.")
