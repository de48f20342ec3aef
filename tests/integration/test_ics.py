"""The .ics export parsed back with the icalendar library: events, time zone, UIDs, privacy, errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from sqlalchemy import select

from tests.conftest import TODAY, copy_database
from tests.integration.helpers import VALID_ID
from tests.integration.test_conflicts import MON, WED, World
from tribunal.db.models import Enterprise, Observer, Party, PartyAgent, Staff
from tribunal.errors import NotFound, ValidationError
from tribunal.services import hearings, ics
from tribunal.services.app import open_database
from tribunal.services.outputs import OutputExistsError

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEC = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _four(w: World) -> dict[str, hearings.HearingDetail]:
    """A scheduled, a held, a cancelled and a postponed hearing in December, one in November."""
    out = {
        "scheduled": w.schedule(w.hearing(WED, "09:30", "11:30", "B2")),
        "held": w.schedule(w.hearing(dt.date(2026, 12, 1), "14:00", "16:00", "R1", case=2),
                           reason="双方书面同意缩短通知期"),
        "cancelled": w.schedule(w.hearing(dt.date(2026, 12, 3), "09:00", "10:00", "C1", case=2),
                                reason="双方书面同意缩短通知期"),
        "postponed": w.schedule(w.hearing(MON, "09:00", "10:00", "R2", case=2,
                                          public=False, closed_reason="commercial_secret")),
        "november": w.schedule(w.hearing(dt.date(2026, 11, 30), "09:00", "10:00", "R1", case=2),
                               reason="补录"),
    }
    hearings.mark_held(w.db, out["held"].id, today=dt.date(2026, 12, 1))
    hearings.cancel_hearing(w.db, out["cancelled"].id, "申请人撤回申请")
    hearings.postpone_hearing(w.db, out["postponed"].id, "鉴定未完成", today=TODAY)
    return out


def test_events_times_and_time_zone_parse_back(w):
    made = _four(w)
    data = ics.export_ics(w.db, None, *DEC)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//Tribunal//")
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Shanghai"
    [std] = tz.walk("STANDARD")
    assert std.decoded("TZOFFSETTO") == dt.timedelta(hours=8)
    assert std.decoded("TZOFFSETFROM") == dt.timedelta(hours=8)
    assert str(std["TZNAME"]) == "CST"
    assert tz.walk("DAYLIGHT") == []
    events = _events(data)
    assert len(events) == 4  # the November hearing is outside the range
    by_start = {e.decoded("DTSTART"): e for e in events}
    first = by_start[dt.datetime(2026, 12, 9, 9, 30, tzinfo=SHANGHAI)]
    assert first["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert first["DTEND"].params["TZID"] == "Asia/Shanghai"
    assert first.decoded("DTEND") == dt.datetime(2026, 12, 9, 11, 30, tzinfo=SHANGHAI)
    # The same instant in UTC: 01:30 — a calendar in another zone still shows the right time.
    assert first.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2026, 12, 9, 1, 30, tzinfo=dt.UTC)
    assert str(first["SUMMARY"]) == f"开庭：{w.case1.number} 劳动报酬"
    assert str(first["LOCATION"]) == "湖南湘中纺织科技有限公司 大会议室（邵阳市宝庆大道66号）"
    assert str(first["DESCRIPTION"]).split("\n") == [
        f"案号：{w.case1.number}", "案由：劳动报酬", "独任仲裁员：李建国", "书记员：赵静", "公开审理", "状态：已排期"]
    assert str(first["STATUS"]) == "CONFIRMED"
    assert first.decoded("DTSTAMP").tzinfo is not None
    statuses = {str(e["UID"]): str(e["STATUS"]) for e in events}
    assert statuses[ics.uid_for(made["held"].id, "邵阳市劳动人事争议仲裁院")] == "CONFIRMED"
    assert statuses[ics.uid_for(made["cancelled"].id, "邵阳市劳动人事争议仲裁院")] == "CANCELLED"
    postponed = next(e for e in events if str(e["UID"]) == ics.uid_for(made["postponed"].id, "邵阳市劳动人事争议仲裁院"))
    assert str(postponed["STATUS"]) == "CANCELLED"
    assert str(postponed["SUMMARY"]).startswith("【已延期】开庭：")
    assert "不公开审理：涉及商业秘密（《劳动争议调解仲裁法》第二十六条）" in str(postponed["DESCRIPTION"])
    assert str(postponed["LOCATION"]) == "邵阳市劳动人事争议仲裁院第二仲裁庭（仲裁院三楼）"


def test_uids_are_stable_and_sequence_counts_the_changes(w):
    h = w.schedule(w.hearing(WED, "09:30", "11:30", "B2"))
    first = _events(ics.export_ics(w.db, None, *DEC, stamp=dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)))
    second = _events(ics.export_ics(w.db, None, *DEC, stamp=dt.datetime(2026, 11, 28, 1, 0, tzinfo=dt.UTC)))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second] == [
        ics.uid_for(h.id, "邵阳市劳动人事争议仲裁院")]
    assert first[0].decoded("DTSTAMP") == dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
    assert first[0].decoded("SEQUENCE") == 0
    hearings.update_hearing(w.db, h.id, replace(h.to_input(), ends_at=dt.datetime(2026, 12, 9, 12)), today=TODAY)
    third = _events(ics.export_ics(w.db, None, *DEC))
    assert str(third[0]["UID"]) == str(first[0]["UID"])
    assert third[0].decoded("SEQUENCE") == 1
    assert third[0].decoded("DTEND") == dt.datetime(2026, 12, 9, 12, 0, tzinfo=SHANGHAI)
    assert ics.uid_for(h.id, "另一个仲裁院") != ics.uid_for(h.id, "邵阳市劳动人事争议仲裁院")


def test_one_arbitrators_hearings(w):
    mine = w.schedule(w.hearing(WED, "09:30", "11:30", "B2"))
    w.schedule(w.hearing(MON, "09:00", "10:00", "R1", case=2))
    events = _events(ics.export_ics(w.db, None, *DEC, staff_id=w.staff["李建国"]))
    assert [str(e["UID"]) for e in events] == [ics.uid_for(mine.id, "邵阳市劳动人事争议仲裁院")]
    assert len(_events(ics.export_ics(w.db, None, *DEC, staff_id=w.staff["孙浩"]))) == 1
    assert _events(ics.export_ics(w.db, None, *DEC, staff_id=w.staff["张卫东"])) == []
    with pytest.raises(NotFound):
        ics.export_ics(w.db, None, *DEC, staff_id=98765)


def test_range_boundaries_include_both_days(w):
    h = w.schedule(w.hearing(WED, "19:00", "21:00", "B2"))
    assert len(_events(ics.export_ics(w.db, None, WED, WED))) == 1
    assert _events(ics.export_ics(w.db, None, WED + dt.timedelta(days=1), WED + dt.timedelta(days=2))) == []
    assert _events(ics.export_ics(w.db, None, WED - dt.timedelta(days=2), WED - dt.timedelta(days=1))) == []
    assert h.id


@pytest.mark.parametrize(("date_from", "date_to", "field"), [
    (dt.date(2026, 12, 2), dt.date(2026, 12, 1), "date_to"),
    (None, dt.date(2026, 12, 1), "date_from"),
    (dt.date(2026, 12, 1), None, "date_to"),
    (dt.date(2026, 1, 1), dt.date(2029, 12, 31), "date_to"),
])
def test_bad_ranges_are_refused(w, tmp_path, date_from, date_to, field):
    out = tmp_path / "x.ics"
    with pytest.raises(ValidationError) as err:
        ics.export_ics(w.db, out, date_from, date_to)
    assert field in err.value.fields
    assert not out.exists()


def test_file_is_written_atomically_and_a_missing_folder_is_refused(w, tmp_path):
    w.schedule(w.hearing(WED, "09:30", "11:30", "B2"))
    out = tmp_path / "开庭.ics"
    out.write_bytes(b"old")
    # A file the program did not write is replaced only when the clerk says so.
    with pytest.raises(OutputExistsError, match="--force"):
        ics.export_ics(w.db, out, *DEC)
    assert out.read_bytes() == b"old"
    data = ics.export_ics(w.db, out, *DEC, force=True)
    assert out.read_bytes() == data
    # What it wrote itself it may write again.
    w.schedule(w.hearing(WED, "14:30", "16:30", "B2"))
    again = ics.export_ics(w.db, out, *DEC)
    assert out.read_bytes() == again != data
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # no temporary left
    with pytest.raises(ValidationError, match="文件夹不存在"):
        ics.export_ics(w.db, tmp_path / "nope" / "x.ics", *DEC)
    assert not (tmp_path / "nope").exists()
    with pytest.raises(ValidationError, match="文件夹"):
        ics.export_ics(w.db, tmp_path, *DEC)


def test_lines_are_folded_and_end_with_crlf(w):
    w.schedule(w.hearing(WED, "09:30", "11:30", "B2"))
    data = ics.export_ics(w.db, None, *DEC)
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")


@pytest.fixture(scope="module")
def demo_file(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This module's copy of the demonstration database (conftest's demo_template)."""
    return copy_database(demo_template, tmp_path_factory.mktemp("demo"), "demo.sqlite3")


