"""Reading data files, mapping column names, and writing files atomically.

Reading
    :func:`read_table` reads CSV (UTF-8 with or without a byte-order mark, or any
    encoding given, such as ``gb18030`` for Chinese Excel exports), TSV, Parquet
    and Excel ``.xlsx`` files into a DataFrame; :func:`read_cdnow` reads the
    whitespace-separated CDNOW purchase logs. Expected problems (a missing or
    empty file, an unknown suffix, a file in another encoding, a malformed file)
    raise :class:`~analysis.errors.InputFileError` with a message that says what
    to change. Input files are only ever opened for reading.

Column names
    :func:`apply_column_mapping` renames a user's columns onto the canonical names
    of :mod:`analysis.schemas`. Messages list a file's column names through
    :func:`analysis.checks.shown_names` (shortened: never more of a file than what
    identifies the column).

Writing
    :func:`atomic_write` and the ``write_*_atomic`` helpers write to a temporary
    file in the target's folder, flush and fsync it, then move it over the target
    with :func:`os.replace`; readers therefore see either the old file or the
    complete new one, never a half-written file. On error the temporary file is
    removed and the old target is left untouched. :func:`sha256_file` gives the
    checksums recorded in report manifests.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_text_atomic(folder / "orders.csv", "CustID,Value\\n007,12.5\\n")
>>> read_table(folder / "orders.csv")["CustID"].tolist()  # zero-padded ids stay text
['007']
"""

from __future__ import annotations

from analysis.io.atomic import (
    atomic_write,
    sha256_file,
    write_bytes_atomic,
    write_csv_atomic,
    write_text_atomic,
)
from analysis.io.cdnow import read_cdnow
from analysis.io.encoding import AUTO_ENCODINGS as AUTO_ENCODINGS
from analysis.io.files import FORMATS
from analysis.io.files import SUFFIX_FORMATS as SUFFIX_FORMATS
from analysis.io.mapping import apply_column_mapping
from analysis.io.read import read_table

__all__ = [
    "FORMATS",
    "apply_column_mapping",
    "atomic_write",
    "read_cdnow",
    "read_table",
    "sha256_file",
    "write_bytes_atomic",
    "write_csv_atomic",
    "write_text_atomic",
]
