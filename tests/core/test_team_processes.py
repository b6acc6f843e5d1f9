"""Two programs (two processes) annotate one document at once, on SQLite and on
PostgreSQL: both programs' new spans are kept, and when both edit the same span from the
same version, the second gets a clear ConflictError, re-reads, and its change is applied on
top of the first (nothing lost, nothing silently overwritten)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from core.importer import import_file
from core.services import add_span, list_spans
from core.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("team_child.py")
TEXT = (
    "令和6年1月10日判決言渡\n原告　架空物産株式会社\n被告　川下次郎\n主文\n"
    "被告は，原告に対し，金80万円及びこれに対する令和5年3月1日から支払済みまで"
    "年3分の割合による金員を支払え。\n"
)


def test_two_programs_on_one_document_lose_nothing(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "j.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc = import_file(store, src, suggest=False).document_id
    assert doc is not None
    i = TEXT.index("金80万円")
    shared = add_span(store, doc, "MONEY", i, i + 5, annotator="山田")
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    n = 5
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, str(CHILD), store.url, str(doc), name, str(shared.id), fld,
             str(barrier), str(n)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True,
        )
        for name, fld in (("山田", "note"), ("佐藤", "value"))
    ]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        outs.append(out)

    mine = [json.loads(line[5:]) for o in outs for line in o.splitlines()
            if line.startswith("MINE ")]
    edits = [line for o in outs for line in o.splitlines() if line.startswith("EDIT ")]
    assert sorted(e.split()[1] for e in edits) == ["conflict", "ok"]
    (conflict,) = [e for e in edits if e.startswith("EDIT conflict")]
    assert "changed by someone else" in conflict and "you had 1" in conflict

    spans = {sp.id: sp for sp in list_spans(store, doc)}
    assert all(sid in spans for ids in mine for sid in ids)
    assert len(spans) == 1 + 2 * n
    final = spans[shared.id]
    assert final.note == "note by 山田" and final.value == {"by": "佐藤"}
    assert final.version == 3
