"""Predictions of the covariate CLV models: each customer's own parameters fed to the
plain model's per-customer formulas (see :mod:`analysis.clv.covariates`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.checks import DEFAULT_SEED, check_is_fitted, rng_from
from analysis.clv.bgnbd import _as_time
from analysis.errors import DataValidationError, ParameterError


class _CovariatePredictions:
    """Prediction methods of :class:`~analysis.clv.covariates.base._CovariateModel`
    (which supplies ``_summary_arrays``, ``_designs``,
    ``_individual``, ``_kernel`` and the fitted ``_theta``)."""

    def _rows(self, data: pd.DataFrame):
        check_is_fitted(self)
        arrays = self._summary_arrays(data)
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        return p, arrays["frequency"], arrays["recency"], arrays["T"]

    def individual_params(self, data: pd.DataFrame) -> pd.DataFrame:
        """Each row's own model parameters implied by its covariates.

        Parameters
        ----------
        data : DataFrame
            The covariate columns (summary columns are not needed).

        Returns
        -------
        DataFrame
            One column per base parameter (``r, alpha, a, b`` or ``r, alpha, s,
            beta``), one row per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import ParetoNBDCovariates
        >>> prof = pd.DataFrame({"plan": ["basic", "plus"]})
        >>> m = ParetoNBDCovariates.from_params(
        ...     {"r": 0.5, "alpha": 10, "s": 0.6, "beta": 12, "trans[plan=plus]": 0.0, "life[plan=plus]": 0.5},
        ...     prof, trans_covariates=["plan"], life_covariates=["plan"])
        >>> m.individual_params(prof)["beta"].round(3).tolist()
        [12.0, 7.278]
        """
        check_is_fitted(self)
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        n = len(data)
        return pd.DataFrame(
            {name: np.broadcast_to(v, n).astype(float) for name, v in zip(self._base_names, p)},
            index=data.index,
        )

    def predict_purchases(self, t: float, data: pd.DataFrame) -> pd.Series:
        """Conditional expected number of repeat purchases in the next ``t`` periods.

        Parameters
        ----------
        t : float
            Length of the forecast period, in the unit of ``recency`` and ``T``.
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``expected_purchases`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [2, 2], "recency": [30.43] * 2, "T": [38.86] * 2,
        ...                   "channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "trans[channel=web]": 0.0},
        ...     d, trans_covariates=["channel"])
        >>> m.predict_purchases(39, d).round(4).tolist()
        [1.226, 1.226]
        """
        t_arr = float(_as_time(t))
        p, x, tx, T = self._rows(data)
        values = self._kernel()._conditional_expected(p, t_arr, x, tx, T)
        return pd.Series(np.asarray(values, dtype=float), index=data.index, name="expected_purchases")

    def prob_alive(self, data: pd.DataFrame) -> pd.Series:
        """Probability that each customer is still active at the end of observation.

        Parameters
        ----------
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``p_alive`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86] * 2,
        ...                   "channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "life[channel=web]": 0.0},
        ...     d, life_covariates=["channel"])
        >>> m.prob_alive(d).round(3).tolist()
        [1.0, 0.727]
        """
        p, x, tx, T = self._rows(data)
        return pd.Series(np.asarray(self._kernel()._prob_alive(p, x, tx, T), dtype=float), index=data.index, name="p_alive")

    def loglik(self, data: pd.DataFrame) -> pd.Series:
        """Each row's log-likelihood under the current parameters (sum it for the total).

        Parameters
        ----------
        data : DataFrame
            Customer summary with the covariate columns.

        Returns
        -------
        Series
            ``loglik`` per row of ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> d = pd.DataFrame({"frequency": [0, 2], "recency": [0, 30.43], "T": [38.86] * 2, "x": [0.0, 1.0]})
        >>> m = BetaGeoCovariates.from_params({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426},
        ...                                   d, trans_covariates=["x"])
        >>> m.loglik(d).round(3).tolist()
        [-0.555, -9.459]
        """
        p, x, tx, T = self._rows(data)
        with np.errstate(all="ignore"):
            values = self._kernel()._loglik(p, {"frequency": x, "recency": tx, "T": T})
        return pd.Series(np.asarray(values, dtype=float), index=data.index, name="loglik")

    def expected_purchases(self, t: float | Sequence[float], profiles: pd.DataFrame | None = None) -> pd.DataFrame:
        """Unconditional expected repeat purchases in (0, t] of a customer just acquired, per profile.

        Parameters
        ----------
        t : float or sequence of floats
            Period lengths.
        profiles : DataFrame, optional
            Covariate profiles, one per row (default :attr:`profiles_`, the
            distinct profiles seen in the fit, when all covariates are categorical).

        Returns
        -------
        DataFrame
            One row per profile (the profile's covariate columns kept), one column
            ``expected_purchases_<t>`` per period length.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import BetaGeoCovariates
        >>> prof = pd.DataFrame({"channel": ["store", "web"]})
        >>> m = BetaGeoCovariates.from_params(
        ...     {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "trans[channel=web]": 0.5},
        ...     prof, trans_covariates=["channel"])
        >>> m.expected_purchases(39, prof)["expected_purchases_39"].round(3).tolist()
        [1.197, 1.654]
        """
        check_is_fitted(self)
        if profiles is None:
            profiles = self.profiles_
            if profiles.empty:
                raise ParameterError("Numeric covariates: pass the profiles to evaluate (a DataFrame).")
        ts = np.atleast_1d(_as_time(t))
        Zt, Zl = self._designs(profiles)
        p = self._individual(self._theta, Zt, Zl)
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        out = profiles[[c for c in used if c in profiles.columns]].copy()
        for tv in ts:
            out[f"expected_purchases_{tv:g}"] = np.broadcast_to(self._kernel()._unconditional_expected(p, tv), len(profiles)).astype(float)
        return out

    def simulate(
        self,
        data: pd.DataFrame,
        *,
        T: float | np.ndarray | None = None,
        holdout: float = 0.0,
        seed: int | np.random.Generator = DEFAULT_SEED,
    ) -> pd.DataFrame:
        """Customers simulated from the fitted (or given) parameters and their covariates.

        Parameters
        ----------
        data : DataFrame
            One row per customer to simulate, with the covariate columns and,
            unless ``T`` is given, a ``T`` column (age at the end of calibration).
        T : float or array, optional
            Ages, overriding ``data``'s ``T`` column.
        holdout : float
            Length of a holdout period after ``T`` to simulate as well.
        seed : int or Generator
            Randomness.

        Returns
        -------
        DataFrame
            ``frequency``, ``recency``, ``T``, ``frequency_holdout``, ``alive`` and
            the covariate columns, indexed like ``data``.

        Examples
        --------
        >>> import pandas as pd
        >>> from analysis.clv import ParetoNBDCovariates
        >>> prof = pd.DataFrame({"plan": ["basic", "plus"] * 3, "T": 40.0})
        >>> m = ParetoNBDCovariates.from_params(
        ...     {"r": 0.5, "alpha": 10, "s": 0.6, "beta": 12, "life[plan=plus]": 0.5}, prof,
        ...     life_covariates=["plan"])
        >>> m.simulate(prof, seed=1).columns.tolist()
        ['frequency', 'recency', 'T', 'frequency_holdout', 'alive', 'plan']
        """
        check_is_fitted(self)
        if T is None:
            tcol = self.columns.get("T", "T")
            if tcol not in data.columns:
                raise DataValidationError(f"simulate needs a {tcol!r} column in data or the T argument.")
            T = data[tcol].to_numpy(dtype=float)
        ages = np.broadcast_to(np.asarray(T, dtype=float), (len(data),)).copy()
        if np.any(~np.isfinite(ages)) or np.any(ages <= 0):
            raise ParameterError("T must be finite and > 0 for every customer.")
        holdout = float(_as_time(holdout, "holdout"))
        Zt, Zl = self._designs(data)
        p = self._individual(self._theta, Zt, Zl)
        sim = self._kernel()._simulate(p, rng_from(seed), ages, float(holdout))
        sim.index = data.index
        used = list(dict.fromkeys(self.trans_covariates + self.life_covariates))
        for c in used:
            sim[c] = data[c].to_numpy()
        return sim
