"""The written notices of a case before its hearing (案件通知书): which exist and whom they go to.

Pure data: the services gather a case's facts, the documents set them; this module says
which kinds there are, what each is called (the name the clocks look for in a service
record) and whom each is addressed to.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from tribunal.texts import msg

__all__ = [
    "APPLICANTS", "KINDS", "PARTICIPANTS", "PARTIES", "PUBLIC", "RESPONDENTS", "NoticeInput", "NoticeKind", "kind",
]

#: To whom a kind is addressed.
APPLICANTS: Final = "applicants"
RESPONDENTS: Final = "respondents"
PARTIES: Final = "parties"
PARTICIPANTS: Final = "participants"  # witnesses, appraisers, interpreters (其他参与人)
PUBLIC: Final = "public"  # a 公告: one text, published, no proof of service


@dataclass(frozen=True)
class NoticeKind:
    """One kind of notice.

    Attributes:
        key: the command-line and file-name key (``accept``, ``respond`` …).
        title: the printed title, also the document name a service record carries (the
            clocks recognise 应诉通知书 and 仲裁庭组成通知书 by it).
        to: :data:`APPLICANTS`, :data:`RESPONDENTS`, :data:`PARTIES`, :data:`PARTICIPANTS`
            or :data:`PUBLIC`.
        served_with: what goes out with it (printed on the proof of service).
        needs_hearing: it is about one scheduled (or postponed) hearing.
    """

    key: str
    title: str
    to: str
    served_with: str = ""
    needs_hearing: bool = False

    @property
    def served_document(self) -> str:
        """The 文书名称 cell of the proof of service and the service record's document name."""
        return f"{self.title}、{self.served_with}" if self.served_with else self.title


KINDS: Final[tuple[NoticeKind, ...]] = (
    NoticeKind("correction", "补正通知书", APPLICANTS),
    NoticeKind("accept", "受理通知书", APPLICANTS),
    NoticeKind("reject", "不予受理通知书", APPLICANTS),
    NoticeKind("respond", "应诉通知书", RESPONDENTS, served_with="仲裁申请书副本"),
    NoticeKind("composition", "仲裁庭组成通知书", PARTIES),
    NoticeKind("appear", "出庭通知书", PARTICIPANTS, needs_hearing=True),
    NoticeKind("postpone", "延期开庭通知书", PARTIES, needs_hearing=True),
    NoticeKind("suspend", "中止仲裁审理通知书", PARTIES),
    NoticeKind("resume", "恢复仲裁审理通知书", PARTIES),
    NoticeKind("extend", "延长仲裁审理期限通知书", PARTIES),
    NoticeKind("public_notice", "公告", PUBLIC),
)
_BY_KEY: Final = {k.key: k for k in KINDS}
_BY_TITLE: Final = {k.title: k for k in KINDS}


def kind(name: str) -> NoticeKind:
    """The kind by key (``respond``) or title (``应诉通知书``).

    Raises:
        ValueError: no such kind (the message lists the choices).
    """
    found = _BY_KEY.get(name.strip()) or _BY_TITLE.get(name.strip())
    if found is None:
        choices = "、".join(f"{k.key}（{k.title}）" for k in KINDS)
        raise ValueError(msg("没有“{name}”这种通知；可选：{choices}", name=name, choices=choices))
    return found


@dataclass(frozen=True)
class NoticeInput:
    """What the clerk decided that the case's data does not hold.

    Attributes:
        issue_date: the date signed on the notice.
        number: the notice's 文号 ("" prints the case number).
        reasons: why not accepted (不予受理), why suspended (中止), why postponed (延期).
        materials: what the applicant must supply (补正), one item each.
        correction_days: days given to supply them.
        new_time: the new hearing time of a postponement (None: to be notified).
        new_place: where the new hearing is held (the old place when empty).
        effective: the day a suspension or resumption takes effect.
        new_due: the last day of the extended time limit; ``extension_days`` its length.
        public_party_id: whom a 公告 is addressed to; ``public_documents`` what it serves;
            ``public_days`` its period (30, or 60 for a party without a domicile in China).
    """

    issue_date: dt.date
    number: str = ""
    reasons: str = ""
    materials: tuple[str, ...] = ()
    correction_days: int = 5
    new_time: dt.datetime | None = None
    new_place: str = ""
    effective: dt.date | None = None
    new_due: dt.date | None = None
    extension_days: int = 15
    public_party_id: int | None = None
    public_documents: str = "仲裁申请书副本、应诉通知书"
    public_days: int = 30
