"""The team windows rendered offscreen into docs/screenshots/: 一致率 (agreement_window.png)
and キュレーション (curation_window.png), on the fictional sample judgment annotated
independently by two fictional annotators in a throwaway database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python gui/team_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from core import services  # noqa: E402
from core.assignments import assign  # noqa: E402
from core.doc_tags import add_default_tag_fields, set_doc_tag  # noqa: E402
from core.importer import import_file  # noqa: E402
from core.store.db import Store  # noqa: E402
from core.store.migrate import open_store  # noqa: E402
from core.team import set_annotation_mode, working_layer  # noqa: E402
from gui.agreement_window import AgreementWindow  # noqa: E402
from gui.curation_window import CurationWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "resources" / "sample" / "sample_judgment.txt"


def annotate(store: Store, doc: int) -> None:
    """Both review the same suggestions in their own layers and disagree here and there."""
    set_annotation_mode(store, "independent")
    assign(store, [doc], "山田")
    assign(store, [doc], "佐藤")
    for k, who in enumerate(("山田", "佐藤")):
        layer = working_layer(store, doc, who)
        spans = services.list_spans(store, doc, layer)
        for i, sp in enumerate(spans):
            if sp.label == "SECTION":
                continue
            if k == 1 and sp.label == "DATE" and i % 3 == 0:
                services.update_span(store, sp.id, expected_version=sp.version,
                                     end=sp.end - 1, status="accepted", annotator=who)
            elif k == 0 and sp.label in ("LAW", "EVIDENCE") and i % 2 == 0:
                services.update_span(store, sp.id, expected_version=sp.version,
                                     status="rejected", annotator=who)
            elif k == 1 and sp.label == "MONEY" and i % 4 == 1:
                services.update_span(store, sp.id, expected_version=sp.version,
                                     value={"yen": (sp.value or {}).get("yen", 0) + 10000},
                                     status="accepted",
                                     annotator=who)
            else:
                services.update_span(store, sp.id, expected_version=sp.version,
                                     status="accepted", annotator=who)
    add_default_tag_fields(store)
    set_doc_tag(store, doc, "outcome", "一部認容", annotator="山田")
    set_doc_tag(store, doc, "outcome", "一部認容", annotator="佐藤")
    set_doc_tag(store, doc, "case_type", "民事", annotator="山田")
    set_doc_tag(store, doc, "case_type", "民事", annotator="佐藤")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'team.db'}")
        r = import_file(store, SAMPLE, annotator="screenshot")
        assert r.document_id is not None
        annotate(store, r.document_id)
        names = {lb.key: lb.name for lb in services.list_labels(store)}

        aw = AgreementWindow(store, names)
        aw.a.setCurrentText("山田")
        aw.b.setCurrentText("佐藤")
        aw.resize(1100, 640)
        aw.show()
        aw.compute()
        app.processEvents()
        aw.grab().save(str(OUT / "agreement_window.png"))
        aw.close()

        cw = CurationWindow(store, "鈴木", names)
        cw.resize(1200, 640)
        cw.show()
        cw.set_document(r.document_id)
        cw.take_all_agreed()
        app.processEvents()
        cw.grab().save(str(OUT / "curation_window.png"))
        cw.close()
        store.dispose()
    for name in ("agreement_window.png", "curation_window.png"):
        print(f"wrote docs/screenshots/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
