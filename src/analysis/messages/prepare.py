"""Messages of a study's data preparation (analysis.prepare): errors, the report's details, the note."""

MESSAGES = {
    "en": {
        # -- the expression language -------------------------------------------------------------
        "prepare.error.expression": "{key}: {reason}. {allowed}",
        "prepare.error.expression_allowed": (
            "An expression may use column names (or col(\"name with spaces\")), numbers, text in quotes, "
            "True, False, None, + - * / // % **, comparisons (== != < <= > >=, also chained), "
            "'in' / 'not in' a list such as ['a', 'b'], and, or, not, and the functions abs, log, exp, sqrt, "
            "round, isna, notna, where(condition, a, b) and row_number() (the row's number in the file, from 1)"),
        "prepare.error.expr_not_text": "expected an expression as text such as \"age >= 18\", got {value}",
        "prepare.error.expr_too_long": "the expression has {n} characters; at most {limit} are allowed "
                                       "(derive parts of it as columns first)",
        "prepare.error.expr_too_big": "the expression has {n} parts; at most {limit} are allowed "
                                      "(derive parts of it as columns first)",
        "prepare.error.expr_syntax": "not a valid expression ({error})",
        "prepare.error.expr_constant": "the value {value} is not allowed (only numbers, text, True, False, None)",
        "prepare.error.expr_element": "{element} is not part of the expression language",
        "prepare.error.expr_function": "the function {name} is not available{hint} (functions: {functions})",
        "prepare.error.expr_arguments_exact": "{name}() takes {n} argument(s), written without names",
        "prepare.error.expr_arguments": "{name}() takes {low} to {high} arguments, written without names",
        "prepare.error.expr_col": "col() takes one column name in quotes, such as col(\"emp.var.rate\")",
        "prepare.error.expr_round": "round(x, digits) takes the digits as a whole number from -15 to 15",
        "prepare.error.expr_in": "'in' and 'not in' need a list of numbers or texts written out, such as "
                                 "job in ['admin.', 'services'], and cannot be chained",
        "prepare.error.expr_unknown_column": "column {column} is not in the file (nor derived before){hint}",
        "prepare.error.expr_text_arithmetic": "arithmetic needs numbers, but column {column} holds text "
                                              "such as {value}; recode it to numbers first (derive: recode)",
        "prepare.error.expr_not_condition": "expected a condition (true or false) such as age >= 18, "
                                            "got a value such as {value}",
        "prepare.error.expr_compare_types": "cannot compare {left} with {right}: compare numbers with "
                                            "numbers and text with text in quotes",
        "prepare.error.expr_failed": "cannot be computed on this data ({error})",
        "prepare.error.no_table": "The study has no {table} table (its tables: {tables}). Add one under data: "
                                  "in the study file (docs/tables.md lists what each table holds), or open a "
                                  "notebook that works on the tables the study has.",
        # -- the study file's keys ---------------------------------------------------------------
        "prepare.error.code_bool": "{value} is read by YAML as true/false; write the code in quotes, such as "
                                   "\"no\" or \"yes\"",
        "prepare.error.code_type": "expected a code as a number or text, such as 999 or unknown, got {value}",
        "prepare.error.codes_list": "expected a list of codes such as [unknown, 999], or a mapping of "
                                    "column -> codes (one line each, such as pdays: [999]), got {value}",
        "prepare.error.unknown_column": "column {column} is not in the file (nor derived before){hint} "
                                        "(columns: {columns})",
        "prepare.error.derive_mapping": "expected a mapping of new column -> how to compute it, such as "
                                        "satisfaction: (mean: [sat1, sat2]) written as a nested mapping, got {value}",
        "prepare.error.derive_name": "a new column needs a name as text, got {value}",
        "prepare.error.derive_clash": "the file already has a column {column}; give the derived column "
                                      "another name (or map the file's column under columns:)",
        "prepare.error.derive_kind": "expected a mapping with exactly one of {kinds}, such as mean: [sat1, sat2], "
                                      "got {value}",
        "prepare.error.derive_key": "unknown key {value}{hint} for a {kind} column (keys: {keys})",
        "prepare.error.column_list": "expected a list of column names such as [sat1, sat2, sat3], got {value}",
        "prepare.error.column_twice": "column {column} is listed twice",
        "prepare.error.min_items": "expected a whole number from 1 to {n} (how many of the columns must "
                                   "hold a value), got {value}",
        "prepare.error.label": "expected a label as text or a number, got {value}",
        "prepare.error.largest_mapping": "expected a mapping of column -> label, with one line "
                                         "per column, such as NumWebPurchases: web, got {value}",
        "prepare.error.recode_map": "expected a mapping of value -> new value, with one line "
                                    "per value, such as \"yes\": 1, got {value}",
        "prepare.error.edges": "expected at least two increasing numbers such as [18, 30, 45, 65, 120], got {value}",
        "prepare.error.bin_labels": "expected {n} different labels, one per interval between the edges, "
                                    "got {value}",
        "prepare.error.right": "expected true (intervals include their right edge) or false (their left "
                               "edge, the default), got {value}",
        "prepare.error.not_dataset": "data preparation (missing_codes, derive, filter) applies to tables "
                                     "read from files; a 'dataset:' study cannot declare it: remove {key}, "
                                     "or give the tables as files",
        "prepare.error.not_lazy": "data preparation (missing_codes, derive, filter) is not available for a "
                                  "table kept on disk (engine: duckdb); remove it, or load the table into "
                                  "memory (remove engine, memory_limit, temp_directory)",
        # -- the data ----------------------------------------------------------------------------
        "prepare.error.not_numbers": "{key}: column {column} must hold numbers, but {n} rows hold text such as "
                                     "{values} (rows {rows}, counting from 1); list such codes under "
                                     "missing_codes, or recode them",
        "prepare.error.unmapped": "{key}: column {column} has {n} values the map does not name: {values} "
                                  "(value (rows)); add them to map:, or give other: for every value not "
                                  "named{hint}",
        "prepare.hint.yaml_booleans": "; YAML reads unquoted yes/no/on/off as true/false: write \"yes\": 1, "
                                      "\"no\": 0 in quotes",
        "prepare.error.filter_not_condition": "{key}: a filter must be a condition (true or false) such as "
                                              "age >= 18; this one gives values such as {value}",
        # -- the report (table, step, column, detail) ----------------------------------------------
        "prepare.all_columns": "(every column)",
        "prepare.detail.codes": "codes: {codes}",
        "prepare.detail.mean": "mean of {columns}",
        "prepare.detail.sum": "sum of {columns}",
        "prepare.detail.min": "smallest of {columns}",
        "prepare.detail.max": "largest of {columns}",
        "prepare.detail.recode": "recode of {columns}",
        "prepare.detail.largest": "label of the largest of {columns}",
        "prepare.detail.bins": "groups of {column} between {edges}; {outside} values outside",
        "prepare.detail.expr": "{expression}",
        "prepare.detail.filter": "rows kept where {expression}; {missing} rows dropped as the condition "
                                 "is missing for them",
        "prepare.detail.cleaning.duplicates": "exact duplicate rows dropped",
        "prepare.detail.cleaning.zero_amounts": "transactions of amount 0 dropped",
        # -- the note every notebook shows -------------------------------------------------------
        "prepare.note.heading": "**Data preparation declared by the study** (applied once, before every "
                                "analysis):",
        "prepare.note.codes_all": "{table}: the codes {codes} count as missing in every column.",
        "prepare.note.codes_column": "{table}: in column {column}, the codes {codes} count as missing.",
        "prepare.note.rowwise_all": "{table}: new column {name} = the {kind} of {columns} (missing when "
                                    "any of them is missing).",
        "prepare.note.rowwise_some": "{table}: new column {name} = the {kind} of {columns} (of those "
                                     "given, when at least {n} are given).",
        "prepare.note.kind.mean": "mean",
        "prepare.note.kind.sum": "sum",
        "prepare.note.kind.min": "smallest",
        "prepare.note.kind.max": "largest",
        "prepare.note.recode": "{table}: new column {name} recodes {columns}.",
        "prepare.note.bins": "{table}: new column {name} groups {columns} by the edges {edges}.",
        "prepare.note.largest": "{table}: new column {name} = the label of the largest of {columns} "
                                "(ties: the first listed).",
        "prepare.note.expr": "{table}: new column {name} = {expression}.",
        "prepare.note.filter": "{table}: only rows where {expression} are analysed (rows where it "
                               "cannot be decided, because a value is missing, are dropped).",
        "prepare.note.cleaning.duplicates.drop": "transactions: exact duplicate rows are dropped (cleaning).",
        "prepare.note.cleaning.duplicates.keep": "transactions: exact duplicate rows are kept (cleaning).",
        "prepare.note.cleaning.zero_amounts.drop": "transactions: transactions of amount 0 are dropped "
                                                   "(cleaning).",
        "prepare.note.cleaning.zero_amounts.keep": "transactions: transactions of amount 0 are kept (cleaning).",
    },
}
