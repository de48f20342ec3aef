"""Every case notice and its proof of service, set for a case at the extremes, held to the layout rules.

The case: an applicant named with a middle dot and represented by a lawyer at the firm's
address, two respondents (one with a 41-character name), a three-member tribunal, a witness
and a scheduled hearing. Each notice goes to each addressee; each PDF is checked with the
renderer base's rules (tests.unit.test_pdf_properties.check) and read back.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit import pdf_layout
from tests.unit.test_pdf_properties import check
from tests.unit.test_pdf_samples import COMMISSION
from tribunal.documents.case_notices import (
    CaseFacts,
    CaseNotice,
    HearingFacts,
    NoticeReceipt,
    ParticipantInfo,
    letters,
)
from tribunal.documents.data import AgentInfo, PanelSeat, PartyInfo, StaffMember
from tribunal.domain import notices as nk
from tribunal.domain.enums import AgentKind
from tribunal.domain.notices import NoticeInput

LONG = "中国建筑第五工程局有限公司湖南分公司邵阳市城市建设投资项目第三标段项目经理部"
APPLICANT = "阿卜杜热合曼·阿卜杜克热木"

FACTS = CaseFacts(
    case_id=1, case_number="邵劳人仲案字〔2026〕第15号", case_type_label="劳动报酬", year=2026, seq=15,
    received=dt.date(2026, 11, 2), accepted=dt.date(2026, 11, 4),
    parties=(
        PartyInfo(1, "applicant", "申请人", False, APPLICANT, "邵阳市大祥区敏州路1号",
                  agents=(AgentInfo(9, AgentKind.LAWYER, "王某某", "湖南宝庆律师事务所", "邵阳市双清区律所路8号"),)),
        PartyInfo(2, "respondent", "被申请人", True, LONG, "邵阳市经开区宝庆大道99号", "李某", "总经理"),
        PartyInfo(3, "respondent", "被申请人", True, "邵阳宝庆劳务派遣有限公司", "邵阳市北塔区2号"),
    ),
    panel=(PanelSeat("presiding", "首席仲裁员", "李建国"), PanelSeat("member", "仲裁员", "王淑芬"),
           PanelSeat("member", "仲裁员", "张卫东")),
    clerk=StaffMember("赵静", "0739-5310000"),
    participants=(ParticipantInfo(5, "witness", "证人", "吴小二"),),
    hearing=HearingFacts(7, dt.datetime(2026, 12, 21, 9, 30), "湖南湘中纺织科技有限公司职工活动中心会议室",
                         "邵阳市经开区宝庆大道99号"),
)
GIVEN = NoticeInput(
    issue_date=dt.date(2026, 11, 4), reasons="申请人的请求不属于劳动争议仲裁的受理范围",
    materials=("劳动合同复印件", "被申请人的名称和住所", "证明劳动关系的其他材料"),
    new_time=dt.datetime(2026, 12, 28, 14, 30), effective=dt.date(2026, 11, 20), new_due=dt.date(2027, 1, 3),
    public_party_id=3)
ADDRESSEES = {nk.APPLICANTS: 2, nk.RESPONDENTS: 2, nk.PARTIES: 4, nk.PARTICIPANTS: 1, nk.PUBLIC: 1}


@pytest.mark.parametrize("kind", nk.KINDS, ids=[k.key for k in nk.KINDS])
def test_each_notice_to_each_addressee_keeps_the_layout_rules(kind: nk.NoticeKind) -> None:
    found = letters(kind, FACTS, GIVEN, phone=COMMISSION.phone, address=COMMISSION.address)
    assert len(found) == ADDRESSEES[kind.to]
    notice, receipt = CaseNotice(COMMISSION), NoticeReceipt(COMMISSION)
    for letter in found:
        check(notice, letter)
        text = "".join(pdf_layout.page_texts(pdf_layout.characters(notice.render(letter).data)))
        assert kind.title in text and FACTS.case_number in text
        if not letter.public:
            check(receipt, letter)
            slip = "".join(pdf_layout.page_texts(pdf_layout.characters(receipt.render(letter).data)))
            assert letter.address.replace(" ", "") in slip and "送达回证" in slip


def test_what_each_notice_says() -> None:
    def text(key: str, who: int = 0) -> str:
        letter = letters(nk.kind(key), FACTS, GIVEN)[who]
        return "".join(pdf_layout.page_texts(pdf_layout.characters(CaseNotice(COMMISSION).render(letter).data)))

    assert "本委决定不予受理" in text("reject") and "向人民法院提起诉讼" in text("reject")
    respond = text("respond")
    assert LONG in respond and "十日内向本委提交答辩书" in respond and "附件：仲裁申请书副本" in respond
    composition = text("composition")
    assert "由李建国担任首席仲裁员" in composition and "（四）私自会见当事人" in composition
    assert "吴小二" in text("appear") and "证人" in text("appear")
    assert "2026年12月28日" in text("postpone") or "12月28日" in text("postpone")
    assert "延长十五日" in text("extend") and "第四十三条" in text("extend")
    assert "1.劳动合同复印件" in text("correction") and "3.证明劳动关系的其他材料" in text("correction")
    public = text("public_notice")
    assert "经过三十日，即视为送达" in public and "特此公告" in public
    # The agent's copy is addressed to the agent, naming whom the agent acts for.
    agent_copy = letters(nk.kind("accept"), FACTS, GIVEN)[1]
    assert agent_copy.address == "邵阳市双清区律所路8号" and APPLICANT in agent_copy.addressee
