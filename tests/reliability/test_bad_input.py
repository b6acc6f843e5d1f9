"""Bad input at the import: every file is either imported or refused with a reason, and
the database before and after differs only by what succeeded (row counts and a hash of
every row of every table). Files are generated here; the judgment text is fictional."""

from __future__ import annotations

import codecs
import json
import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.importer import ImportResult, import_file
from core.services import add_span, load_document
from core.store.db import Store
from core.store.migrate import open_store
from core.text.offsets import OffsetMap
from core.text.readers import supported_suffixes
from tests.conftest import SAMPLE
from tests.reliability.dbcheck import changed_tables, check_sound, snapshot

BODY = "原告甲野太郎は，被告株式会社乙川商事に対し，金６０００円の支払を求めた。\n" * 3


@pytest.fixture
def env(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """A SQLite store whose default project, labels and annotator exist already, so that a
    successful import adds exactly one document and its event (and its suggestions)."""
    db = tmp_path / "bad.db"
    store = open_store(f"sqlite:///{db}")
    base = tmp_path / "base.txt"
    base.write_text(SAMPLE, encoding="utf-8")
    assert import_file(store, base, annotator="tester").status == "imported"
    yield store, db
    store.dispose()


def attempt(store: Store, db: Path, path: Path, **kw: object) -> ImportResult:
    """Import and check the contract: a failure changes nothing; a success adds one document,
    its import event and possibly suggestions, and touches no other table."""
    before = snapshot(db)
    r = import_file(store, path, annotator="tester", **kw)  # type: ignore[arg-type]
    changed = changed_tables(before, snapshot(db))
    if r.status == "failed":
        assert r.reason.strip(), "a refusal must say why"
        assert changed == {}, f"{path.name} failed ({r.reason}) but changed {changed}"
    elif r.status == "imported":
        assert changed.pop("document") == 1 and changed.pop("event") == 1, changed
        assert set(changed) <= {"span"}, f"an import also changed {changed}"
        assert r.document_id is not None
    else:
        assert r.status == "present" and changed == {}
    check_sound(db)
    return r


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# --- text files ------------------------------------------------------------------------------

REFUSED = [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 16, "binary"),
    ("nul.txt", BODY.encode() + b"\x00\x00" + BODY.encode(), "binary"),
    ("latin1.txt", "café, élève, naïve, garçon\n".encode("latin-1") * 5, "cannot be decoded"),
    (
        "mixed.txt",
        ("前半はUTF-8で書かれている。\n" * 20).encode("utf-8")
        + ("後半はシフトJISで書かれている。\n" * 20).encode("cp932"),
        "cannot be decoded",
    ),
    ("bad-bom.txt", codecs.BOM_UTF8 + BODY.encode("cp932"), "BOM"),
    ("spaces.txt", " \u3000\n\r\n\t".encode() * 10, "text"),
    ("nul.json", json.dumps({"contents": "本文\u0000です。"}).encode(), "NUL"),
    ("surrogate.json", b'{"contents": "\\u7532\\ud800\\u4e59"}', "surrogate"),
    ("low-surrogate.json", b'{"contents": "\\udc00\\u4e59\\u4e59"}', "surrogate"),
    ("no-contents.json", json.dumps({"case_number": "令和4年(ワ)第1号"}).encode(), "contents"),
    ("list.json", b"[1, 2, 3]", "object"),
    ("broken.json", b'{"contents": "abc', "invalid JSON"),
    (
        "deep.json",
        '{"contents": "本文です。", "x": '.encode() + b"[" * 100_000 + b"]" * 100_000 + b"}",
        "nested",
    ),
    ("judgment.exe", b"MZ\x90\x00", "unsupported"),
]


@pytest.mark.parametrize(("name", "data", "why"), REFUSED, ids=[r[0] for r in REFUSED])
def test_bad_files_are_refused_saying_why_and_store_nothing(
    env: tuple[Store, Path], tmp_path: Path, name: str, data: bytes, why: str
) -> None:
    store, db = env
    r = attempt(store, db, write(tmp_path, name, data))
    assert r.status == "failed"
    assert why.lower() in r.reason.lower(), r.reason


