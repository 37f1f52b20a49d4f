"""analysis.clv.sample: who each fit leaves out and why (issue 13, cases 7 and 9).

Case 7: a customer whose first purchase is on the last day of the period has T = 0, and the
fit used to refuse the whole summary, so notebook 02 crashed on any log whose last day holds
a new customer. Such a customer's likelihood is 1 whatever the parameters (no information),
so she is left out of the fit, counted, and still valued: a prediction at T = 0 is the
expectation of a customer just acquired, which the models compute independently
(``expected_purchases``, the unconditional E[X(t)]).

Case 9: a repeat customer whose repeat purchases are worth 0 (one in CDNOW master) made
GammaGamma.fit refuse the summary and the notebook silently dropped her; now the exclusion
is counted (``exclusions``) and the message names the way out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis import clv
from analysis.errors import DataValidationError, ParameterError
from analysis.summary import customer_summary

PARAMS = {
    clv.BetaGeo: {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
    clv.ModifiedBetaGeo: {"r": 0.5, "alpha": 6.0, "a": 0.8, "b": 1.2},
    clv.ParetoNBD: {"r": 0.55, "alpha": 10.58, "s": 0.61, "beta": 11.67},
}


@pytest.fixture(scope="module")
def log_with_newcomer() -> pd.DataFrame:
    """A simulated firm's log plus one customer whose only purchase is on its last day."""
    sim = clv.BetaGeo.from_params(PARAMS[clv.BetaGeo]).simulate(300, 30.0, seed=3)
    rng = np.random.default_rng(3)
    start = pd.Timestamp("2024-01-01")
    rows = []
    for i, (x, tx, T) in enumerate(sim[["frequency", "recency", "T"]].itertuples(index=False)):
        first, mean = start, rng.gamma(3.0, 5.0)  # spend per purchase varies within and between customers
        rows.append((f"c{i:03d}", first, rng.gamma(4.0, mean / 4)))
        repeat_days = np.sort(rng.choice(np.arange(1, int(tx * 7) + 1), size=int(x), replace=False)) if x else []
        rows += [(f"c{i:03d}", first + pd.Timedelta(days=int(d)), rng.gamma(4.0, mean / 4)) for d in repeat_days]
    tx_log = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    last = tx_log["date"].max()
    return pd.concat([tx_log, pd.DataFrame({"customer_id": ["new"], "date": [last], "amount": [12.0]})],
                     ignore_index=True)


def test_a_newcomer_on_the_last_day_is_left_out_of_the_fit_and_still_valued(log_with_newcomer):
    summary = customer_summary(log_with_newcomer, time_unit="W")
    assert summary.loc["new", "T"] == 0
    with pytest.raises(DataValidationError, match=r"1 row\(s\) have 'T' = 0 .*analysis.clv.fitting_sample"):
        clv.BetaGeo().fit(summary)  # refused with the way out (before: "Column 'T' (T): 1 row(s) not > 0")
    sample = clv.fitting_sample(summary)
    assert "new" not in sample.index and len(sample) == len(summary) - 1
    assert clv.exclusions(summary).loc["first_purchase_at_end", "customers"] == 1
    model = clv.BetaGeo().fit(sample)
    spend = clv.GammaGamma().fit(clv.fitting_sample(summary, "spend"))
    value = clv.customer_lifetime_value(model, summary, spend_model=spend, horizon=52)
    assert value.index.equals(summary.index) and np.isfinite(value.to_numpy()).all()
    # the newcomer's forecast is the unconditional expectation of a customer just acquired (another formula)
    assert value.loc["new", "expected_purchases"] == pytest.approx(float(model.expected_purchases(52.0)), rel=1e-9)


@pytest.mark.parametrize("cls", list(PARAMS))
def test_predictions_at_T_zero_are_a_new_customers_and_the_limit_of_small_T(cls):
    """At T = 0 (x = 0) P(alive) and E[Y(t)] equal the prior ones: the unconditional E[X(t)], and the
    limit T -> 0 (1e-9 weeks; tolerance 1e-6 relative, the size of the step)."""
    m = cls.from_params(PARAMS[cls])
    at_zero = pd.DataFrame({"frequency": [0], "recency": [0.0], "T": [0.0]})
    near = at_zero.assign(T=1e-9)
    for t in (1.0, 13.0, 52.0):
        got = float(m.predict_purchases(t, at_zero).iloc[0])
        assert got == pytest.approx(float(m.expected_purchases(t)), rel=1e-9)
        assert got == pytest.approx(float(m.predict_purchases(t, near).iloc[0]), rel=1e-6)
    assert float(m.prob_alive(at_zero).iloc[0]) == pytest.approx(float(m.prob_alive(near).iloc[0]), rel=1e-6)


@pytest.mark.parametrize("cls", list(PARAMS))
def test_a_T_zero_row_adds_nothing_to_the_likelihood(cls):
    """Why leaving newcomers out changes no estimate: their log-likelihood tends to 0 as T -> 0."""
    m = cls.from_params(PARAMS[cls])
    row = {"frequency": np.array([0.0]), "recency": np.array([0.0]), "T": np.array([1e-10])}
    assert abs(float(m._loglik(m.params_.to_numpy(), row)[0])) < 1e-9


def test_zero_repeat_spend_is_counted_and_the_spend_fit_names_the_way_out():
    s = pd.DataFrame({"frequency": [0, 2, 1, 3, 1], "recency": [0.0, 5.0, 3.0, 8.0, 2.0], "T": [9.0] * 5,
                      "monetary_value": [0.0, 12.0, 0.0, 20.0, 7.0]}, index=list("abcde"))
    with pytest.raises(DataValidationError, match=r"fitting_sample\(summary, \"spend\"\)"):
        clv.GammaGamma().fit(s)
    assert clv.fitting_sample(s, "spend").index.tolist() == ["b", "d", "e"]
    table = clv.exclusions(s)
    assert table.loc["zero_repeat_spend"].tolist() == ["spend", 1, 5]
    assert table.loc["first_purchase_at_end", "customers"] == 0  # every reason has a row, also with 0
    with pytest.raises(ParameterError, match="The 'model' parameter of fitting_sample"):
        clv.fitting_sample(s, "value")
