"""Decoding judgment text files: the four encodings, and clear refusals."""

from __future__ import annotations

import codecs

import pytest

from core.errors import InputError
from core.text.decode import decode_bytes

TEXT = "被告は，原告に対し，１１３万１３０２円を支払え。𠮷田"
SJIS_TEXT = TEXT.replace("𠮷", "吉")  # CP932 and EUC-JP cannot hold 𠮷


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (SJIS_TEXT.encode("cp932"), SJIS_TEXT, "cp932"),
        (SJIS_TEXT.encode("euc_jp"), SJIS_TEXT, "euc_jp"),
        ("①～③の㈱".encode("cp932"), "①～③の㈱", "cp932"),  # NEC/IBM extensions of CP932
    ],
)
def test_decodes_the_accepted_encodings(data: bytes, expected: str, encoding: str) -> None:
    text, enc = decode_bytes(data, "x.txt")
    assert text == expected
    assert enc == encoding


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\xfd\xfe\x80\xa0\xfc\x81" * 20, "cannot be decoded"),
        (codecs.BOM_UTF8 + b"\xff\xfe\x80", "BOM"),
    ],
)
def test_refuses_with_the_file_and_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        decode_bytes(data, "/some/where/bad.txt")
    assert e.value.path == "/some/where/bad.txt"
    assert reason in e.value.reason
    assert "bad.txt" in str(e.value)
