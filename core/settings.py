"""User settings: a small JSON file in the user config folder (no QSettings, so the CLI and
the tests read the same thing). A database password is never written: URLs are stored
without it, and PostgreSQL finds it in ~/.pgpass or PGPASSWORD as usual."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir
from sqlalchemy.engine import URL, make_url

from core.store.db import APP_NAME


def settings_path() -> Path:
    base = os.environ.get("HANREI_CONFIG_DIR") or user_config_dir(APP_NAME, appauthor=False)
    return Path(base) / "settings.json"


@dataclass
class Settings:
    annotator: str = ""  # empty until the first start asks
    database: str = ""  # a SQLite path or an SQLAlchemy URL without password; "" = default
    font_family: str = ""  # "" = the first installed Japanese font
    font_size: int = 12
    label_colors: dict[str, str] = field(default_factory=dict)  # label key -> "#rrggbb"
    show_rejected: bool = False

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        p = path or settings_path()
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in data.items() if k in known})
        s.database = strip_password(s.database)
        return s

    def save(self, path: Path | None = None) -> None:
        """Atomic write, owner-only; the database URL is stored without its password."""
        p = path or settings_path()
        p.parent.mkdir(parents=True, exist_ok=True)
        data: dict[str, Any] = asdict(self)
        data["database"] = strip_password(self.database)
        fd, tmp = tempfile.mkstemp(prefix=".settings.", dir=p.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def strip_password(url: str) -> str:
    if "://" not in url:
        return url
    try:
        u = make_url(url)
    except Exception:  # not a URL after all: keep it as typed
        return url
    if u.password is None:
        return url
    bare = URL.create(u.drivername, username=u.username, host=u.host, port=u.port,
                      database=u.database, query=u.query)
    return bare.render_as_string(hide_password=False)
