"""`analysis init`: write a commented starter study from a researcher's data files.

:func:`write_starter` profiles each file with :func:`analysis.study.inspect.inspect_file`
and writes ``<project>/params/<name>.yaml``: one ``data:`` entry per table found
(with the reader options, missing-value codes, derived columns and column mapping
it guessed), ``allowed_roots`` when the data lie outside the project, and the
``notebooks:`` that fit, with the parameters they need. Every guess carries a
comment with its evidence ("# 2,240 distinct values, one per row") and what is
left to do is marked TODO. The file is valid YAML and loads with
:func:`analysis.study.load_study` once the TODO lines are filled in.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "params").mkdir()
>>> _ = (folder / "visits.csv").write_text("cust,date\\n1,2024-01-02\\n1,2024-02-03\\n2,2024-01-05\\n")
>>> out = write_starter([folder / "visits.csv"], output=folder / "params" / "visits.yaml")
>>> "transactions:" in out.read_text()
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import InputFileError, ParameterError
from analysis.io import write_text_atomic
from analysis.messages import msg
from analysis.study.config import find_project_root
from analysis.study.inspect import (
    COMPLAINT_WORDS,
    ColumnProfile,
    FileProfile,
    channel_candidates,
    constructs,
    inspect_file,
    outcome_columns,
    rating_scale,
    scale_groups,
    servqual_prefixes,
)
from analysis.study.starter_tables import (
    _TABLES,
    OUTCOME_WORDS,
    Entries,
    _by_channel,
    _code_evidence,
    _construct,
    _customers,
    _spend,
    _table_reason,
    composite_name,
)

__all__ = ["FileProfile", "inspect_file", "starter_text", "write_starter"]

_NAME = re.compile(r"^[^\W\d]\w*$")
LOYALTY_WORDS = {"loy", "loyalty", "cusl", "recommend", "nps", "retention", "intent"}
CONTROL = re.compile(r"^(control|none|holdout|hold[-_ ]?out|no[-_ ].*|no)$", re.IGNORECASE)


def write_starter(files: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *,
                  output: str | os.PathLike[str] | None = None, name: str | None = None,
                  force: bool = False) -> Path:
    """Inspect data files and write a commented starter study.

    Parameters
    ----------
    files : path or list of paths
        The data files (CSV/TSV/text, Excel, Parquet, CDNOW logs). Each file, and
        each sheet of a workbook that holds a table, becomes one ``data:`` entry;
        a study holds one table of each kind, so a second file of the same kind
        is written as a comment.
    output : path, optional
        The study file to write; default ``<project>/params/<name>.yaml``.
    name : str, optional
        The study's name (letters, digits, underscores); default the stem of
        *output*, else the first file's stem made a valid name
        (``bank-additional`` -> ``bank_additional``).
    force : bool, default False
        Overwrite an existing study file.

    Returns
    -------
    Path
        The study file written.

    Raises
    ------
    analysis.errors.ParameterError
        No files, an invalid name, a name that differs from *output*'s stem, or
        an existing file without *force*.
    analysis.errors.InputFileError
        A data file that cannot be read.

    Examples
    --------
    >>> write_starter(["orders.csv"])  # doctest: +SKIP
    PosixPath('.../params/orders.yaml')
    """
    paths = [Path(files)] if isinstance(files, (str, os.PathLike)) else [Path(f) for f in files]
    if not paths:
        raise ParameterError(msg("starter.error.no_files"))
    target, name = _target(paths[0], output, name)
    if target.exists() and not force:
        raise ParameterError(msg("starter.error.exists", path=target))
    profiles = [profile for p in paths for profile in _profiles(p)]
    text = starter_text(profiles, name=name, study_file=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)
    return target


def _target(first: Path, output: Any, name: str | None) -> tuple[Path, str]:
    if output is not None:
        out = Path(output).expanduser()
        if out.suffix.lower() not in (".yaml", ".yml"):
            raise ParameterError(msg("starter.error.output_suffix", output=out))
        if name is not None and name != out.stem:
            raise ParameterError(msg("starter.error.name_output", name=name, output=out,
                                     expected=out.with_name(f"{name}{out.suffix}")))
        _check_name(out.stem)
        return out.resolve(), out.stem
    stem = Path(first.stem).stem if first.suffix.lower() in (".gz", ".bz2", ".xz", ".zip", ".zst") else first.stem
    name = study_name(stem) if name is None else name
    _check_name(name)
    return find_project_root() / "params" / f"{name}.yaml", name


def study_name(stem: str) -> str:
    """A valid study name made from a file stem.

    Examples
    --------
    >>> study_name("bank-additional"), study_name("CDNOW_master"), study_name("2024 survey")
    ('bank_additional', 'cdnow_master', 'study_2024_survey')
    """
    slug = re.sub(r"\W+", "_", stem).strip("_").lower()
    return slug if _NAME.match(slug) else f"study_{slug}".rstrip("_")


def _check_name(name: Any) -> None:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ParameterError(msg("starter.error.name", name=name, suggestion=study_name(str(name))))


def _profiles(path: Path) -> list[FileProfile]:
    """The file's profile; for a workbook, one per sheet that holds a table (else the first sheet's)."""
    first = inspect_file(path)
    if first.format != "excel" or len(first.sheets) == 1:
        return [first]
    profiles = [first]
    for sheet in first.sheets[1:]:
        try:
            profiles.append(inspect_file(path, sheet=sheet))
        except InputFileError:  # an empty sheet, a chart sheet
            continue
    return [p for p in profiles if p.fits] or profiles[:1]


# --------------------------------------------------------------------------- #
# the text
# --------------------------------------------------------------------------- #
def starter_text(profiles: Sequence[FileProfile], *, name: str, study_file: Path) -> str:
    """The starter study for *profiles* (see :func:`write_starter`), as YAML text with comments."""
    files = ", ".join(dict.fromkeys(p.path.name for p in profiles))
    study = name if study_file.parent.name == "params" else str(study_file)  # a name resolves in params/ only
    out = [f"# {line}" for line in msg("starter.header", files=files, study=study).splitlines()]
    out += [f"name: {_q(name)}", f"title: {_q(Path(profiles[0].path).stem)}  # {msg('starter.title_comment')}",
            f"description: {_q(msg('starter.description', files=files))}"]
    roots = _outside_roots([p.path for p in profiles], study_file)
    if roots:
        out.append(f"allowed_roots: {_q([str(r) for r in roots])}  "
                   f"# {msg('starter.allowed_roots', folders=', '.join(map(str, roots)))}")
    out.append("data:")
    used: dict[str, FileProfile] = {}
    profiles = list(profiles) + [c for p in profiles if p.table == "customers" and (c := _by_channel(p)) is not None]
    for profile in profiles:
        if profile.table in used:
            where = profile.sheet if profile.sheet is not None else profile.path.name
            out.append(f"  # {msg('starter.sheet.skipped', sheet=where, table=profile.table)}")
            continue
        used[profile.table] = profile
        out += _table_lines(profile, study_file)
    if any(p.of_kind("money") for p in used.values() if p.table in ("transactions", "customers", "complaints")):
        out.append(f"# currency: USD  # {msg('starter.currency')}")
    out += _notebook_lines(used)
    text = "\n".join(out) + "\n"
    yaml.safe_load(text)  # the starter is always valid YAML
    return text


def _q(value: Any) -> str:
    """*value* as one line of YAML (flow style, quoted where YAML needs it)."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20, sort_keys=False)
    return text.strip().removesuffix("...").strip()


