"""Reading a zip someone handed us without trusting it: no entry may point outside the
archive (absolute paths, drive letters, `..`: zip-slip), and no zip bomb (the total
uncompressed size and the compression ratio are limited, and checked while reading, since
the sizes in the directory can lie). Entries are read into memory, never extracted."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from core.dataset.records import DatasetError

MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, over the whole archive
_RATIO_FLOOR = 1024 * 1024  # tiny archives may compress well without being bombs


def safe_name(name: str) -> PurePosixPath:
    """The entry's path inside the archive, or DatasetError if it would leave it."""
    norm = name.replace("\\", "/")
    p = PurePosixPath(norm)
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm) or ".." in p.parts:
        raise DatasetError(f"zip entry {name!r} points outside the archive; nothing imported")
    return p


def read_members(path: Path, suffixes: tuple[str, ...]) -> dict[str, bytes]:
    """Entry path -> bytes for the entries with `suffixes`, after checking every entry."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        for info in infos:
            safe_name(info.filename)
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        _check_size(total, packed)
        out: dict[str, bytes] = {}
        read = 0
        for info in infos:
            if info.is_dir() or not info.filename.lower().endswith(suffixes):
                continue
            with z.open(info) as f:
                data = f.read(info.file_size + 1)
            if len(data) > info.file_size:
                raise DatasetError(f"zip entry {info.filename!r} is larger than it declares")
            read += len(data)
            _check_size(read, packed)
            out[str(safe_name(info.filename))] = data
        return out


def _check_size(total: int, packed: int) -> None:
    if total > MAX_TOTAL_BYTES:
        raise DatasetError(
            f"the zip unpacks to more than {MAX_TOTAL_BYTES // 2**20} MiB; nothing imported"
        )
    if total > _RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):
        raise DatasetError(
            f"the zip expands more than {MAX_RATIO} times (a zip bomb?); nothing imported"
        )
