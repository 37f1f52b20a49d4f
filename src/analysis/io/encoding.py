"""Text encodings: detection among UTF-8 / GB18030 / Windows-1252 and the not-UTF-8 message.

A Chinese Excel export (GBK/GB18030) read as UTF-8 fails with a message that
says which encoding= reads it.
"""

from __future__ import annotations

from pathlib import Path

from analysis.errors import InputFileError

AUTO_ENCODINGS: tuple[str, ...] = ("utf-8-sig", "gb18030", "cp1252")


def _looks_chinese(text: str) -> bool:
    """True when most non-ASCII characters are common Chinese (GB2312) characters."""
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return False
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common >= 0.8 * len(wide)


def detect_encoding(data: bytes) -> str | None:
    """The first of utf-8-sig / gb18030 / cp1252 that fits *data*, or None."""
    try:
        data.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return "gb18030"
    except UnicodeDecodeError:
        text = None
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "gb18030" if text is not None else None


def _not_utf8_error(p: Path, data: bytes, encoding: str, exc: UnicodeDecodeError | None) -> InputFileError:
    where = ""
    if exc is not None and exc.object is data:
        where = f" (byte 0x{data[exc.start]:02X} at offset {exc.start} is not valid {encoding})"
    else:
        try:
            data.decode(encoding)
        except UnicodeDecodeError as inner:
            where = f" (byte 0x{data[inner.start]:02X} at offset {inner.start} is not valid {encoding})"
        except LookupError:
            pass
    guess = detect_encoding(data)
    name = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8") else encoding
    if guess == "gb18030":
        fix = ('It decodes as GB18030, the encoding of Chinese Windows/Excel exports: read it with '
               'encoding="gb18030" (in a study YAML: encoding: gb18030).')
    elif guess == "cp1252":
        fix = ('It decodes as Windows-1252 (Western European Excel exports): read it with encoding="cp1252", '
               'or encoding="auto" to detect it.')
    elif guess == "utf-8-sig":
        fix = 'It is UTF-8: read it without encoding= (or encoding="utf-8").'
    else:
        fix = 'Save it as UTF-8, or pass the right encoding= (for example "gb18030" or "cp1252").'
    return InputFileError(f"{p} is not {name} text{where}. {fix}")