def _line(indent: int, key: str, value: Any = None, comment: str | None = None, *, raw: bool = False) -> str:
    """``key: value  # comment`` at *indent*; *raw* writes a None value as ``null`` (a value to fill in)."""
    head = "  " * indent + _q(key) + ":"
    if raw or value is not None:
        head += f" {_q(value)}"
    return head + (f"  # {comment}" if comment else "")


def _outside_roots(paths: Iterable[Path], study_file: Path) -> list[Path]:
    folder = study_file.parent.resolve()
    project = next((p.parent for p in (folder, *folder.parents) if p.name == "params"), None)
    inside = [folder] + ([project] if project is not None else [])
    roots = [p.resolve().parent for p in paths if not any(p.resolve().is_relative_to(r) for r in inside)]
    return list(dict.fromkeys(roots))


def _data_path(path: Path, study_file: Path) -> str:
    folder = study_file.parent.resolve()
    project = next((p.parent for p in (folder, *folder.parents) if p.name == "params"), folder)
    if path.resolve().is_relative_to(project) or path.resolve().is_relative_to(folder):
        return os.path.relpath(path.resolve(), folder)
    return str(path.resolve())


def _table_lines(p: FileProfile, study_file: Path) -> list[str]:
    lines = [_line(1, p.table, comment=_table_reason(p))]
    if len(p.sheets) > 1:
        others = [s for s in p.sheets if s != p.sheet]
        lines.append(f"    # {msg('starter.sheet.others', sheets=', '.join(others))}")
    lines.append(_line(2, "path", _data_path(p.path, study_file)))
    if p.format == "cdnow":
        lines.append(_line(2, "format", "cdnow", msg("starter.read.cdnow")))
    if p.encoding is not None:
        lines.append(_line(2, "encoding", p.encoding, msg("starter.read.encoding", encoding=p.encoding)))
    if p.sep is not None:
        lines.append(_line(2, "sep", p.sep, msg("starter.read.sep", n=len(p.columns) - 1, sep=p.sep)))
    if p.sheet is not None:
        lines.append(_line(2, "sheet", p.sheet, msg("starter.sheet.this", sheet=p.sheet)))
    coded = [c for c in p.columns if c.missing_codes]
    if coded:
        lines.append(_line(2, "missing_codes", comment=msg("starter.missing_codes")))
        lines += [_line(3, c.name, list(c.missing_codes), _code_evidence(c, p.n_rows)) for c in coded]
    mapping, derive, options = _TABLES[p.table](p)
    if derive:
        lines.append(_line(2, "derive"))
        lines += [_line(3, new, spec, why) for new, (spec, why) in derive.items()]
    if mapping:
        lines.append(_line(2, "columns"))
        lines += [_line(3, canonical, source, why, raw=True) for canonical, (source, why) in mapping.items()]
    if options:
        lines.append(_line(2, "options"))
        lines += [_line(3, key, value, why, raw=True) for key, (value, why) in options.items()]
    return lines


