"""設定: annotator name, the judgment font and size, the database, remembered in
core.settings (a JSON file; no password is ever written).

Label colours are not a personal setting here: they belong to the project's label table,
so every annotator of a shared database, every screenshot and every export sees the same
colours. The dialog says so and opens ラベル設定 to change them (Settings.label_colors
stays unused).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.settings import Settings, strip_password
from gui.fonts import text_family, ui_font

PGPASS_NOTE = ("パスワードは保存しません。PostgreSQL のパスワードはホームフォルダの "
               "~/.pgpass（Windows では %APPDATA%\\postgresql\\pgpass.conf）か環境変数 "
               "PGPASSWORD から読まれます。")
COLOR_NOTE = ("ラベルの色はプロジェクトのラベル設定に保存され、同じデータベースを使う全員に"
              "共通です（画面・画像・書き出しで色がそろいます）。")


class SettingsDialog(QDialog):
    editLabelsRequested = Signal()

    def __init__(self, settings: Settings, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.path = settings, path
        self.setWindowTitle("設定")
        self.setFont(ui_font())
        self.resize(640, 600)

        self.annotator = QLineEdit(settings.annotator)
        self.annotator.setPlaceholderText("例: 山田")
        self.font_family = QFontComboBox()
        self.font_family.setWritingSystem(QFontDatabase.WritingSystem.Japanese)
        self.font_family.setCurrentFont(QFont(settings.font_family or text_family() or ""))
        self.font_size = QSpinBox()
        self.font_size.setRange(7, 40)
        self.font_size.setValue(settings.font_size)
        self.font_size.setSuffix(" pt")
        work = QFormLayout()
        work.addRow("作業者名", self.annotator)
        work.addRow("判決書の書体", self.font_family)
        work.addRow("文字の大きさ", self.font_size)

        self.use_sqlite = QRadioButton("このコンピューターのファイル（SQLite）")
        self.use_pg = QRadioButton("サーバー（PostgreSQL、チームで共有）")
        group = QButtonGroup(self)
        group.addButton(self.use_sqlite)
        group.addButton(self.use_pg)
        is_pg = "://" in settings.database and not settings.database.startswith("sqlite")
        self.sqlite_path = QLineEdit("" if is_pg else settings.database)
        self.sqlite_path.setPlaceholderText("空欄: 標準の場所")
        browse = QPushButton("参照…")
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.sqlite_path, 1)
        file_row.addWidget(browse)
        self.pg_url = QLineEdit(settings.database if is_pg else "")
        self.pg_url.setPlaceholderText("postgresql+psycopg://ユーザー名@ホスト名/データベース名")
        (self.use_pg if is_pg else self.use_sqlite).setChecked(True)
        db = QFormLayout()
        db.addRow(self.use_sqlite)
        db.addRow("ファイル", file_row)
        db.addRow(self.use_pg)
        db.addRow("接続先", self.pg_url)
        db_lay = QVBoxLayout()
        db_lay.addLayout(db)
        for text in (PGPASS_NOTE, "データベースの変更は次に起動したときから有効になります。"):
            note = QLabel(text)
            note.setWordWrap(True)
            db_lay.addWidget(note)
        db_box = QGroupBox("データベース")
        db_box.setLayout(db_lay)

        colors = QVBoxLayout()
        cnote = QLabel(COLOR_NOTE)
        cnote.setWordWrap(True)
        edit = QPushButton("ラベルの色を変更…（ラベル設定）")
        edit.clicked.connect(self.editLabelsRequested)
        colors.addWidget(cnote)
        colors.addWidget(edit)
        color_box = QGroupBox("ラベルの色")
        color_box.setLayout(colors)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(work)
        lay.addWidget(db_box)
        lay.addWidget(color_box)
        lay.addWidget(self.message)
        lay.addWidget(buttons)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "データベースのファイル", self.sqlite_path.text(), "SQLite (*.db *.sqlite)",
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.sqlite_path.setText(path)

    def database(self) -> str:
        if self.use_pg.isChecked():
            return self.pg_url.text().strip()
        return self.sqlite_path.text().strip()

    def save(self) -> bool:
        db = self.database()
        if self.use_pg.isChecked() and not db.startswith("postgresql"):
            self.message.setText("接続先は postgresql で始まる URL にしてください。")
            return False
        s = self.settings
        s.annotator = self.annotator.text().strip()
        s.font_family = self.font_family.currentFont().family()
        s.font_size = self.font_size.value()
        s.database = strip_password(db)
        if s.database != db:
            self.pg_url.setText(s.database)
        try:
            s.save(self.path)
        except OSError as e:
            self.message.setText(f"設定を保存できませんでした: {e}")
            return False
        self.accept()
        return True
