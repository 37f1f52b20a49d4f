"""Keeping customers: retention and churn, survival, the economics of retention, complaints and
service recovery, loyalty programmes, cross-selling and a scorecard against targets (notebook 05).

Descriptive analyses are functions (DataFrame in, tidy DataFrame out); each module's docstring
says which course topic it serves and what its results were checked against.
"""

__all__: list[str] = []
