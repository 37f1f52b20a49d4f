"""Chinese in figures on any machine: a bundled subset of an OFL CJK font, system fonts first.

Matplotlib's default font (DejaVu Sans) has no Chinese glyphs, so a Chinese title
would come out as empty boxes. Every figure's font list is DejaVu Sans for Latin
text followed by a CJK font for the rest (matplotlib falls back glyph by glyph):
a CJK font the system has (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi,
Microsoft YaHei, PingFang SC, SimHei), else the subset bundled in ``fonts/``.

The bundled font is Noto Sans CJK SC Regular (SIL Open Font License 1.1, licence in
``fonts/OFL.txt``) cut by :func:`build_subset` with fontTools to the characters
the Chinese catalogs use (Simplified and their Traditional conversion) plus the
3,755 common characters of GB 2312 level 1 and their Traditional forms, and
renamed (a modified font may not keep the original's name). A test fails when a
catalog uses a character the subset lacks: rebuild it with
``python -m analysis.plots.cjk_font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc``
(Debian's ``fonts-noto-cjk``).
"""

from __future__ import annotations

import dataclasses
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["FONT_PATH", "FAMILY", "SYSTEM_FAMILIES", "font_families", "needed_text", "build_subset"]

FONT_PATH = Path(__file__).resolve().parent / "fonts" / "AnalysisCJK-Regular.otf"
#: the bundled subset's family name
FAMILY = "Analysis CJK"
#: CJK families preferred when the system has them (full coverage of any data value)
SYSTEM_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                   "Microsoft YaHei", "PingFang SC", "SimHei")


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """The font list of every figure: DejaVu Sans, then a system CJK family or the bundled one.

    Examples
    --------
    >>> font_families()[0]
    'DejaVu Sans'
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    system = [name for name in SYSTEM_FAMILIES if name in installed]
    if FAMILY not in installed and FONT_PATH.is_file():
        font_manager.fontManager.addfont(str(FONT_PATH))
        # one weight is bundled: let bold titles use it (as a weight of its own) rather than log a fallback
        regular = next(f for f in font_manager.fontManager.ttflist if f.name == FAMILY)
        font_manager.fontManager.ttflist.append(dataclasses.replace(regular, weight=700))
    return ("DejaVu Sans", *system[:1], FAMILY)


def _gb2312_level1() -> str:
    """The 3,755 characters of GB 2312 level 1 (rows 16-55), the common characters of Chinese."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def needed_text() -> str:
    """Every character the bundled font must hold: Latin-1, CJK punctuation, the Chinese catalogs and
    the common characters, each in Simplified and Traditional form."""
    from analysis.messages import catalog, to_traditional

    simplified = "".join(catalog("zh").values()) + _gb2312_level1()
    text = simplified + to_traditional(simplified) + "".join(catalog("zh-Hant").values())
    punctuation = "，。、；：？！“”‘’（）《》〈〉【】—…·～￥％＋－×÷＝＜＞　"
    return "".join(sorted(set(text + punctuation + "".join(map(chr, range(0x20, 0x100))))))


def build_subset(source: str | Path, target: str | Path = FONT_PATH, text: str | None = None) -> Path:
    """Cut Noto Sans CJK SC (*source*: the ``.otf``, or the ``.ttc`` holding it) to *text* and rename it.

    Examples
    --------
    >>> build_subset("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # doctest: +SKIP
    """
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    source = Path(source)
    if source.suffix.lower() == ".ttc":
        fonts = TTCollection(str(source)).fonts
        font = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        font = TTFont(str(source))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.notdef_outline = True
    options.hinting = False  # figures are rendered at 120 dpi and up: hints add size, not legibility
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=needed_text() if text is None else text)
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY if record.nameID != 4 else f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
        elif record.nameID == 3:
            record.string = f"{FAMILY.replace(' ', '')}-Regular;subset of Noto Sans CJK SC"
    names.names = [r for r in names.names if r.nameID not in (16, 17, 21, 22)]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return target


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    print(build_subset(sys.argv[1]))
