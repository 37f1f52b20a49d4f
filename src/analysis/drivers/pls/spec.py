"""The model a PLS path model estimates: structural paths, item blocks and modes, checked once."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from analysis.checks import Interval, Options, check_params
from analysis.errors import ParameterError

__all__ = ["MODES", "SCHEMES", "model_spec"]

SCHEMES = ("centroid", "factorial", "path")
MODES = ("A", "B")

#: the settings of :class:`~analysis.drivers.PLSPathModel`, declared once
PARAMETER_CONSTRAINTS = {
    "modes": [Options(MODES), Mapping],
    "scheme": [Options(SCHEMES)],
    "scaled": [bool],
    "max_iter": [Interval(int, 2, None, closed="left")],
    "tol": [Interval(float, 0, 1, closed="neither")],
}


def model_spec(paths, blocks, modes, scheme: str, scaled: bool, max_iter: int, tol: float,
               anchors: Mapping[str, str] | None = None) -> dict:
    """Check the settings of a PLS path model and turn them into index arrays for the estimation."""
    check_params(PARAMETER_CONSTRAINTS, {"modes": modes, "scheme": scheme, "scaled": scaled,
                                         "max_iter": max_iter, "tol": tol}, "PLSPathModel")
    if not isinstance(blocks, Mapping) or not blocks:
        raise ParameterError("blocks must be a non-empty mapping {construct: [item, ...]}.")
    constructs = [str(c) for c in blocks]
    items: list[str] = []
    owner: dict[str, str] = {}
    for c, its in blocks.items():
        its = [its] if isinstance(its, str) else list(its)
        if not its:
            raise ParameterError(f"block {c!r} has no items.")
        for it in its:
            if it in owner:
                raise ParameterError(f"item {it!r} is in blocks {owner[it]!r} and {c!r}; an item measures one "
                                     f"construct only.")
            owner[it] = c
        items.extend(its)
    if isinstance(modes, str):
        mode_list = [modes] * len(constructs)
    else:
        unknown = [c for c in modes if c not in blocks]
        if unknown:
            raise ParameterError(f"modes names construct(s) {unknown} that have no block; blocks: {constructs}.")
        mode_list = [modes.get(c, "A") for c in constructs]
    bad = sorted({m for m in mode_list if m not in MODES})
    if bad:
        raise ParameterError(f"The 'modes' parameter of PLSPathModel takes 'A' or 'B'; got {bad}.")
    a = _normalise_paths(paths, constructs)
    sizes = [len([b] if isinstance(b, str) else list(b)) for b in blocks.values()]
    starts = np.cumsum([0] + sizes)
    block_index = [np.arange(starts[j], starts[j + 1]) for j in range(len(constructs))]
    odm = np.zeros((len(items), len(constructs)))
    for j, idx in enumerate(block_index):
        odm[idx, j] = 1.0
    return {"constructs": constructs, "items": items, "owner": owner, "modes": mode_list, "a": a,
            "blocks": block_index, "odm": odm, "scheme": scheme, "scaled": bool(scaled),
            "tol": float(tol), "max_iter": int(max_iter), "anchor": _anchor_index(anchors, constructs, items, owner)}


def _anchor_index(anchors: Mapping[str, str] | None, constructs: list[str], items: list[str],
                  owner: dict[str, str]) -> np.ndarray:
    """Per construct, the position of its anchor item among all items (-1: no anchor)."""
    out = np.full(len(constructs), -1)
    if anchors is None:
        return out
    if not isinstance(anchors, Mapping):
        raise ParameterError(f"anchors must be a mapping {{construct: item}}; got {type(anchors).__name__}.")
    for construct, item in anchors.items():
        if construct not in constructs:
            raise ParameterError(f"anchors names construct {construct!r}, which has no block; blocks: {constructs}.")
        if owner.get(item) != construct:
            raise ParameterError(
                f"the anchor of {construct!r} must be one of its own items "
                f"{[i for i in items if owner[i] == construct]}; got {item!r}."
            )
        out[constructs.index(construct)] = items.index(item)
    return out


def _normalise_paths(paths, constructs: list[str]) -> np.ndarray:
    """Adjacency matrix A[from, to] = 1 from a mapping or a list of (from, to) pairs."""
    if isinstance(paths, Mapping):
        pairs = []
        for src, targets in paths.items():
            if isinstance(targets, str):
                targets = [targets]
            pairs.extend((src, t) for t in targets)
    else:
        pairs = [tuple(p) for p in paths]
        bad = [p for p in pairs if len(p) != 2]
        if bad:
            raise ParameterError(f"paths must be (from, to) pairs; got {bad[:3]}.")
    if not pairs:
        raise ParameterError("paths is empty: name at least one structural path, e.g. {'QUAL': ['SAT']}.")
    index = {c: i for i, c in enumerate(constructs)}
    unknown = sorted({c for p in pairs for c in p if c not in index})
    if unknown:
        raise ParameterError(
            f"path construct(s) {unknown} have no item block; blocks are defined for {constructs}. "
            f"Add their items to `blocks` or fix the names in `paths`."
        )
    a = np.zeros((len(constructs), len(constructs)))
    for src, dst in pairs:
        if src == dst:
            raise ParameterError(f"path {src!r} -> {dst!r} points a construct at itself.")
        a[index[src], index[dst]] = 1.0
    if (a * a.T).any():
        i, j = np.argwhere(a * a.T)[0]
        raise ParameterError(
            f"paths {constructs[i]!r} -> {constructs[j]!r} and back form a loop; PLS path models "
            f"must be recursive (no feedback loops)."
        )
    # acyclic: nilpotent adjacency
    if np.linalg.matrix_power(a, len(constructs)).any():
        raise ParameterError("paths contain a directed cycle; PLS path models must be recursive.")
    isolated = [c for i, c in enumerate(constructs) if not a[i].any() and not a[:, i].any()]
    if isolated:
        raise ParameterError(
            f"construct(s) {isolated} have a block but take part in no path; connect them or drop their block."
        )
    return a


def _topological(a: np.ndarray) -> list[int]:
    order, remaining = [], set(range(len(a)))
    while remaining:
        ready = [j for j in sorted(remaining) if not any(a[i, j] for i in remaining)]
        order.extend(ready)
        remaining -= set(ready)
    return order
