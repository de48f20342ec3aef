"""The hearing record (庭审笔录): its procedure template, speakers, evidence list, corrections, signatures.

The record follows the order of a hearing under 《劳动争议调解仲裁法》第三十九条至第四十二条 and
the commission's rules of procedure: attendance and identity, discipline, opening (panel and
clerk, rights and duties, recusal), investigation, debate, final statements, mediation asked,
closing. Each stage is pre-filled from the case and stays editable.

After the record has been read back (宣读/阅读), 第四十条 gives each party and other participant
the right to ask that an omission or error in the record of *their own* statement be corrected;
a correction not made is itself recorded. So once a record is marked read, the stage texts are
frozen: changes go only through :class:`Correction` entries, which print with the record.

The record is plain data (:class:`RecordContent`) that round-trips through JSON: the local
journal and the database hold the same document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tribunal.errors import ValidationError
from tribunal.texts import msg

__all__ = [
    "PHRASES",
    "STAGES",
    "CaseFacts",
    "Correction",
    "EvidenceItem",
    "Person",
    "RecordContent",
    "Signatory",
    "Speaker",
    "Stage",
    "check_change",
    "closing_statement",
    "expand_abbreviation",
    "final_signatories",
    "page_signatories",
    "speakers",
    "template",
]

#: Stage keys in procedure order, with their printed titles.
STAGES: tuple[tuple[str, str], ...] = (
    ("attendance", "查明到庭情况及当事人身份"),
    ("discipline", "宣布庭审纪律"),
    ("opening", "宣布开庭、仲裁庭组成及告知权利义务"),
    ("investigation", "庭审调查"),
    ("debate", "庭审辩论"),
    ("final", "最后陈述"),
    ("mediation", "询问调解意见"),
    ("closing", "闭庭"),
)
STAGE_TITLES = dict(STAGES)

#: Sentences a clerk types again and again (常用语), inserted at the cursor.
PHRASES: tuple[str, ...] = (
    "以上情况是否属实？",
    "对对方提交的证据的真实性、合法性、关联性有何意见？",
    "对证据的真实性无异议，对证明目的有异议。",
    "对证据的真实性、合法性、关联性均无异议。",
    "请围绕争议焦点发表辩论意见。",
    "坚持仲裁请求。",
    "请求驳回申请人的全部仲裁请求。",
    "同意调解。",
    "不同意调解。",
    "双方是否有新的证据提交？",
    "请双方当事人阅读庭审笔录，如有遗漏或者差错，可以申请补正。",
    "（休庭十分钟）",
    "（继续开庭）",
)

DISCIPLINE = (
    "仲：现在宣布庭审纪律：（一）未经仲裁庭许可，不得录音、录像、摄影，不得以移动通信等方式现场传播庭审活动；"
    "（二）请将手机关闭或者调至静音；（三）当事人及其他仲裁参加人发言须经仲裁庭许可；"
    "（四）旁听人员不得发言、提问，不得鼓掌、喧哗、哄闹、随意走动；"
    "（五）对违反庭审纪律的，仲裁庭可以予以警告、训诫、责令退出仲裁庭。"
)
RIGHTS = (
    "仲：根据《中华人民共和国劳动争议调解仲裁法》的规定，当事人在仲裁活动中享有以下权利："
    "申请回避、提供证据、进行质证和辩论、自行和解、请求调解、最后陈述、对笔录申请补正等；"
    "当事人应当遵守庭审纪律，如实陈述，对自己的主张提供证据。双方是否听清？"
)

READ_TEXT = "以上笔录已阅，与陈述一致"
READ_ALOUD_TEXT = "以上笔录已向我宣读，与陈述一致"

#: Speaker shortcuts that are never used: the court's 审 belongs to litigation, not arbitration.
FORBIDDEN_LABELS = frozenset({"审", "审判长", "审判员"})


# ---------------------------------------------------------------- the case as the record needs it


@dataclass(frozen=True)
class Person:
    """Someone in the hearing room who speaks or signs.

    ``kind`` is ``party``, ``agent``, ``participant``, ``arbitrator`` or ``clerk``;
    ``side`` is ``applicant``/``respondent``/``third_party`` for parties and their agents.
    """

    kind: str
    name: str
    role: str  # as printed: 申请人, 被申请人的委托代理人, 证人, 首席仲裁员…
    side: str = ""
    detail: str = ""  # identity line: sex, birth date, address; or firm; or unit


@dataclass(frozen=True)
class CaseFacts:
    """What the template reads from the case and the hearing."""

    case_number: str
    case_type: str
    starts_at: dt.datetime
    venue: str
    parties: tuple[Person, ...]
    agents: tuple[Person, ...]
    participants: tuple[Person, ...]
    panel: tuple[Person, ...]
    clerk: str
    claims: tuple[str, ...]
    public: bool = True


@dataclass(frozen=True)
class Speaker:
    """A speaker label and the abbreviation that types it (``申`` + space → ``申：``)."""

    label: str
    abbreviation: str
    who: str  # the full name(s) behind it, for the tooltip


def _side_short(side: str) -> str:
    return {"applicant": "申", "respondent": "被", "third_party": "第三人"}.get(side, "")


def speakers(facts: CaseFacts) -> tuple[Speaker, ...]:
    """The speaker labels of this hearing in arbitration usage, in shortcut order.

    首席仲裁员 (or 仲裁员 for a sole arbitrator) as ``仲``; the other arbitrators by name as
    ``仲裁员X``; 申, 被 (and 第三人), 申代, 被代; witnesses and other participants by role and name.
    """
    out: list[Speaker] = []
    presiding = [p for p in facts.panel if p.role in ("首席仲裁员", "独任仲裁员")]
    out.append(Speaker("仲", "仲", presiding[0].name if presiding else "首席仲裁员"))
    for member in facts.panel:
        if member not in presiding:
            out.append(Speaker(f"仲裁员{member.name}", f"仲{member.name[:1]}", member.name))
    for side in ("applicant", "respondent", "third_party"):
        names = [p.name for p in facts.parties if p.side == side]
        if names:
            short = _side_short(side)
            out.append(Speaker(short, short, "、".join(names)))
    for side in ("applicant", "respondent", "third_party"):
        names = [a.name for a in facts.agents if a.side == side]
        if names:
            short = _side_short(side) + "代"
            out.append(Speaker(short, short, "、".join(names)))
    for person in facts.participants:
        out.append(Speaker(f"{person.role}{person.name}", person.name, person.name))
    return tuple(s for s in out if s.label not in FORBIDDEN_LABELS)


def expand_abbreviation(line_start: str, table: Sequence[Speaker]) -> str | None:
    """The speaker label a line starting with ``line_start`` stands for, or None.

    The clerk types the abbreviation at the start of a line followed by a space; the editor
    replaces it with ``label：``.
    """
    for speaker in table:
        if line_start == speaker.abbreviation:
            return f"{speaker.label}："
    return None


# ---------------------------------------------------------------- the record's parts


@dataclass(frozen=True)
class Stage:
    """One stage of the hearing: its text and when it began (None: not reached yet)."""

    key: str
    text: str
    started_at: dt.datetime | None = None

    @property
    def title(self) -> str:
        """The printed heading."""
        return STAGE_TITLES.get(self.key, self.key)


@dataclass(frozen=True)
class EvidenceItem:
    """One line of the evidence list (证据目录)."""

    producer: str  # 申请人 / 被申请人 / 第三人 or a name
    name: str  # 证据名称
    purpose: str = ""  # 证明目的
    opinion: str = ""  # 对方质证意见
    pages: str = ""  # 页数/份数, free text


@dataclass(frozen=True)
class Correction:
    """A correction a party or participant asked for after reading (第四十条).

    ``decision``: ``pending``, ``made`` (the panel corrected the record as asked) or
    ``refused`` (not corrected; the request itself stays in the record).
    """

    requested_by: str
    stage: str
    request: str
    decision: str = "pending"
    reason: str = ""
    at: dt.datetime | None = None


@dataclass(frozen=True)
class Signatory:
    """Someone who signs the end of the record, and how.

    ``mode``: ``read`` (已阅), ``read_aloud`` (已向我宣读: cannot read), ``refused``
    (拒绝签名, with the reason when given).
    """

    name: str
    role: str
    kind: str
    mode: str = "read"
    note: str = ""


@dataclass(frozen=True)
class RecordContent:
    """The whole record as it is typed: the journal and the database store exactly this."""

    hearing_id: int
    stages: tuple[Stage, ...]
    current: str = "attendance"
    evidence: tuple[EvidenceItem, ...] = ()
    corrections: tuple[Correction, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    read_at: dt.datetime | None = None
    revision: int = 0  # bumped at every change; the journal's and the database's copies compare on it

    def stage(self, key: str) -> Stage:
        """The stage ``key``."""
        for stage in self.stages:
            if stage.key == key:
                return stage
        raise KeyError(key)

    def text_of(self, key: str) -> str:
        """The text of stage ``key``."""
        return self.stage(key).text

    def with_text(self, key: str, text: str) -> RecordContent:
        """This record with stage ``key`` holding ``text`` (refused once read)."""
        new = dataclasses.replace(
            self, stages=tuple(dataclasses.replace(s, text=text) if s.key == key else s for s in self.stages),
            revision=self.revision + 1)
        check_change(self, new)
        return new

    def entering(self, key: str, at: dt.datetime) -> RecordContent:
        """This record with stage ``key`` current, stamped with ``at`` the first time it is reached."""
        if key not in STAGE_TITLES:
            raise _refuse("stage", f"没有“{key}”这一庭审阶段")
        stages = tuple(dataclasses.replace(s, started_at=at) if s.key == key and s.started_at is None else s
                       for s in self.stages)
        return dataclasses.replace(self, stages=stages, current=key, revision=self.revision + 1)

    def with_evidence(self, items: Sequence[EvidenceItem]) -> RecordContent:
        """This record with the evidence list ``items`` (refused once read)."""
        new = dataclasses.replace(self, evidence=tuple(items), revision=self.revision + 1)
        check_change(self, new)
        return new

    def marked_read(self, at: dt.datetime) -> RecordContent:
        """This record marked as read back to the parties: from now on corrections only."""
        if self.read_at is not None:
            return self
        return dataclasses.replace(self, read_at=at, revision=self.revision + 1)

    def with_correction(self, correction: Correction) -> RecordContent:
        """This record with one more correction request (only after it has been read)."""
        if self.read_at is None:
            raise _refuse("corrections", "笔录尚未宣读，可以直接修改正文，不需要登记补正")
        problems: dict[str, str] = {}
        if not correction.requested_by.strip():
            problems["requested_by"] = msg("请填写申请补正的人")
        if not correction.request.strip():
            problems["request"] = msg("请填写申请补正的内容")
        if correction.stage not in STAGE_TITLES:
            problems["stage"] = msg("请选择补正涉及的庭审阶段")
        ValidationError.raise_if(problems, msg("补正申请"))
        return dataclasses.replace(self, corrections=(*self.corrections, correction), revision=self.revision + 1)

    def deciding(self, index: int, decision: str, reason: str = "") -> RecordContent:
        """This record with correction ``index`` made or refused (a refusal keeps the request)."""
        if decision not in ("made", "refused"):
            raise _refuse("decision", "处理结果只能是“已补正”或“不予补正”")
        if not 0 <= index < len(self.corrections):
            raise _refuse("corrections", "没有这一条补正申请")
        old = self.corrections[index]
        if old.decision != "pending":
            raise _refuse("decision", "这条补正申请已经处理过")
        if decision == "refused" and not reason.strip():
            raise _refuse("reason", "不予补正的，请写明理由")
        corrections = list(self.corrections)
        corrections[index] = dataclasses.replace(old, decision=decision, reason=reason.strip())
        return dataclasses.replace(self, corrections=tuple(corrections), revision=self.revision + 1)

    def with_signatory(self, name: str, mode: str, note: str = "") -> RecordContent:
        """This record with how ``name`` signs: ``read``, ``read_aloud`` or ``refused``."""
        if mode not in ("read", "read_aloud", "refused"):
            raise _refuse("mode", "签名方式不正确")
        if not any(x.name == name for x in self.signatories):
            raise _refuse("name", f"{name}不是本笔录的签名人")
        if any(x.name == name and x.kind in ("arbitrator", "clerk") for x in self.signatories):
            raise _refuse("name", "仲裁员和书记员在笔录末尾签名，不登记阅读方式")
        people = tuple(dataclasses.replace(x, mode=mode, note=note.strip()) if x.name == name else x
                       for x in self.signatories)
        return dataclasses.replace(self, signatories=people, revision=self.revision + 1)

    def full_text(self) -> str:
        """Every stage's text, in order (for searching and for the length of the record)."""
        return "\n".join(s.text for s in self.stages)

    def to_json(self) -> str:
        """The record as one line of JSON (no line breaks: the journal is one record per line)."""
        return json.dumps(_plain(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> RecordContent:
        """The record a :meth:`to_json` line holds.

        Raises:
            ValueError: the text is not such a record.
        """
        raw = json.loads(text)
        if not isinstance(raw, dict) or "stages" not in raw:
            raise ValueError("not a hearing record")
        return cls(
            hearing_id=int(raw["hearing_id"]),
            stages=tuple(Stage(s["key"], s["text"], _time(s.get("started_at"))) for s in raw["stages"]),
            current=raw.get("current", "attendance"),
            evidence=tuple(EvidenceItem(**e) for e in raw.get("evidence", [])),
            corrections=tuple(Correction(**{**c, "at": _time(c.get("at"))}) for c in raw.get("corrections", [])),
            signatories=tuple(Signatory(**x) for x in raw.get("signatories", [])),
            read_at=_time(raw.get("read_at")),
            revision=int(raw.get("revision", 0)),
        )


def _refuse(field: str, reason: str) -> ValidationError:
    return ValidationError(reason, {field: reason})


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value


def check_change(before: RecordContent, after: RecordContent) -> None:
    """Refuse a change that would silently overwrite a record already read back.

    Once read (``read_at`` set), the stage texts and the evidence list stay as read; what a
    party asks to change is added as a :class:`Correction`, and an existing correction may only
    be decided (made or refused), never removed or reworded.

    Raises:
        ValidationError: the change rewrites read text or drops a correction.
    """
    if before.read_at is None:
        return
    if after.read_at is None:
        raise _refuse("read_at", "笔录已经宣读，不能撤销“已宣读”")
    for old, new in zip(before.stages, after.stages, strict=False):
        if old.text != new.text:
            raise _refuse(old.key, "笔录已经宣读确认，正文不能再修改；当事人申请补正的，请登记为补正申请")
    if before.evidence != after.evidence:
        raise _refuse("evidence", "笔录已经宣读确认，证据目录不能再修改")
    if len(after.corrections) < len(before.corrections):
        raise _refuse("corrections", "已登记的补正申请不能删除")
    for old_c, new_c in zip(before.corrections, after.corrections, strict=False):
        if (old_c.requested_by, old_c.stage, old_c.request) != (new_c.requested_by, new_c.stage, new_c.request):
            raise _refuse("corrections", "已登记的补正申请不能改写")
        if old_c.decision != "pending" and new_c.decision != old_c.decision:
            raise _refuse("corrections", "补正申请已经处理，不能改变处理结果")


# ---------------------------------------------------------------- the template


def _identity(person: Person) -> str:
    return f"{person.role}：{person.name}" + (f"，{person.detail}" if person.detail else "") + "。"


def template(hearing_id: int, facts: CaseFacts) -> RecordContent:
    """A new record for the hearing, every stage pre-filled from the case.

    The pre-filled text is what a clerk would otherwise type from the file: the header, who is
    present and in what capacity, the standing announcements, the claims read out, and the
    questions each stage opens with. The answers are left to type.
    """
    start = facts.starts_at
    presiding = next((p for p in facts.panel if p.role in ("首席仲裁员", "独任仲裁员")), None)
    members = [p for p in facts.panel if p is not presiding]
    header = [
        f"案号：{facts.case_number}",
        f"案由：{facts.case_type}",
        f"时间：{start:%Y年%m月%d日 %H时%M分}",
        f"地点：{facts.venue}",
        "仲裁员：" + "、".join(f"{p.name}（{p.role}）" for p in facts.panel),
        f"书记员：{facts.clerk}",
        "",
        "仲：书记员请查明当事人及其他仲裁参加人到庭情况。",
    ]
    for person in (*facts.parties, *facts.agents, *facts.participants):
        header.append(_identity(person) + "（到庭）")
    header.append("书记员：报告首席仲裁员，当事人及其他仲裁参加人已到庭，身份已核对。"
                  if presiding and presiding.role == "首席仲裁员"
                  else "书记员：报告仲裁员，当事人及其他仲裁参加人已到庭，身份已核对。")
    header.append("仲：双方对对方出庭人员的身份有无异议？")
    for side in ("applicant", "respondent"):
        if any(p.side == side for p in facts.parties):
            header.append(f"{_side_short(side)}：")

    panel_text = "、".join(f"{p.role}{p.name}" for p in facts.panel) or "（仲裁庭组成人员）"
    hearing_kind = "公开" if facts.public else "不公开"
    opening = [
        f"仲：现在开庭。本庭依法{hearing_kind}审理{facts.case_number}"
        f"{'、'.join(p.name for p in facts.parties if p.side == 'applicant')}与"
        f"{'、'.join(p.name for p in facts.parties if p.side == 'respondent')}{facts.case_type}一案。",
        f"仲：本案由{panel_text}组成仲裁庭，书记员{facts.clerk}担任记录。",
        RIGHTS,
        *(f"{_side_short(side)}：听清了。" for side in ("applicant", "respondent")
          if any(p.side == side for p in facts.parties)),
        "仲：当事人对仲裁庭组成人员和书记员是否申请回避？",
        *(f"{_side_short(side)}：" for side in ("applicant", "respondent")
          if any(p.side == side for p in facts.parties)),
    ]
    claims = "\n".join(f"{n}. {item}" for n, item in enumerate(facts.claims, 1)) or "（请求事项）"
    investigation = [
        "仲：现在进行庭审调查。由申请人陈述仲裁请求及事实和理由。",
        "申：仲裁请求：",
        claims,
        "事实和理由：",
        "",
        "仲：由被申请人答辩。",
        "被：",
        "",
        "仲：下面进行举证质证。由申请人出示证据。",
        "申：",
        "仲：被申请人质证。",
        "被：",
        "仲：由被申请人出示证据。",
        "被：",
        "仲：申请人质证。",
        "申：",
        "仲：仲裁庭向双方发问。",
        "",
    ]
    debate = ["仲：庭审调查结束，现在进行庭审辩论。先由申请人发表辩论意见。", "申：", "仲：被申请人发表辩论意见。",
              "被：", "仲：辩论终结。"]
    final = ["仲：现在由双方作最后陈述。", "申：", "被："]
    mediation = ["仲：根据《中华人民共和国劳动争议调解仲裁法》第四十二条，仲裁庭在作出裁决前应当先行调解。"
                 "双方是否同意调解？", "申：", "被："]
    closing = ["仲：现在闭庭。庭后请双方当事人及其他仲裁参加人阅读庭审笔录，"
               "认为对自己陈述的记录有遗漏或者差错的，有权申请补正；无误后签名。"]
    texts = {
        "attendance": "\n".join(header),
        "discipline": DISCIPLINE,
        "opening": "\n".join(opening),
        "investigation": "\n".join(investigation),
        "debate": "\n".join(debate),
        "final": "\n".join(final),
        "mediation": "\n".join(mediation),
        "closing": "\n".join(closing),
    }
    if members:  # a three-member tribunal: the other members may ask questions too
        texts["investigation"] += "\n" + "\n".join(f"仲裁员{m.name}：" for m in members)
    signatories = tuple(Signatory(p.name, p.role, p.kind) for p in final_signatories(facts))
    return RecordContent(hearing_id=hearing_id, stages=tuple(Stage(k, texts[k]) for k, _ in STAGES),
                         signatories=signatories)


# ---------------------------------------------------------------- who signs


def page_signatories(facts: CaseFacts) -> tuple[Person, ...]:
    """Who signs at the foot of every page: the parties and their agents."""
    return (*facts.parties, *facts.agents)


def final_signatories(facts: CaseFacts) -> tuple[Person, ...]:
    """Who signs the end of the record (第四十条第二款): arbitrators, the clerk, the parties and
    the other participants (agents, witnesses, appraisers, interpreters). Observers never sign."""
    clerk = (Person("clerk", facts.clerk, "书记员"),) if facts.clerk else ()
    return (*facts.parties, *facts.agents, *facts.participants, *facts.panel, *clerk)


def closing_statement(signatory: Signatory) -> str:
    """What a party or participant writes above their signature, or what the record states."""
    if signatory.mode == "refused":
        return f"{signatory.role}{signatory.name}拒绝签名" + (f"（理由：{signatory.note}）" if signatory.note else "")
    if signatory.kind in ("arbitrator", "clerk"):
        return ""
    return READ_ALOUD_TEXT if signatory.mode == "read_aloud" else READ_TEXT


def new_record_facts_check(facts: CaseFacts) -> list[str]:
    """What is missing from the case for a complete record (shown, not refused)."""
    missing: list[str] = []
    if not facts.panel:
        missing.append("案件尚未组成仲裁庭")
    if not facts.clerk:
        missing.append("开庭未指定书记员")
    if not facts.claims:
        missing.append("案件没有登记仲裁请求")
    return missing


__all__ += ["DISCIPLINE", "READ_ALOUD_TEXT", "READ_TEXT", "RIGHTS", "STAGE_TITLES", "new_record_facts_check"]
