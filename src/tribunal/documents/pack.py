"""The hearing pack (开庭文书包): every document of a hearing or a day, in print order, and its files.

:func:`build_hearing_pack` and :func:`build_day_pack` render everything in memory and return
:class:`PackItem` s in print order plus the combined PDF; nothing touches the disk until
:func:`write_pack`, which writes each file atomically (a temporary file in the same folder,
flushed to disk, then renamed over the target) and leaves a file alone when its bytes are
already there — so an unchanged reprint neither rewrites nor re-dates anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
from tribunal.documents.handout import HandoutData, TrainingHandout
from tribunal.documents.invitation import InvitationData, ObserverInvitation
from tribunal.documents.merge import Part, merge_pdfs
from tribunal.documents.notice import HearingNotice, NoticeTarget
from tribunal.documents.observer_rules import ObserverRules
from tribunal.documents.service_receipt import ServiceReceipt
from tribunal.documents.sign_in import SignInData, SignInSheet

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
    "hearing_notice": "01", "service_receipt": "02", "announcement": "03", "invitation": "04",
    "observer_rules": "05", "sign_in": "06", "day_list": "07", "handout": "08", "certificate": "09",
}
_KIND_LABEL = {
    "hearing_notice": "开庭通知书", "service_receipt": "送达回证", "announcement": "开庭公告",
    "invitation": "旁听邀请函", "observer_rules": "旁听须知", "sign_in": "签到表",
    "day_list": "开庭排期表", "handout": "培训讲义", "certificate": "培训证明",
}
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
            items.append(PackItem("hearing_notice", names("hearing_notice", subject),
                                  r.notice.render(target), party_id=party.id, **ids))
            items.append(PackItem("service_receipt", names("service_receipt", subject),
                                  r.receipt.render(target), party_id=party.id, **ids))
    public = docs.public
    if public is None:
        notes.append(f"{h.case_number}：不公开审理，未制作开庭公告、旁听邀请函、旁听须知、签到表和培训讲义。")
    else:
        items.append(PackItem("announcement", names("announcement"), r.announcement.render(public), **ids))
        for letter in docs.letters:
            observer = letter.invitees[0].observer_id if len(letter.invitees) == 1 else None
            items.append(PackItem("invitation", names("invitation", letter.addressee),
                                  r.invitation.render(InvitationData(public, letter)),
                                  observer_id=observer, **ids))
        if not docs.letters:
            notes.append(f"{h.case_number}：尚未邀请旁听人员，未制作旁听邀请函。")
        items.append(PackItem("observer_rules", names("observer_rules"), r.rules.render(public), **ids))
        items.append(PackItem("sign_in", names("sign_in"),
                              r.sign_in.render(SignInData(public, docs.expected, docs.blank_rows)), **ids))
    if with_day_list and docs.day_list is not None:
        items.append(PackItem("day_list", names("day_list"), r.day_list.render(docs.day_list), **ids))
    if public is not None and docs.teaching is not None:
        items.append(PackItem("handout", names("handout"),
                              r.handout.render(HandoutData(public, docs.teaching)), **ids))
        if public.training.default_selection:
            notes.append(f"{h.case_number}：尚未登记培训场次，讲义按案由自动选取了"
                         f"{len(public.training.topics)}个培训专题，可在培训页面调整。")
    return items, notes


def _combine(items: list[PackItem], title: str, author: str, issue_date: dt.date, key: str) -> bytes:
    parts = [Part(item.title, item.rendered.data) for item in items]
    return merge_pdfs(parts, title=title, author=author, issue_date=issue_date, key=key)


def build_hearing_pack(docs: HearingDocuments, commission: Commission,
                       fonts: FontSet | None = None) -> PackOutput:
    """Render every document of one hearing, in print order, and the combined PDF.

    Order: for each party its notice and proof of service (then its agent's), the
    announcement, the invitations, the observers' rules, the sign-in sheet, the day list
    and the training handout. A hearing that is not public gets only the parties'
    documents and the day list.
    """
    renderers = Renderers(commission, fonts or load_fonts())
    items, notes = _hearing_items(docs, renderers, _Names(), with_day_list=True)
    title = f"开庭文书（{docs.hearing.case_number}）"
    combined = _combine(items, title, commission.issuer, docs.hearing.issue_date,
                        f"pack:h{docs.hearing.id}")
    return PackOutput(hearing_folder_name(docs.hearing), tuple(items), combined, title, tuple(notes))


def build_day_pack(day_list: DayList, hearings: Iterable[HearingDocuments], commission: Commission,
                   fonts: FontSet | None = None) -> PackOutput:
    """Render a day's pack: the day list first, then each hearing's documents in time order.

    Item file names are prefixed with the hearing's folder name
    (``<hearing folder>/<file>``), so each hearing keeps a folder of its own.
    """
    renderers = Renderers(commission, fonts or load_fonts())
    items = [PackItem("day_list", _Names()("day_list"), renderers.day_list.render(day_list))]
    notes: list[str] = []
    for docs in sorted(hearings, key=lambda d: (d.hearing.starts_at, d.hearing.id)):
        own, own_notes = _hearing_items(docs, renderers, _Names(), with_day_list=False)
        folder = hearing_folder_name(docs.hearing)
        items += [PackItem(i.kind, f"{folder}/{i.filename}", i.rendered, i.case_id, i.hearing_id,
                           i.party_id, i.observer_id) for i in own]
        notes += own_notes
    title = f"开庭文书（{day_list.tribunal}，{day_list.day.isoformat()}）"
    combined = _combine(items, title, commission.issuer, day_list.issue_date,
                        f"daypack:{day_list.tribunal}:{day_list.day.isoformat()}")
    return PackOutput(day_folder_name(day_list), tuple(items), combined, title, tuple(notes))


def build_certificates(public: PublicHearing, certificates: Iterable[Certificate], commission: Commission,
                       *, observer_ids: Iterable[int | None] = (), case_id: int | None = None,
                       fonts: FontSet | None = None) -> list[PackItem]:
    """One 培训证明 per observer who attended."""
    renderer = AttendanceCertificate(commission, fonts or load_fonts())
    names = _Names()
    ids = list(observer_ids)
    items = []
    for n, cert in enumerate(certificates):
        items.append(PackItem("certificate", names("certificate", cert.name),
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
    """Write ``data`` to ``path`` crash-safely; return False when the file already held it.

    The bytes go to a temporary file in the same folder, are flushed to the disk, and the
    temporary file is then renamed over the target (atomic on the same volume). A crash
    leaves either the old file or the new one, never half of one.
    """
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem[:20]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return True


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
