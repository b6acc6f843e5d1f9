"""Japanese wording of the reasons an import can fail, for the window. The CLI prints the
English reason; the window shows the Japanese first and the English under it, so a
support request can quote either."""

from __future__ import annotations

import re

# (pattern on the English reason, Japanese text; {0}, {1} take the pattern's groups)
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"the file is empty"), "ファイルが空です"),
    (re.compile(r"contains no text"), "本文がありません"),
    (re.compile(r"nothing is left of the text"), "正規化すると本文が残りません"),
    (re.compile(r"binary data"), "テキストファイルではありません（バイナリデータ）"),
    (
        re.compile(r"cannot be decoded"),
        "文字コードを判別できません（UTF-8・Shift_JIS・EUC-JP のいずれでもありません）",
    ),
    (
        re.compile(r"starts with a UTF-(8|16) BOM but is not valid"),
        "UTF-{0} の BOM で始まりますが、内容が UTF-{0} として正しくありません",
    ),
    (
        re.compile(r"declares charset (\S+)"),
        "文字コード {0} と宣言されていますが、内容が一致しません",
    ),
    (
        re.compile(r"contains a NUL character at position (\d+)"),
        "NUL 文字が含まれています（{0} 文字目）",
    ),
    (
        re.compile(r"contains a lone surrogate \((U\+[0-9A-F]+)\) at position (\d+)"),
        "不正な文字 {0} が含まれています（{1} 文字目）",
    ),
    (re.compile(r"text too long"), "本文が長すぎます（上限は 500 万文字）"),
    (re.compile(r"too large \((\d+) MB"), "ファイルが大きすぎます（{0} MB）"),
    (re.compile(r"unsupported file type '?([^';]*)'?"), "対応していない形式です（{0}）"),
    (re.compile(r"invalid JSON"), "JSON として読めません"),
    (re.compile(r"JSON is not a judgment record"), "判決データの JSON ではありません"),
    (re.compile(r"JSON record has no 'contents'"), "JSON に本文（contents）がありません"),
    (re.compile(r"nested too deeply"), "入れ子が深すぎて読めません"),
    (
        re.compile(r"encrypted PDF"),
        "パスワード付きの PDF です。パスワードを外してから取り込んでください",
    ),
    (re.compile(r"truncated or damaged PDF"), "PDF が途中で切れているか壊れています"),
    (re.compile(r"not a PDF file"), "PDF ファイルではありません"),
    (re.compile(r"PDF has no pages"), "PDF にページがありません"),
    (re.compile(r"no text layer"), "文字情報のない PDF です（画像のみ）。OCR には対応していません"),
    (re.compile(r"broken PDF, page (\d+)"), "PDF の {0} ページ目が読めません"),
    (re.compile(r"broken PDF"), "PDF が壊れていて開けません"),
    (re.compile(r"no such file"), "ファイルが見つかりません"),
    (re.compile(r"is a folder"), "取り込めるファイルのないフォルダです"),
    (re.compile(r"cannot be read"), "ファイルを読めません"),
    (re.compile(r"internal error"), "読み込み中に内部エラーが起きました"),
]


def reason_ja(reason: str) -> str:
    """The Japanese for an English failure reason; the English itself when unknown."""
    for pattern, ja in _REASONS:
        m = pattern.search(reason)
        if m:
            return ja.format(*m.groups())
    return reason