# --------------------------------------------------------------------------- #
# the notebooks: section
# --------------------------------------------------------------------------- #
def _notebook_lines(used: dict[str, FileProfile]) -> list[str]:
    notebooks: dict[str, tuple[Entries, str | None]] = {}
    tx, customers = used.get("transactions"), used.get("customers")
    notebooks["00_data_overview"] = ({}, None)  # it profiles every table
    if tx is not None:
        count_only = not tx.of_kind("money")
        params: Entries = {"features": (["recency_days", "frequency"], msg("starter.nb.count_only"))} if count_only else {}
        notebooks["01_segmentation"] = (params, msg("starter.table.transactions_no_amount") if count_only else None)
        notebooks["02_clv"] = ({}, None)
    elif customers is not None:
        mapped = _customers(customers)[0]
        features = [f for f in ("recency_days", "frequency", "monetary") if f in mapped]
        if len(features) >= 2:
            notebooks["01_segmentation"] = ({"features": (features, msg("starter.nb.features"))}, None)
    if "survey" in used:
        notebooks["03_satisfaction_drivers"] = (_survey_parameters(used["survey"]), None)
    if "channel_outcomes" in used:
        notebooks["04_channel_comparison"] = (_channel_parameters(used["channel_outcomes"]), None)
    elif "paths" in used:
        notebooks["04_channel_comparison"] = ({}, msg("starter.nb.paths"))
    flag = _complaint_flag(customers) if customers is not None and "complaints" not in used else None
    if {"transactions", "complaints", "memberships"} & set(used) or flag is not None:
        notebooks["05_retention_loyalty"] = (_flag_parameters(customers, flag) if flag else {},
                                             msg("starter.nb.retention"))
    if not notebooks:
        return [f"notebooks: {{}}  # {msg('starter.nb.none')}"]
    lines = [_line(0, "notebooks", comment=msg("starter.notebooks"))]
    for notebook, (params, comment) in notebooks.items():
        if not params:
            lines.append(_line(1, notebook, {}, comment))
            continue
        lines.append(_line(1, notebook, comment=comment))
        lines += [_line(2, key, value, why, raw=True) for key, (value, why) in params.items()]
    return lines


