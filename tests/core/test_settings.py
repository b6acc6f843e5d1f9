"""Settings survive a round trip, and never hold a database password."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings, strip_password


def test_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "cfg" / "settings.json"
    s = Settings(annotator="山田", font_size=14, label_colors={"MONEY": "#00ff00"})
    s.save(p)
    assert Settings.load(p) == s
    assert (p.stat().st_mode & 0o077) == 0


def test_password_is_never_written(tmp_path: Path) -> None:
    p = tmp_path / "settings.json"
    Settings(database="postgresql+psycopg://team:s3cret@db.example:5432/hanrei").save(p)
    raw = p.read_text(encoding="utf-8")
    assert "s3cret" not in raw
    assert Settings.load(p).database == "postgresql+psycopg://team@db.example:5432/hanrei"
    assert strip_password("/home/a/hanrei.db") == "/home/a/hanrei.db"


def test_broken_file_gives_defaults(tmp_path: Path) -> None:
    p = tmp_path / "settings.json"
    p.write_text("{not json", encoding="utf-8")
    assert Settings.load(p) == Settings()
    p.write_text('{"annotator": "佐藤", "unknown": 1}', encoding="utf-8")
    assert Settings.load(p).annotator == "佐藤"
