"""On the day: check-in by name or scanned code, walk-ins, the paper sheet typed in afterwards;
personal data; the .xlsx export; history and reach."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from sqlalchemy import select

from tests.integration.data.outreach import HEARING_START, add_hearing, copy_world
from tribunal.cli import main
from tribunal.db.models import AuditEntry, Enterprise, Observer
from tribunal.domain.enums import InvitationStatus
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import observers, settings, training
from tribunal.services.observers import BackEntry

AT = dt.datetime(2026, 12, 8, 9, 12)


@pytest.fixture
def db_path(outreach_world, tmp_path):
    """The conftest's fresh database, but holding the hearing world already."""
    return copy_world(outreach_world(10)[0], tmp_path)


@pytest.fixture
def world(outreach_world, db):
    return outreach_world(10)[1]


@pytest.fixture
def invited(db, world):
    ids = [world.people[n] for n in ("王丽", "赵建华", "李娟", "周海波", "罗桂英", "刘晓燕")]
    return {r.name: r for r in observers.invite(db, world.hearing_id, ids)}


# ---------------------------------------------------------------- searching


def test_search_by_name_fragment_enterprise_and_phone(db, world, invited):
    find = lambda text: [(h.name, h.matched_by) for h in observers.checkin_search(db, world.hearing_id, text)]  # noqa: E731
    assert find("王丽") == [("王丽", "name")]
    assert find("晓") == [("刘晓燕", "name")]
    assert find("资江") == [("王丽", "enterprise")]
    assert find("0002") == [("赵建华", "phone")]
    assert find("  李 ") == [("李娟", "name")]
    assert find("王 丽") == [("王丽", "name")]  # a space the input method left
    assert find("") == [] and find("   ") == []
    assert find("没有这个人") == []
    # An exact name comes before names that merely contain it; people already ticked come last.
    observers.add_walk_in(db, world.hearing_id, "王丽华", enterprise_name="邵阳市某新公司", at=AT)
    assert find("王丽") == [("王丽", "name"), ("王丽华", "name")]
    observers.check_in(db, invited["王丽"].id, at=AT)
    hits = observers.checkin_search(db, world.hearing_id, "丽")
    assert [(h.name, h.status) for h in hits] == [("王丽", InvitationStatus.ATTENDED),
                                                  ("王丽华", InvitationStatus.ATTENDED)]
    # A name with a space of its own is found as typed, with or without it.
    observers.add_walk_in(db, world.hearing_id, "Wang Li", enterprise_name="Zijiang Foods Co Ltd", at=AT)
    assert find("Wang Li") == find("WangLi") == find("wang") == [("Wang Li", "name")]
    assert find("Zijiang Foods") == [("Wang Li", "enterprise")]


@pytest.mark.parametrize("typed", [
    "TRB1:{token}",
    "TRB1:{token}\r\n",
    "  TRB1:{token}\n",
    "trb1:{TOKEN}",
    "{token}",
    "{token}\t",
    "ＴＲＢ１：{token}",  # the scanner typed through a Chinese input method
])
def test_search_by_scanned_code(db, world, invited, typed):
    token = invited["李娟"].token
    text = typed.format(token=token, TOKEN=token.upper())
    assert [(h.name, h.matched_by) for h in observers.checkin_search(db, world.hearing_id, text)] == [
        ("李娟", "code")]
    row = observers.check_in(db, text, at=AT, hearing_id=world.hearing_id)
    assert (row.name, row.status, row.checked_in_at) == ("李娟", InvitationStatus.ATTENDED, AT)


def test_codes_of_other_hearings_and_unknown_codes(db, world, invited):
    other = add_hearing(db, world.case_id, host_id=None, room_id=None, starts_at=dt.datetime(2026, 12, 15, 9, 0))
    [foreign] = observers.invite(db, other, [world.people["王丽"]])
    with pytest.raises(ConflictError, match=r"这张邀请属于另一场开庭（2026-12-15 09:00），不是本场的"):
        observers.checkin_search(db, world.hearing_id, foreign.code)
    with pytest.raises(ConflictError, match="另一场开庭"):
        observers.check_in(db, foreign.code, at=AT, hearing_id=world.hearing_id)
    with pytest.raises(NotFound, match="这个二维码不是本系统发出的邀请"):
        observers.checkin_search(db, world.hearing_id, "TRB1:0123456789abcdef")
    with pytest.raises(NotFound):
        observers.check_in(db, "TRB1:0123456789abcdef", at=AT)
    with pytest.raises(ValidationError, match="无法识别的二维码内容"):
        observers.check_in(db, "hello", at=AT)
    # A bare hex string that is nobody's token is just a search that finds nothing.
    assert observers.checkin_search(db, world.hearing_id, "0123456789abcdef") == []


