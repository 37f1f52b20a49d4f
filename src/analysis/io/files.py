"""Checks shared by the readers: the file exists and is readable, its format, its bytes."""

from __future__ import annotations

import bz2
import difflib
import gzip
import lzma
import os
from pathlib import Path

from analysis.errors import InputFileError, ParameterError

FORMATS: tuple[str, ...] = ("csv", "tsv", "parquet", "excel", "cdnow")
SUFFIX_FORMATS: dict[str, str] = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "tsv",
    ".parquet": "parquet", ".pq": "parquet", ".xlsx": "excel", ".xlsm": "excel", ".xls": "excel",
}
_COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zip", ".zst")


def _check_file(path: str | os.PathLike[str]) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        hint = ""
        if p.parent.is_dir():
            near = difflib.get_close_matches(p.name, [c.name for c in p.parent.iterdir()], n=3, cutoff=0.8)
            if near:
                hint = " Files with similar names in that folder: " + ", ".join(near) + "."
        raise InputFileError(f"File not found: {p} (absolute path {p.absolute()}).{hint}")
    if p.is_dir():
        raise InputFileError(f"{p} is a folder, not a file: give the path of the data file inside it.")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputFileError(f"Cannot read {p}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise InputFileError(f"{p} is empty (0 bytes): it holds no header and no data rows.")
    if not os.access(p, os.R_OK):
        raise InputFileError(f"Cannot read {p}: permission denied.")
    return p


def _infer_format(p: Path, format: str | None) -> str:
    if format is not None:
        fmt = str(format).lower()
        if fmt in ("xlsx", "xls"):
            fmt = "excel"
        if fmt == "pq":
            fmt = "parquet"
        if fmt not in FORMATS:
            raise ParameterError(f"Unknown format {format!r}; use one of {', '.join(FORMATS)}.")
        return fmt
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSION_SUFFIXES:
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    known = ", ".join(sorted(SUFFIX_FORMATS))
    raise InputFileError(
        f"Cannot tell the format of {p} from its suffix {suffix or '(none)'!r}. Known suffixes: {known}. "
        f"Rename the file or pass format= one of {', '.join(FORMATS)} (in a study YAML: format: csv)."
    )


def _raw_bytes(p: Path) -> bytes:
    """The file's bytes, decompressed for .gz/.bz2/.xz."""
    suffix = p.suffix.lower()
    opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(suffix)
    try:
        if opener is not None:
            with opener(p, "rb") as fh:
                return fh.read()
        return p.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Cannot read {p}: {exc}.") from exc