def test_non_bmp_and_emoji_keep_code_point_offsets(env: tuple[Store, Path], tmp_path: Path) -> None:
    store, db = env
    text = "𠮷田花子（原告）は😀と言った。𠮷野家🍣に行った。\n" + BODY
    r = attempt(store, db, write(tmp_path, "astral.txt", text.encode("utf-8")))
    assert r.status == "imported"
    doc = load_document(store, r.document_id or 0)
    i = doc.text.index("𠮷野家")
    sp = add_span(store, doc.id, "ORG", i, i + 3)
    assert sp.text == "𠮷野家" and sp.end - sp.start == 3  # code points, not UTF-16 units
    assert "😀" in doc.text and "🍣" in doc.text


def test_escaped_surrogate_pair_in_json_is_one_character(
    env: tuple[Store, Path], tmp_path: Path
) -> None:
    store, db = env
    rec = b'{"contents": "\\ud842\\udfb7\\u7530\\u3055\\u3093\\u306f\\u539f\\u544a\\u3002"}'
    r = attempt(store, db, write(tmp_path, "pair.json", rec))
    assert r.status == "imported"
    assert load_document(store, r.document_id or 0).text.startswith("𠮷田さんは原告。")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_crlf_is_shown_as_lf_and_maps_back_to_the_raw_text(
    env: tuple[Store, Path], tmp_path: Path, encoding: str
) -> None:
    store, db = env
    raw = BODY.replace("\n", "\r\n") + "以上\r\n"
    r = attempt(store, db, write(tmp_path, f"crlf-{encoding}.txt", raw.encode(encoding)))
    assert r.status == "imported", r.reason
    doc = load_document(store, r.document_id or 0)
    assert "\r" not in doc.text
    con = sqlite3.connect(db)
    try:
        stored_raw, omap = con.execute(
            "SELECT raw_text, offset_map FROM document WHERE id = ?", (doc.id,)
        ).fetchone()
    finally:
        con.close()
    assert stored_raw == raw  # raw text byte-for-byte apart from decoding
    m = OffsetMap.from_json(json.loads(omap))
    i = doc.text.index("以上")
    rs, re_ = m.to_raw(i, i + 2)
    assert raw[rs:re_] == "以上"


def test_json_record_missing_fields_imports_what_is_there(
    env: tuple[Store, Path], tmp_path: Path
) -> None:
    store, db = env
    rec = {"contents": BODY, "court_name": "架空地方裁判所"}  # no date, no case number
    r = attempt(store, db, write(tmp_path, "sparse.json", json.dumps(rec).encode()))
    assert r.status == "imported", r.reason
    doc = load_document(store, r.document_id or 0)
    assert doc.metadata.get("court") == "架空地方裁判所"
    assert "date" not in doc.metadata and "case_number" not in doc.metadata
    assert doc.title == "sparse"


@pytest.mark.parametrize(
    "date",
    [
        {"era": "令和", "year": "元", "month": 1, "day": 1},
        {"era": "令和", "year": 4, "month": 2, "day": 30},
        {"era": "令和", "year": None},
        "2022-01-01",
    ],
)
def test_json_record_with_a_bad_date_imports_without_it(
    env: tuple[Store, Path], tmp_path: Path, date: object
) -> None:
    store, db = env
    rec = {"contents": BODY, "date": date, "case_number": "令和4年(ワ)第2号"}
    r = attempt(store, db, write(tmp_path, "baddate.json", json.dumps(rec).encode()))
    assert r.status == "imported", r.reason
    meta = load_document(store, r.document_id or 0).metadata
    assert "date" not in meta and meta["case_number"] == "令和4年(ワ)第2号"


@pytest.mark.parametrize("year", ["Infinity", "100000000000000000000"])
def test_json_record_with_an_absurd_year_imports_without_date(
    env: tuple[Store, Path], tmp_path: Path, year: str
) -> None:
    store, db = env
    date = '{"era": "令和", "year": ' + year + ', "month": 1, "day": 1}'
    rec = '{"contents": ' + json.dumps(BODY) + ', "date": ' + date + "}"
    r = attempt(store, db, write(tmp_path, "absurd.json", rec.encode()))
    assert r.status == "imported", r.reason


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".txt", ".json"])
def test_a_100_mb_file_is_refused_without_reading_it(
    env: tuple[Store, Path], tmp_path: Path, suffix: str
) -> None:
    store, db = env
    p = tmp_path / f"huge{suffix}"
    chunk = (BODY * 200).encode()
    with p.open("wb") as f:
        if suffix == ".json":
            f.write(b'{"contents": "')
        while f.tell() < 100_000_000:
            f.write(chunk.replace(b"\n", b"\\n") if suffix == ".json" else chunk)
        if suffix == ".json":
            f.write(b'"}')
    tracemalloc.start()
    try:
        r = attempt(store, db, p)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.status == "failed" and "too long" in r.reason and "characters" in r.reason
    assert peak < 20_000_000, f"refusing a 100 MB file allocated {peak / 1e6:.0f} MB"


