"""Every document, from generated data at the extremes real data reaches, checked on the PDF itself.

Names of 1–20 characters with "·", supplementary-plane characters and Latin; enterprise names
up to 60 characters, addresses up to 80, job titles up to 20; 0–20 claims; 0–60 observers.
Whatever the data, in the PDF that comes out (read back with PDFium):

* no two characters of different lines overlap;
* nothing is printed outside the text block but the page number, in its GB/T 9704 place;
* a one-sheet document is one page (or is refused, naming the field that is too long);
* no page carries only the signature block, and no page ends on a heading;
* no line begins with closing punctuation;
* personal names and times are not split across lines (a name may break at "·").

The default run tries a few examples of each document; the slow tier (``pytest -m slow``)
tries many more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit import pdf_layout
from tests.unit.test_pdf_samples import COMMISSION, PANEL, STARTS, TOPICS, hearing
from tribunal.documents.announcement import HearingAnnouncement
from tribunal.documents.base import DocumentRenderer, DocumentTooLong
from tribunal.documents.certificate import AttendanceCertificate, CertificateData
from tribunal.documents.data import (
    AgentInfo,
    Certificate,
    ClaimSummary,
    DayList,
    DayListRow,
    InvitationLetter,
    Invitee,
    PanelSeat,
    PartyInfo,
    PublicHearing,
    StaffMember,
    TeachingCase,
    TrainingInfo,
    Venue,
)
from tribunal.documents.day_list import DayListSheet
from tribunal.documents.formatting import clock, signature_date, time_span
from tribunal.documents.handout import HandoutData, TrainingHandout
from tribunal.documents.invitation import InvitationData, ObserverInvitation
from tribunal.documents.notice import HearingNotice, NoticeTarget
from tribunal.documents.observer_rules import ObserverRules
from tribunal.documents.service_receipt import ServiceReceipt
from tribunal.documents.sign_in import SignInData, SignInSheet
from tribunal.domain.enums import AgentKind

#: Examples per document in the default run, and in the slow tier.
FEW, MANY = 3, 60

# Characters names and places are drawn from: common ones, rare ones the font covers (䶮, and 𬱖
# from extension E), and Latin.
_HANZI = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢阿卜杜热合曼克木买提古丽娜依欧阳建国伟芳秀英敏静强磊军洋勇艳杰娟涛明超霞平刚华红玉梅海燕文俊鹏飞东春花雪德永生龙婷宇航浩然子涵欣怡思远家豪䶮𬱖"
_PLACE = "湖南省邵阳市经济技术开发区宝庆大道双清大祥北塔邵东新材料精密机械纺织科技食品电子物流建材制衣有限责任公司股份集团分公司项目经理部工程局第五中国建筑标准化厂房二期建设号楼单元路街道东西南北侧会议室职工活动中心"
_TITLE_CHARS = "人力资源部副经理兼劳动关系专员行政主管总监助理车间主任"

_segment = st.text(alphabet=_HANZI, min_size=1, max_size=6)
_latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).map(str.capitalize)


@st.composite
def names(draw: Any) -> str:
    """A person's name of 1–20 characters: Chinese, several parts joined by "·", or Latin words."""
    if draw(st.integers(0, 4)) == 0:
        words = draw(st.lists(_latin, min_size=1, max_size=2))
        return " ".join(words)[:20].strip()
    parts = draw(st.lists(_segment, min_size=1, max_size=3))
    name = "·".join(parts)
    while len(name) > 20:
        parts = parts[:-1] if len(parts) > 1 else [parts[0][:20]]
        name = "·".join(parts)
    return name


enterprises = st.text(alphabet=_PLACE, min_size=4, max_size=56).map(lambda t: t + "有限公司")
addresses = st.text(alphabet=_PLACE + "0123456789", min_size=0, max_size=80)
titles = st.text(alphabet=_TITLE_CHARS, min_size=0, max_size=20)
amounts = st.one_of(st.none(), st.integers(0, 10**9))
claims = st.lists(st.tuples(st.text(alphabet=_PLACE + "支付工资加班费赔偿金补助", min_size=2, max_size=40), amounts),
                  max_size=20)
times = st.builds(lambda h, m, length: (STARTS.replace(hour=h, minute=m),
                                        STARTS.replace(hour=h, minute=m) + dt.timedelta(minutes=length)),
                  st.integers(8, 15), st.sampled_from([0, 15, 30, 45]), st.integers(30, 240))


