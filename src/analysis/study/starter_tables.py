"""`analysis init`: one table's entry of the starter study (mapping, derived columns, options) and its reason.

:mod:`analysis.study.starter` writes the starter study; this module says, for one
profiled file (:class:`~analysis.study.inspect.FileProfile`), which canonical
columns its columns map onto, what to derive and which table options to set,
each with the evidence as a comment.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from analysis.messages import msg
from analysis.study.inspect import (
    ColumnProfile,
    FileProfile,
    channel_candidates,
    constructs,
    frequency_columns,
    monetary_columns,
    name_words,
    outcome_columns,
    purchase_channels,
    rating_scale,
    scale_groups,
)

OUTCOME_WORDS = {"sat", "satisfaction", "cusa", "overall", "osat", "csat"}
SPEND_WORDS = {"spend", "spent", "revenue", "sales", "amount", "value", "purchase"}
PREFERRED = "preferred_channel"


def _table_reason(p: FileProfile) -> str:
    ident = p.id_column
    if not p.fits:
        return msg("starter.table.fallback", rows=f"{p.n_rows:,}", table=p.table)
    if p.table == "paths":
        path = p.of_kind("path")[0]
        return msg("starter.table.paths", column=path.name, separator=path.separator, share=_pct(path.share or 0),
                   rows=f"{p.n_rows:,}")
    if p.table == "transactions" and ident is not None and p.date_column is not None:
        return msg("starter.table.transactions", id=ident.name, n_ids=f"{ident.n_distinct:,}",
                   rows=f"{p.n_rows:,}", date=p.date_column.name)
    if p.table == "survey" and not p.of_kind("rating"):
        numeric = p.of_kind("number", "count")
        return msg("starter.table.survey_numeric", n=len(numeric), id=ident.name if ident else "?")
    if p.table == "survey":
        lo, hi = rating_scale(p.of_kind("rating"))
        return msg("starter.table.survey", n=len(p.of_kind("rating")), scale=f"{lo:g}-{hi:g}")
    if p.table == "channel_outcomes":
        channel = channel_candidates(p.columns)[0]
        return msg("starter.table.channel_outcomes", channel=channel.name, k=channel.n_distinct,
                   outcomes=", ".join(c.name for c in outcome_columns(p.columns)))
    return msg("starter.table.customers", id=ident.name if ident else "?", rows=f"{p.n_rows:,}")


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%"


def _code_evidence(c: ColumnProfile, n_rows: int) -> str:
    codes = ", ".join(str(v) for v in c.missing_codes)
    if c.low is not None and c.high is not None:
        return msg("starter.missing_code.number", codes=codes, n=f"{c.code_rows:,}", rows=f"{n_rows:,}",
                   lo=f"{c.low:g}", hi=f"{c.high:g}")
    return msg("starter.missing_code.text", codes=codes, n=f"{c.code_rows:,}", rows=f"{n_rows:,}")


def _id_entry(p: FileProfile, unit: str) -> tuple[str | None, str]:
    ident = p.id_column
    if ident is None:
        return None, msg("starter.map.todo_id", unit=unit)
    if ident.name.lower().startswith("unnamed") or ident.name == "":
        return ident.name, msg("starter.map.row_number", rows=f"{p.n_rows:,}")
    if ident.n_distinct == p.n_rows:
        return ident.name, msg("starter.map.id_unique", n=f"{ident.n_distinct:,}")
    return ident.name, msg("starter.map.id_repeated", n=f"{ident.n_distinct:,}", rows=f"{p.n_rows:,}")


def _money(c: ColumnProfile) -> str:
    return msg("starter.map.money", example=c.example)


def _count(c: ColumnProfile) -> str:
    return msg("starter.map.count", lo=f"{c.low:g}", hi=f"{c.high:g}")


# --------------------------------------------------------------------------- #
# one table's mapping, derived columns and options
# --------------------------------------------------------------------------- #
Entries = dict[str, tuple[Any, str]]


def _transactions(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    mapping: Entries = {"customer_id": _id_entry(p, "customer")}
    date = p.date_column
    mapping["date"] = (date.name, msg("starter.map.date", example=date.example))
    money = _best(p.of_kind("money"), SPEND_WORDS)
    options = _date_options(date)
    if money is not None:
        mapping["amount"] = (money.name, _money(money))
        if money.negative:
            options["drop_invalid_amounts"] = (True, msg("starter.option.negative", n=f"{money.negative:,}",
                                                         column=money.name, low=f"{money.low:g}"))
    quantity = next((c for c in p.of_kind("count") if set(c.words) & {"quantity", "qty", "number", "units"}), None)
    if quantity is not None:
        mapping["quantity"] = (quantity.name, _count(quantity))
    return mapping, {}, options


def _date_options(date: ColumnProfile | None) -> Entries:
    """``date_format`` when the order of day and month shows in the data, or a TODO when it cannot."""
    if date is None or date.date_order is None:
        return {}
    if date.date_order == "unknown":
        return {"date_format": (None, msg("starter.option.date_unknown", column=date.name, example=date.example))}
    return {"date_format": (date.date_order, msg("starter.option.date_format", column=date.name,
                                                 example=date.example))}


def _customers(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    mapping: Entries = {"customer_id": _id_entry(p, "customer")}
    derive: Entries = {}
    if p.date_column is not None:
        mapping["acquisition_date"] = (p.date_column.name,
                                       msg("starter.map.acquisition_date", example=p.date_column.example))
    counts = p.of_kind("count")
    recency = next((c for c in counts if "recency" in c.words), None)
    if recency is not None:
        mapping["recency_days"] = (recency.name, msg("starter.map.recency", lo=f"{recency.low:g}", hi=f"{recency.high:g}"))
    for canonical, found in (("frequency", frequency_columns(counts)), ("monetary", monetary_columns(p))):
        if len(found) == 1:
            mapping[canonical] = (found[0].name, _count(found[0]) if canonical == "frequency" else _money(found[0]))
        elif found and canonical not in {c.name for c in p.columns}:
            names = [c.name for c in found]
            derive[canonical] = ({"sum": names}, msg("starter.derive.sum", n=len(names), columns=", ".join(names)))
            mapping[canonical] = (canonical, msg("starter.table.customers_rfm"))
    return mapping, derive, _date_options(p.date_column)


def _survey(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    options: Entries = {}
    derive: Entries = {}
    mapping: Entries = {}
    if p.id_column is None:  # a survey exported without ids: its rows are its respondents
        derive["respondent_id"] = ({"expr": "row_number()"}, msg("starter.derive.row_number", rows=f"{p.n_rows:,}"))
    else:
        mapping["respondent_id"] = _id_entry(p, "respondent")
    scales = scale_groups(p.of_kind("rating"))
    for (key, scale_key), ((lo, hi), columns) in zip((("rating_columns", "scale"),
                                                      ("outcome_columns", "outcome_scale")), scales.items()):
        low, high = min(c.low for c in columns), max(c.high for c in columns)
        options[key] = ([c.name for c in columns], msg("starter.option.rating", n=len(columns), lo=f"{low:g}",
                                                        hi=f"{high:g}"))
        options[scale_key] = ([lo, hi], msg("starter.option.scale", lo=lo, hi=hi))
    groups = constructs(p.of_kind("rating"))
    outcome = _construct(groups, OUTCOME_WORDS)
    if outcome is not None:
        items = groups[outcome]
        derive[composite_name(outcome, p)] = ({"mean": items}, msg("starter.derive.mean", n=len(items),
                                                                    construct=outcome))
    return mapping, derive, options


def _channel_outcomes(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    channel = channel_candidates(p.columns)[0]
    outcomes = outcome_columns(p.columns)
    options: Entries = {"channel_column": (channel.name, msg("starter.option.channel_column", k=channel.n_distinct,
                                                              levels=", ".join(channel.levels)))}
    options["binary_columns"] = ([c.name for c in outcomes], msg(
        "starter.option.binary", detail="; ".join(f"{c.name}: {'/'.join(sorted(c.levels))}" for c in outcomes)))
    spend = _spend(p)
    if spend is not None:
        options["continuous_columns"] = ([spend.name], msg("starter.option.continuous",
                                                           detail=f"{spend.name}: {spend.low:g} to {spend.high:g}"))
    derive: Entries = {}
    if channel.derived:
        labels = purchase_channels(p)
        derive[PREFERRED] = ({"largest": labels}, msg("starter.derive.largest", columns=", ".join(labels)))
    return {}, derive, options


def _paths(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    path = p.of_kind("path")[0]
    mapping: Entries = {"path": (path.name, msg("starter.map.path", separator=path.separator, example=path.example))}
    counts = p.of_kind("count", "number")
    conversions = next((c for c in counts if {"conversions", "conversion", "conv", "converted"} & set(c.words)
                        and "null" not in c.words), None)
    nulls = next((c for c in counts if {"null", "nulls", "non"} & set(c.words)), None)
    value = _best(p.of_kind("money"), {"value", "revenue"})
    for canonical, column in (("conversions", conversions), ("value", value), ("nulls", nulls)):
        if column is not None:
            mapping[canonical] = (column.name, _money(column) if canonical == "value" else _count(column))
    if conversions is None:
        mapping["conversions"] = (None, msg("starter.map.todo_id", unit="journey's conversions"))
    options: Entries = {"separator": (path.separator, msg("starter.option.separator", share=_pct(path.share or 0)))}
    return mapping, {}, options


_TABLES = {"transactions": _transactions, "customers": _customers, "survey": _survey,
           "channel_outcomes": _channel_outcomes, "paths": _paths}


def _best(columns: list[ColumnProfile], words: set[str]) -> ColumnProfile | None:
    hinted = [c for c in columns if set(c.words) & words]
    return (hinted or columns or [None])[0]


def _spend(p: FileProfile) -> ColumnProfile | None:
    return next((c for c in p.of_kind("money", "number") if set(c.words) & SPEND_WORDS and c.n_missing == 0
                 and c.n_distinct > 1), None)


def _by_channel(p: FileProfile) -> FileProfile | None:
    """A channel_outcomes view of a customer table that counts purchases per channel and has yes/no outcomes."""
    labels = purchase_channels(p)
    if not labels or not outcome_columns(p.columns) or any(c.name == PREFERRED for c in p.columns):
        return None
    preferred = ColumnProfile(PREFERRED, "category", len(labels), 0, levels=tuple(labels.values()), derived=True)
    return replace(p, table="channel_outcomes", columns=(*p.columns, preferred), sheets=())


def _construct(groups: dict[str, list[str]], words: set[str]) -> str | None:
    return next((stem for stem in groups if set(name_words(stem)) & words or stem.lower() in words), None)


def composite_name(stem: str, p: FileProfile) -> str:
    """The name of a construct's composite score: ``satisfaction`` for ``sat``, else ``<stem>_score``."""
    name = "satisfaction" if set(name_words(stem)) & OUTCOME_WORDS else f"{stem.lower()}_score"
    return name if name not in {c.name for c in p.columns} else f"{name}_mean"
