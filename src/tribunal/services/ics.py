"""Hearings as an iCalendar file (.ics, RFC 5545) that Outlook, Thunderbird and phone calendars import.

Times are written with ``TZID=Asia/Shanghai`` and the file carries its own VTIMEZONE
(China Standard Time, +08:00, no daylight saving since 1991), so a calendar program on a
PC set to another zone still shows 09:30 as 09:30 Beijing time. Each hearing keeps one UID
across exports, and SEQUENCE grows with every recorded change, so importing a newer file
updates the events instead of duplicating them. Cancelled and postponed hearings are
exported with STATUS:CANCELLED so that they disappear from calendars that had them.

No ID numbers, phone numbers or party names are written: calendars are often synchronised
to phones and cloud services.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import icalendar
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from tribunal import __version__
from tribunal.db.engine import Database
from tribunal.db.models import AuditEntry, Hearing, HearingPanelMember, Room, Staff
from tribunal.domain.enums import HearingStatus
from tribunal.domain.venues import venue_text, with_address
from tribunal.errors import NotFound, ValidationError
from tribunal.services import inputs, outputs, settings
from tribunal.texts import msg

TZID = "Asia/Shanghai"
PRODID = f"-//Tribunal//巡回仲裁庭书记员工作台 {__version__}//ZH"
MAX_DAYS = 3 * 366


def _timezone() -> icalendar.Timezone:
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    tz.add_component(standard)
    return tz


def uid_for(hearing_id: int, commission: str) -> str:
    """The event's UID: the hearing's id plus a fingerprint of the commission's name."""
    tag = hashlib.sha256(commission.strip().encode("utf-8")).hexdigest()[:12]
    return f"hearing-{hearing_id}-{tag}@tribunal"


def _check_range(date_from: dt.date | None, date_to: dt.date | None) -> tuple[dt.date, dt.date]:
    errors = {}
    if date_from is None:
        errors["date_from"] = msg("请填写起始日期")
    if date_to is None:
        errors["date_to"] = msg("请填写截止日期")
    if errors:
        raise ValidationError(msg("导出日历须给出起止日期：{items}", items="；".join(errors.values())), errors)
    assert date_from is not None and date_to is not None
    inputs.date(date_from, "起始日期", "date_from")
    inputs.date(date_to, "截止日期", "date_to")
    if date_from > date_to:
        raise ValidationError(msg("起始日期 {date_from} 晚于截止日期 {date_to}", date_from=date_from, date_to=date_to), {"date_to": msg("早于起始日期")})
    if (date_to - date_from).days > MAX_DAYS:
        raise ValidationError(msg("一次最多导出三年的开庭"), {"date_to": msg("范围过大")})
    return date_from, date_to


def _description(h: Hearing) -> str:
    lines = [f"案号：{h.case.number}", f"案由：{h.case.case_type.label_zh}"]
    for member in h.panel:
        lines.append(f"{member.role.label_zh}：{member.staff.name}")
    if h.clerk is not None:
        lines.append(f"书记员：{h.clerk.name}")
    lines.append("公开审理" if h.public else f"不公开审理：{h.closed_reason or '依法不公开'}")
    status = h.status.label_zh
    if h.status_reason:
        status += f"：{h.status_reason}"
    lines.append(f"状态：{status}")
    if h.tribunal is not None:
        lines.append(f"巡回仲裁庭：{h.tribunal.name}")
    return "\n".join(lines)


def _location(h: Hearing, commission: str) -> str:
    room = h.room
    ent = room.enterprise if room is not None and room.enterprise is not None else h.host_enterprise
    # A calendar is read away from the office: the commission's own room by its full name.
    place = venue_text(room.name if room else None, ent.name if ent else None, owner=commission)
    address = (room.address if room and room.address else None) or (ent.address if ent else None)
    return with_address(place, address)


