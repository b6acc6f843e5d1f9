from __future__ import annotations

from pathlib import Path

from core.text.diff import normalize_file, render_diff
from core.text.pipeline import NormalizeOptions


def test_diff_shows_joined_lines_and_counts(tmp_path: Path) -> None:
    p = tmp_path / "j.txt"
    p.write_text("主　　文\n被告は，原告に対し，金６００\n０円を支払え。\n- 1 -\n", encoding="utf-8")
    res = normalize_file(p)
    assert res.text == "主文\n被告は,原告に対し,金6000円を支払え。\n"
    out = render_diff(res)
    assert out.startswith("--- raw\n+++ text\n")
    assert "-被告は，原告に対し，金６００" in out and "+被告は,原告に対し,金6000円を支払え。" in out
    assert "-- 1 -" in out
    assert out.rstrip().splitlines()[-1].startswith("# ") and "lines_joined=1" in out


def test_diff_without_changes_says_so(tmp_path: Path) -> None:
    p = tmp_path / "j.txt"
    p.write_text("主文\n", encoding="utf-8")
    none = NormalizeOptions(trim_web=False, remove_furniture=False, repair_lines=False,
                            despace=False, fold_width=False)
    assert render_diff(normalize_file(p, none)) == "# no changes\n"
