from __future__ import annotations

from pathlib import Path

from core.text.readers import read_document


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_blocks_become_lines_scripts_dropped_entities_decoded(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>判決 &amp; 記録</title>
    <style>p { color: red }</style><script>var x = "主文";</script></head>
    <body><nav><ul><li>ホーム</li><li>戻る</li></ul></nav>
    <h1>主　文</h1><p>被告は，原告に対し，金１００万円を支払え。</p>
    <div>第１&nbsp;請求<br>甲&lt;乙&gt;</div><noscript>JavaScriptを有効に</noscript>
    <table><tr><td>原告</td><td>甲野太郎</td></tr></table></body></html>"""
    doc = read_document(_write(tmp_path, "page.html", html.encode("utf-8")))
    assert doc.kind == "html"
    assert doc.title == "判決 & 記録"
    lines = doc.raw_text.split("\n")
    assert lines[:3] == ["ホーム", "戻る", "主　文"]
    assert "被告は，原告に対し，金１００万円を支払え。" in lines
    assert "第１\u00a0請求" in lines and "甲<乙>" in lines
    assert "原告\t甲野太郎" in lines
    assert "var x" not in doc.raw_text and "color" not in doc.raw_text
    assert "JavaScript" not in doc.raw_text


def test_source_line_breaks_inside_japanese_text_add_no_space(tmp_path: Path) -> None:
    html = "<p>本件は，\n    原告が請求する事案である。 A\n B</p>"
    doc = read_document(_write(tmp_path, "p.html", html.encode("utf-8")))
    assert doc.raw_text == "本件は，原告が請求する事案である。 A B"


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = '<html><head><meta charset="Shift_JIS"></head><body><p>主文　被告は支払え。</p></body>'
    doc = read_document(_write(tmp_path, "sj.html", html.encode("cp932")))
    assert doc.raw_text == "主文　被告は支払え。"
    assert doc.encoding == "shift_jis"
    html2 = ('<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">'
             "<p>判決</p>")
    doc2 = read_document(_write(tmp_path, "euc.html", html2.encode("euc_jp")))
    assert doc2.raw_text == "判決" and doc2.encoding == "euc_jp"


def test_without_meta_the_usual_decoding_applies(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "u.htm", "<p>理由</p>".encode()))
    assert doc.raw_text == "理由" and doc.encoding == "utf-8"


def test_deeply_nested_html_does_not_crash(tmp_path: Path) -> None:
    depth = 10_000
    html = "<div>" * depth + "主文" + "</div>" * depth + "<p>以上</p>"
    doc = read_document(_write(tmp_path, "deep.html", html.encode("utf-8")))
    assert doc.raw_text == "主文\n以上"


def test_unclosed_head_still_yields_the_body(tmp_path: Path) -> None:
    html = "<html><head><title>t</title><body><p>理由</p>"
    doc = read_document(_write(tmp_path, "h.html", html.encode("utf-8")))
    assert doc.raw_text == "理由"
