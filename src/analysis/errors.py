"""The package's exceptions and warnings: one small hierarchy.

Every error raised on bad input is an :class:`AnalysisError`, and its message says
what to change (which column, file, key or value, and what rule it broke).
Catch ``AnalysisError`` to handle all of them.

Examples
--------
>>> from analysis.errors import AnalysisError, DataValidationError
>>> issubclass(DataValidationError, AnalysisError)
True
"""

from __future__ import annotations


class AnalysisError(Exception):
    """Base of every error the package raises on bad input or bad settings."""


class DataValidationError(AnalysisError, ValueError):
    """A table breaks its data contract (missing column, wrong type, bad values)."""


class InputFileError(AnalysisError, OSError):
    """A file cannot be read: missing, empty, unknown format or wrong encoding."""


class DatasetError(AnalysisError):
    """A data set cannot be obtained: offline with no local copy, or a bad checksum."""


class StudyConfigError(AnalysisError, ValueError):
    """A study YAML file is wrong: unknown key, missing file, bad column mapping."""


class NotebookParameterError(StudyConfigError):
    """A notebook parameter is unknown, of the wrong type, or the notebook has no
    cell tagged ``parameters``."""


class ParameterError(AnalysisError, ValueError):
    """A function or model argument is out of its allowed range."""


class NotFittedError(AnalysisError, AttributeError):
    """A model method that needs a fitted model was called before ``fit``."""


class ReportError(AnalysisError):
    """Executing or rendering a report failed."""


class AnalysisWarning(UserWarning):
    """Something the user should know (rows dropped, an assumption looks violated)."""
