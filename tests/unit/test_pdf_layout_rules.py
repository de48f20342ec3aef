"""The renderer base's layout rules, one by one: line breaking, fitting, keeping together, refusing."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit import pdf_layout
from tests.unit.test_pdf_samples import (
    COMMISSION,
    LONG_PUBLIC,
    PUBLIC,
    TEACHING,
    TOPICS,
    hearing,
)
from tribunal.documents import linebreak
from tribunal.documents.announcement import HearingAnnouncement
from tribunal.documents.base import DocumentTooLong
from tribunal.documents.handout import HandoutData, TrainingHandout
from tribunal.documents.notice import HearingNotice, NoticeTarget
from tribunal.documents.service_receipt import ServiceReceipt
from tribunal.documents.styles import DEFAULT_FIT, LEVELS, MIN_BODY, MIN_CELL, MIN_PITCH, Fit


def _lines(text: str, width: float, words: tuple[str, ...] = ()) -> list[str]:
    """Break ``text`` of 16 pt full-width characters at ``width`` (in characters)."""
    chars = list(text)
    widths = [8.0 if c.isascii() else 16.0 for c in chars]
    glue = linebreak.glue_for(text, words)
    return [text[a:b] for a, b, *_ in linebreak.breaks(chars, widths, [False] * len(chars), [width * 16], glue)]


def test_numbers_stay_with_their_units_and_times_stay_whole() -> None:
    assert _lines("标的额合计约8.8万元。", 9)[1].startswith("约8.8万元")
    lines = _lines("开庭时间定于上午9时30分请准时", 8)
    assert "上午9时30分" in "".join(lines) and not any(line.endswith(("上午", "9时")) for line in lines)
    assert all("14:30—16:30" in line or "14:30" not in line for line in _lines("培训时间为14:30—16:30请准时", 8))


def test_names_break_only_at_the_dot() -> None:
    name = "阿卜杜热合曼·阿卜杜克热木"
    lines = _lines(f"申请人{name}与被申请人", 10, (name,))
    assert lines[0].endswith("·") and lines[1].startswith("阿卜杜克热木")
    assert any("李建国" in line for line in _lines("仲裁员李建国和王淑芬", 5, ("李建国",)))


def test_no_one_character_last_line() -> None:
    lines = _lines("一二三四五六七八九十金。", 10)
    assert len(lines) == 2 and len(lines[-1].rstrip("。")) > 1


def test_no_closing_punctuation_at_a_line_start() -> None:
    for line in _lines("甲乙丙丁戊己庚辛壬癸，子丑寅卯。辰巳午未申酉戌亥，", 10)[1:]:
        assert line[0] not in linebreak.CANNOT_START


def test_body_text_has_28_characters_a_line() -> None:
    h = hearing()
    long_party = dataclasses.replace(h.parties[0], name="张三")
    target = NoticeTarget(dataclasses.replace(h, parties=(long_party, *h.parties[1:])), long_party)
    chars = pdf_layout.characters(HearingNotice(COMMISSION).render(target).data)[0]
    lengths = {}
    for c in chars:
        if c.size == 16 and not c.text.isascii():
            lengths[round(c.y)] = lengths.get(round(c.y), 0) + 1
    assert max(lengths.values()) == 28


def test_the_fits_keep_the_hard_limits() -> None:
    assert LEVELS[0] == DEFAULT_FIT
    for fit in LEVELS:
        assert fit.body >= MIN_BODY and fit.cell >= MIN_CELL
        assert fit.leading >= MIN_PITCH * fit.body - 1e-6 and fit.cell_leading >= MIN_PITCH - 1e-6
    with pytest.raises(ValueError):
        Fit(body=13)
    with pytest.raises(ValueError):
        Fit(leading=16)


def test_a_one_sheet_document_is_set_tighter_then_refused_naming_the_field() -> None:
    h = hearing(address="湖南省邵阳市大祥区" + "城南路十二号院内东侧" * 40)
    receipt = ServiceReceipt(COMMISSION).render(NoticeTarget(h, h.parties[0]))
    assert receipt.pages == 1 and receipt.fit != DEFAULT_FIT  # tighter, still one sheet
    h = hearing(address="湖南省邵阳市大祥区" + "城南路十二号院内东侧" * 200)
    with pytest.raises(DocumentTooLong) as refused:
        ServiceReceipt(COMMISSION).render(NoticeTarget(h, h.parties[0]))
    assert "送达地点" in refused.value.fields and "过长" in refused.value.message
    poster = dataclasses.replace(PUBLIC, caption="某某" * 600)
    with pytest.raises(DocumentTooLong, match="案件"):
        HearingAnnouncement(COMMISSION).render(poster)


def test_very_long_paragraphs_before_the_signature_and_the_legal_basis() -> None:
    """A paragraph longer than a page still leaves two lines with what must follow it."""
    h = hearing()
    venue = dataclasses.replace(h.venue, directions="沿主干道直行后左转再右转" * 120)
    target = NoticeTarget(dataclasses.replace(h, venue=venue), h.parties[0])
    notice = HearingNotice(COMMISSION).render(target)
    pages = pdf_layout.characters(notice.data)
    assert notice.pages >= 3
    last = [s.text for s in pdf_layout.segments(pages[-1])]
    assert sum(1 for line in last if "二〇二六年" not in line and COMMISSION.issuer not in line
               and not line.startswith("—")) >= 2
    topics = (dataclasses.replace(TOPICS[0], body="用人单位应当依法申请工伤认定。" * 300),)
    public = dataclasses.replace(LONG_PUBLIC, training=dataclasses.replace(LONG_PUBLIC.training, topics=topics))
    handout = TrainingHandout(COMMISSION).render(HandoutData(public, TEACHING))
    text = pdf_layout.page_texts(pdf_layout.characters(handout.data))
    page = next(i for i, t in enumerate(text) if "法律依据" in t)
    before = text[page].split("法律依据")[0]
    assert "用人单位应当依法申请工伤认定" in before  # the basis did not go to a page of its own
