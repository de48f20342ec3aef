"""The hearing pack (开庭文书包): every document of a hearing or a day, in print order, and its files.

:func:`build_hearing_pack` and :func:`build_day_pack` render everything in memory and return
:class:`PackItem` s in print order plus the combined PDF; nothing touches the disk until
:func:`write_pack`, which writes each file atomically (a temporary file in the same folder,
flushed to disk, then renamed over the target) and leaves a file alone when its bytes are
already there — so an unchanged reprint neither rewrites nor re-dates anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tribunal import files
from tribunal.documents.announcement import HearingAnnouncement
from tribunal.documents.base import Rendered
from tribunal.documents.certificate import AttendanceCertificate, CertificateData
from tribunal.documents.data import (
    Certificate,
    Commission,
    DayList,
    HearingInfo,
    InvitationLetter,
    Invitee,
    PublicHearing,
    TeachingCase,
)
from tribunal.documents.day_list import DayListSheet
from tribunal.documents.fonts import FontSet, load_fonts
from tribunal.documents.formatting import day_with_weekday, hearing_time, time_span
from tribunal.documents.handout import HandoutData, TrainingHandout
from tribunal.documents.invitation import InvitationData, ObserverInvitation
from tribunal.documents.merge import Part, merge_pdfs
from tribunal.documents.notice import HearingNotice, NoticeTarget
from tribunal.documents.observer_rules import ObserverRules
from tribunal.documents.pack_list import PackList, PackListData, PackListRow
from tribunal.documents.service_receipt import ServiceReceipt
from tribunal.documents.sign_in import SignInData, SignInSheet
from tribunal.texts import msg

__all__ = [
    "COMBINED_NAME",
    "HearingDocuments",
    "PackItem",
    "PackOutput",
    "Renderers",
    "WrittenFile",
    "build_certificates",
    "build_day_pack",
    "build_hearing_pack",
    "day_folder_name",
    "hearing_folder_name",
    "safe_name",
    "write_atomic",
    "write_pack",
]

COMBINED_NAME = "全部文书.pdf"

# File-name prefix per kind: files of one kind sort together and keep their names when
# parties or observers are added (a running number would rename everything after them).
_PREFIX = {
    "pack_list": "00", "hearing_notice": "01", "service_receipt": "02", "announcement": "03", "invitation": "04",
    "observer_rules": "05", "sign_in": "06", "day_list": "07", "handout": "08", "certificate": "09",
}
_KIND_LABEL = {
    "pack_list": "文书清单", "hearing_notice": "开庭通知书", "service_receipt": "送达回证", "announcement": "开庭公告",
    "invitation": "旁听邀请函", "observer_rules": "旁听须知", "sign_in": "签到表",
    "day_list": "开庭排期表", "handout": "培训讲义", "certificate": "培训证明",
}
_DAY_LIST_PURPOSE = "仲裁庭和书记员内部使用，请勿张贴或者发给旁听人员"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name-safe version of ``text`` (Windows rules), at most ``limit`` characters."""
    cleaned = _UNSAFE.sub("_", " ".join(text.split())).strip(" .")
    return (cleaned[:limit].rstrip(" .") or "文书")


def hearing_folder_name(hearing: HearingInfo) -> str:
    """邵劳人仲案字〔2026〕第1号_2026-12-09 (case number and hearing date)."""
    return safe_name(f"{hearing.case_number}_{hearing.starts_at.date().isoformat()}", 100)


def day_folder_name(day_list: DayList) -> str:
    """2026-12-09_邵阳经开区巡回仲裁庭."""
    return safe_name(f"{day_list.day.isoformat()}_{day_list.tribunal}", 100)


@dataclass(frozen=True)
class PackItem:
    """One document of a pack: what it is, whom it concerns, its file name and its bytes."""

    kind: str
    filename: str
    rendered: Rendered
    case_id: int | None = None
    hearing_id: int | None = None
    party_id: int | None = None
    observer_id: int | None = None
    purpose: str = ""  # what the staff do with it (the cover list says so)

    @property
    def title(self) -> str:
        return self.rendered.title


