"""A cheap guard for analyses that receive a transactions DataFrame directly.

Validation proper happens once, at the door (:func:`validate_transactions`); an
analysis function called from user code still checks that what it got has the
canonical columns and types, so a forgotten validation gives a message that says
what to do instead of a traceback from deep inside pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.errors import DataValidationError
from analysis.schemas.problems import _fmt_rows

_REQUIRED = ("customer_id", "date")


def check_transactions_frame(transactions: pd.DataFrame, *, purpose: str = "analysing") -> None:
    """Raise DataValidationError unless the canonical transaction columns are usable.

    Parameters
    ----------
    transactions : DataFrame
        Should hold ``customer_id`` and ``date`` (datetime64) and, unless it is a
        count-only log, numeric ``amount``, with no missing values.
    purpose : str
        Named in the message ("drop or fill those rows before <purpose>").

    Examples
    --------
    >>> import pandas as pd
    >>> check_transactions_frame(pd.DataFrame({"customer_id": ["a"], "date": ["2024-01-01"],
    ...                                        "amount": [1.0]}))
    Traceback (most recent call last):
    ...
    analysis.errors.DataValidationError: Column 'date' of the transactions table must hold dates (datetime64), not ...
    """
    if not isinstance(transactions, pd.DataFrame):
        raise DataValidationError(
            f"transactions must be a pandas DataFrame, not {type(transactions).__name__}."
        )
    missing = [c for c in _REQUIRED if c not in transactions.columns]
    if missing:
        raise DataValidationError(
            f"The transactions table lacks column(s) {missing}; it has "
            f"{list(transactions.columns)}. Validate it with "
            "analysis.schemas.validate_transactions or map your columns in the study YAML."
        )
    if not pd.api.types.is_datetime64_any_dtype(transactions["date"]):
        raise DataValidationError(
            "Column 'date' of the transactions table must hold dates (datetime64), not "
            f"{transactions['date'].dtype}; validate it with analysis.schemas.validate_transactions."
        )
    checked = list(_REQUIRED)
    if "amount" in transactions.columns:
        if not pd.api.types.is_numeric_dtype(transactions["amount"]):
            raise DataValidationError(
                f"Column 'amount' of the transactions table must be numeric, not {transactions['amount'].dtype}."
            )
        checked.append("amount")
    for column in checked:
        bad = transactions[column].isna().to_numpy()
        if bad.any():
            raise DataValidationError(
                f"Column {column!r} of the transactions table has {int(bad.sum())} missing "
                f"value(s) ({_fmt_rows(list(np.flatnonzero(bad) + 1), None)}, counting data rows "
                f"from 1); drop or fill those rows before {purpose} "
                "(analysis.schemas.validate_transactions reports them all)."
            )
