"""The issue-14 case of dates that cannot be real purchases: a 2024 log in which 50 rows
are dated 2031 (a mistyped year), shared by the validator, log and downstream tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: rows of the clean 2024 log and how many of them get a 2031 date (50 of 6,000: under 1 %)
N_ROWS, N_LATE = 6000, 50


def log_with_2031_rows(seed: int = 14) -> tuple[pd.DataFrame, np.ndarray]:
    """A raw log (dates as text, as read from a file) and the 0-based positions of its 2031 rows."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, N_ROWS), unit="D")
    raw = pd.DataFrame({
        "customer_id": [f"c{i:03d}" for i in rng.integers(0, 600, N_ROWS)],
        "date": days.strftime("%Y-%m-%d"),
        "amount": rng.gamma(2.0, 20.0, N_ROWS).round(2),
    })
    late = np.sort(rng.choice(N_ROWS, N_LATE, replace=False))
    typo = pd.Timestamp("2031-01-01") + pd.to_timedelta(rng.integers(0, 365, N_LATE), unit="D")
    raw.loc[late, "date"] = typo.strftime("%Y-%m-%d")
    return raw, late