def test_parse_code():
    assert observers.parse_code("TRB1:00ff00ff00ff00ff") == "00ff00ff00ff00ff"
    assert observers.parse_code(" trb1:00FF00FF00FF00FF\r\n") == "00ff00ff00ff00ff"
    assert observers.parse_code("00ff00ff") == "00ff00ff"
    assert observers.parse_code("00ff00f") is None  # too short
    assert observers.parse_code("TRB2:00ff00ff00ff00ff") is None
    assert observers.parse_code("王丽") is None


# ---------------------------------------------------------------- walk-ins


def test_walk_in_adds_enterprise_and_person_once(db, world, invited):
    row = observers.add_walk_in(db, world.hearing_id, "钱 多多", enterprise_name="邵阳市某新科技有限责任公司",
                                title="人事专员", phone="139 0739 2222", at=AT)
    assert (row.name, row.enterprise_name, row.status, row.walk_in, row.checked_in_at, row.phone_masked) == (
        "钱多多", "邵阳市某新科技有限责任公司", InvitationStatus.ATTENDED, True, AT, "139****2222")
    with db.session(write=False) as s:
        ent = s.get(Enterprise, row.enterprise_id)
        assert ent.notes == "现场签到时登记，信息待补充"
    with pytest.raises(ConflictError, match="钱多多已在本场邀请名单中（已到场），请直接签到"):
        observers.add_walk_in(db, world.hearing_id, "钱多多", enterprise_name="邵阳市某新科技有限公司", at=AT)
    # At the next hearing the same person and enterprise are found again, not duplicated.
    later = add_hearing(db, world.case_id, host_id=None, room_id=None, starts_at=dt.datetime(2026, 12, 15, 9, 0))
    again = observers.add_walk_in(db, later, "钱多多", enterprise_name="邵阳市某新科技有限公司",
                                  at=dt.datetime(2026, 12, 15, 9, 5))
    assert (again.observer_id, again.enterprise_id) == (row.observer_id, row.enterprise_id)
    # Someone already invited is simply checked in rather than added twice.
    with pytest.raises(ConflictError, match="王丽已在本场邀请名单中（已邀请），请直接签到"):
        observers.add_walk_in(db, world.hearing_id, "王丽", enterprise_id=world.guests["邵阳市资江食品有限公司"], at=AT)


def test_walk_in_refusals(db, world, invited):
    with pytest.raises(ValidationError, match="该人员所在单位是本案当事人"):
        observers.add_walk_in(db, world.hearing_id, "陈小刚", enterprise_name="湖南湘中纺织科技有限责任公司", at=AT)
    with pytest.raises(ValidationError, match="姓名"):
        observers.add_walk_in(db, world.hearing_id, "", at=AT)
    with pytest.raises(ValidationError, match="联系电话"):
        observers.add_walk_in(db, world.hearing_id, "孙小美", phone="123", at=AT)
    with pytest.raises(ValidationError, match="现场登记应在开庭当天"):
        observers.add_walk_in(db, world.hearing_id, "孙小美", at=AT - dt.timedelta(days=1))
    with db.session(write=False) as s:
        assert s.scalar(select(Observer.id).where(Observer.name == "陈小刚")) is None  # nothing half-saved


# ---------------------------------------------------------------- the paper sheet


def test_back_entry_from_the_paper_sheet(db, world, invited):
    observers.decline(db, invited["罗桂英"].id)
    observers.check_in(db, invited["刘晓燕"].id, at=dt.datetime(2026, 12, 8, 9, 0))
    sheet = [
        BackEntry("王丽", dt.time(9, 5)),
        BackEntry("李娟", dt.datetime(2026, 12, 8, 9, 20, 33)),
        BackEntry("刘晓燕", dt.time(9, 0)),
        BackEntry("罗桂英", dt.time(9, 25)),
        BackEntry("孙小美", None, enterprise_name="湖南邵商电子商务有限公司", title="人事经理"),
    ]
    report = observers.back_enter(db, world.hearing_id, sheet, mark_rest_absent=True)
    assert report == observers.BackEntryReport(
        checked_in=3, walk_ins=1, already=("刘晓燕",), marked_absent=2,
        warnings=("第4行 罗桂英：曾谢绝邀请，按签到表记为到场",))
    rows = {r.name: r for r in observers.list_invitations(db, world.hearing_id)}
    assert (rows["王丽"].status, rows["王丽"].checked_in_at) == (InvitationStatus.ATTENDED,
                                                                dt.datetime(2026, 12, 8, 9, 5))
    assert rows["李娟"].checked_in_at == dt.datetime(2026, 12, 8, 9, 20, 33)
    assert rows["孙小美"].walk_in and rows["孙小美"].checked_in_at == HEARING_START
    assert rows["孙小美"].note == "据签到表补录（表上未写时间，按开庭时间记）"
    assert rows["罗桂英"].note == "曾谢绝邀请，据签到表补录到场"
    assert (rows["赵建华"].status, rows["周海波"].status) == (InvitationStatus.ABSENT, InvitationStatus.ABSENT)
    # Typing the same sheet again changes nothing.
    again = observers.back_enter(db, world.hearing_id, sheet[:4])
    assert (again.checked_in, again.walk_ins, again.already) == (0, 0, ("王丽", "李娟", "刘晓燕", "罗桂英"))


