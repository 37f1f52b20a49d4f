"""Transitional: the one check rfm.py still imports (private).

Everything else that lived here (``timestamp``, ``check_fraction``,
``rng_from``) is gone: dates are parsed by :func:`analysis.window.parse_date`,
parameters are declared with :func:`analysis.checks.validate_params` and seeds go
through :func:`analysis.checks.rng_from`. Delete this module once rfm.py declares
its ``bins`` constraint with ``validate_params``.
"""

from __future__ import annotations

import sys

from analysis.checks import Interval, check_params


def check_int(value, name: str, low: int, high: int | None = None) -> int:
    """An int within [low, high] (ParameterError in the package's one message form, naming the caller)."""
    owner = sys._getframe(1).f_code.co_name
    check_params({name: [Interval(int, low, high, closed="both" if high is not None else "left")]},
                 {name: value}, owner)
    return int(value)
