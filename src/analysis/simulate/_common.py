"""Helpers shared by the parts of the simulated firm."""

from __future__ import annotations

import numpy as np


def ids(prefix: str, n: int) -> np.ndarray:
    """``n`` zero-padded ids ``prefix00001`` ... (at least five digits)."""
    width = max(5, len(str(n)))
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=object)