def test_back_entry_errors_save_nothing(db, world, invited):
    observers.add_walk_in(db, world.hearing_id, "王丽", enterprise_name="另一家公司", at=AT)
    bad = [
        BackEntry("李娟", dt.time(9, 5)),
        BackEntry("王丽", dt.time(9, 6)),
        BackEntry("周海波", dt.datetime(2026, 12, 9, 9, 0)),
        BackEntry("张3"),
        BackEntry("", invitation_id=99999),
    ]
    with pytest.raises(ValidationError) as err:
        observers.back_enter(db, world.hearing_id, bad)
    assert err.value.fields == {
        "entries[2]": "第2行：本场有 2 位名为王丽的受邀人员，请填写单位以区分",
        "entries[3]": "第3行：签到时间 2026-12-09 09:00 不是开庭当天",
        "entries[4]": "第4行：姓名中不能含有数字",
        "entries[5]": "第5行：编号 99999 的邀请不属于本场开庭",
    }
    assert {r.name: r.status for r in observers.list_invitations(db, world.hearing_id)}["李娟"] == \
        InvitationStatus.INVITED
    # With the enterprise written on the sheet, the two 王丽 are told apart.
    ok = observers.back_enter(db, world.hearing_id, [BackEntry("王丽", dt.time(9, 6),
                                                               enterprise_name="邵阳市资江食品有限责任公司")])
    assert ok.checked_in == 1


# ---------------------------------------------------------------- personal data


def test_phones_masked_unless_asked(db, world):
    person = world.people["王丽"]
    assert observers.get_observer(db, person).phone == "138****0001"
    assert observers.get_observer(db, person, show_phone=True).phone == "13807310001"
    assert observers.reveal_phone(db, person) == "13807310001"
    assert [(r.name, r.phone) for r in observers.search_observers(db, "资江")] == [("王丽", "138****0001")]


def test_id_numbers_only_with_the_setting_and_masked(db, world):
    with pytest.raises(ValidationError) as err:
        observers.add_observer(db, "孙小美", id_number="430502198501011231")
    assert "id_number" in err.value.fields
    settings.set_value(db, "privacy.store_observer_id", True)
    with pytest.raises(ValidationError, match="身份证号码：身份证号码校验位不正确"):
        observers.add_observer(db, "孙小美", id_number="430502198501011232")
    row = observers.add_observer(db, "孙小美", id_number="430502198501011231")
    assert row.id_number_masked == "4305**********1231"
    assert observers.id_number_for_clerk(db, row.id) == "430502198501011231"
    with db.session(write=False) as s:
        assert s.scalar(select(AuditEntry.summary).where(AuditEntry.action == "observer.view_id")) == \
            "查看 孙小美 的身份证号"
    # Editing without touching the ID keeps it; turning the setting off refuses new numbers.
    observers.update_observer(db, row.id, "孙小美", title="人事专员")
    assert observers.id_number_for_clerk(db, row.id) == "430502198501011231"
    settings.set_value(db, "privacy.store_observer_id", False)
    with pytest.raises(ValidationError):
        observers.update_observer(db, row.id, "孙小美", id_number="430502198501011231")
    assert observers.purge_id_numbers(db) == 1
    assert observers.get_observer(db, row.id).id_number_masked == ""


# ---------------------------------------------------------------- export


def test_export_xlsx_with_masked_phones(db, world, invited, tmp_path, capsys):
    observers.check_in(db, invited["王丽"].id, at=AT)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "旁听人员.xlsx"
    assert main(["--db", db.url, "observers", "export", "--hearing", str(world.hearing_id), str(target)]) == 0
    assert "已导出 6 名旁听人员" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(target).active
    rows = [tuple(c.value for c in r) for r in sheet.iter_rows()]
    assert rows[0] == ("序号", "姓名", "单位", "职务", "联系电话", "状态", "签到时间", "现场登记")
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["王丽"][2:] == ("邵阳市资江食品有限公司", "行政人事部经理", "138****0001", "已到场",
                                  "2026-12-08 09:12", None)
    assert by_name["周海波"][4] is None and by_name["周海波"][5] == "已邀请"
    assert [p.name for p in target.parent.iterdir()] == ["旁听人员.xlsx"]  # no temporary file left
    with db.session(write=False) as s:
        assert "导出" in s.scalar(select(AuditEntry.summary).where(AuditEntry.action == "observer.export"))


