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
    COMPLAINT_WORDS,
    MEMBERSHIP_WORDS,
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
CATEGORY_WORDS = {"category", "categories", "product", "service", "type", "department", "line", "品类", "类别"}
REFERRAL_WORDS = {"referred", "referrer", "referral", "referee", "推荐"}
RESOLVED_WORDS = {"resolved", "closed", "close", "solved", "end", "ended", "解决"}
END_WORDS = {"end", "to", "until", "left", "exit", "cancel", "cancelled", "canceled", "expiry", "expired", "ended"}


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
    if p.table in ("complaints", "memberships") and ident is not None and p.date_column is not None:
        words = COMPLAINT_WORDS if p.table == "complaints" else MEMBERSHIP_WORDS
        ident = _complaint_ids(p)[0] or ident if p.table == "complaints" else ident
        named = [c.name for c in p.columns if set(c.words) & words and c.kind != "binary"] or [p.path.name]
        return msg(f"starter.table.{p.table}", id=ident.name, date=p.date_column.name, evidence=", ".join(named))
    return msg("starter.table.customers", id=ident.name if ident else "?", rows=f"{p.n_rows:,}")


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%"


def _code_evidence(c: ColumnProfile, n_rows: int) -> str:
    codes = ", ".join(str(v) for v in c.missing_codes)
    if c.low is not None and c.high is not None:
        return msg("starter.missing_code.number", codes=codes, n=f"{c.code_rows:,}", rows=f"{n_rows:,}",
                   lo=f"{c.low:g}", hi=f"{c.high:g}")
    return msg("starter.missing_code.text", codes=codes, n=f"{c.code_rows:,}", rows=f"{n_rows:,}")


def _id_entry(p: FileProfile, unit: str, ident: ColumnProfile | None = None) -> tuple[str | None, str]:
    """The id column's mapping and evidence (*ident*, else the file's first id column)."""
    ident = ident or p.id_column
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
    category = _named(p.of_kind("category"), CATEGORY_WORDS)
    if category is not None:
        mapping["category"] = (category.name, _levels(category))
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
    referrer = next((c for c in p.columns if set(c.words) & REFERRAL_WORDS and c.kind not in ("date", "binary")), None)
    if referrer is not None:
        mapping["referred_by"] = (referrer.name, msg("starter.map.referred_by", n=f"{p.n_rows - referrer.n_missing:,}",
                                                     rows=f"{p.n_rows:,}"))
    return mapping, derive, _date_options(p.date_column)


def _complaint_ids(p: FileProfile) -> tuple[ColumnProfile | None, ColumnProfile | None]:
    """(the customer's id, the complaint's own id) among the id columns of a complaints log."""
    ids = p.of_kind("id")
    ticket = next((c for c in ids if set(c.words) & COMPLAINT_WORDS), None)
    if ticket is None and len(ids) > 1 and ids[0].n_distinct == p.n_rows:
        ticket = ids[0]
    return next((c for c in ids if c is not ticket), None), ticket


def _complaints(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    customer, ticket = _complaint_ids(p)
    mapping: Entries = {"customer_id": _id_entry(p, "customer", customer)}
    if ticket is not None:
        mapping["complaint_id"] = (ticket.name, msg("starter.map.id_unique", n=f"{ticket.n_distinct:,}"))
    dates = p.of_kind("date")
    resolved = _named(dates[1:], RESOLVED_WORDS)
    date = next(c for c in dates if c is not resolved)
    mapping["date"] = (date.name, msg("starter.map.date", example=date.example))
    if resolved is not None:
        mapping["resolved_date"] = (resolved.name, msg("starter.map.resolved_date", example=resolved.example))
    texts = p.of_kind("category")
    for canonical, words in (("resolution", {"resolution", "outcome", "result", "status", "recovery"}),
                             ("channel", {"channel", "source", "via", "medium"}), ("category", CATEGORY_WORDS
                                                                                  | {"reason", "cause", "topic"})):
        found = _named([c for c in texts if c.name not in {v[0] for v in mapping.values()}], words)
        if found is not None:
            mapping[canonical] = (found.name, _levels(found))
    numbers = p.of_kind("money", "number", "count", "rating")
    compensation = _named(numbers, {"compensation", "refund", "credit", "voucher", "goodwill", "amount"})
    if compensation is not None:
        mapping["compensation"] = (compensation.name, _money(compensation))
    after = _named([c for c in numbers if c is not compensation], OUTCOME_WORDS)
    if after is not None:
        mapping["satisfaction_after"] = (after.name, _range(after))
    return mapping, {}, _date_options(date)


def _memberships(p: FileProfile) -> tuple[Entries, Entries, Entries]:
    mapping: Entries = {"customer_id": _id_entry(p, "member")}
    dates = p.of_kind("date")
    end = _named(dates[1:], END_WORDS)
    start = next(c for c in dates if c is not end)
    mapping["start_date"] = (start.name, msg("starter.map.start_date", example=start.example))
    if end is not None:
        mapping["end_date"] = (end.name, msg("starter.map.end_date", example=end.example))
    tier = _named(p.of_kind("category"), {"tier", "tiers", "level", "grade", "status", "等级"})
    if tier is not None:
        mapping["tier"] = (tier.name, _levels(tier))
    numbers = p.of_kind("count", "number", "money", "rating")
    redeemed = {"redeemed", "redeem", "used", "burned"}
    for canonical, words in (("points_earned", {"earned", "earn", "accrued", "collected", "points", "积分"}),
                             ("points_redeemed", redeemed), ("discounts", {"discount", "discounts", "rebate"})):
        found = _named([c for c in numbers if c.name not in {v[0] for v in mapping.values()}
                        and not (canonical == "points_earned" and set(c.words) & redeemed)], words)
        if found is not None:
            mapping[canonical] = (found.name, _money(found) if canonical == "discounts" else _range(found))
    return mapping, {}, _date_options(start)


def _named(columns: list[ColumnProfile], words: set[str]) -> ColumnProfile | None:
    """The first of *columns* whose name holds one of *words*."""
    return next((c for c in columns if set(c.words) & words or any(w in c.name for w in words if not w.isascii())),
                None)


def _levels(c: ColumnProfile) -> str:
    return msg("starter.map.levels", k=c.n_distinct, levels=", ".join(c.levels[:6]))


def _range(c: ColumnProfile) -> str:
    return msg("starter.map.range", lo=f"{c.low:g}", hi=f"{c.high:g}")


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
           "channel_outcomes": _channel_outcomes, "paths": _paths, "complaints": _complaints,
           "memberships": _memberships}


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
