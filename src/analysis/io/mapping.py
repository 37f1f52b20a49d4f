"""Renaming a user's columns onto the canonical names: :func:`apply_column_mapping`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.errors import StudyConfigError


def apply_column_mapping(df: pd.DataFrame, mapping: Mapping[str, Any], *, table: str | None = None) -> pd.DataFrame:
    """Rename a user's columns to canonical names.

    Parameters
    ----------
    df : pandas.DataFrame
        The raw table.
    mapping : dict
        ``{canonical name: source column name}``, for example
        ``{"customer_id": "CustID", "date": "OrderDate"}``. Columns not mentioned
        are kept as they are.
    table : str, optional
        The canonical table the mapping is for; used in messages.

    Returns
    -------
    pandas.DataFrame
        A new frame with the source columns renamed (the input is not modified).

    Raises
    ------
    analysis.errors.StudyConfigError
        A source column that does not exist (the message lists the columns present
        and the closest name), two canonical names mapped to one source column, or
        a rename that would create two columns of one name.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"CustID": ["a"], "Value": [3.0]})
    >>> apply_column_mapping(raw, {"customer_id": "CustID", "amount": "Value"}).columns.tolist()
    ['customer_id', 'amount']
    """
    where = f"the column mapping of the {table} table" if table else "the column mapping"
    if not isinstance(mapping, Mapping):
        raise StudyConfigError(f"{where} must be a mapping {{canonical name: your column name}}; got {mapping!r}.")
    columns = list(df.columns)
    by_str = {str(c): c for c in columns}
    renames: dict[Any, str] = {}
    problems = []
    for canonical, source in mapping.items():
        if not isinstance(canonical, str):
            problems.append(f"canonical name {canonical!r} must be text")
            continue
        if source in columns:
            actual = source
        elif str(source) in by_str:
            actual = by_str[str(source)]
        else:
            from analysis.schemas import missing_column_text

            problems.append(f"{canonical}: column {str(source)!r} does not exist in the data. "
                            + missing_column_text(str(source), columns))
            continue
        if actual in renames:
            problems.append(f"{canonical}: column {str(source)!r} is already mapped to {renames[actual]!r}; "
                            "each of your columns can feed one canonical name")
            continue
        renames[actual] = canonical
    if not problems:
        result_names = [renames.get(c, c) for c in columns]
        for canonical in set(renames.values()):
            if result_names.count(canonical) > 1:
                clash = [c for c in columns if c == canonical and c not in renames]
                problems.append(
                    f"{canonical}: renaming {[str(k) for k, v in renames.items() if v == canonical][0]!r} to "
                    f"{canonical!r} would give two columns of that name, since the data already has "
                    f"{str(clash[0]) if clash else canonical!r}; drop or rename that column first")
    if problems:
        raise StudyConfigError(f"Problems in {where}:\n  - " + "\n  - ".join(problems))
    return df.rename(columns=renames)
