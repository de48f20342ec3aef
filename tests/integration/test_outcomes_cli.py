"""``tribunal mediation|award|recommend``: the whole path from the command line, one-line errors that change nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent, seed_staff
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseOutcome, PanelRole
from tribunal.services import cases

EMPLOYER = "邵阳宝庆精密机械有限公司"


@pytest.fixture
def world(db: Database) -> dict[str, object]:
    """Two accepted cases of one applicant against one employer, in the test's own database."""
    staff = seed_staff(db)
    ids = []
    for _ in range(2):
        data = case_input(accepted_date=dt.date(2026, 11, 3),
                          parties=(applicant("张三", address="邵阳市大祥区城南路12号"), respondent(EMPLOYER)),
                          claims=(cases.ClaimInput("支付拖欠的工资", 1_800_000),
                                  cases.ClaimInput("支付违法解除劳动合同赔偿金", 6_000_000)),
                          arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),),
                          clerk_id=staff["赵静"])
        ids.append(cases.create_case(db, data, today=TODAY).number)
    return {"db": db, "numbers": ids}


def _db(world: dict[str, object]) -> Database:
    db = world["db"]
    assert isinstance(db, Database)
    return db


def run(capsys: pytest.CaptureFixture[str], world: dict[str, object], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", _db(world).url, "--user", "测试书记员", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _case(world: dict[str, object], number: str) -> cases.CaseDetail:
    return cases.find_case(_db(world), number)


def test_mediation_from_the_command_line(capsys, world, tmp_path):
    first, _ = world["numbers"]
    code, out, err = run(capsys, world, "mediation", "draft", first, "--terms", "被申请人支付工资15,000元\\n双方再无争议",
                         "--amount", "15000", "--result", "双方部分胜诉", "--date", "2026-11-10")
    assert code == 0 and "调解书 1" in out and "草稿" in out, err
    code, out, err = run(capsys, world, "mediation", "issue", "1", "--out", str(tmp_path), "--date", "2026-11-10")
    assert code == 0 and out.count(".pdf") == 3, err
    code, out, err = run(capsys, world, "mediation", "sign", "1", "--party", EMPLOYER, "--method", "留置送达",
                         "--date", "2026-11-11")
    assert code == 1 and err.startswith("错误：") and "不能留置送达" in err and "Traceback" not in err
    code, out, err = run(capsys, world, "mediation", "sign", "1", "--party", "王五", "--date", "2026-11-11")
    assert code == 1 and "没有名为“王五”的当事人" in err
    assert run(capsys, world, "mediation", "sign", "1", "--party", "张三", "--date", "2026-11-11")[0] == 0
    assert _case(world, first).outcome is None
    code, out, err = run(capsys, world, "mediation", "sign", "1", "--party", EMPLOYER, "--date", "2026-11-12")
    assert code == 0 and "案件已调解结案" in out, err
    closed = _case(world, first)
    assert closed.outcome == CaseOutcome.MEDIATED and closed.result_amount_fen == 1_500_000


def test_award_and_recommendation_from_the_command_line(capsys, world, tmp_path):
    _, second = world["numbers"]
    code, out, err = run(capsys, world, "award", "suggest", second, "--date", "2026-11-20", "--json",
                         "--item", "1:追索劳动报酬:18000", "--item", "2:经济补偿或者赔偿金:60000")
    assert code == 0, err
    found = json.loads(out)
    assert [f["final"] for f in found] == [None, None] and "月最低工资标准" in found[0]["reason"]
    code, out, err = run(capsys, world, "award", "draft", second, "--date", "2026-11-20", "--facts", "事实",
                         "--reasons", "理由", "--item", "1:追索劳动报酬:18000")
    assert code == 1 and "尚未裁决：支付违法解除劳动合同赔偿金" in err
    code, out, err = run(capsys, world, "award", "draft", second, "--date", "2026-11-20", "--facts", "事实",
                         "--reasons", "理由", "--item", "1:追索劳动报酬:18000", "--item", "2:经济补偿或者赔偿金:60000")
    assert code == 1 and "月最低工资标准" in err
    code, out, err = run(capsys, world, "award", "draft", second, "--date", "2026-11-20", "--facts", "事实",
                         "--reasons", "理由", "--result", "双方部分胜诉",
                         "--item", "1:追索劳动报酬:18000:final", "--item", "2:经济补偿或者赔偿金:60000:nonfinal")
    assert code == 0 and "共 2 份裁决书" in out, err
    code, out, err = run(capsys, world, "award", "issue", "1", "--out", str(tmp_path), "--date", "2026-11-20")
    assert code == 0 and out.count(".pdf") == 6, err  # two awards, four receipts
    run(capsys, world, "award", "serve", "1", "--party", "张三", "--date", "2026-11-21")
    code, out, err = run(capsys, world, "award", "serve", "1", "--party", EMPLOYER, "--date", "2026-11-21")
    assert code == 0 and "案件已裁决结案" in out, err
    assert _case(world, second).result_amount_fen == 7_800_000
    code, out, err = run(capsys, world, "recommend", "new", second, "--practice", "no_contract", "--date",
                         "2026-11-22", "--out", str(tmp_path))
    assert code == 0 and EMPLOYER in out and "2026-12-22" in out, err
    code, out, err = run(capsys, world, "recommend", "new", second, "--practice", "bribery")
    assert code == 1 and "未知的用工问题" in err
    code, out, err = run(capsys, world, "recommend", "list", "--open", "--json")
    assert [r["addressee"] for r in json.loads(out)] == [EMPLOYER]
    code, out, err = run(capsys, world, "recommend", "reply", "1", "--date", "2026-11-30", "--text", "已整改")
    assert code == 0 and "已于 2026-11-30 回复" in out
    assert "没有仲裁建议书" in run(capsys, world, "recommend", "list", "--open")[1]
