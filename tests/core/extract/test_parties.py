"""PARTY, PERSON, ORG on a fictional judgment."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from core.extract.parties import _vocab_matches, extract_parties

JUDGMENT = """令和5年2月17日判決言渡　同日原本領収　裁判所書記官
令和2年(ワ)第145号　損害賠償請求事件
判　　　　決
原　　　　告　　　　甲野太郎
同訴訟代理人弁護士　　乙　山　一　郎
丁　田　次　郎
被　　　　告　　　　株式会社丙川商事
同代表者代表取締役　　戊井三郎
主　　　　文
1　被告は,原告に対し,100万円を支払え。
事実及び理由
本件は,原告が,被告及び訴外A(以下「A」という。)に対し請求する事案である。
Aは,丙川商事株式会社の従業員であった。被告兼反訴原告及び甲事件原告らの主張。
原告(反訴被告)は,福岡市長及び相模原税務署長に申請した。被告人Xは,弁護人丁田次郎と面会した。
丁川地方裁判所第1民事部
裁判長裁判官　　山　下　郁　夫
裁判官　　　　乙野花子
裁判官仁藤一郎は転補のため署名押印することができない。
裁判官全員一致の意見である。
"""


def spans(label: str) -> list[tuple[str, dict[str, object]]]:
    return [
        (JUDGMENT[s.start : s.end], s.value) for s in extract_parties(JUDGMENT) if s.label == label
    ]


def test_header_parties_and_names() -> None:
    persons = spans("PERSON")
    assert ("甲野太郎", {"name": "甲野太郎", "role": "原告"}) in persons
    assert ("乙　山　一　郎", {"name": "乙山一郎", "role": "訴訟代理人弁護士"}) in persons
    assert ("丁　田　次　郎", {"name": "丁田次郎", "role": "訴訟代理人弁護士"}) in persons
    assert ("戊井三郎", {"name": "戊井三郎", "role": "代表者代表取締役"}) in persons
    orgs = spans("ORG")
    assert ("株式会社丙川商事", {"name": "株式会社丙川商事", "role": "被告"}) in orgs
    party = spans("PARTY")
    assert ("原　　　　告", {"role": "原告"}) in party


def test_judges() -> None:
    persons = spans("PERSON")
    assert ("山　下　郁　夫", {"name": "山下郁夫", "role": "裁判長裁判官"}) in persons
    assert ("乙野花子", {"name": "乙野花子", "role": "裁判官"}) in persons
    assert ("仁藤一郎", {"name": "仁藤一郎", "role": "裁判官"}) in persons
    assert not any(v["name"].startswith("全員") for _t, v in persons)


def test_body_roles() -> None:
    party = spans("PARTY")
    assert ("被告兼反訴原告", {"role": "被告", "also": ["反訴原告"]}) in party
    assert ("甲事件原告ら", {"role": "原告", "plural": True, "group": "甲事件"}) in party
    assert ("原告(反訴被告)", {"role": "原告", "also": ["反訴被告"]}) in party
    assert ("被告人", {"role": "被告人"}) in party


def test_anonymised_and_counsel_in_body() -> None:
    persons = spans("PERSON")
    a_spans = [t for t, v in persons if v.get("name") == "A"]
    assert len(a_spans) == 3  # 訴外A, the quoted definition and Aは
    assert ("X", {"name": "X", "anonymised": True}) in persons
    assert ("丁田次郎", {"name": "丁田次郎", "role": "弁護人"}) in persons


def test_orgs_in_body() -> None:
    names = [v["name"] for _t, v in spans("ORG")]
    assert "丙川商事株式会社" in names
    assert "福岡市長" in names and "相模原税務署長" in names


def test_generic_roles_need_a_header() -> None:
    text = "主文\n本件契約の相手方は債務者に対し請求した。"
    assert [s for s in extract_parties(text) if s.label == "PARTY"] == []
    text = "決定\n申立人　甲野太郎\n相手方　乙山花子\n主文\n相手方は,申立人に支払え。"
    roles = [s.value["role"] for s in extract_parties(text) if s.label == "PARTY"]
    assert roles.count("相手方") == 2 and roles.count("申立人") == 2


def test_criminal_case_name_is_not_a_party() -> None:
    assert [s for s in extract_parties("主文\n窃盗被告事件について") if s.label == "PARTY"] == []


@given(
    st.text(alphabet="AXP12【】甲乙はの,\n原告", max_size=40),
    st.sets(st.sampled_from(["A", "X1", "X12", "P1", "【P1】", "【A】", "甲", "乙"]), min_size=1),
)
def test_vocabulary_scan_finds_what_one_alternation_finds(text: str, vocab: set[str]) -> None:
    alt = "|".join(re.escape(t) for t in sorted(vocab, key=len, reverse=True))
    want = [(m.start(), m.group()) for m in re.finditer(rf"(?<![A-Za-z0-9])(?:{alt})", text)]
    assert [(s, tok) for s, _e, tok in _vocab_matches(text, vocab)] == want
