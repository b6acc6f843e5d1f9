"""Statute names the LAW extractor knows without seeing them cited with an article.

A known name is marked wherever it stands alone (`建築基準法上の道路`), and it decides
whether a name continues a word on the line before (`地方自⏎治法` is one name, while in
`…の処理⏎刑法45条` the heading word stays out). Abbreviations (`労基法`) only serve the
latter: written alone they are a reading, marked only when they cite an article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Codes and statutes that judgments cite often (full official or customary short titles).
COMMON_LAWS = _words(
    """
民法 商法 刑法 憲法 日本国憲法 会社法 民事訴訟法 刑事訴訟法 行政事件訴訟法 国家賠償法 民事執行法
民事保全法 民事再生法 破産法 会社更生法 借地借家法 借地法 借家法 特許法 著作権法 商標法 意匠法
実用新案法 不正競争防止法 種苗法 労働基準法 労働契約法 労働組合法 労働者災害補償保険法
労働安全衛生法 最低賃金法 雇用保険法 健康保険法 厚生年金保険法 国民年金法 国民健康保険法
生活保護法 児童福祉法 介護保険法 障害者総合支援法 地方税法 所得税法 法人税法 相続税法 消費税法
国税通則法 国税徴収法 租税特別措置法 関税法 印紙税法 登録免許税法 行政手続法 行政不服審査法
行政代執行法 地方自治法 地方公務員法 国家公務員法 公職選挙法 国会法 裁判所法 弁護士法 裁判員法
検察庁法 少年法 家事事件手続法 人事訴訟法 非訟事件手続法 民事調停法 仲裁法 個人情報保護法
情報公開法 製造物責任法 消費者契約法 特定商取引法 割賦販売法 貸金業法 利息制限法 出資法
金融商品取引法 銀行法 保険法 保険業法 信託法 信託業法 手形法 小切手法 不動産登記法 商業登記法
戸籍法 住民基本台帳法 建築基準法 都市計画法 土地収用法 土地区画整理法 農地法 森林法 河川法
道路法 道路運送法 道路運送車両法 道路交通法 自動車損害賠償保障法 鉄道事業法 海上運送法 航空法
船員法 電気通信事業法 電波法 放送法 独占禁止法 景品表示法 下請法 食品衛生法 医師法 医療法 薬機法
薬事法 覚醒剤取締法 覚せい剤取締法 大麻取締法 麻薬及び向精神薬取締法 銃砲刀剣類所持等取締法
火薬類取締法 廃棄物処理法 水質汚濁防止法 大気汚染防止法 環境影響評価法 出入国管理及び難民認定法
入管法 国籍法 旅券法 外国為替及び外国貿易法 暴力団員による不当な行為の防止等に関する法律
ストーカー行為等の規制等に関する法律 児童虐待防止法 配偶者暴力防止法 男女雇用機会均等法
育児介護休業法 労働者派遣法 パートタイム労働法 高年齢者雇用安定法 障害者雇用促進法
宅地建物取引業法 建設業法 建物の区分所有等に関する法律 区分所有法 民事訴訟規則 刑事訴訟規則
破産規則 民事再生規則 国税通則法施行令 所得税法施行令 法人税法施行令 地方税法施行令
相続税法施行令 建築基準法施行令 都市計画法施行令 労働基準法施行規則 公文書管理法 住宅品質確保法
独立行政法人通則法 学校教育法 教育基本法 私立学校法 宗教法人法
一般社団法人及び一般財団法人に関する法律 特定非営利活動促進法 政治資金規正法 道路整備特別措置法
"""
)

# Customary abbreviations: a name boundary, never marked alone.
ABBREVIATIONS = _words(
    """
労基法 労契法 労組法 労災保険法 安衛法 刑訴法 民訴法 行訴法 国賠法 民執法 民保法 行手法 行審法
独禁法 景表法 特商法 金商法 自賠法 道交法 廃掃法 区分法 入管法 個情法 不競法 暴対法 刑訴規則
民訴規則 派遣法 均等法 育介法 地公法 国公法 公選法 裁判員法 税通法 措置法 措法
"""
)

# Words that end like a law name but are a concept, not a statute.
GENERIC = _words(
    """
法 法律 令 規則 条約 条例 規程 通達 基準 施行令 施行規則 本法 同法 新法 旧法 改正法 現行法
特別法 一般法 国内法 外国法 国際法 準拠法 実体法 手続法 行政法 刑事法 民事法 公法 私法 成文法
慣習法 制定法 上位法 下位法 関係法 本令 本規則 同令 同規則 省令 政令 府令 命令 法令 関係法令
"""
)
