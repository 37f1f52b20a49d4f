"""The Markdown paragraph every notebook shows about a study's declared data preparation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from analysis.messages import escape_markdown, msg
from analysis.prepare.spec import Derivation, Preparation

__all__ = ["preparation_note"]


def preparation_note(preparations: Mapping[str, Preparation], cleaning: Mapping[str, str] | None = None,
                     cleaning_given: Iterable[str] = (), *, language: str | None = None) -> str:
    """What a study declares about its data (codes, derived columns, filters, cleaning), as Markdown.

    Parameters
    ----------
    preparations : mapping
        Table name -> its :class:`~analysis.prepare.Preparation`.
    cleaning : mapping, optional
        The study's cleaning policy (``{"duplicates": "drop", ...}``).
    cleaning_given : iterable of str
        The cleaning keys the study sets itself (only these are a declaration).
    language : str, optional
        Catalog language.

    Returns
    -------
    str
        A heading line and one bullet per declaration; ``""`` when nothing is declared.
        Every name the study wrote is escaped, so it shows as written.

    Examples
    --------
    >>> from analysis.prepare import parse_preparation
    >>> prep = parse_preparation({"missing_codes": ["unknown"]}, where="s", key="data.survey", header=["a"])
    >>> print(preparation_note({"survey": prep}))
    **Data preparation declared by the study** (applied once, before every analysis):
    <BLANKLINE>
    - survey: the codes unknown count as missing in every column.
    """
    def m(key: str, **fields) -> str:
        return msg(f"prepare.note.{key}", language=language, **fields)

    lines = []
    for table, prep in preparations.items():
        name = escape_markdown(table)
        for column, codes in prep.missing_codes.items():
            text = escape_markdown(", ".join(str(c) for c in codes))
            lines.append(m("codes_all", table=name, codes=text) if column is None
                         else m("codes_column", table=name, column=escape_markdown(column), codes=text))
        lines.extend(_derived(name, d, m) for d in prep.derive)
        if prep.filter is not None:
            lines.append(m("filter", table=name, expression=escape_markdown(prep.filter.text)))
    for key in cleaning_given:
        lines.append(m(f"cleaning.{key}.{(cleaning or {})[key]}"))
    if not lines:
        return ""
    return "\n".join([m("heading"), "", *(f"- {line}" for line in lines)])


def _derived(table: str, derivation: Derivation, m) -> str:
    name = escape_markdown(derivation.name)
    columns = escape_markdown(", ".join(derivation.sources))
    kind = derivation.kind
    if kind == "expr":
        return m("expr", table=table, name=name, expression=escape_markdown(derivation.expression.text))
    if kind in ("mean", "sum", "min", "max"):
        n, given = derivation.settings["min_items"], len(derivation.sources)
        return m("rowwise_all" if n == given else "rowwise_some", table=table, name=name,
                 kind=m(f"kind.{kind}"), columns=columns, n=n)
    if kind == "recode":
        return m("recode", table=table, name=name, columns=columns)
    if kind == "bins":
        edges = escape_markdown(", ".join(format(e, "g") for e in derivation.settings["edges"]))
        return m("bins", table=table, name=name, columns=columns, edges=edges)
    return m("largest", table=table, name=name, columns=columns)