def export_ics(db: Database, path_or_none: str | os.PathLike[str] | None, date_from: dt.date | None,
               date_to: dt.date | None, staff_id: int | None = None, *,
               stamp: dt.datetime | None = None, force: bool = False) -> bytes:
    """The hearings starting between two dates (both included) as an .ics calendar.

    Args:
        path_or_none: where to write the file (atomically: a temporary file in the same
            folder, then renamed); None to only return the bytes.
        staff_id: only the hearings this arbitrator (or clerk) sits in.
        stamp: the DTSTAMP to write (UTC); now when omitted.

    Returns:
        The calendar as bytes (UTF-8, CRLF line ends, lines folded at 75 octets).

    Raises:
        ValidationError: a date missing, ``date_from`` after ``date_to``, a range over three
            years, a file name not ending in .ics, the open database, or a missing or
            unwritable folder (nothing is written).
        OutputExistsError: a file the program did not write is there and ``force`` is False.
        NotFound: ``staff_id`` names nobody.
    """
    date_from, date_to = _check_range(date_from, date_to)
    if staff_id is not None:
        inputs.record_id(staff_id, "仲裁员编号", "staff_id")
    target = (outputs.check_target(db, path_or_none, suffixes=(".ics",), what="日历文件", force=force)
              if path_or_none is not None else None)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    with db.session(write=False) as s:
        commission = str(settings.read_all(s)["commission.name"])
        if staff_id is not None and s.get(Staff, staff_id) is None:
            raise NotFound(msg("找不到编号为 {staff_id} 的仲裁员", staff_id=staff_id))
        query = (
            select(Hearing)
            .where(Hearing.starts_at >= dt.datetime.combine(date_from, dt.time()),
                   Hearing.starts_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time()))
            .options(selectinload(Hearing.case), selectinload(Hearing.clerk), selectinload(Hearing.tribunal),
                     selectinload(Hearing.host_enterprise),
                     selectinload(Hearing.room).selectinload(Room.enterprise),
                     selectinload(Hearing.panel).selectinload(HearingPanelMember.staff))
            .order_by(Hearing.starts_at, Hearing.id)
        )
        if staff_id is not None:
            on_panel = select(HearingPanelMember.hearing_id).where(HearingPanelMember.staff_id == staff_id)
            query = query.where(or_(Hearing.clerk_id == staff_id, Hearing.id.in_(on_panel)))
        hearings = list(s.scalars(query))
        changes = dict(s.execute(
            select(AuditEntry.entity_id, func.count())
            .where(AuditEntry.entity == "hearing", AuditEntry.entity_id.in_([h.id for h in hearings]))
            .group_by(AuditEntry.entity_id)
        ).all()) if hearings else {}

        cal = icalendar.Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", f"{commission}开庭排期")
        cal.add("x-wr-timezone", TZID)
        cal.add_component(_timezone())
        for h in hearings:
            event = icalendar.Event()
            event.add("uid", uid_for(h.id, commission))
            event.add("dtstamp", stamp)
            event.add("dtstart", h.starts_at, parameters={"TZID": TZID})
            event.add("dtend", h.ends_at, parameters={"TZID": TZID})
            marker = {HearingStatus.CANCELLED: "【已取消】", HearingStatus.POSTPONED: "【已延期】"}.get(h.status, "")
            event.add("summary", f"{marker}开庭：{h.case.number} {h.case.case_type.label_zh}")
            event.add("location", _location(h, commission))
            event.add("description", _description(h))
            event.add("status", "CANCELLED" if h.status in (HearingStatus.CANCELLED, HearingStatus.POSTPONED)
                      else "CONFIRMED")
            event.add("sequence", max(changes.get(h.id, 1) - 1, 0))
            event.add("categories", ["开庭"])
            event.add("transp", "OPAQUE")
            cal.add_component(event)
    data = cal.to_ical()
    if target is not None:
        outputs.write(db, target, data, action="hearing.export_ics",
                      summary=f"导出 {date_from} 至 {date_to} 的开庭（{len(hearings)} 场）到 {target.name}")
    return data
