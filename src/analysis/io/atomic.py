"""Atomic writes (temporary file, fsync, :func:`os.replace`) and file checksums."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from analysis.errors import InputFileError, ParameterError


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file that replaces *path* only if the block succeeds.

    Parameters
    ----------
    path : str or path-like
        The target file. Missing parent folders are created.
    mode : {"w", "wt", "wb"}, default "w"
        Text or binary. Text is written without newline translation (``"\\n"``
        stays ``"\\n"`` on every platform, so outputs are byte-identical).
    encoding : str, default "utf-8"
        Text encoding; ignored in binary mode.

    Yields
    ------
    file object
        Write to it inside the ``with`` block.

    Notes
    -----
    The temporary file lives in the target's folder (so :func:`os.replace` is an
    atomic rename); it is flushed and fsynced before the rename. If the block
    raises, the temporary file is removed, the target is left as it was and the
    exception propagates. A new file gets the usual permissions (0666 less the
    umask); a replaced file keeps its permissions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> with atomic_write(target) as fh:
    ...     _ = fh.write("hello\\n")
    >>> target.read_text()
    'hello\\n'
    """
    if mode not in ("w", "wt", "wb"):
        raise ParameterError(f"mode must be 'w', 'wt' or 'wb'; got {mode!r}.")
    target = Path(path).expanduser()
    if target.is_dir():
        raise InputFileError(f"Cannot write {target}: it is a folder.")
    target.parent.mkdir(parents=True, exist_ok=True)
    binary = mode == "wb"
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)  # reopened by name so that the file object's .name is the temporary path
    tmp = Path(tmp_name)
    try:
        with open(tmp, mode, encoding=None if binary else (encoding or "utf-8"),
                  newline=None if binary else "") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            perms = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            perms = 0o666 & ~_umask()
        os.chmod(tmp, perms)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write *text* to *path* atomically (see :func:`atomic_write`); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_text_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.txt", "x")
    >>> p.read_text()
    'x'
    """
    with atomic_write(path, "w", encoding=encoding) as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write *data* to *path* atomically (see :func:`atomic_write`); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> write_bytes_atomic(pathlib.Path(tempfile.mkdtemp()) / "a.bin", b"\\x00\\x01").read_bytes()
    b'\\x00\\x01'
    """
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)


def write_csv_atomic(df: pd.DataFrame, path: str | os.PathLike[str], **to_csv_kw: Any) -> Path:
    """Write *df* as CSV to *path* atomically; return the path.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    path : str or path-like
        The target file.
    **to_csv_kw
        Passed to :meth:`pandas.DataFrame.to_csv`. Defaults differ from pandas in
        two ways: ``index=False`` (tidy tables carry their keys as columns) and
        ``lineterminator="\\n"``. ``encoding`` (default UTF-8) opens the file;
        ``"utf-8-sig"`` writes a byte-order mark for Excel users.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> p = write_csv_atomic(pd.DataFrame({"a": [1, 2]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    'a\\n1\\n2\\n'
    """
    kw = dict(to_csv_kw)
    kw.setdefault("index", False)
    kw.setdefault("lineterminator", "\n")
    encoding = kw.pop("encoding", "utf-8")
    with atomic_write(path, "w", encoding=encoding) as fh:
        df.to_csv(fh, **kw)
    return Path(path)


def sha256_file(path: str | os.PathLike[str]) -> str:
    """The SHA-256 checksum of a file, as 64 hex digits.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "empty"
    >>> _ = p.write_bytes(b"")
    >>> sha256_file(p)[:12]
    'e3b0c44298fc'
    """
    p = Path(path).expanduser()
    if not p.is_file():
        raise InputFileError(f"Cannot checksum {p}: " + ("it is a folder." if p.is_dir() else "file not found."))
    digest = hashlib.sha256()
    with open(p, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
