"""Messages of the pre-run check (``analysis check``, ``analysis run``) and of skipped notebooks."""

MESSAGES = {
    "en": {
        # what a notebook needs (analysis.report.requirements.NEEDS), in "needs {alternatives}"
        "report.need.table": "a {table} table",
        "report.need.table_columns": "a {table} table with the column(s) {columns}",
        "report.need.parameter": "the parameter {parameter}",
        "report.need.and": "{first} and {second}",
        "report.need.or": " or ",
        "report.skip.reason": (
            "notebook {notebook} needs {needs}; the study has {tables}. "
            "Add such a table under data: in the study file to run it."
        ),
        "report.skip.no_tables": "no tables",
        "report.index.before_run": (
            "Stopped by the check before any kernel started (the study's data or a parameter naming a column): "
            "fix the study and run again."
        ),
        "report.index.skipped": ", {n} skipped (the study lacks their inputs)",
        # parameters that name columns (a column the study or -p gives that the table lacks)
        "report.column.missing": (
            "{source}: parameter {parameter!r} of notebook {notebook} names the column {value!r}, which the "
            "{table} table does not have. Write one of its columns ({columns}) {skip}{hint}"
        ),
        "report.parameter.empty": (
            "{source}: parameter {parameter!r} of notebook {notebook} is empty; write a value such as its default "
            "{default!r}"
        ),
        "report.column.empty": (
            "{source}: parameter {parameter!r} of notebook {notebook} is empty; write a column of the {table} "
            "table ({columns})."
        ),
        "report.column.not_text": (
            "{source}: parameter {parameter!r} of notebook {notebook} must name columns of the {table} table as "
            "text, got {value!r}. Write a column name such as {example!r}."
        ),
        "report.column.not_list": (
            "{source}: parameter {parameter!r} of notebook {notebook} must be a list of column names of the "
            "{table} table, got {value!r}. Write e.g. [{example}]."
        ),
        "report.column.skip_null": "or null to skip that part",
        "report.column.skip_required": "under notebooks: {notebook}: in the study file: the notebook cannot run "
                                       "without it{alternative}",
        "report.column.skip_instead": " (or list the columns under {alternative} instead)",
        "report.column.default_source": "{path}: notebook {notebook}'s default, as the study's notebooks.{notebook} "
                                        "does not set it",
        "report.value.problem": "{source}: parameter {parameter!r} of notebook {notebook}: {error}",
        "report.column.not_mapping": (
            "{source}: parameter {parameter!r} of notebook {notebook} must be a mapping, got {value!r}. "
            "Write a mapping, one 'key: value' line per entry under it (a key or value such as {example}), "
            "or null to skip that part."
        ),
        "report.column.bad_pattern": (
            "{source}: parameter {parameter!r} of notebook {notebook} is not a valid regular expression "
            "({error}). Write e.g. '^item_(?P<construct>.+)_\\d+$', or null to skip that part."
        ),
        "report.column.no_match": (
            "{source}: parameter {parameter!r} of notebook {notebook} ({value!r}) matches no column of the "
            "{table} table. Its columns: {columns}. Write a {what} that matches some of them, {skip}."
        ),
        "report.column.what.pattern": "regular expression",
        "report.column.what.prefix": "prefix",
        "report.column.no_value": (
            "{source}: parameter {parameter!r} of notebook {notebook} names {value!r}, which is not a value of "
            "the column {column!r} of the {table} table. Its values: {values}. Write one of them, or null "
            "to skip that part{hint}"
        ),
        # the data of a study
        "report.data.failed": "the data of study {study} cannot be used: {error}",
        "report.data.not_checked": "not run: the study's data failed the check (see {study} above)",
        # analysis check / analysis run output
        "report.check.tables": "  tables: {tables}",
        "report.check.table": "{table} ({rows:,} rows)",
        "report.check.table_on_disk": "{table} (kept on disk)",
        "report.check.note": "  note: {note}",
        "report.list.needs": "    needs {needs}",
        "report.check.run": "  run   {notebook}",
        "report.check.skip": "  skip  {notebook}: {reason}",
        "report.check.problem": "  FAIL  {notebook}: {error}",
        "report.check.data": "  DATA  {error}",
        "report.check.study": "{study} ({path}):",
        "report.check.summary": (
            "{studies} stud(ies) checked: {run} notebook(s) will run, {skipped} skipped, {problems} problem(s)"
        ),
        "report.check.invalid": "{path}: INVALID: {error}",
        "report.check.none_apply": (
            "none of the notebooks applies to the tables of this study ({tables}); see the table reference in "
            "the README"
        ),
        # analysis run
        "report.run.nothing": "nothing to run: no studies or notebooks found",
        "report.run.start": "running {n} notebook(s) into {folder}",
        "report.run.interrupted": (
            "interrupted (Ctrl-C or SIGTERM); reports and manifests are as the last finished notebook left them"
        ),
        "report.run.interrupted_which": "{which} recorded as interrupted (its last good report kept); ",
        "report.run.interrupted_which_many": "{which} recorded as interrupted (their last good reports kept); ",
        "report.run.interrupted_some": (
            "interrupted (Ctrl-C or SIGTERM): {what}{done} of {n} notebook(s) finished; index: {index}"
        ),
        "report.run.summary": "{ok} ok ({reused} reused), {failed} failed, {skipped} skipped; index: {index}",
        "report.run.progress": "[{i}/{n}] {run}: {status} ({seconds:.1f} s){reused}{checks}{cited}{tail}",
        "report.run.reused": ", reused: inputs, parameters and code unchanged",
        "report.run.checks": "; {n} check(s) failed or warn (see its Checks)",
        "report.run.cited": "; {n} cited value(s) not in their tables (see the index)",
        # analysis export
        "report.export.written": "wrote {path} (narrative in {lang} only)",
        # analysis init
        "report.init.written": "wrote {path}",
        "report.init.next": (
            "next: edit the column mapping (columns:) and the options in it, then run\n"
            "  analysis check --study {path}\n"
            "and, when it reports no problem,\n"
            "  analysis run --study {path}"
        ),
    },
}
