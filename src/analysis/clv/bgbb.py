"""BG/BB model for discrete transaction opportunities (Fader, Hardie and Shang 2010).

At each opportunity (a yearly fund drive, a season, an event) a customer who is
alive transacts with probability ``p ~ Beta(alpha, beta)``; before each opportunity
an alive customer drops out with probability ``theta ~ Beta(gamma, delta)``. The
data per customer are ``frequency`` (x, transactions in the ``n_periods``
opportunities after the first), ``recency`` (t_x, the opportunity of the last
transaction, 0 if none) and ``n_periods`` (n).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from analysis.checks import DEFAULT_SEED, Interval, check_params, rng_from
from analysis.clv.base import BaseFitter
from analysis.clv.inputs import rows_text
from analysis.errors import DataValidationError, ParameterError

__all__ = ["BetaGeoBetaBinom"]

_bl = special.betaln
_gl = special.gammaln


class BetaGeoBetaBinom(BaseFitter):
    """BG/BB model, fitted by maximum likelihood (typically on grouped data with weights).

    Parameters
    ----------
    columns : mapping, optional
        Column names when they differ from ``frequency``, ``recency``, ``n_periods``.
    initial_params : mapping, optional
        Starting values; default all 1.
    max_iter, tol : optimiser settings.

    Attributes
    ----------
    params_ : Series
        ``alpha, beta, gamma, delta``.
    loglik_ : float
        Maximised log-likelihood.

    Examples
    --------
    >>> import pandas as pd
    >>> from analysis.clv import BetaGeoBetaBinom
    >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783})
    >>> d = pd.DataFrame({"frequency": [0, 6], "recency": [0, 6], "n_periods": [6, 6]})
    >>> m.prob_alive(d).round(2).tolist()
    [0.11, 0.93]
    """

    _param_names = ("alpha", "beta", "gamma", "delta")
    _columns = ("frequency", "recency", "n_periods")
    _integer = ("frequency", "recency", "n_periods")
    _positive = ("n_periods",)
    _nonnegative = ("frequency", "recency")
    _default_start = (1.0, 1.0, 1.0, 1.0)

    def _check_data(self, arrays: dict[str, np.ndarray], data: Any) -> None:
        cols = self._column_map()
        x, tx, n = arrays["frequency"], arrays["recency"], arrays["n_periods"]
        for mask, rule in [
            (tx > n, f"{cols['recency']!r} > {cols['n_periods']!r}"),
            (x > tx, f"{cols['frequency']!r} > {cols['recency']!r}"),
            ((x == 0) & (tx != 0), f"{cols['recency']!r} not 0 although {cols['frequency']!r} is 0"),
            ((x > 0) & (tx == 0), f"{cols['recency']!r} 0 although {cols['frequency']!r} > 0"),
        ]:
            if mask.any():
                raise DataValidationError(f"{int(mask.sum())} row(s) have {rule} ({rows_text(mask, data)}, "
                                          "numbered from 1).")

    def _loglik(self, params, d):
        a, b, g, dl = params
        x, tx, n = d["frequency"], d["recency"], d["n_periods"]
        base = -_bl(a, b) - _bl(g, dl)
        first = _bl(a + x, b + n - x) + _bl(g, dl + n)
        width = int(np.max(n - tx)) if len(n) else 0
        i = np.arange(max(width, 1))[None, :]
        with np.errstate(invalid="ignore"):
            terms = _bl(a + x[:, None], b + tx[:, None] - x[:, None] + i) + _bl(g + 1, dl + tx[:, None] + i)
        terms = np.where(i < (n - tx)[:, None], terms, -np.inf)
        return base + np.logaddexp(first, special.logsumexp(terms, axis=1))

    # ------------------------------------------------------------ predictions
    def _arrays(self, data):
        arr = self._data(data)
        return arr["frequency"], arr["recency"], arr["n_periods"]

    def prob_alive(self, data: pd.DataFrame, *, periods_ahead: int = 1) -> pd.Series:
        """P(alive at opportunity ``n + periods_ahead``); default the next one (FHS 2010, Table 6).

        Returns
        -------
        Series
            ``p_alive`` per row.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoBetaBinom
        >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8})
        >>> float(m.prob_alive(pd.DataFrame({"frequency": [2], "recency": [4], "n_periods": [6]})).iloc[0]) > 0.5
        True
        """
        a, b, g, dl = self._p()
        x, tx, n = self._arrays(data)
        log_l = self._loglik(self._p(), {"frequency": x, "recency": tx, "n_periods": n})
        log_alive = _bl(a + x, b + n - x) - _bl(a, b) + _bl(g, dl + n + periods_ahead) - _bl(g, dl)
        index = data.index if isinstance(data, pd.DataFrame) else None
        return pd.Series(np.exp(log_alive - log_l), index=index, name="p_alive")

    @staticmethod
    def _gamma_ratio_diff(g, dl, n, t):
        """Gamma(1+dl+n)/Gamma(g+dl+n) - Gamma(1+dl+n+t)/Gamma(g+dl+n+t)."""
        return np.exp(_gl(1 + dl + n) - _gl(g + dl + n)) - np.exp(_gl(1 + dl + n + t) - _gl(g + dl + n + t))

    def predict_purchases(self, t: int, data: pd.DataFrame) -> pd.Series:
        """Conditional expected transactions in the next ``t`` opportunities (n+1 ... n+t).

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoBetaBinom
        >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783})
        >>> d = pd.DataFrame({"frequency": [6], "recency": [6], "n_periods": [6]})
        >>> round(float(m.predict_purchases(5, d).iloc[0]), 2)
        3.75
        """
        a, b, g, dl = self._p()
        x, tx, n = self._arrays(data)
        log_l = self._loglik(self._p(), {"frequency": x, "recency": tx, "n_periods": n})
        log_num = _bl(a + x + 1, b + n - x) - _bl(a, b)
        factor = dl / (g - 1) * np.exp(_gl(g + dl) - _gl(1 + dl)) * self._gamma_ratio_diff(g, dl, n, float(t))
        index = data.index if isinstance(data, pd.DataFrame) else None
        return pd.Series(np.exp(log_num - log_l) * factor, index=index, name="expected_purchases")

    def expected_purchases(self, n: int | np.ndarray) -> np.ndarray:
        """Unconditional expected transactions in the first ``n`` opportunities.

        Examples
        --------
        >>> from analysis.clv import BetaGeoBetaBinom
        >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8})
        >>> abs(float(m.expected_purchases(0)))
        0.0
        """
        a, b, g, dl = self._p()
        n = np.asarray(n, dtype=float)
        return a / (a + b) * dl / (g - 1) * np.exp(_gl(g + dl) - _gl(1 + dl)) * self._gamma_ratio_diff(g, dl, 0.0, n)

    def prob_purchases(self, x: int | np.ndarray, n: int) -> np.ndarray:
        """P(X(n) = x): probability of ``x`` transactions in the first ``n`` opportunities.

        Examples
        --------
        >>> from analysis.clv import BetaGeoBetaBinom
        >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8})
        >>> round(float(m.prob_purchases(range(7), 6).sum()), 10)
        1.0
        """
        a, b, g, dl = self._p()
        xs = np.atleast_1d(np.asarray(x, dtype=float))
        n = int(n)
        bad = (xs < 0) | (xs > n)
        if np.any(bad):
            raise ParameterError(f"x must be between 0 and n_periods={n}; got {xs[bad][0]:g}.")
        def log_choose(nn, k):
            return _gl(nn + 1) - _gl(k + 1) - _gl(nn - k + 1)
        out = np.exp(log_choose(n, xs) + _bl(a + xs, b + n - xs) - _bl(a, b) + _bl(g, dl + n) - _bl(g, dl))
        for k, xv in enumerate(xs):
            i = np.arange(int(xv), n)
            if len(i):
                out[k] += np.exp(log_choose(i, xv) + _bl(a + xv, b + i - xv) - _bl(a, b) + _bl(g + 1, dl + i) - _bl(g, dl)).sum()
        return out if np.ndim(x) else out[0]

    def simulate(
        self,
        n_customers: int,
        n_periods: int,
        *,
        holdout: int = 0,
        seed: int | np.random.Generator = DEFAULT_SEED,
    ) -> pd.DataFrame:
        """Customers simulated over ``n_periods`` (+ ``holdout``) opportunities.

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``n_periods``, ``frequency_holdout``, ``alive``
            (alive at opportunity ``n_periods + 1``).

        Examples
        --------
        >>> from analysis.clv import BetaGeoBetaBinom
        >>> m = BetaGeoBetaBinom.from_params({"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.8})
        >>> m.simulate(4, 6, seed=1).shape
        (4, 5)
        """
        check_params({"n_customers": [Interval(int, 1, None, closed="left")],
                      "n_periods": [Interval(int, 1, None, closed="left")],
                      "holdout": [Interval(int, 0, None, closed="left")]},
                     {"n_customers": n_customers, "n_periods": n_periods, "holdout": holdout},
                     f"{type(self).__name__}.simulate")
        a, b, g, dl = self._p()
        rng = rng_from(seed)
        n_customers, n_periods, holdout = int(n_customers), int(n_periods), int(holdout)
        p = rng.beta(a, b, n_customers)
        theta = rng.beta(g, dl, n_customers)
        # Opportunities alive: the customer survives each opportunity's drop-out draw.
        alive_periods = rng.geometric(np.clip(theta, 1e-15, 1)) - 1
        total = n_periods + holdout
        t = np.arange(1, total + 1)[None, :]
        buys = (rng.random((n_customers, total)) < p[:, None]) & (t <= alive_periods[:, None])
        cal = buys[:, :n_periods]
        frequency = cal.sum(axis=1)
        recency = np.where(frequency > 0, n_periods - np.argmax(cal[:, ::-1], axis=1), 0)
        return pd.DataFrame(
            {
                "frequency": frequency.astype("int64"),
                "recency": recency.astype("int64"),
                "n_periods": np.full(n_customers, n_periods, dtype="int64"),
                "frequency_holdout": buys[:, n_periods:].sum(axis=1).astype("int64"),
                "alive": alive_periods >= n_periods + 1,
            }
        )
