"""Bytes to str for judgment text files: UTF-8 (with or without BOM), CP932 and EUC-JP.

The candidate set is closed, so we decode strictly with each and let charset-normalizer
break the tie between CP932 and EUC-JP only when both decode (short texts can).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from core.errors import InputError

# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {0x7F}
_JAPANESE_CANDIDATES = ("cp932", "euc_jp")


def looks_binary(data: bytes) -> bool:
    """True for data that is no text file in any encoding we accept."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError naming `path` and the reason."""
    if not data:
        raise InputError(path, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise InputError(
                path,
                f"starts with a UTF-8 BOM but is not valid UTF-8 ({e.reason} at byte {e.start})",
            ) from e
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError(
                path, f"starts with a UTF-16 BOM but is not valid UTF-16 ({e.reason})"
            ) from e
    if looks_binary(data):
        raise InputError(path, "binary data, not a text file (NUL or control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded: dict[str, str] = {}
    for enc in _JAPANESE_CANDIDATES:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise InputError(
            path,
            "cannot be decoded as UTF-8, Shift_JIS (CP932) or EUC-JP; not a Japanese text file",
        )
    if len(decoded) == 1:
        ((enc, text),) = decoded.items()
        return text, enc
    enc = _tie_break(data, decoded)
    return decoded[enc], enc


def _tie_break(data: bytes, decoded: dict[str, str]) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(decoded)).best()
    if best is not None and best.encoding in decoded:
        return str(best.encoding)
    # Fall back on which reading holds more kana and common kanji.
    return max(decoded, key=lambda enc: _japanese_score(decoded[enc]))


def _japanese_score(text: str) -> float:
    good = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return good / max(1, len(text))


def read_text_file(path: str | Path) -> tuple[str, str]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(p, f"cannot be read: {e.strerror or e}") from e
    return decode_bytes(data, p)
