"""``tribunal participants``: list, add and remove a case's witnesses; one-line errors change nothing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from tests.conftest import TODAY
from tests.integration.helpers import VALID_ID, case_input
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, CaseParticipant
from tribunal.domain.enums import CaseOutcome, ParticipantRole
from tribunal.services import cases, enterprises, participants
from tribunal.services.enterprises import EnterpriseInput

TEXTILE = "湖南湘中纺织科技有限公司"


@pytest.fixture
def world(db: Database) -> dict[str, object]:
    """Two cases (the second closed) and two enterprises, in the test's own database."""
    first = cases.create_case(db, case_input(), today=TODAY)
    second = cases.create_case(db, case_input(), today=TODAY)
    cases.close_case(db, second.id, CaseOutcome.WITHDRAWN, TODAY)
    textile = enterprises.create_enterprise(db, EnterpriseInput(TEXTILE)).row.id
    enterprises.create_enterprise(db, EnterpriseInput("邵阳市资江食品有限公司"))
    return {"db": db, "case": first, "closed": second, "textile": textile}


def _db(world: dict[str, object]) -> Database:
    db = world["db"]
    assert isinstance(db, Database)
    return db


def run(capsys: pytest.CaptureFixture[str], world: dict[str, object], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", _db(world).url, "--user", "测试书记员", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def counts(world: dict[str, object]) -> tuple[int, int]:
    """(participants, audit entries) in the database: proof that a refusal changed nothing."""
    with _db(world).session(write=False) as s:
        return (s.scalar(select(func.count(CaseParticipant.id))) or 0,
                s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_add_by_case_number_then_list_as_text_and_json(capsys, world):
    case = world["case"]
    code, out, err = run(capsys, world, "participants", "add", case.number, "--role", "证人", "--name", "王小二",
                         "--enterprise", "湖南湘中纺织科技有限责任公司", "--phone", "138 0731 5555",
                         "--id-number", VALID_ID, "--notes", "车间班组长")
    assert (code, err) == (0, "")
    [row] = participants.list_participants(_db(world), case.id)
    # 有限责任公司 and 有限公司 are one enterprise: the directory's entry is used.
    assert (row.role, row.name, row.enterprise_id, row.phone, row.id_number, row.notes) == (
        ParticipantRole.WITNESS, "王小二", world["textile"], "13807315555", VALID_ID, "车间班组长")
    assert out == f"已登记 {case.number} 证人王小二（{TEXTILE}），编号 {row.id}\n"

    code, out, _ = run(capsys, world, "participants", "add", str(case.id), "--role", "appraiser", "--name", "钱鉴")
    assert code == 0 and out.startswith(f"已登记 {case.number} 鉴定人钱鉴，编号 ")

    code, out, _ = run(capsys, world, "participants", "list", case.number)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{row.id}\t证人\t王小二\t{TEXTILE}\t138****5555\t4301**********0012\t车间班组长"
    assert lines[1].split("\t")[1:3] == ["鉴定人", "钱鉴"]
    assert lines[2] == f"{case.number} 共 2 人"

    code, out, _ = run(capsys, world, "participants", "list", str(case.id), "--json")
    assert code == 0
    data = json.loads(out)
    assert data[0] == {"id": row.id, "case_number": case.number, "role": "witness", "role_label": "证人",
                       "name": "王小二", "enterprise": TEXTILE, "phone": "138****5555",
                       "id_number": "4301**********0012", "notes": "车间班组长"}
    assert (data[1]["role"], data[1]["enterprise"], data[1]["phone"], data[1]["id_number"]) == (
        "appraiser", None, None, None)


def test_an_empty_list_says_so(capsys, world):
    code, out, _ = run(capsys, world, "participants", "list", world["case"].number)
    assert (code, out) == (0, f"{world['case'].number} 没有登记证人、鉴定人、翻译人员或其他参与人。\n")
    code, out, _ = run(capsys, world, "participants", "list", world["case"].number, "--json")
    assert (code, json.loads(out)) == (0, [])


def test_remove_takes_the_participant_off_and_records_it(capsys, world):
    case = world["case"]
    run(capsys, world, "participants", "add", case.number, "--role", "翻译人员", "--name", "阿依古丽·买买提")
    [row] = participants.list_participants(_db(world), case.id)
    before = counts(world)
    code, out, err = run(capsys, world, "participants", "remove", str(row.id))
    assert (code, out, err) == (0, f"已删除 {case.number} 翻译人员阿依古丽·买买提\n", "")
    assert counts(world) == (before[0] - 1, before[1] + 1)
    code, out, err = run(capsys, world, "participants", "remove", str(row.id))
    assert (code, out) == (1, "")
    assert err == f"错误：找不到编号为 {row.id} 的诉讼参与人，可能已被删除\n"


@pytest.mark.parametrize(("argv", "message"), [
    (("--role", "路人", "--name", "王小二"), "错误：未知的身份“路人”；可选：证人、鉴定人、翻译人员、其他参与人\n"),
    (("--role", "证人", "--name", "王小二", "--id-number", "430102199003070013"),
     "错误：诉讼参与人信息有误，未保存：身份证号码："),
    (("--role", "证人", "--name", "王小二", "--phone", "12345"), "错误：诉讼参与人信息有误，未保存：联系电话："),
    (("--role", "证人", "--name", "王小二", "--enterprise", "湘中纺织"),
     f"错误：企业名录中没有“湘中纺织”，请写企业全称，或先把它加入企业名录；是否指：{TEXTILE}\n"),
    (("--role", "证人", "--name", "王小二", "--enterprise", "不存在的公司"),
     "错误：企业名录中没有“不存在的公司”，请写企业全称，或先把它加入企业名录\n"),
    (("--role", "证人", "--name", "1"), "错误：诉讼参与人信息有误，未保存："),
])
def test_bad_input_is_one_line_exit_1_and_changes_nothing(capsys, world, argv, message):
    before = counts(world)
    code, out, err = run(capsys, world, "participants", "add", world["case"].number, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1
    assert "Traceback" not in err
    assert counts(world) == before


def test_unknown_case_and_closed_case_are_refused(capsys, world):
    before = counts(world)
    code, out, err = run(capsys, world, "participants", "add", "邵劳人仲案字〔2026〕第99号", "--role", "证人",
                         "--name", "王小二")
    assert (code, out, err) == (1, "", "错误：找不到案号为“邵劳人仲案字〔2026〕第99号”的案件\n")
    code, out, err = run(capsys, world, "participants", "list", "999")
    assert (code, out, err) == (1, "", "错误：找不到编号为 999 的案件，可能已被删除\n")
    closed = world["closed"]
    code, out, err = run(capsys, world, "participants", "add", closed.number, "--role", "证人", "--name", "王小二")
    assert (code, out) == (1, "")
    assert err == f"错误：案件 {closed.number} 已结案，不能再修改诉讼参与人；如需更正请先撤销结案\n"
    assert counts(world) == before


def test_the_same_witness_twice_is_refused(capsys, world):
    case = world["case"]
    assert run(capsys, world, "participants", "add", case.number, "--role", "证人", "--name", "王小二")[0] == 0
    before = counts(world)
    code, out, err = run(capsys, world, "participants", "add", case.number, "--role", "证人", "--name", "王小二")
    assert (code, out, err) == (1, "", f"错误：案件 {case.number} 已登记证人王小二\n")
    assert counts(world) == before


def test_a_duplicated_directory_name_is_refused(capsys, world, monkeypatch):
    # Two directory entries whose names compare equal (entered before duplicates were refused):
    # the command must not guess which one is meant.
    row = enterprises.EnterpriseRow(3, TEXTILE, "", False, None, "", "", "", "", "", "", "")
    monkeypatch.setattr(enterprises, "search_enterprises",
                        lambda *_args, **_kw: [row, replace(row, id=7, name="湖南湘中纺织科技有限责任公司")])
    before = counts(world)
    code, out, err = run(capsys, world, "participants", "add", world["case"].number, "--role", "证人",
                         "--name", "王小二", "--enterprise", TEXTILE)
    assert (code, out) == (1, "")
    assert err == f"错误：企业名录中有 2 家名为“{TEXTILE}”的企业（编号 3、7），请先在企业名录中合并重复的企业\n"
    assert counts(world) == before


def test_usage_errors_exit_2_without_a_traceback(capsys, db_path):
    """Refused by the command line before any database opens: one backend is enough."""
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db_path), "participants", "add", "1", "--role", "证人"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "命令行参数有误" in err and "--name" in err and "Traceback" not in err
