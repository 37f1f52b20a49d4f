"""Every figure says how to read it (issue 17): each public plot function of analysis.plots records a
reading whose kind has a note in English and Chinese, and the numbers its example cites are the
numbers it plotted, recomputed here by hand from the inputs."""

from __future__ import annotations

import doctest
import importlib
import inspect
import pickle
import pkgutil

import numpy as np
import pandas as pd
import pytest

import analysis.plots as plots
from analysis.errors import ParameterError
from analysis.messages import catalog, msg
from analysis.plots.reading import attach_reading, reading_markdown, reading_of
from analysis.plots.style import ReportFigure, new_figure

SKIP = {"style", "cjk_font", "reading"}  # style, fonts and the reading machinery draw no figure of their own


def _plot_functions():
    for info in pkgutil.iter_modules(plots.__path__):
        if info.name in SKIP:
            continue
        module = importlib.import_module(f"analysis.plots.{info.name}")
        for name in module.__all__:
            yield module, name


FUNCTIONS = list(_plot_functions())


def _figures_from_examples(module, name):
    """Run the function's docstring example with the function wrapped: the figures it returned."""
    made = []
    function = getattr(module, name)

    def recording(*args, **kwargs):
        fig = function(*args, **kwargs)
        made.append(fig)
        return fig

    namespace = {**vars(module), name: recording, "pd": pd, "np": np}
    for example in doctest.DocTestParser().get_examples(inspect.getdoc(function) or ""):
        exec(compile(example.source, f"<{name} example>", "exec"), namespace)  # noqa: S102 - our own docstrings
    return made


def test_there_are_many_plot_functions_and_each_has_an_example():
    assert len(FUNCTIONS) >= 45
    for info in pkgutil.iter_modules(plots.__path__):  # no public figure function hides outside __all__
        module = importlib.import_module(f"analysis.plots.{info.name}")
        public = {n for n, f in inspect.getmembers(module, inspect.isfunction)
                  if f.__module__ == module.__name__ and not n.startswith("_")}
        assert public <= set(module.__all__), (info.name, public - set(module.__all__))
    missing = [f"{m.__name__}.{n}" for m, n in FUNCTIONS if ">>>" not in (getattr(m, n).__doc__ or "")]
    assert not missing, missing


@pytest.mark.parametrize(("module", "name"), FUNCTIONS, ids=[f"{m.__name__.rsplit('.', 1)[1]}.{n}" for m, n in FUNCTIONS])
def test_every_plot_function_attaches_a_reading_with_a_note_in_every_language(module, name):
    figures = _figures_from_examples(module, name)
    assert figures, f"the example of {name} draws no figure"
    for fig in figures:
        record = reading_of(fig)
        assert record is not None, f"{name} returns a figure without a reading"
        for language in ("en", "zh"):
            assert f"reading.{record['kind']}" in catalog(language)
            note = reading_markdown(fig, language)
            assert note.startswith("**How to read this chart.**" if language == "en" else "**读图提示**。")
            if record["example"]:
                assert msg(record["example"], language=language, **record["values"]) in note.replace("\\", "") \
                    or any(isinstance(v, float) and not np.isfinite(v) for v in record["values"].values())
        assert pickle.loads(pickle.dumps(record)) == record  # plain data: nothing that would stop a figure pickling


def test_kinds_are_few_and_every_kind_is_used():
    kinds = {k.split(".")[1] for k in catalog("en") if k.startswith("reading.") and k.count(".") == 1 and k != "reading.lead"}
    used = {reading_of(f)["kind"] for m, n in FUNCTIONS for f in _figures_from_examples(m, n)}
    assert used <= kinds
    # kinds only the full data of a notebook reaches (no doctest draws them) are listed here
    assert kinds - used <= {"missing", "stability", "k_selection", "portfolio", "projection", "overlap"}, kinds - used
    assert len(kinds) <= 40


def test_attach_reading_refuses_an_unknown_kind_and_a_value_that_is_not_plain():
    fig, _ = new_figure()
    with pytest.raises(ParameterError, match="no reading note for figure kind 'pie'"):
        attach_reading(fig, "pie")
    with pytest.raises(ParameterError, match="must be a number or a text"):
        attach_reading(fig, "concentration", top=[0.2], share=0.5)
    with pytest.raises(ParameterError, match="no example sentence"):
        attach_reading(fig, "concentration", example="nope", top=0.2)


def test_an_example_with_a_missing_number_is_left_out():
    fig = attach_reading(new_figure()[0], "concentration", top=0.2, share=float("nan"))
    assert "Here" not in reading_markdown(fig, "en")


def test_names_from_the_data_cannot_become_markdown():
    fig = attach_reading(new_figure()[0], "boxplot", group="*web*", median=3.0)
    assert "\\*web\\*" in reading_markdown(fig, "en")