@dataclass(frozen=True)
class HearingDocuments:
    """Everything a hearing's pack is made from (plain data, gathered by the services).

    ``public`` is None for a hearing that is not public: then no document for observers
    is made at all.
    """

    hearing: HearingInfo
    public: PublicHearing | None = None
    letters: tuple[InvitationLetter, ...] = ()
    expected: tuple[Invitee, ...] = ()  # the sign-in sheet's pre-filled rows
    teaching: TeachingCase | None = None
    day_list: DayList | None = None
    blank_rows: int = 10


@dataclass(frozen=True)
class PackOutput:
    """A built pack: its items in print order, the combined PDF and notes for the clerk."""

    folder_name: str
    items: tuple[PackItem, ...]
    combined: bytes
    combined_title: str
    notes: tuple[str, ...] = ()
    cover_notes: tuple[str, ...] = ()  # the notes handed in by the caller (also on the cover list)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for item in self.items for w in item.rendered.warnings)


class Renderers:
    """One renderer per kind, sharing the font set (cheap; made once per pack)."""

    def __init__(self, commission: Commission, fonts: FontSet) -> None:
        self.notice = HearingNotice(commission, fonts)
        self.receipt = ServiceReceipt(commission, fonts)
        self.announcement = HearingAnnouncement(commission, fonts)
        self.invitation = ObserverInvitation(commission, fonts)
        self.rules = ObserverRules(commission, fonts)
        self.sign_in = SignInSheet(commission, fonts)
        self.day_list = DayListSheet(commission, fonts)
        self.handout = TrainingHandout(commission, fonts)
        self.certificate = AttendanceCertificate(commission, fonts)
        self.pack_list = PackList(commission, fonts)


