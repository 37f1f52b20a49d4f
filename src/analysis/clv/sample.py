"""Which customers each model learns from, and who is left out of a fit and why.

Two kinds of customers carry no information for a fit, and the models refuse them
rather than guess:

``first_purchase_at_end``
    ``T = 0``: the first purchase is on the last day of the (calibration or
    observation) period. The likelihood of a customer with no repeat purchase
    and age 0 is 1 whatever the parameters (BG/NBD: ``(alpha / (alpha + T))^r``;
    Pareto/NBD and MBG/NBD likewise), so leaving her out changes no estimate. She
    is still valued: the models' predictions accept ``T = 0`` and give a newcomer
    the expectation of a customer just acquired.
``zero_repeat_spend``
    Repeat purchases worth 0 in total (``frequency > 0``, ``monetary_value = 0``):
    the Gamma-Gamma density of a mean spend of 0 is undefined. She is valued with
    the population mean spend, like a customer without repeat purchases.

:func:`fitting_sample` returns the rows a model can be fitted on; :func:`exclusions`
counts the rows left out, by reason, for the page to state.
"""

from __future__ import annotations

import pandas as pd

from analysis.checks import Options, validate_params
from analysis.errors import DataValidationError

__all__ = ["EXCLUSION_REASONS", "fitting_sample", "exclusions"]

#: reason -> the model whose fit leaves such customers out
EXCLUSION_REASONS = {"first_purchase_at_end": "transactions", "zero_repeat_spend": "spend"}


def _masks(summary: pd.DataFrame, required=("frequency", "T")) -> dict[str, pd.Series]:
    """Who each reason leaves out; ``zero_repeat_spend`` only for a summary with amounts (``monetary_value``)."""
    missing = [c for c in required if c not in summary.columns]
    if missing:
        raise DataValidationError(
            f"The summary lacks column(s) {missing}; it has {list(summary.columns)}. Build it with "
            "analysis.summary.customer_summary or calibration_holdout_summary."
        )
    masks = {"first_purchase_at_end": summary["T"] == 0}
    if "monetary_value" in summary.columns:
        masks["zero_repeat_spend"] = (summary["frequency"] > 0) & (summary["monetary_value"] <= 0)
    return masks


@validate_params({"summary": ["frame"], "model": [Options(("transactions", "spend"))]})
def fitting_sample(summary: pd.DataFrame, model: str = "transactions") -> pd.DataFrame:
    """The rows of *summary* a model can be fitted on.

    Parameters
    ----------
    summary : DataFrame
        Customer summary (``frequency``, ``recency``, ``T``, ``monetary_value``).
    model : {"transactions", "spend"}
        ``"transactions"`` (BG/NBD, MBG/NBD, Pareto/NBD): customers with ``T > 0``.
        ``"spend"`` (Gamma-Gamma): repeat customers (``frequency > 0``) whose repeat
        purchases are worth more than 0.

    Returns
    -------
    DataFrame
        The selected rows, in their order.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 2, 1], "recency": [0.0, 5.0, 3.0], "T": [0.0, 9.0, 8.0],
    ...                   "monetary_value": [0.0, 12.0, 0.0]}, index=["new", "a", "b"])
    >>> fitting_sample(s).index.tolist(), fitting_sample(s, "spend").index.tolist()
    (['a', 'b'], ['a'])
    """
    if model == "transactions":
        return summary[~_masks(summary)["first_purchase_at_end"]]
    masks = _masks(summary, ("frequency", "T", "monetary_value"))
    return summary[(summary["frequency"] > 0) & ~masks["zero_repeat_spend"]]


@validate_params({"summary": ["frame"]})
def exclusions(summary: pd.DataFrame) -> pd.DataFrame:
    """How many customers each fit leaves out, by reason (every reason, also when none is left out).

    Parameters
    ----------
    summary : DataFrame
        Customer summary (``frequency``, ``T`` and, for a log with amounts, ``monetary_value``).

    Returns
    -------
    DataFrame
        Indexed by ``reason`` (the keys of :data:`EXCLUSION_REASONS`; ``zero_repeat_spend`` only when
        the summary has ``monetary_value``: a log without amounts has no spend model to leave anyone out of): ``model``
        (``"transactions"`` or ``"spend"``, the fit that leaves them out), ``customers``
        (int) and ``customers_in_summary`` (int, all rows).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 2, 1], "T": [0.0, 9.0, 8.0], "monetary_value": [0.0, 12.0, 0.0]})
    >>> exclusions(s)["customers"].tolist()
    [1, 1]
    """
    masks = _masks(summary)
    out = pd.DataFrame(
        {
            "model": [EXCLUSION_REASONS[r] for r in masks],
            "customers": [int(masks[r].sum()) for r in masks],
            "customers_in_summary": len(summary),
        },
        index=pd.Index(list(masks), name="reason"),
    )
    return out
