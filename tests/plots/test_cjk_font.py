"""Chinese in figures on a machine without CJK fonts: the bundled subset draws every Chinese text the
catalogs have, with no missing-glyph warning, in a clean matplotlib cache (issue 16's check)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from analysis.plots.cjk_font import FAMILY, FONT_PATH, font_families

SCRIPT = textwrap.dedent("""
    import warnings
    warnings.filterwarnings("error", message=".*[Gg]lyph.*missing")  # a missing glyph warns: fail on it
    import analysis.plots.cjk_font as cjk
    cjk.SYSTEM_FAMILIES = ()  # as on a machine without CJK fonts
    from analysis.messages import _catalog
    from analysis.plots.style import figure_style, new_figure
    assert cjk.font_families() == ("DejaVu Sans", cjk.FAMILY), cjk.font_families()
    for language in ("zh", "zh-Hant"):
        texts = [t for k, t in _catalog(language).items() if ".fig." in k or ".axis." in k or k.startswith("glossary.")]
        with figure_style():
            fig, ax = new_figure()
            for i, text in enumerate(texts):
                ax.text(0, i, text.replace("{", "").replace("}", ""))
            ax.set_title("客户生命周期价值 P(alive) 客戶存活機率")
        fig.savefig("/dev/null", format="png")
    print(len(texts))
""")


def test_figures_draw_chinese_with_the_bundled_font_alone(tmp_path):
    env = {"MPLCONFIGDIR": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert int(result.stdout.strip()) > 100
    assert "findfont" not in result.stderr and "missing from" not in result.stderr, result.stderr[-2000:]


def test_the_font_list_puts_latin_first_and_a_cjk_font_behind():
    families = font_families()
    assert families[0] == "DejaVu Sans" and families[-1] == FAMILY
    assert FONT_PATH.is_file() and (FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
