"""Shared fixtures: a real SQLite file per test, the corpus (skipped where absent)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import pytest

from core.store.db import Store
from core.store.migrate import open_store
from tests.pgserver import PgServer, pg_server

# The developer's own settings and default database stay out of every test.
_ISOLATED = tempfile.mkdtemp(prefix="hanrei-test-home-")
os.environ.update(
    HANREI_CONFIG_DIR=os.path.join(_ISOLATED, "config"),
    HANREI_DATA_DIR=os.path.join(_ISOLATED, "data"),
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = (ROOT.parent / "shared" / "corpus").resolve()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "hanrei.db"


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    """One PostgreSQL cluster for the session, on loopback, in a temporary folder."""
    try:
        cm = pg_server()
        server = cm.__enter__()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        if os.environ.get("CI"):
            raise  # CI must run the PostgreSQL tests, never skip them
        pytest.skip(f"PostgreSQL not available: {e}")
    try:
        yield server
    finally:
        cm.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request: pytest.FixtureRequest, db_path: Path) -> str:
    """A fresh empty database on each backend: the storage and service tests run on both."""
    if request.param == "sqlite":
        return f"sqlite:///{db_path}"
    server: PgServer = request.getfixturevalue("pg")
    return server.create_database()


@pytest.fixture
def store(any_url: str) -> Iterator[Store]:
    s: Store = open_store(any_url)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(db_path: Path) -> Iterator[Store]:
    s: Store = open_store(f"sqlite:///{db_path}")
    yield s
    s.dispose()


@pytest.fixture
def corpus() -> Path:
    if not (CORPUS / "dev").is_dir():
        pytest.skip(f"real-judgment corpus not found at {CORPUS} (it lives beside the repo)")
    return CORPUS


# A small fictional judgment used across the core tests.
SAMPLE = """令和5年2月17日判決言渡　同日原本領収　裁判所書記官
令和4年(ワ)第321号　損害賠償請求事件
判　　　　決
原告　甲野太郎
被告　株式会社乙川商事
主　　　　文
1　被告は，原告に対し，１１３万１３０２円及びこれに対する令和3年10月3日から支払済みまで年3パーセントの割合による金員を支払え。
2　訴訟費用は被告の負担とする。
事実及び理由
第1　請求
主文同旨
第2　事案の概要
𠮷田花子（以下「𠮷田」という。）の証言（甲1）によれば，6000円を支払った。
"""


@pytest.fixture
def sample_txt(tmp_path: Path) -> Path:
    p = tmp_path / "sample.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return p