@st.composite
def venues(draw: Any) -> Venue:
    return Venue(host=draw(enterprises), room=draw(st.text(alphabet=_PLACE, min_size=0, max_size=20)),
                 address=draw(addresses), directions=draw(addresses))


@st.composite
def invitees(draw: Any, max_size: int = 60) -> tuple[Invitee, ...]:
    people = draw(st.lists(st.tuples(names(), enterprises, titles), max_size=max_size))
    return tuple(Invitee(invitation_id=i + 1, observer_id=i + 1, name=n, enterprise=e, title=t,
                         token=f"{0xA000 + i:016x}") for i, (n, e, t) in enumerate(people))


@st.composite
def public_hearings(draw: Any) -> PublicHearing:
    start, end = draw(times)
    panel = tuple(PanelSeat(seat.role, seat.role_label, draw(names())) for seat in PANEL)
    training_start = end + dt.timedelta(minutes=draw(st.integers(0, 240)))
    topics = tuple(dataclasses.replace(t, title=draw(st.text(alphabet=_PLACE, min_size=4, max_size=30)))
                   for t in TOPICS[:draw(st.integers(0, 2))])
    training = TrainingInfo(draw(st.text(alphabet=_PLACE, min_size=0, max_size=40)), draw(names()),
                            training_start, training_start + dt.timedelta(minutes=90), "", topics)
    return PublicHearing(hearing_id=1, caption=draw(st.text(alphabet=_PLACE, min_size=6, max_size=50)),
                         case_type_label="工伤保险待遇", starts_at=start, ends_at=end, venue=draw(venues()),
                         panel=panel, clerk=StaffMember(draw(names()), "0739-5550001"), tribunal="邵阳经开区巡回仲裁庭",
                         issue_date=dt.date(2026, 11, 27), training=training)


@st.composite
def notice_targets(draw: Any) -> NoticeTarget:
    h = hearing()
    agent = AgentInfo(7, draw(st.sampled_from(list(AgentKind))), draw(names()), draw(enterprises), draw(addresses),
                      draw(st.booleans()))
    applicant = PartyInfo(1, "applicant", "申请人", False, draw(names()), address=draw(addresses), agents=(agent,))
    respondent = PartyInfo(2, "respondent", "被申请人", True, draw(enterprises), address=draw(addresses),
                           legal_representative=draw(names()))
    start, end = draw(times)
    h = dataclasses.replace(h, parties=(applicant, respondent), venue=draw(venues()), starts_at=start, ends_at=end,
                            panel=tuple(PanelSeat(s.role, s.role_label, draw(names())) for s in PANEL),
                            clerk=StaffMember(draw(names()), "0739-5550001"), public=draw(st.booleans()))
    party = draw(st.sampled_from(h.parties))
    return NoticeTarget(h, party, agent if party is applicant and draw(st.booleans()) else None)


# ---------------------------------------------------------------- the checks on the PDF


