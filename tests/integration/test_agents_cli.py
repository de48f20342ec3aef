"""``tribunal agents``: list, add, edit and remove agents; one-line errors change nothing; phones masked."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, respondent
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, PartyAgent
from tribunal.domain.enums import CaseOutcome
from tribunal.services import cases

UYGHUR = "阿卜杜热合曼·阿卜杜克热木"


@pytest.fixture
def world(db: Database) -> dict[str, object]:
    """A case with a Uyghur applicant and a closed case, in the test's own database."""
    first = cases.create_case(db, case_input(parties=(applicant(UYGHUR), respondent())), today=TODAY)
    closed = cases.create_case(db, case_input(), today=TODAY)
    cases.close_case(db, closed.id, CaseOutcome.WITHDRAWN, TODAY)
    return {"db": db, "case": first, "closed": closed}


def _db(world: dict[str, object]) -> Database:
    db = world["db"]
    assert isinstance(db, Database)
    return db


def run(capsys: pytest.CaptureFixture[str], world: dict[str, object], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", _db(world).url, "--user", "测试书记员", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def counts(world: dict[str, object]) -> tuple[int, int]:
    """(agents, audit entries) in the database: proof that a refusal changed nothing."""
    with _db(world).session(write=False) as s:
        return (s.scalar(select(func.count(PartyAgent.id))) or 0,
                s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_add_list_edit_remove(capsys, world):
    number = world["case"].number
    code, out, err = run(capsys, world, "agents", "add", number, "--party", UYGHUR, "--kind", "律师",
                         "--name", "汪婷婷", "--organisation", "湖南宝庆律师事务所", "--address", "邵阳市双清区东大路88号",
                         "--phone", "139 0739 1111", "--licence", "14305201010234567",
                         "--authority", "特别授权", "--item", "进行和解、调解", "--item", "变更仲裁请求")
    assert (code, err) == (0, "")
    assert out.startswith(f"已登记 {number} 申请人{UYGHUR}的委托代理人汪婷婷，编号 ")
    agent_id = int(out.strip().rsplit(" ", 1)[-1])

    code, out, _ = run(capsys, world, "agents", "list", number)
    assert code == 0
    line = out.splitlines()[0].split("\t")
    assert line[:6] == [str(agent_id), f"申请人{UYGHUR}", "委托代理人", "汪婷婷（湖南宝庆律师事务所）", "律师",
                        "特别授权（进行和解、调解；变更仲裁请求）"]
    assert "13907391111" not in out and "1111" in line[6]

    code, out, _ = run(capsys, world, "agents", "list", number, "--json")
    data = json.loads(out)
    assert data[0]["may_settle"] is True and data[0]["special_items"] == ["settle", "change"]
    assert data[0]["phone"] != "13907391111"

    code, out, err = run(capsys, world, "agents", "edit", str(agent_id), "--authority", "一般授权", "--item", "")
    assert code == 1 and err.startswith("错误：")  # an empty item is not one of the choices
    code, out, err = run(capsys, world, "agents", "edit", str(agent_id), "--authority", "一般授权")
    assert code == 0 and out.strip().endswith("一般授权")

    code, out, _ = run(capsys, world, "case", number)
    assert "委托代理人：汪婷婷（湖南宝庆律师事务所）  律师  一般授权" in out and "13907391111" not in out

    code, out, _ = run(capsys, world, "agents", "remove", str(agent_id))
    assert code == 0 and out.strip() == f"已删除 {number} 申请人{UYGHUR}的委托代理人汪婷婷"
    assert counts(world)[0] == 0


@pytest.mark.parametrize(("argv", "message"), [
    (["--party", "张三", "--kind", "律师", "--name", "汪婷婷", "--organisation", "某所"], "没有名为“张三”的当事人"),
    (["--party", UYGHUR, "--kind", "邻居", "--name", "汪婷婷"], "未知的代理人种类“邻居”"),
    (["--party", UYGHUR, "--kind", "律师", "--name", "汪婷婷"], "请填写律师事务所名称"),
    (["--party", "邵阳宝庆精密机械有限公司", "--kind", "法定代理人", "--name", "王五"], "单位当事人没有法定代理人"),
    (["--party", UYGHUR, "--kind", "近亲属", "--name", "王五", "--authority", "特别授权"], "至少勾选一项"),
])
def test_refusals_are_one_line_and_change_nothing(capsys, world, argv, message):
    before = counts(world)
    code, out, err = run(capsys, world, "agents", "add", world["case"].number, *argv)
    assert code == 1 and out == ""
    assert err.startswith("错误：") and message in err and len(err.strip().splitlines()) == 1
    assert counts(world) == before


def test_a_closed_case_and_a_missing_agent(capsys, world):
    closed = world["closed"]
    code, _, err = run(capsys, world, "agents", "add", closed.number, "--party", "张三", "--kind", "近亲属",
                       "--name", "张大山")
    assert code == 1 and "已结案" in err
    code, _, err = run(capsys, world, "agents", "remove", "999")
    assert code == 1 and "找不到编号为 999 的代理人" in err
    code, _, err = run(capsys, world, "agents", "edit", "999")
    assert code == 1 and "没有写出要修改的项目" in err
    with pytest.raises(SystemExit) as stop:
        run(capsys, world, "agents", "add", world["case"].number, "--kind", "律师")
    assert stop.value.code == 2 and "命令行参数有误" in capsys.readouterr().err