def _complaint_flag(p: FileProfile) -> ColumnProfile | None:
    """A customer table's yes/no column that says who complained (iFood's ``Complain``), or None."""
    return next((c for c in p.of_kind("binary") if set(c.words) & COMPLAINT_WORDS), None)


def _flag_parameters(p: FileProfile, flag: ColumnProfile) -> Entries:
    """Notebook 05's complaint comparison on a customer table: the flag and a yes/no outcome to compare."""
    outcomes = [c for c in outcome_columns(p.columns) if c is not flag]
    kept = {"response", "responded", "churn", "churned", "retained", "renewed", "repurchase"}  # before AcceptedCmp3
    outcome = next((c for c in outcomes if set(c.words) & kept), outcomes[0] if outcomes else None)
    return {"complaint_flag": (flag.name, msg("starter.nb.complaint_flag", column=flag.name,
                                              levels="/".join(sorted(flag.levels)))),
            "complaint_outcome": (outcome.name if outcome is not None else None,
                                  msg("starter.nb.complaint_outcome") if outcome is not None
                                  else msg("starter.nb.no_complaint_outcome"))}


def _survey_parameters(p: FileProfile) -> Entries:
    ratings = p.of_kind("rating")
    groups = constructs(ratings)
    outcome_stem, loyalty_stem = _construct(groups, OUTCOME_WORDS), _construct(groups, LOYALTY_WORDS)
    params: Entries = {}
    if outcome_stem is not None:
        params["outcome"] = (composite_name(outcome_stem, p), msg("starter.nb.outcome"))
    else:
        named = [c for c in p.columns if set(c.words) & OUTCOME_WORDS and c.kind in ("rating", "number", "count")]
        numeric = named or [c for c in p.columns if c.kind in ("rating", "number", "count", "money")]
        params["outcome"] = (numeric[0].name if numeric else None, msg("starter.nb.outcome"))
    drivers = [stem for stem in groups if stem not in (outcome_stem, loyalty_stem)]
    servqual = servqual_prefixes(drivers)
    if servqual is not None:
        drivers = [stem for stem in drivers if stem.startswith(servqual[1])]
    if drivers:
        prefix = re.escape(servqual[1]) if servqual else ""
        names = [stem[len(servqual[1]):] for stem in drivers] if servqual else drivers
        pattern = rf"^{prefix}(?P<construct>{'|'.join(map(re.escape, names))})_?\d+$"
        params["item_pattern"] = (pattern, msg("starter.nb.item_pattern", constructs=", ".join(names)))
        params["predictors"] = (None, None)
        scale_of = [c for c in ratings if any(c.name in groups[d] for d in drivers)]
    else:
        outcome = params["outcome"][0]
        scale_of = [c for c in p.columns if c.kind in ("rating", "number", "count", "money") and c.name != outcome]
        params["item_pattern"] = (None, msg("starter.nb.predictors"))
        params["predictors"] = ([c.name for c in scale_of], None)
    if scale_of:
        params["scale"] = (list(rating_scale(scale_of)) if all(c.kind == "rating" for c in scale_of)
                           else _range_scale(scale_of), msg("starter.nb.scale"))
    if servqual is not None:
        params["expectation_prefix"] = (servqual[0], msg("starter.nb.expectations", prefix=servqual[1]))
        params["perception_prefix"] = (servqual[1], None)
    else:
        params["expectation_prefix"] = (None, msg("starter.nb.no_expectations"))
    params.update(_loyalty_parameters(p))
    candidates = [c.name for c in p.of_kind("category", "binary")
                  if 2 <= c.n_distinct <= 8 and c.name != params["loyalty_outcome"][0]]
    params["group"] = (None, msg("starter.nb.group", columns=", ".join(candidates)) if candidates
                       else msg("starter.nb.no_group"))
    outcomes = _pls_outcomes(p, groups, outcome_stem, loyalty_stem, params["outcome"][0])
    if drivers and outcomes:
        scale_of_item = {c.name: scale for scale, cs in scale_groups(ratings).items() for c in cs}
        params["pls_outcomes"] = (outcomes, msg("starter.nb.pls_outcomes"))
        params["pls_outcome_scale"] = ({item: list(scale_of_item[item]) for items in outcomes.values()
                                        for item in items if item in scale_of_item}, msg("starter.nb.pls_outcome_scale"))
        params["pls_paths"] = (None, msg("starter.nb.pls_paths", first=next(iter(outcomes))))
    else:
        params["pls_outcomes"] = (None, msg("starter.nb.no_pls"))
    return params


