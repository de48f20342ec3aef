"""The training handout's teaching case names nobody: parties, their agents and legal representatives."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

from pypdf import PdfReader

from tests.conftest import TODAY
from tests.integration.helpers import (
    VALID_CODE,
    VALID_ID,
    applicant,
    case_input,
    lawyer,
    respondent,
)
from tests.integration.test_conflicts import SOLE, WED, World
from tribunal.domain.enums import AgentKind, DocumentKind
from tribunal.services import cases, documents, hearings
from tribunal.services.agents import AgentInput

LEGAL_REPRESENTATIVE = "刘德胜"
AGENT = "欧阳娜娜"
OTHER_AGENT = "阿卜杜热合曼·阿卜杜克热木"  # an employee of the respondent acting for it
SUMMARY = (f"申请人张三委托湖南宝庆律师事务所律师{AGENT}参加仲裁。被申请人法定代表人{LEGAL_REPRESENTATIVE}"
           f"称张三于2026年3月自行离职；被申请人委托员工{OTHER_AGENT}出庭。{AGENT}律师提交了考勤记录。")


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def test_teaching_case_replaces_agents_and_legal_representatives(w: World) -> None:
    world, db = w, w.db
    case = cases.create_case(db, case_input(
        accepted_date=dt.date(2026, 11, 3),
        summary=SUMMARY,
        claims=(cases.ClaimInput(f"支付{AGENT}律师代为主张的拖欠工资", 1_234_500),),
        parties=(applicant(id_number=VALID_ID, agents=(lawyer(AGENT),)),
                 respondent(credit_code=VALID_CODE, legal_representative=LEGAL_REPRESENTATIVE,
                            legal_representative_title="总经理",
                            agents=(AgentInput(AgentKind.EMPLOYEE, OTHER_AGENT, relation="人事专员"),))),
        arbitrators=(cases.ArbitratorInput(world.staff["李建国"], SOLE),), clerk_id=world.staff["赵静"],
    ), today=TODAY)
    proposal = replace(world.hearing(WED, "09:00", "11:00", "C1"), case_id=case.id)
    hearing = hearings.schedule_hearing(db, proposal, today=TODAY)

    handout = _text(documents.preview(db, hearing.id, DocumentKind.HANDOUT).data)

    assert "案情" in handout or "案例" in handout
    for name in (LEGAL_REPRESENTATIVE, AGENT, OTHER_AGENT, "张三"):
        assert name not in handout, f"{name} is printed in the training handout"
    # The worker is still there, under the published form of the name.
    assert "张某" in handout