class _Names:
    """Hands out file names, numbering repeats (two parties called 张伟) deterministically."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, kind: str, subject: str = "") -> str:
        stem = f"{_PREFIX[kind]}_{_KIND_LABEL[kind]}" + (f"_{safe_name(subject)}" if subject else "")
        name, n = f"{stem}.pdf", 2
        while name in self.used:
            name, n = f"{stem}（{n}）.pdf", n + 1
        self.used.add(name)
        return name


def _hearing_items(docs: HearingDocuments, r: Renderers, names: _Names, *,
                   with_day_list: bool) -> tuple[list[PackItem], list[str]]:
    h = docs.hearing
    ids = {"case_id": h.case_id, "hearing_id": h.id}
    items: list[PackItem] = []
    notes: list[str] = []
    for party in h.parties:
        for target in [NoticeTarget(h, party), *(NoticeTarget(h, party, agent) for agent in party.agents)]:
            subject = target.subject
            whom = f"{party.role_label}{subject}"
            where = f"（送达地址：{target.address}）" if target.address else ""
            items.append(PackItem("hearing_notice", names("hearing_notice", subject),
                                  r.notice.render(target), party_id=party.id, purpose=f"送达{whom}{where}", **ids))
            items.append(PackItem("service_receipt", names("service_receipt", subject),
                                  r.receipt.render(target), party_id=party.id,
                                  purpose=f"随开庭通知书送达{whom}，签名或者盖章后收回附卷", **ids))
    public = docs.public
    if public is None:
        notes.append(msg('{case_number}：不公开审理，未制作开庭公告、旁听邀请函、旁听须知、签到表和培训讲义。', case_number=h.case_number))
    else:
        items.append(PackItem("announcement", names("announcement"), r.announcement.render(public),
                              purpose=f"请张贴于{public.venue.host}公告栏或者会场入口处，开庭结束后撤下", **ids))
        for letter in docs.letters:
            observer = letter.invitees[0].observer_id if len(letter.invitees) == 1 else None
            items.append(PackItem("invitation", names("invitation", letter.addressee),
                                  r.invitation.render(InvitationData(public, letter)), observer_id=observer,
                                  purpose=f"送交{letter.addressee}（{len(letter.invitees)}人），"
                                          f"请于{letter.reply_by.month}月{letter.reply_by.day}日前收回回执", **ids))
        if not docs.letters:
            notes.append(msg('{case_number}：尚未邀请旁听人员，未制作旁听邀请函。', case_number=h.case_number))
        items.append(PackItem("observer_rules", names("observer_rules"), r.rules.render(public),
                              purpose="张贴于旁听区入口和签到处", **ids))
        items.append(PackItem("sign_in", names("sign_in"),
                              r.sign_in.render(SignInData(public, docs.expected, docs.blank_rows)),
                              purpose="签到处使用；活动结束后收回，按表上的个人信息说明保管和销毁", **ids))
    if with_day_list and docs.day_list is not None:
        items.append(PackItem("day_list", names("day_list"), r.day_list.render(docs.day_list),
                              purpose=_DAY_LIST_PURPOSE, **ids))
    if public is not None and docs.teaching is not None:
        copies = len(docs.expected) + docs.blank_rows
        items.append(PackItem("handout", names("handout"),
                              r.handout.render(HandoutData(public, docs.teaching)),
                              purpose=f"培训开始前发给参加培训的人员（约{copies}份）", **ids))
        if public.training.default_selection:
            notes.append(msg('{case_number}：尚未登记培训场次，讲义按案由自动选取了{value}个培训专题，可在培训页面调整。', case_number=h.case_number, value=len(public.training.topics)))
    return items, notes


def _combine(items: list[PackItem], title: str, author: str, issue_date: dt.date, key: str) -> bytes:
    parts = [Part(item.title, item.rendered.data) for item in items]
    return merge_pdfs(parts, title=title, author=author, issue_date=issue_date, key=key)


def _cover(items: Sequence[PackItem], *, title: str, subtitle: str, notes: Sequence[str], issue_date: dt.date,
           key: str, renderers: Renderers, names: _Names, groups: dict[int, str] | None = None,
           **ids: int | None) -> PackItem:
    rows: list[PackListRow] = []
    letters = 0  # invitation letters gathered in the last row (counted, never read back from its title)
    for item in items:
        group = (groups or {}).get(item.hearing_id or 0, "")
        last = rows[-1] if rows else None
        if item.kind == "invitation" and last is not None and letters and last.group == group:
            # One line for all the letters of a hearing: the folder holds them one by one.
            letters += 1
            rows[-1] = PackListRow(f"旁听邀请函（{letters}份）", last.pages + item.rendered.pages,
                                   "分别送交各受邀单位或者个人，" + item.purpose.split("，", 1)[-1], group)
        else:
            rows.append(PackListRow(item.title, item.rendered.pages, item.purpose, group))
            letters = 1 if item.kind == "invitation" else 0
    data = PackListData(title, subtitle, tuple(rows), tuple(notes), issue_date, key)
    return PackItem("pack_list", names("pack_list"), renderers.pack_list.render(data),
                    purpose="本清单，请勿外发", **ids)


def build_hearing_pack(docs: HearingDocuments, commission: Commission,
                       fonts: FontSet | None = None, *, notes: Sequence[str] = ()) -> PackOutput:
    """Render every document of one hearing, in print order, and the combined PDF.

    Order: the cover list (文书清单: every document, its pages and what to do with it, and
    ``notes`` for the clerk), then for each party its notice and proof of service (then its
    agents'), the announcement, the invitations, the observers' rules, the sign-in sheet, the
    day list and the training handout. A hearing that is not public gets only the parties'
    documents and the day list.
    """
    renderers = Renderers(commission, fonts or load_fonts())
    names = _Names()
    items, own_notes = _hearing_items(docs, renderers, names, with_day_list=True)
    h = docs.hearing
    all_notes = (*notes, *own_notes)
    items.insert(0, _cover(items, title=h.case_number,
                           subtitle=f"{h.case_number}　{hearing_time(h.starts_at)}　{h.venue.place}",
                           notes=all_notes, issue_date=h.issue_date, key=f"h{h.id}", renderers=renderers,
                           names=names, case_id=h.case_id, hearing_id=h.id))
    title = f"开庭文书（{h.case_number}）"
    combined = _combine(items, title, commission.issuer, h.issue_date, f"pack:h{h.id}")
    return PackOutput(hearing_folder_name(h), tuple(items), combined, title, tuple(own_notes), tuple(notes))


def build_day_pack(day_list: DayList, hearings: Iterable[HearingDocuments], commission: Commission,
                   fonts: FontSet | None = None, *, notes: Sequence[str] = ()) -> PackOutput:
    """Render a day's pack: the cover list and the day list first, then each hearing's
    documents in time order.

    Item file names are prefixed with the hearing's folder name
    (``<hearing folder>/<file>``), so each hearing keeps a folder of its own.
    """
    renderers = Renderers(commission, fonts or load_fonts())
    names = _Names()
    items = [PackItem("day_list", names("day_list"), renderers.day_list.render(day_list),
                      purpose=_DAY_LIST_PURPOSE)]
    own_notes: list[str] = []
    groups: dict[int, str] = {}
    for docs in sorted(hearings, key=lambda d: (d.hearing.starts_at, d.hearing.id)):
        own, hearing_notes = _hearing_items(docs, renderers, _Names(), with_day_list=False)
        folder = hearing_folder_name(docs.hearing)
        groups[docs.hearing.id] = f"{docs.hearing.case_number}（{time_span(docs.hearing.starts_at, docs.hearing.ends_at)}）"
        items += [PackItem(i.kind, f"{folder}/{i.filename}", i.rendered, i.case_id, i.hearing_id,
                           i.party_id, i.observer_id, i.purpose) for i in own]
        own_notes += hearing_notes
    items.insert(0, _cover(items, title=f"{day_list.tribunal}，{day_list.day.isoformat()}",
                           subtitle=f"{day_list.tribunal}　{day_with_weekday(day_list.day)}",
                           notes=(*notes, *own_notes), issue_date=day_list.issue_date,
                           key=f"d{day_list.tribunal}:{day_list.day.isoformat()}", renderers=renderers,
                           names=names, groups=groups))
    title = f"开庭文书（{day_list.tribunal}，{day_list.day.isoformat()}）"
    combined = _combine(items, title, commission.issuer, day_list.issue_date,
                        f"daypack:{day_list.tribunal}:{day_list.day.isoformat()}")
    return PackOutput(day_folder_name(day_list), tuple(items), combined, title, tuple(own_notes), tuple(notes))


def build_certificates(public: PublicHearing, certificates: Iterable[Certificate], commission: Commission,
                       *, observer_ids: Iterable[int | None] = (), case_id: int | None = None,
                       fonts: FontSet | None = None) -> list[PackItem]:
    """One 培训证明 per observer who attended."""
    renderer = AttendanceCertificate(commission, fonts or load_fonts())
    names = _Names()
    ids = list(observer_ids)
    items = []
    for n, cert in enumerate(certificates):
        # The number in the file name keeps it the same on every reprint, whoever else attended.
        items.append(PackItem("certificate", names("certificate", f"{cert.name}_{cert.number}"),
                              renderer.render(CertificateData(public, cert)), case_id=case_id,
                              hearing_id=public.hearing_id, observer_id=ids[n] if n < len(ids) else None))
    return items


# ---------------------------------------------------------------- writing


@dataclass(frozen=True)
class WrittenFile:
    """A file of a pack on disk, and whether this write changed it."""

    path: Path
    sha256: str
    changed: bool
    item: PackItem | None = field(default=None, compare=False)


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` crash-safely, with ordinary permissions (see :mod:`tribunal.files`);
    return False when the file already held it."""
    return files.write_atomic(path, data)


def write_pack(folder: Path, pack: PackOutput) -> tuple[list[WrittenFile], WrittenFile]:
    """Write every item and the combined PDF under ``folder/<pack folder>``.

    Returns the items' files (in print order) and the combined file.
    """
    target = folder / pack.folder_name
    written = []
    for item in pack.items:
        path = target.joinpath(*item.filename.split("/"))
        changed = write_atomic(path, item.rendered.data)
        written.append(WrittenFile(path, hashlib.sha256(item.rendered.data).hexdigest(), changed, item))
    combined_path = target / COMBINED_NAME
    changed = write_atomic(combined_path, pack.combined)
    combined = WrittenFile(combined_path, hashlib.sha256(pack.combined).hexdigest(), changed)
    return written, combined