def _loyalty_parameters(p: FileProfile) -> Entries:
    churn = next((c for c in p.of_kind("binary") if set(c.words) & {"churn", "churned", "lapsed", "lost"}), None)
    kept = next((c for c in p.of_kind("binary") if set(c.words) & {"retained", "renewed", "loyal", "repurchase"}), None)
    if churn is None and kept is None:
        return {"loyalty_outcome": (None, msg("starter.nb.no_loyalty"))}
    column = churn or kept
    return {"loyalty_outcome": (column.name, msg("starter.nb.loyalty", column=column.name,
                                                 levels="/".join(sorted(column.levels)))),
            "loyalty_higher_is_better": (churn is None, msg("starter.nb.loyalty_better" if churn is None
                                                            else "starter.nb.loyalty_churn"))}


def _pls_outcomes(p: FileProfile, groups: dict[str, list[str]], outcome_stem: str | None,
                  loyalty_stem: str | None, outcome: str | None) -> dict[str, list[str]]:
    """Outcome constructs of the structural model, in causal order: satisfaction, then loyalty."""
    grouped = {item for items in groups.values() for item in items}
    singles = [c.name for c in p.of_kind("rating") if c.name not in grouped and set(c.words) & LOYALTY_WORDS]
    found = {}
    if outcome_stem is not None:
        found[outcome_stem] = groups[outcome_stem]
    elif outcome is not None and outcome in {c.name for c in p.of_kind("rating")}:
        found["satisfaction"] = [outcome]
    if loyalty_stem is not None:
        found[loyalty_stem] = groups[loyalty_stem]
    elif singles:
        found["loyalty"] = singles
    return found


def _range_scale(columns: list[ColumnProfile]) -> list[float]:
    low, high = min(c.low for c in columns), max(c.high for c in columns)
    lo = 0 if low >= 0 else int(low // 1)
    hi = next((top for top in (1, 5, 7, 10, 100, 1000) if high <= top), int(-(-high // 1)))
    return [lo, hi]


def _channel_parameters(p: FileProfile) -> Entries:
    channel = channel_candidates(p.columns)[0]
    outcomes = outcome_columns(p.columns)
    spend = _spend(p)
    taken = {channel.name, *(c.name for c in outcomes), *([spend.name] if spend is not None else [])}
    eligible = [c.name for c in p.columns if c.name not in taken and not c.missing_codes and c.n_missing == 0
                and (c.kind in ("count", "number", "money", "binary") or (c.kind == "category" and c.n_distinct <= 12))]
    control = next((level for level in channel.levels if CONTROL.match(level.strip())), None)
    return {
        "channel_column": (channel.name, msg("starter.option.channel_column", k=channel.n_distinct,
                                             levels=", ".join(channel.levels))),
        "binary_outcomes": ([c.name for c in outcomes], msg("starter.nb.binary_outcomes")),
        "spend_outcome": (spend.name if spend is not None else None,
                          msg("starter.nb.spend") if spend is not None else msg("starter.nb.no_spend")),
        "covariates": (eligible[:4], msg("starter.nb.covariates", others=", ".join(eligible[4:]) or "-")),
        "control_arm": (control, msg("starter.nb.control") if control is not None else msg("starter.nb.no_control")),
        "cost_column": (None, msg("starter.nb.no_cost")),
        "heterogeneity_by": (None, msg("starter.nb.no_heterogeneity")),
    }