def test_export_of_a_closed_hearing_is_refused(db, world, tmp_path, capsys):
    closed = add_hearing(db, world.case_id, host_id=None, room_id=None, public=False,
                         starts_at=dt.datetime(2026, 12, 9, 9, 0))
    target = tmp_path / "x.xlsx"
    assert main(["--db", db.url, "observers", "export", "--hearing", str(closed), str(target)]) == 1
    assert capsys.readouterr().err == "错误：不公开审理的开庭没有旁听人员，无可导出\n"
    assert not target.exists()
    with pytest.raises(ValidationError, match=r"应以 \.xlsx 结尾"):
        observers.export_observers_xlsx(db, world.hearing_id, tmp_path / "x.csv")


def test_cli_list_and_call_list(db, world, invited, capsys):
    assert main(["--db", db.url, "observers", "list", "--hearing", str(world.hearing_id), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"]: r["phone"] for r in rows}["王丽"] == "138****0001"
    assert main(["--db", db.url, "observers", "call-list", "--hearing", str(world.hearing_id)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("138****") and "共 6 人尚未回复" in out
    assert main(["--db", db.url, "observers", "call-list", "--hearing", str(world.hearing_id),
                 "--show-phones"]) == 0
    assert "13807310001\t王丽" in capsys.readouterr().out
    assert main(["--db", db.url, "observers", "list", "--hearing", "999"]) == 1
    assert capsys.readouterr().err.startswith("错误：找不到编号为 999 的开庭")


# ---------------------------------------------------------------- history and reach


def test_histories_and_zone_reach(db, world, invited):
    observers.check_in(db, invited["王丽"].id, at=AT)
    observers.decline(db, invited["李娟"].id)
    session = training.create_session(db, world.hearing_id, "劳动合同签订与解除", "李建国",
                                      dt.datetime(2026, 12, 8, 11, 40), dt.datetime(2026, 12, 8, 12, 30),
                                      "职工活动中心会议室", [])
    training.record_attendance(db, session.id, [world.people["王丽"]], [("外来人", "邵阳市雪峰物流有限公司")])

    history = observers.enterprise_history(db, world.guests["邵阳市资江食品有限公司"])
    assert (history.invited, history.attended) == (1, 1)
    [visit] = history.visits
    assert (visit.person, visit.status, visit.checked_in_at, visit.host) == (
        "王丽", InvitationStatus.ATTENDED, AT, "邵阳宝庆精密机械有限公司")
    assert [(t.title, t.person) for t in history.trainings] == [("劳动合同签订与解除", "王丽")]
    host = observers.enterprise_history(db, world.host_id)
    assert [h[0] for h in host.hosted] == [world.hearing_id]
    xuefeng = observers.enterprise_history(db, world.guests["邵阳市雪峰物流有限公司"])
    assert [(t.person, t.observer_id) for t in xuefeng.trainings] == [("外来人", None)]

    person = observers.person_history(db, world.people["王丽"])
    assert person.observer.phone == "138****0001"
    assert [v.status for v in person.visits] == [InvitationStatus.ATTENDED]
    assert [t.session_id for t in person.trainings] == [session.id]

    reach = observers.zone_reach(db, world.zone_id, 2026, today=dt.date(2026, 12, 31))
    reached = {r.name: (r.invited, r.attended, r.trained, r.hosted) for r in reach.reached}
    assert reached == {
        "邵阳市资江食品有限公司": (1, 1, 1, 0),
        "邵阳市雪峰物流有限公司": (1, 0, 1, 0),  # invited, did not come, but sent someone to the training
        "邵阳宝庆精密机械有限公司": (1, 0, 0, 1),  # the host
    }
    assert [r.name for r in reach.never_reached] == [
        "湖南楚邵新材料股份有限公司", "湖南湘中纺织科技有限公司", "邵阳双清电子科技有限公司"]
    reached_rows, never = reach
    assert (reached_rows, never) == (reach.reached, reach.never_reached)
    # Before the hearing took place, hosting does not count yet; another year reaches nobody.
    early = observers.zone_reach(db, world.zone_id, 2026, today=dt.date(2026, 12, 1))
    assert [r.name for r in early.reached] == []
    assert observers.zone_reach(db, world.zone_id, 2025, today=dt.date(2026, 12, 31)).reached == ()
    with pytest.raises(NotFound):
        observers.zone_reach(db, 999, 2026)
