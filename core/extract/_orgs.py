"""ORG recognition for the parties family: companies, public bodies and authorities.

Suffix forms (`丙川商事株式会社`, `相模原税務署長`) are found by their suffix and the name is
the run of name characters before it, minus words that only introduce it (`被告`, `訴外`,
`上記`, `本件` ...). Prefix forms (`株式会社丙川商事`) take the run after the prefix, cut
before words that follow a name (`代表取締役`, `本社` ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from core.extract._entity_text import KANJI, NAME_CHARS, PARTY_ROLES, folded, run_start
from core.extract._spans import Covered

_FORMS = [
    "株式会社",
    "有限会社",
    "合同会社",
    "合名会社",
    "合資会社",
    "相互会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "社会福祉法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "学校法人",
    "宗教法人",
    "独立行政法人",
    "地方独立行政法人",
    "国立大学法人",
    "特定非営利活動法人",
    "弁護士法人",
    "税理士法人",
    "監査法人",
    "協同組合",
]
_FORM_RE = "|".join(sorted(_FORMS, key=len, reverse=True))
_PREFIX_FORM = re.compile(rf"(?:{_FORM_RE})")
# suffixes naming a body or an authority; the name before them is required
_BODIES = [
    "知事",
    "市長",
    "区長",
    "町長",
    "村長",
    "税務署長",
    "税務署",
    "労働基準監督署長",
    "労働基準監督署",
    "警察署長",
    "警察署",
    "警察本部長",
    "警察本部",
    "法務局長",
    "法務局",
    "地方法務局",
    "検察庁",
    "検事正",
    "公安委員会",
    "教育委員会",
    "選挙管理委員会",
    "固定資産評価審査委員会",
    "収用委員会",
    "労働委員会",
    "都税事務所長",
    "都税事務所",
    "県税事務所長",
    "県税事務所",
    "労働局長",
    "労働局",
    "年金事務所",
    "市役所",
    "区役所",
    "町役場",
    "村役場",
    "協会",
    "連合会",
    "組合",
    "大学",
    "銀行",
    "信用金庫",
    "信用組合",
    "病院",
    "医院",
    "クリニック",
    "新聞社",
    "放送局",
]
_BODY_RE = re.compile("|".join(sorted(_BODIES + _FORMS, key=len, reverse=True)))
NATIONAL = [
    "法務省",
    "外務省",
    "財務省",
    "文部科学省",
    "厚生労働省",
    "農林水産省",
    "経済産業省",
    "国土交通省",
    "環境省",
    "防衛省",
    "総務省",
    "内閣府",
    "大蔵省",
    "厚生省",
    "労働省",
    "自治省",
    "建設省",
    "運輸省",
    "郵政省",
    "通商産業省",
    "文部省",
    "国税庁",
    "特許庁",
    "金融庁",
    "警察庁",
    "消費者庁",
    "文化庁",
    "気象庁",
    "海上保安庁",
    "宮内庁",
    "社会保険庁",
    "日本年金機構",
    "公正取引委員会",
    "日本放送協会",
    "日本銀行",
    "日本司法支援センター",
]
_NATIONAL_RE = re.compile("|".join(sorted(NATIONAL, key=len, reverse=True)))
_LEAD = (
    *tuple(sorted(PARTY_ROLES, key=len, reverse=True)),
    *[
        "訴外",
        "上記",
        "前記",
        "本件",
        "当該",
        "同",
        "各",
        "旧",
        "亡",
        "及び",
        "並びに",
        "兼",
        "代表者",
        "当時",
        "現在",
        "元",
    ],
)
_TAIL_STOP = re.compile(
    r"(代表取締役|代表者|取締役|従業員|社員|職員|本社|支店|営業所|工場|事務所|代表|担当者|"
    r"社長|会長|理事長|理事|院長|所長|学長|総裁|名義|作成|発行|及び|並びに)"
)
# words that end in a body suffix but are common nouns, not names
_GENERIC = frozenset(
    [
        "市立",
        "県立",
        "国立",
        "私立",
        "公立",
        "大",
        "総合",
        "協同",
        "労働",
        "国民健康保険",
        "民間",
        "市町村",
        "道府県",
        "都道府県",
        "県",
        "市",
        "町",
        "村",
        "区",
        "都",
        "地方",
        "大手",
        "一般",
    ]
)


def trim_lead(name: str) -> str:
    """Drop introducing words (`被告`, `訴外`, `上記` ...) from the front of a name run."""
    changed = True
    while changed and name:
        changed = False
        for w in _LEAD:
            if name.startswith(w) and len(name) > len(w):
                name = name[len(w) :]
                changed = True
                break
    return name


def find_orgs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of every organisation found by form, suffix or national name."""
    f = folded(text)
    out: list[tuple[int, int, str]] = [
        (m.start(), m.end(), m.group()) for m in _NATIONAL_RE.finditer(f)
    ]
    national = Covered((s, e) for s, e, _ in out)
    body_end = -1  # body spans start before the match that made them: a running max suffices
    for m in _BODY_RE.finditer(f):
        if m.start() in national or m.start() < body_end:
            continue
        word = m.group()
        start = run_start(f, m.start(), NAME_CHARS, 20)
        lead = trim_lead(f[start : m.start()])
        start = m.start() - len(lead)
        end = m.end()
        if word in _FORMS and (not lead or lead in _LEAD):
            # prefix form: 株式会社丙川商事 (the name follows)
            j = end
            while j < len(f) and j - end < 20 and f[j] in NAME_CHARS:
                j += 1
            name = f[end:j]
            cut = _TAIL_STOP.search(name)
            if cut:
                name = name[: cut.start()]
            if not name or _BODY_RE.fullmatch(name):
                continue
            start, end = m.start(), end + len(name)
        elif (
            not lead
            or lead in _GENERIC
            or lead in _LEAD
            or (len(lead) == 1 and lead in KANJI and word in _FORMS)
        ):
            continue
        out.append((start, end, f[start:end]))
        body_end = max(body_end, end)
    out.sort()
    last_end = -1
    for s, e, name in out:
        if s >= last_end:
            yield s, e, name
            last_end = e