def _people(data: Any) -> list[str]:
    """Every personal name and time the document prints, to check none is split."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, PartyInfo):
            if not value.is_organisation:
                found.append(value.name)
            found.append(value.legal_representative)
            for agent in value.agents:
                found.append(agent.name)
        elif isinstance(value, PanelSeat | StaffMember | Invitee):
            found.append(value.name)
        elif isinstance(value, TrainingInfo):
            found.append(value.speaker)
        elif isinstance(value, Certificate):
            found.append(value.name)
        elif isinstance(value, DayListRow):
            found.append(time_span(value.starts_at, value.ends_at))
            found.append(value.clerk)
        elif isinstance(value, dt.datetime):
            found.append(clock(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name))
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)

    walk(data)
    return [name for name in found if name]


def check(renderer: DocumentRenderer[Any], data: Any, headings: tuple[str, ...] = ()) -> None:
    """Render ``data`` and hold the PDF to every rule in this module's docstring.

    ``headings`` are the document's headings: no page but the last may end on one.
    """
    try:
        result = renderer.render(data)
    except DocumentTooLong as refused:
        assert renderer.ONE_SHEET and refused.fields and "过长" in refused.message
        return
    pages = pdf_layout.characters(result.data)
    assert len(pages) == result.pages
    if renderer.ONE_SHEET:
        assert result.pages == 1
    width, height = renderer.PAGE_SIZE
    block = (renderer.LEFT_MARGIN, renderer.BOTTOM_MARGIN, width - renderer.RIGHT_MARGIN, height - renderer.TOP_MARGIN)
    signature = {COMMISSION.issuer, COMMISSION.institute, signature_date(dt.date(2026, 11, 27)),
                 signature_date(getattr(data, "issue_date", dt.date(2026, 11, 27)))}
    people = _people(data)
    for number, chars in enumerate(pages, 1):
        assert chars, f"page {number} is empty"
        assert not pdf_layout.outside(chars, block), pdf_layout.outside(chars, block)[:3]
        collisions = pdf_layout.overlapping(chars)
        assert not collisions, [(a.text, b.text, round(a.y), round(b.y)) for a, b in collisions[:3]]
        closing = pdf_layout.starts_with_closing_punctuation(chars)
        assert not closing, [(c.text, round(c.x), round(c.y)) for c in closing[:3]]
        split = pdf_layout.split_words(chars, people)
        assert not split, split[:3]
        lines = pdf_layout.segments(chars)
        body = [s for s in lines if not (s.y < renderer.BOTTOM_MARGIN and s.text[0] in "—第")]
        if number > 1:
            assert not {s.text for s in body} <= signature, f"page {number} holds only the signature"
        if number < len(pages) and headings:
            # The last line of text above the footer note; a heading there would end the page.
            note_top = renderer.BOTTOM_MARGIN + renderer._furniture_heights()[1]
            last = min((s for s in body if s.y > note_top), key=lambda s: s.y)
            assert not any(h.startswith(last.text) for h in headings), f"page {number} ends on {last.text}"


def _run(make: Callable[[], tuple[DocumentRenderer[Any], Any]]) -> None:
    renderer, data = make()
    check(renderer, data)


def _settings(examples: int) -> Any:
    return settings(max_examples=examples, deadline=None, derandomize=examples == FEW,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------- one test per document


def _notice(target: NoticeTarget) -> None:
    check(HearingNotice(COMMISSION), target)
    check(ServiceReceipt(COMMISSION), target)


def _public_documents(public: PublicHearing, people: tuple[Invitee, ...]) -> None:
    check(HearingAnnouncement(COMMISSION), public)
    check(ObserverRules(COMMISSION), public)
    check(SignInSheet(COMMISSION), SignInData(public, people, blank_rows=5))
    if people:
        letter = InvitationLetter(people[0].enterprise, people[0].enterprise, people[:12], dt.date(2026, 12, 6))
        check(ObserverInvitation(COMMISSION), InvitationData(public, letter))


def _handout(public: PublicHearing, items: list[tuple[str, int | None]]) -> None:
    from tribunal.documents.handout import _ordinal

    teaching = TeachingCase(public.caption, "工伤保险待遇", "劳动者一方申请仲裁。" * 4,
                            tuple(ClaimSummary(item, f"约{(fen or 0) // 1_000_000}万元" if fen else "")
                                  for item, fen in items))
    headings = ("一、今日庭审案例", "（一）基本案情", "（二）仲裁请求", "（三）观摩提示", "（二）观摩提示", "二、培训专题",
                "三、遇到劳动争议怎么办",
                *(f"（{_ordinal(n)}）{t.title}" for n, t in enumerate(public.training.topics, 1)))
    check(TrainingHandout(COMMISSION), HandoutData(public, teaching), headings)


def _certificate(public: PublicHearing, person: Invitee) -> None:
    certificate = Certificate("邵劳人仲培字〔2026〕第1234号", person.name, person.enterprise, person.title, "1.5",
                              dt.date(2026, 12, 9))
    check(AttendanceCertificate(COMMISSION), CertificateData(public, certificate))


def _day_list(rows: list[tuple[tuple[dt.datetime, dt.datetime], str, str, str]]) -> None:
    day = DayList("邵阳经开区巡回仲裁庭", STARTS.date(), tuple(
        DayListRow(start, end, f"邵劳人仲案字〔2026〕第{100 + i}号", applicant, respondent, "工伤保险待遇", place,
                   f"首席仲裁员{applicant}", "赵静", i % 2 == 0)
        for i, ((start, end), applicant, respondent, place) in enumerate(rows)), STARTS.date())
    check(DayListSheet(COMMISSION), day)


_person = st.builds(lambda n, e, t: Invitee(1, 1, n, e, t, "00000000000a0001"), names(), enterprises, titles)
_rows = st.lists(st.tuples(times, names(), enterprises, st.text(alphabet=_PLACE, min_size=2, max_size=60)),
                 max_size=12)


@_settings(FEW)
@given(notice_targets())
def test_notice_and_proof_of_service(target: NoticeTarget) -> None:
    _notice(target)


@_settings(FEW)
@given(public_hearings(), invitees(max_size=60))
def test_observer_documents(public: PublicHearing, people: tuple[Invitee, ...]) -> None:
    _public_documents(public, people)


@_settings(FEW)
@given(public_hearings(), claims)
def test_handout(public: PublicHearing, items: list[tuple[str, int | None]]) -> None:
    _handout(public, items)


@_settings(FEW)
@given(public_hearings(), _person)
def test_certificate(public: PublicHearing, person: Invitee) -> None:
    _certificate(public, person)


@_settings(FEW)
@given(_rows)
def test_day_list(rows: list[tuple[tuple[dt.datetime, dt.datetime], str, str, str]]) -> None:
    _day_list(rows)


# ---------------------------------------------------------------- the slow tier: many more examples


@pytest.mark.slow
@_settings(MANY)
@given(notice_targets())
def test_many_notices(target: NoticeTarget) -> None:
    _notice(target)


@pytest.mark.slow
@_settings(MANY)
@given(public_hearings(), invitees(max_size=60))
def test_many_observer_documents(public: PublicHearing, people: tuple[Invitee, ...]) -> None:
    _public_documents(public, people)


@pytest.mark.slow
@_settings(MANY)
@given(public_hearings(), claims)
def test_many_handouts(public: PublicHearing, items: list[tuple[str, int | None]]) -> None:
    _handout(public, items)


@pytest.mark.slow
@_settings(MANY)
@given(public_hearings(), _person)
def test_many_certificates(public: PublicHearing, person: Invitee) -> None:
    _certificate(public, person)


@pytest.mark.slow
@_settings(MANY)
@given(_rows)
def test_many_day_lists(rows: list[tuple[tuple[dt.datetime, dt.datetime], str, str, str]]) -> None:
    _day_list(rows)


# ---------------------------------------------------------------- the long samples, every document


def _long_documents() -> list[tuple[str, Callable[[], tuple[DocumentRenderer[Any], Any]]]]:
    from tests.unit import test_pdf_samples as s

    def make(cls: type[DocumentRenderer[Any]], data: Any) -> Callable[[], tuple[DocumentRenderer[Any], Any]]:
        return lambda: (cls(COMMISSION), data)

    h, closed = s.long_hearing(), s.long_hearing(public=False)
    letter = InvitationLetter(s.LONG_ENTERPRISE, s.LONG_ENTERPRISE, s.long_invitees(24), dt.date(2026, 12, 6))
    return [
        ("notice", make(HearingNotice, NoticeTarget(h, h.parties[0]))),
        ("notice to the organisation", make(HearingNotice, NoticeTarget(h, h.parties[1]))),
        ("notice to the agent", make(HearingNotice, NoticeTarget(h, h.parties[0], h.parties[0].agents[0]))),
        ("closed notice", make(HearingNotice, NoticeTarget(closed, closed.parties[1]))),
        ("proof of service", make(ServiceReceipt, NoticeTarget(h, h.parties[0]))),
        ("proof of service on the agent", make(ServiceReceipt, NoticeTarget(h, h.parties[0], h.parties[0].agents[1]))),
        ("announcement", make(HearingAnnouncement, s.LONG_PUBLIC)),
        ("invitation", make(ObserverInvitation, InvitationData(s.LONG_PUBLIC, letter))),
        ("observers' rules", make(ObserverRules, s.LONG_PUBLIC)),
        ("sign-in sheet", make(SignInSheet, SignInData(s.LONG_PUBLIC, s.long_invitees(60)))),
        ("day list", make(DayListSheet, s.LONG_DAY)),
        ("handout", make(TrainingHandout, HandoutData(s.LONG_PUBLIC, s.LONG_TEACHING))),
        ("certificate", make(AttendanceCertificate, CertificateData(s.LONG_PUBLIC, s.LONG_CERTIFICATE))),
    ]


@pytest.mark.parametrize(("name", "make"), _long_documents(), ids=[n for n, _m in _long_documents()])
def test_the_longest_samples_pass_every_check(name: str, make: Callable[[], tuple[DocumentRenderer[Any], Any]]) -> None:
    _run(make)
