"""Traditional Chinese (zh-Hant) from the Simplified catalogs: OpenCC plus a reviewed list of terms.

OpenCC's ``s2twp`` converts characters and the common Taiwan phrasings (数据库 ->
資料庫, 信息 -> 資訊). Marketing terms that a character-by-character or generic
conversion gets wrong for a Traditional-Chinese course are in :data:`TERMS`, applied
first; template fields (``{name:,.0f}``), code in backticks and Latin text are never
converted.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: reviewed terms: Simplified -> the Traditional term a Taiwan/Hong Kong marketing course uses
TERMS = {
    "营销": "行銷",
    "渠道": "通路",
    "质量": "品質",
    "服务质量": "服務品質",
    "积分": "點數",
    "数据": "資料",
    "数据库": "資料庫",
    "计算机": "電腦",
    "默认": "預設",
    "信息": "資訊",
    "文件": "檔案",
    "软件": "軟體",
    "网站": "網站",
    "客户关系管理": "顧客關係管理",
    "程序": "程式",
    "视频": "影片",
    "质量控制": "品質管制",
    "项目": "項目",
    "打印": "列印",
    "样本": "樣本",
    "支持度": "支持度",  # association rules' support: OpenCC's phrase table would make it 支援度
}
_KEEP = re.compile(r"(\{[^{}]*\}|`[^`]*`|[A-Za-z][A-Za-z0-9_./-]*)")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("s2twp")


def to_traditional(text: str) -> str:
    """*text* (Simplified Chinese) in Traditional Chinese, fields and code kept as they are.

    Examples
    --------
    >>> to_traditional("渠道营销的数据：{n:,} 位客户")
    '通路行銷的資料：{n:,} 位客戶'
    """
    kept: list[str] = []

    def hold(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\uE000{len(kept) - 1}\uE001"

    marked = _KEEP.sub(hold, text)
    for simplified in sorted(TERMS, key=len, reverse=True):
        if simplified in marked:
            kept.append(TERMS[simplified])
            marked = marked.replace(simplified, f"\uE000{len(kept) - 1}\uE001")
    converted = _converter().convert(marked)
    return re.sub("\uE000(\\d+)\uE001", lambda m: kept[int(m.group(1))], converted)