def test_demo_export_carries_no_id_or_phone_numbers(demo_file):
    db = open_database(str(demo_file), actor="测试书记员")
    try:
        data = ics.export_ics(db, None, dt.date(2026, 11, 1), dt.date(2027, 1, 31))
        events = _events(data)
        assert len(events) == len(hearings.list_hearings(db, dt.date(2026, 11, 1), dt.date(2027, 1, 31))) == 7
        with db.session(write=False) as s:
            numbers = set()
            for column in (Party.id_number, Party.phone, PartyAgent.phone, Staff.phone,
                           Enterprise.contact_phone, Observer.phone, Observer.id_number):
                numbers |= {v for v in s.scalars(select(column)) if v}
            people = set(s.scalars(select(Party.name).where(Party.kind == "person")))
            people |= set(s.scalars(select(Observer.name)))
            allowed = set(s.scalars(select(Staff.name))) | set(s.scalars(select(Enterprise.name)))
        assert len(numbers) > 40 and len(people) > 30
        text = b"".join(data.split(b"\r\n ")).decode("utf-8")  # unfolded
        assert {n for n in numbers if n in text} == set()
        # Workers and observers are not named (a name inside a staff or company name is no leak).
        assert {n for n in people if n in text and not any(n in a for a in allowed)} == set()
        assert VALID_ID not in text
        assert len({str(e["UID"]) for e in events}) == 7
    finally:
        db.dispose()