# --- PDF and HTML: only the contract (their readers belong to the text pipeline) -------------


def test_pdf_problems_are_refused_saying_why(env: tuple[Store, Path], tmp_path: Path) -> None:
    pytest.importorskip("core.text.pdf")
    from tests.core.text.pdfgen import make_image_only_pdf, make_judgment_pdf

    store, db = env
    enc = make_judgment_pdf(tmp_path / "enc.pdf", encrypt="secret")
    good = make_judgment_pdf(tmp_path / "good.pdf").read_bytes()
    cut = write(tmp_path, "cut.pdf", good[: len(good) // 2])
    img = make_image_only_pdf(tmp_path / "scan.pdf")
    junk = write(tmp_path, "junk.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    for path, why in ((enc, "password"), (cut, "truncated"), (img, "text layer"), (junk, "pdf")):
        r = attempt(store, db, path)
        assert r.status == "failed" and why in r.reason.lower(), (path.name, r.reason)


@pytest.mark.slow
def test_a_10000_page_pdf_imports_or_is_refused_cleanly(
    env: tuple[Store, Path], tmp_path: Path
) -> None:
    pytest.importorskip("core.text.pdf")
    from tests.core.text.pdfgen import make_judgment_pdf

    store, db = env
    pages = [
        [f"第{n}　争点{n}について", f"証人{n}号の証言によれば，被告は金{n * 7}円を受け取った。"]
        for n in range(1, 10_001)
    ]
    p = make_judgment_pdf(tmp_path / "long.pdf", pages=pages)
    r = attempt(store, db, p, suggest=False)
    assert r.status in ("imported", "failed")
    if r.status == "imported":
        text = load_document(store, r.document_id or 0).text
        # (the first line of every page looks like a running header to the pipeline)
        assert "証人1号" in text and "被告は金70000円を受け取った" in text


def test_deeply_nested_html_imports_or_is_refused_cleanly(
    env: tuple[Store, Path], tmp_path: Path
) -> None:
    pytest.importorskip("core.text.html")
    store, db = env
    html = "<html><body>" + "<div>" * 50_000 + "<p>被告は原告に金5000円を支払え。</p>"
    html += "</div>" * 50_000 + "</body></html>"
    r = attempt(store, db, write(tmp_path, "deep.html", html.encode()))
    assert r.status in ("imported", "failed"), r.reason
    if r.status == "imported":
        assert "金5000円を支払え" in load_document(store, r.document_id or 0).text


def test_html_with_markup_in_it_is_stored_as_text(env: tuple[Store, Path], tmp_path: Path) -> None:
    pytest.importorskip("core.text.html")
    store, db = env
    page = (
        "<html><body><p>原告は「&lt;b&gt;」と書いた。</p><script>alert(1)</script>"
        "<p>被告は金5000円を支払え。</p></body></html>"
    )
    r = attempt(store, db, write(tmp_path, "page.html", page.encode()))
    assert r.status == "imported", r.reason
    text = load_document(store, r.document_id or 0).text
    assert "「<b>」" in text and "alert(1)" not in text


# --- fuzzing -------------------------------------------------------------------------------

_FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_TEXTISH = st.text(
    alphabet=st.sampled_from(list("原告被告金円年月日第１2ｶﾞＡ\u3000 \r\n\t𠮷😀{}[]\":,\\<>&")),
    max_size=200,
)


def _json_values() -> st.SearchStrategy[object]:
    leaf = st.none() | st.booleans() | st.integers() | st.floats() | _TEXTISH
    return st.recursive(
        leaf, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(_TEXTISH, kids, max_size=3)
    )


def _fuzz_bytes(suffix: str) -> st.SearchStrategy[bytes]:
    texts = _TEXTISH.flatmap(
        lambda t: st.sampled_from(["utf-8", "cp932", "euc_jp", "utf-16"]).map(
            lambda enc: t.encode(enc, "replace")
        )
    )
    dates = st.fixed_dictionaries(
        {
            "era": st.sampled_from(["令和", "平成", "昭和", "R", "h", "?"]),
            # boundary values first: a fuzzer is allowed to know where bugs live
            "year": st.sampled_from([float("inf"), float("nan"), 10**20, -1, 0, "元", "5"])
            | st.integers()
            | st.floats()
            | _json_values(),
            "month": st.integers(-2, 14) | _json_values(),
            "day": st.integers(-2, 40) | _json_values(),
        }
    )
    records = st.fixed_dictionaries(
        {"contents": st.just(BODY) | _TEXTISH | _json_values()},
        optional={
            "date": dates | _json_values(),
            "case_number": _json_values(),
            "x": _json_values(),
        },
    ).map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if suffix == ".json":
        return st.one_of(st.binary(max_size=400), texts, records, records, records)
    return st.binary(max_size=400) | texts


@pytest.mark.slow
@pytest.mark.parametrize("suffix", supported_suffixes())
def test_random_bytes_never_raise_and_never_write_partly(
    env: tuple[Store, Path], tmp_path: Path, suffix: str
) -> None:
    store, db = env
    counter = iter(range(1_000_000))

    @_FUZZ
    @given(_fuzz_bytes(suffix))
    def run(data: bytes) -> None:
        p = write(tmp_path, f"fuzz{next(counter)}{suffix}", data)
        attempt(store, db, p)  # raises on an exception or a partial write

    run()


def test_the_contract_check_sees_a_partial_write(env: tuple[Store, Path], tmp_path: Path) -> None:
    """The harness itself: a failure that left a row behind must not pass."""
    store, db = env
    before = snapshot(db)
    with store.write() as s:
        from sqlalchemy import text

        s.execute(text("UPDATE label SET name = name || '!' WHERE id = 1"))
    assert changed_tables(before, snapshot(db)) == {"label": 0}


def test_sqlite_checks_pass_on_a_fresh_env(env: tuple[Store, Path]) -> None:
    check_sound(env[1])



# The normaliser on random text: pieces that each step reacts to, in any order.
_NORM_PIECES = st.sampled_from(
    [*"原告被告は金円を支払えア第１2３ＡｚＡ！（）。，・-−", "ｶﾞ", "ﾊﾟ", "ｱ", "ｰ", "\u3000",
     " ", "\t", "\r\n", "\r", "\n", "\n\n", "\f", "𠮷", "😀", "主　　文", "事 実 及 び 理 由",
     "- 1 -", "−２−", "1", "(1)", "第2"]
)
_RAW = st.lists(_NORM_PIECES, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(_RAW, st.data())
def test_normaliser_map_is_monotonic_and_round_trips(raw: str, data: st.DataObject) -> None:
    from core.text.pipeline import NormalizeOptions, normalize

    flags = data.draw(st.lists(st.booleans(), min_size=5, max_size=5))
    res = normalize(raw, NormalizeOptions(*flags))
    m = res.offsets
    assert len(m) == len(res.text) and m.raw_len == len(raw)
    assert "\r" not in res.text
    prev_s = prev_e = 0
    for i in range(len(m)):
        s, e = m.source(i)
        assert prev_s <= s <= e <= len(raw) and e >= prev_e, (i, s, e)
        prev_s, prev_e = s, e
    assert OffsetMap.from_json(json.loads(json.dumps(m.to_json()))) == m
    n = len(res.text)
    if n:
        i = data.draw(st.integers(0, n - 1))
        j = data.draw(st.integers(i + 1, n))
        rs, re_ = m.to_raw(i, j)
        assert 0 <= rs <= re_ <= len(raw)
        assert m.from_raw(rs, re_) == (i, j)
    rs = data.draw(st.integers(0, len(raw)))
    re_ = data.draw(st.integers(rs, len(raw)))
    a, b = m.from_raw(rs, re_)
    if a < b:  # the text it finds comes from inside the raw span
        s2, e2 = m.to_raw(a, b)
        assert rs <= s2 and e2 <= re_