# numbers recomputed by hand from the inputs


def test_concentration_curve_cites_the_top_share_of_the_values():
    from analysis.plots.clv import concentration_figure
    from analysis.plots.segmentation import plot_concentration
    from analysis.segmentation import concentration

    values = [1.0, 1.0, 2.0, 6.0, 10.0]  # total 20; the top 20 % is one customer, 10
    record = reading_of(plot_concentration(concentration(values), top=0.2))
    assert record["values"] == {"top": 0.2, "share": pytest.approx(10 / 20)}
    assert "top 20% of customers bring 50.0% of the value" in reading_markdown(record, "en")
    # the CLV curve marks the top 10 %: half of the first of five customers, 0.5 * 10 / 20 on the straight piece
    record = reading_of(concentration_figure(pd.Series(values)))
    assert record["values"] == {"top": 0.1, "share": pytest.approx(0.25)}


def test_purchases_distribution_cites_the_share_who_bought_once():
    from analysis.plots.overview import plot_amounts, plot_purchases_per_customer

    d = pd.DataFrame({"purchases": [1, 2, 3, 25], "customers": [6, 2, 1, 1]})
    assert reading_of(plot_purchases_per_customer(d))["values"] == {"once": 0.6, "customers": 10}
    tx = pd.DataFrame({"amount": [-5.0, 1.0, 2.0, 3.0, 4.0, 100.0]})  # the refund is not drawn
    values = reading_of(plot_amounts(tx))["values"]
    assert values["n"] == 5 and values["median"] == 3.0 and values["p90"] == pytest.approx(4 + 0.6 * 96)


def test_forest_counts_intervals_wholly_on_one_side_of_zero():
    from analysis.plots.channels import plot_lift

    lift = pd.DataFrame({"arm": ["a", "b", "c", "d"], "estimate": [0.02, 0.01, -0.03, 0.0],
                         "ci_low": [0.01, -0.01, -0.05, 0.0], "ci_high": [0.03, 0.03, -0.01, 0.02]})
    # a: above 0; b: crosses; c: below 0; d: touches 0 (not wholly on one side)
    assert reading_of(plot_lift(lift, "visit", "control"))["values"] == {"clear": 2, "n": 4}


def test_interval_dots_cite_the_widest_interval_as_percentages():
    from analysis.plots.scorecard import plot_adoption

    adoption = pd.DataFrame({"estimate": [0.5, 0.15, 0.3], "ci_low": [0.45, 0.12, 0.2], "ci_high": [0.55, 0.19, 0.42]},
                            index=["books", "web", "music"])
    fig = plot_adoption(adoption)
    assert reading_of(fig)["values"] == {"group": "music", "low": 0.2, "high": 0.42}
    assert reading_markdown(fig, "en").endswith("Here the widest interval is that of music: from 20.0% to 42.0%.")
    assert reading_markdown(fig, "zh").endswith("本图中，区间最宽的是music：从 20.0% 到 42.0%。")


def test_pareto_migration_and_scorecard_cite_their_counts():
    from analysis.plots.complaints import plot_pareto
    from analysis.plots.loyalty import plot_migration
    from analysis.plots.scorecard import plot_scorecard

    c = pd.DataFrame({"complaints": [50, 30, 15, 5]}, index=["late", "rude", "wrong", "other"])
    c["cumulative_share"] = c["complaints"].cumsum() / c["complaints"].sum()
    c["vital_few"] = [True, True, False, False]
    assert reading_of(plot_pareto(c))["values"] == {"k": 2, "n": 4, "share": pytest.approx(0.8)}

    counts = pd.DataFrame([[8, 2], [1, 9]], index=["none", "gold"], columns=["none", "gold"])
    shares = counts.div(counts.sum(axis=1), axis=0)
    stay = reading_of(plot_migration(shares, counts, start="2024-01-01", end="2024-12-31"))["values"]["stay"]
    assert stay == pytest.approx((8 + 9) / 20)

    card = pd.DataFrame({"estimate": [0.8, 0.1, 0.5, 3.0, np.nan], "ci_low": [0.75, 0.05, 0.4, 2.0, np.nan],
                         "ci_high": [0.85, 0.15, 0.6, 4.0, np.nan], "target": [0.7, 0.2, 0.5, np.nan, 0.1],
                         "verdict": ["met", "not met", "cannot tell", "no target", "no data"]},
                        index=["retention_rate", "churn_rate", "cross_sell_rate", "satisfaction_index", "referral_rate"])
    assert reading_of(plot_scorecard(card))["values"] == {"met": 1, "not_met": 1, "unclear": 1, "n": 3}


def test_a_figure_without_a_reading_has_no_note():
    assert reading_of(ReportFigure()) is None and reading_markdown(ReportFigure()) is None
