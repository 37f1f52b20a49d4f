"""Multi-touch path attribution: rule-based and Markov-chain removal effects.

Input is one row per distinct customer journey, as in R's ChannelAttribution:
a ``path`` of channel touches joined by ``>`` (``"search > email > direct"``),
the number of journeys along it that converted, optionally their conversion
value, and the number that did not convert (``nulls``).
:func:`paths_from_touches` builds that table from a touch-level log.

Rules (:func:`heuristic_attribution`): first touch, last touch, linear (equal
shares of each conversion to every touch, repeated touches counted each time)
and time decay (a touch ``j`` steps before the conversion weighs
``2 ** (-j / half_life)``).

Markov chain (:func:`markov_attribution`): a first-order chain on the states
start, the channels, conversion and null is estimated from the transition counts
of all journeys. Its conversion probability is the probability of absorption in
"conversion" from "start", computed exactly by solving ``(I - Q) x = r`` (Q the
transient part, r the one-step conversion probabilities). A channel's removal
effect is the relative drop in that probability when every transition into the
channel leads to null instead. Conversions are shared out in proportion to the
removal effects. Unlike a simulation this is deterministic;
:func:`markov_attribution` can add a bootstrap over journeys for intervals.

Conversion value has two definitions (``value_method``):

- ``"removal_share"`` (default): the total value is shared out like the
  conversions, in proportion to the conversion removal effects, so every
  conversion counts as the average conversion.
- ``"channelattribution"``: the definition of R's ChannelAttribution (its C++
  ``markov_model``): a conversion is worth the mean value of the conversions whose
  journey ended at the same channel, and a channel's *value* removal effect is the
  expected value lost when it is removed. ChannelAttribution estimates this by
  simulating walks; here it is solved exactly (absorption probabilities by last
  channel). On ChannelAttribution's example paths the two definitions differ by
  7.5 % for the largest channel (alpha) and by 10-20 % for small ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.channels._common import ALPHA, COLUMN, FRAME, N_BOOTSTRAP, OPTIONAL_COLUMN, SEED, check_columns
from analysis.checks import DEFAULT_SEED, Interval, Options, rng_from, validate_params
from analysis.errors import DataValidationError
from analysis.io import read_table
from analysis.results import ResultMixin

__all__ = [
    "read_paths",
    "attribution_table",
    "parse_paths",
    "paths_from_touches",
    "heuristic_attribution",
    "markov_attribution",
    "absorbing_conversion_probability",
    "MarkovAttribution",
    "path_lengths",
    "attribute_paths",
    "PathAttribution",
]


#: the rules of :func:`heuristic_attribution`, in the order tables show them
RULES = ("first_touch", "last_touch", "linear", "time_decay")
#: the definitions of attributed value of :func:`markov_attribution` (module docstring)
VALUE_METHODS = ("removal_share", "channelattribution")


@validate_params({"sep": [str], "path": COLUMN, "conversions": COLUMN, "value": OPTIONAL_COLUMN,
                  "nulls": OPTIONAL_COLUMN, "encoding": [str, None]})
def read_paths(
    file,
    *,
    sep: str = ";",
    path: str = "path",
    conversions: str = "total_conversions",
    value: str | None = "total_conversion_value",
    nulls: str | None = "total_null",
    encoding: str | None = None,
) -> pd.DataFrame:
    """Read and check a path file (one row per distinct journey) into the canonical path table.

    The file is read by :func:`analysis.io.read_table` (so encodings, compression,
    Parquet and Excel work as for every other table) and checked by
    :func:`parse_paths`. The defaults fit the files of R's ChannelAttribution
    (``path;total_conversions;total_conversion_value;total_null``).

    Parameters
    ----------
    file : str or path-like
        The path file.
    sep : str, default ";"
        Field separator of a CSV/TSV file.
    path, conversions, value, nulls : str
        Column names in the file; ``value`` and ``nulls`` may be None when absent.
    encoding : str, optional
        Text encoding (see :func:`analysis.io.read_table`).

    Returns
    -------
    DataFrame
        ``path`` (str), ``conversions``, ``value`` and ``nulls`` (floats; zeros for a
        column not given), in the file's row order.

    Raises
    ------
    analysis.errors.InputFileError
        Missing, empty or unreadable file.
    analysis.errors.DataValidationError
        A missing column, an empty path, or counts that are missing, negative or
        not numbers (the message names the column and the first rows, numbered from 1).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "paths.csv"
    >>> _ = f.write_text("path;total_conversions;total_conversion_value;total_null\\na > b;2;30;5\\nb;1;10;0\\n")
    >>> read_paths(f).to_dict("list")
    {'path': ['a > b', 'b'], 'conversions': [2.0, 1.0], 'value': [30.0, 10.0], 'nulls': [5.0, 0.0]}
    """
    raw = read_table(file, sep=sep, encoding=encoding)
    _, conv, val, nul = parse_paths(raw, path=path, conversions=conversions, value=value, nulls=nulls)
    return pd.DataFrame({"path": raw[path].astype(str).to_numpy(), "conversions": conv, "value": val,
                         "nulls": nul})


def attribution_table(heuristic: pd.DataFrame, markov: MarkovAttribution) -> pd.DataFrame:
    """Conversions credited to each channel by every rule and by the Markov chain, side by side.

    Columns: the four rules, ``markov`` (the Markov chain's attributed conversions),
    then the Markov result's other columns (removal effect, share, value, intervals).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"path": ["a > b", "a", "b"], "conversions": [1, 0, 1], "nulls": [0, 1, 0]})
    >>> attribution_table(heuristic_attribution(p), markov_attribution(p)).columns[:6].tolist()
    ['first_touch', 'last_touch', 'linear', 'time_decay', 'markov', 'removal_effect']
    """
    table = heuristic[list(RULES)].assign(markov=markov.attribution["conversions"])
    return table.join(markov.attribution.drop(columns="conversions"))


@validate_params({"paths": FRAME, "path": COLUMN, "conversions": COLUMN, "value": OPTIONAL_COLUMN,
                  "nulls": OPTIONAL_COLUMN, "sep": [str]})
def parse_paths(
    paths: pd.DataFrame,
    *,
    path: str = "path",
    conversions: str = "conversions",
    value: str | None = None,
    nulls: str | None = None,
    sep: str = ">",
) -> tuple[list[list[str]], np.ndarray, np.ndarray, np.ndarray]:
    """Split the path strings and check the count columns.

    Returns ``(touch lists, conversions, value, nulls)`` as float arrays (value and
    nulls are zeros when their column is not given). Rows in messages are numbered
    from 1, as everywhere in the package.

    Examples
    --------
    >>> import pandas as pd
    >>> t, c, v, n = parse_paths(pd.DataFrame({"path": ["a > b", "b"], "conversions": [1, 0]}))
    >>> t
    [['a', 'b'], ['b']]
    """
    cols = [path, conversions] + [c for c in (value, nulls) if c is not None]
    check_columns(paths, cols, "paths")
    touches = []
    empty = []
    for i, text in enumerate(paths[path].astype(str)):
        parts = [p.strip() for p in text.split(sep) if p.strip()]
        if not parts:
            empty.append(i)
        touches.append(parts)
    if empty:
        raise DataValidationError(
            f"Column {path!r} has {len(empty)} empty path(s) (rows {[i + 1 for i in empty[:5]]})."
        )
    arrays = []
    for col in (conversions, value, nulls):
        if col is None:
            arrays.append(np.zeros(len(paths)))
            continue
        v = pd.to_numeric(paths[col], errors="coerce").to_numpy(float)
        bad = ~np.isfinite(v) | (v < 0)
        if bad.any():
            rows = (np.flatnonzero(bad)[:5] + 1).tolist()
            raise DataValidationError(
                f"Column {col!r} must hold non-negative numbers; {int(bad.sum())} row(s) do not (rows {rows})."
            )
        arrays.append(v)
    return touches, arrays[0], arrays[1], arrays[2]


@validate_params({"touches": FRAME, "customer": COLUMN, "channel": COLUMN, "time": COLUMN, "converted": COLUMN,
                  "value": OPTIONAL_COLUMN, "sep": [str]})
def paths_from_touches(
    touches: pd.DataFrame,
    *,
    customer: str = "customer_id",
    channel: str = "channel",
    time: str = "date",
    converted: str = "converted",
    value: str | None = None,
    sep: str = " > ",
) -> pd.DataFrame:
    """Aggregate a touch-level log (one row per touch) into the path table.

    A customer's touches, in time order, form one journey; it converted if any of
    its rows has ``converted`` = 1, and its value is the sum of ``value``.

    Returns
    -------
    DataFrame with ``path``, ``conversions``, ``value``, ``nulls`` (one row per distinct path).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "b"], "channel": ["web", "email", "web"],
    ...                     "date": [1, 2, 1], "converted": [0, 1, 0]})
    >>> paths_from_touches(log).to_dict("records")
    [{'path': 'web', 'conversions': 0, 'value': 0.0, 'nulls': 1}, {'path': 'web > email', 'conversions': 1, 'value': 0.0, 'nulls': 0}]
    """
    cols = [customer, channel, time, converted] + ([value] if value else [])
    check_columns(touches, cols, "touches")
    log = touches.sort_values([customer, time], kind="mergesort")
    per = log.groupby(customer, sort=False).agg(
        path=(channel, lambda s: sep.join(map(str, s))),
        conv=(converted, "max"),
        val=(value, "sum") if value else (converted, lambda s: 0.0),
    )
    per["conv"] = per["conv"].astype(int)
    out = per.groupby("path", sort=True).agg(
        conversions=("conv", "sum"), value=("val", "sum"), nulls=("conv", lambda s: int((s == 0).sum()))
    ).reset_index()
    out["value"] = out["value"].astype(float)
    return out


@validate_params({"paths": FRAME, "half_life": [Interval(float, 0.0, None, closed="neither")]})
def heuristic_attribution(
    paths: pd.DataFrame,
    *,
    path: str = "path",
    conversions: str = "conversions",
    value: str | None = None,
    sep: str = ">",
    half_life: float = 1.0,
) -> pd.DataFrame:
    """First-touch, last-touch, linear and time-decay attribution of conversions (and value).

    Parameters
    ----------
    half_life : float
        Time decay: a touch ``j`` steps before the last touch gets weight
        ``2 ** (-j / half_life)`` before the weights of a path are scaled to sum to 1.

    Returns
    -------
    DataFrame
        Indexed by channel (sorted): ``first_touch``, ``last_touch``, ``linear``,
        ``time_decay`` (attributed conversions), and the same with ``_value`` when
        ``value`` is given. Each column sums to the total conversions (or value).

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"path": ["a > b", "b > c > b"], "conversions": [2, 1]})
    >>> heuristic_attribution(p)[["first_touch", "last_touch", "linear"]].round(3)
             first_touch  last_touch  linear
    channel
    a                2.0         0.0   1.000
    b                1.0         3.0   1.667
    c                0.0         0.0   0.333
    """
    touches, conv, val, _ = parse_paths(paths, path=path, conversions=conversions, value=value, sep=sep)
    channels = sorted({c for t in touches for c in t})
    index = {c: i for i, c in enumerate(channels)}
    rules = RULES
    share = {r: np.zeros((len(touches), len(channels))) for r in rules}
    for i, t in enumerate(touches):
        k = len(t)
        share["first_touch"][i, index[t[0]]] = 1.0
        share["last_touch"][i, index[t[-1]]] = 1.0
        w = 2.0 ** (-(k - 1 - np.arange(k)) / half_life)
        w /= w.sum()
        for j, c in enumerate(t):
            share["linear"][i, index[c]] += 1.0 / k
            share["time_decay"][i, index[c]] += w[j]
    out = pd.DataFrame({r: conv @ share[r] for r in rules}, index=pd.Index(channels, name="channel"))
    if value is not None:
        for r in rules:
            out[f"{r}_value"] = val @ share[r]
    return out


def _transition_structure(touches, channels):
    """Sparse incidence of each path's transitions and each path's last state."""
    index = {c: i + 1 for i, c in enumerate(channels)}  # 0 = start
    rows, cols = [], []
    last = np.empty(len(touches), dtype=np.int64)
    n_states = len(channels) + 1
    for i, t in enumerate(touches):
        seq = [0] + [index[c] for c in t]
        for a, b in zip(seq[:-1], seq[1:]):
            rows.append(i)
            cols.append(a * n_states + b)
        last[i] = seq[-1]
    inc = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(touches), n_states * n_states))
    return inc, last


def _chain_counts(inc, last, n_states, conv, nulls):
    journeys = conv + nulls
    q_counts = np.asarray(inc.T @ journeys).reshape(n_states, n_states)
    r_counts = np.zeros((n_states, 2))
    np.add.at(r_counts[:, 0], last, conv)
    np.add.at(r_counts[:, 1], last, nulls)
    return q_counts, r_counts


def _absorption_by_state(q_counts, r_counts, removed=None) -> np.ndarray:
    """P(absorption in conversion from each transient state as the last one | start)."""
    q = np.array(q_counts, dtype=float)
    r = np.array(r_counts, dtype=float)
    if removed is not None:
        q[removed, :] = 0.0
        r[removed] = (0.0, 1.0)
    tot = q.sum(1) + r.sum(1)
    safe = np.where(tot > 0, tot, 1.0)
    qp, rp = q / safe[:, None], r[:, 0] / safe
    start = np.zeros(len(q))
    start[0] = 1.0
    visits = np.linalg.solve((np.eye(len(q)) - qp).T, start)  # expected visits to each state from start
    return visits * rp


def absorbing_conversion_probability(q_counts: np.ndarray, r_counts: np.ndarray, removed=None) -> float:
    """P(absorption in conversion | start) of the chain with the given transition counts.

    ``q_counts[i, j]`` counts transitions between transient states (state 0 =
    start), ``r_counts[i]`` those into (conversion, null). ``removed`` is a
    transient state index whose incoming transitions are redirected to null.

    Examples
    --------
    >>> import numpy as np
    >>> q = np.array([[0, 2, 1], [0, 0, 1], [0, 0, 0]], float)   # start -> a, b; a -> b
    >>> r = np.array([[0, 0], [0, 1], [2, 0]], float)            # a -> null; b -> conversion
    >>> round(absorbing_conversion_probability(q, r), 4), round(absorbing_conversion_probability(q, r, removed=1), 4)
    (0.6667, 0.3333)
    """
    return float(_absorption_by_state(q_counts, r_counts, removed).sum())


@dataclass(repr=False)
class MarkovAttribution(ResultMixin):
    """Result of :func:`markov_attribution`.

    Attributes
    ----------
    attribution : DataFrame
        Indexed by channel: ``removal_effect``, ``share``, ``conversions``, ``value``;
        with ``value_method="channelattribution"`` also ``value_removal_effect``; with a
        bootstrap also ``conversions_ci_low``/``_high``, ``share_ci_low``/``_high``.
    conversion_probability : float
        P(conversion) of the fitted chain (equals the observed conversion rate of journeys).
    transition_matrix : DataFrame
        Row-normalised transition probabilities, rows and columns
        ``(start)``, channels, ``(conversion)``, ``(null)``.
    """

    attribution: pd.DataFrame
    conversion_probability: float
    transition_matrix: pd.DataFrame
    n_bootstrap: int = 0
    notes: list[str] = field(default_factory=list)
    value_method: str = "removal_share"

    def summary(self) -> pd.DataFrame:
        """Removal effect, share and attributed conversions of each channel (:attr:`attribution`)."""
        return self.attribution


def _value_removal_effects(q, r, last, conv, val):
    """ChannelAttribution's value removal effects: the share of expected conversion value lost
    without each channel, a conversion being worth the mean value of conversions ending there."""
    n_states = len(q)
    conv_at = np.bincount(last, weights=conv, minlength=n_states)
    value_at = np.bincount(last, weights=val, minlength=n_states)
    worth = np.divide(value_at, conv_at, out=np.zeros(n_states), where=conv_at > 0)
    base = _absorption_by_state(q, r) @ worth
    return np.array([1.0 - (_absorption_by_state(q, r, removed=s) @ worth) / base for s in range(1, n_states)])


def _removal_effects(q, r):
    base = absorbing_conversion_probability(q, r)
    re = np.array([1.0 - absorbing_conversion_probability(q, r, removed=s) / base
                   for s in range(1, len(q))]) if base > 0 else np.full(len(q) - 1, np.nan)
    return base, re


@validate_params({"paths": FRAME, "n_bootstrap": N_BOOTSTRAP, "alpha": ALPHA, "seed": SEED,
                  "value_method": [Options(VALUE_METHODS)]})
def markov_attribution(
    paths: pd.DataFrame,
    *,
    path: str = "path",
    conversions: str = "conversions",
    value: str | None = None,
    nulls: str | None = "nulls",
    sep: str = ">",
    n_bootstrap: int = 0,
    alpha: float = 0.05,
    seed: int | np.random.Generator = DEFAULT_SEED,
    value_method: str = "removal_share",
) -> MarkovAttribution:
    """First-order Markov-chain removal-effect attribution, solved exactly.

    Parameters
    ----------
    paths : DataFrame
        One row per distinct path (see the module docstring).
    nulls : str or None
        Column of non-converting journeys; None when every listed journey converted
        (then removal effects are all 1 for channels on every path).
    n_bootstrap : int
        Bootstrap replicates over journeys (resampling the journeys, converting or
        not, with replacement) for percentile intervals; 0 for none.
    alpha : float
        One minus the interval level.
    seed : int or Generator
        Bootstrap seed.
    value_method : {"removal_share", "channelattribution"}
        How ``value`` is attributed (module docstring): in proportion to the conversion
        removal effects (default), or as R's ChannelAttribution does, valuing each
        conversion at the mean value of conversions with the same last channel.
        The result's ``value_method`` names the one used.

    Returns
    -------
    MarkovAttribution

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"path": ["a > b", "a", "b"], "conversions": [1, 0, 1], "nulls": [0, 1, 0]})
    >>> m = markov_attribution(p)
    >>> m.attribution[["removal_effect", "conversions"]].round(4)
             removal_effect  conversions
    channel
    a                   0.5       0.6667
    b                   1.0       1.3333
    """
    touches, conv, val, nul = parse_paths(paths, path=path, conversions=conversions, value=value,
                                          nulls=nulls, sep=sep)
    if conv.sum() <= 0:
        raise DataValidationError(f"Column {conversions!r} sums to 0; there are no conversions to attribute.")
    channels = sorted({c for t in touches for c in t})
    n_states = len(channels) + 1
    inc, last = _transition_structure(touches, channels)
    q, r = _chain_counts(inc, last, n_states, conv, nul)
    base, re = _removal_effects(q, r)
    share = re / re.sum()
    total_value = val.sum()
    table = pd.DataFrame({"removal_effect": re, "share": share, "conversions": share * conv.sum(),
                          "value": share * total_value}, index=pd.Index(channels, name="channel"))
    if value_method == "channelattribution" and total_value > 0:
        re_value = _value_removal_effects(q, r, last, conv, val)
        table["value_removal_effect"] = re_value
        table["value"] = re_value / re_value.sum() * total_value
    if n_bootstrap:
        rng = rng_from(seed)
        cells = np.concatenate([conv, nul])
        n_total = int(round(cells.sum()))
        prob = cells / cells.sum()
        shares = np.empty((n_bootstrap, len(channels)))
        convs = np.empty(n_bootstrap)
        for b in range(n_bootstrap):
            draw = rng.multinomial(n_total, prob).astype(float)
            c_b, n_b = draw[: len(conv)], draw[len(conv):]
            qb, rb = _chain_counts(inc, last, n_states, c_b, n_b)
            _, re_b = _removal_effects(qb, rb)
            shares[b] = re_b / re_b.sum()
            convs[b] = c_b.sum()
        lo, hi = 100 * alpha / 2, 100 * (1 - alpha / 2)
        table["share_ci_low"] = np.percentile(shares, lo, axis=0)
        table["share_ci_high"] = np.percentile(shares, hi, axis=0)
        attributed = shares * convs[:, None]
        table["conversions_ci_low"] = np.percentile(attributed, lo, axis=0)
        table["conversions_ci_high"] = np.percentile(attributed, hi, axis=0)
    labels = ["(start)", *channels, "(conversion)", "(null)"]
    full = np.zeros((n_states + 2, n_states + 2))
    full[:n_states, :n_states] = q
    full[:n_states, n_states:] = r
    tot = full.sum(1, keepdims=True)
    full = np.divide(full, tot, out=np.zeros_like(full), where=tot > 0)
    matrix = pd.DataFrame(full, index=labels, columns=labels)
    return MarkovAttribution(table, base, matrix, int(n_bootstrap), value_method=value_method)


def path_lengths(paths: pd.DataFrame, *, path: str = "path", conversions: str = "conversions",
                 nulls: str | None = None, sep: str = ">") -> pd.DataFrame:
    """Distinct paths, journeys and conversions by the number of touches in a journey.

    Rules can only disagree on journeys with two or more touches: a one-touch
    journey credits its only channel under every rule.

    Returns
    -------
    DataFrame
        Indexed by ``touches`` (1, 2, ...; lengths that occur): ``paths`` (distinct
        paths), ``journeys`` (conversions + nulls), ``conversions``.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"path": ["a", "a > b", "b"], "conversions": [2, 1, 0], "nulls": [1, 3, 4]})
    >>> path_lengths(p, nulls="nulls").to_dict("index")
    {1: {'paths': 2, 'journeys': 7.0, 'conversions': 2.0}, 2: {'paths': 1, 'journeys': 4.0, 'conversions': 1.0}}
    """
    touches, conv, _, nul = parse_paths(paths, path=path, conversions=conversions, nulls=nulls, sep=sep)
    frame = pd.DataFrame({"touches": [len(t) for t in touches], "journeys": conv + nul, "conversions": conv})
    out = frame.groupby("touches").agg(paths=("journeys", "size"), journeys=("journeys", "sum"),
                                       conversions=("conversions", "sum"))
    return out


@dataclass(repr=False)
class PathAttribution(ResultMixin):
    """Result of :func:`attribute_paths`.

    Attributes
    ----------
    table : DataFrame
        :func:`attribution_table` of the rules and the Markov chain, indexed by channel.
    lengths : DataFrame
        :func:`path_lengths` of the journeys.
    markov : MarkovAttribution
        The Markov-chain result (transition matrix, conversion probability).
    has_value : bool
        Whether the paths carry a conversion value (the ``value`` columns mean something).
    """

    table: pd.DataFrame
    lengths: pd.DataFrame
    markov: MarkovAttribution
    has_value: bool

    def summary(self) -> pd.DataFrame:
        """The attribution table (:attr:`table`)."""
        return self.table


@validate_params({"paths": FRAME, "separator": [str], "n_bootstrap": N_BOOTSTRAP, "alpha": ALPHA, "seed": SEED,
                  "value_method": [Options(VALUE_METHODS)]})
def attribute_paths(
    paths: pd.DataFrame,
    *,
    separator: str = " > ",
    n_bootstrap: int = 100,
    alpha: float = 0.05,
    seed: int | np.random.Generator = DEFAULT_SEED,
    value_method: str = "removal_share",
) -> PathAttribution:
    """Every rule and the Markov chain on the canonical ``paths`` table (``path``, ``conversions``,
    optional ``value`` and ``nulls``), with the journeys' lengths.

    ``separator`` is the table's option (``" > "`` by default); it is matched with the
    spaces around it trimmed, so ``"a>b"`` and ``"a > b"`` read alike. Without a
    ``nulls`` column every journey listed converted; without ``value`` nothing is
    valued.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.DataFrame({"path": ["a | b", "a", "b"], "conversions": [1, 0, 1], "nulls": [0, 1, 0]})
    >>> r = attribute_paths(p, separator=" | ", n_bootstrap=0)
    >>> r.table["markov"].round(4).tolist(), r.lengths["conversions"].tolist(), r.has_value
    ([0.6667, 1.3333], [1.0, 1.0], False)
    """
    sep = separator.strip() or separator
    value = "value" if "value" in paths.columns else None
    nulls = "nulls" if "nulls" in paths.columns else None
    heur = heuristic_attribution(paths, value=value, sep=sep)
    markov = markov_attribution(paths, value=value, nulls=nulls, sep=sep, n_bootstrap=n_bootstrap, alpha=alpha,
                                seed=seed, value_method=value_method)
    lengths = path_lengths(paths, nulls=nulls, sep=sep)
    has_value = value is not None and bool(pd.to_numeric(paths[value], errors="coerce").sum() > 0)
    return PathAttribution(attribution_table(heur, markov), lengths, markov, has_value)
