"""Messages about the observation window (every notebook says which dates it used)."""

from __future__ import annotations

MESSAGES = {
    "en": {
        "window.text.used": "Data up to **{end}** ({source}) are used; later purchases are ignored.",
        "window.text.holdout": (
            "Calibration period up to **{calibration_end}** ({calibration_source}); holdout of "
            "{periods:g} {unit} to {end}."
        ),
        "window.source.data": "the last transaction in the data",
        "window.source.study": "set in the study's window",
        "window.source.notebook": "set in this notebook's parameters",
        "window.source.argument": "given",
        "window.source.holdout_length": "the observation end minus the holdout length",
        "window.unit.D": "days",
        "window.unit.W": "weeks",
        "window.unit.M": "months",
        "window.unit.Y": "years",
    },
}


def window_text(window, *, holdout: bool = False, language: str | None = None) -> str:
    """The sentence saying which observation end (and holdout) a notebook used, and where it came from.

    Examples
    --------
    >>> from analysis.window import Window
    >>> window_text(Window(observation_end="1998-06-30", observation_end_source="study"))
    "Data up to **1998-06-30** (set in the study's window) are used; later purchases are ignored."
    >>> print(window_text(Window(observation_end="1998-06-30", calibration_end="1997-09-30"), holdout=True))
    Data up to **1998-06-30** (given) are used; later purchases are ignored. Calibration period up to **1997-09-30** (given); holdout of 39 weeks to 1998-06-30.
    """
    from analysis.messages import current_language, msg  # the catalog imports this module first

    end = window.observation_end
    if end is None:
        raise ValueError("resolve the window with the data's last transaction date first")
    text = msg("window.text.used", language=language, end=end.date().isoformat(),
               source=msg(f"window.source.{window.observation_end_source}", language=language))
    if holdout:
        source = (window.calibration_end_source if window.calibration_end is not None else "holdout_length")
        text += ("" if (language or current_language()).startswith("zh") else " ") + msg("window.text.holdout", language=language,
                          calibration_end=window.holdout_end().date().isoformat(),
                          calibration_source=msg(f"window.source.{source}", language=language),
                          periods=round(window.holdout_periods(), 2),
                          unit=msg(f"window.unit.{window.time_unit}", language=language),
                          end=end.date().isoformat())
    return text
