"""Joining documents into one PDF: valid file, pages in order, a bookmark per document, same bytes."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.test_pdf_samples import COMMISSION, DAY, PUBLIC, hearing, needs_poppler, pdf_text
from tribunal.documents.announcement import HearingAnnouncement
from tribunal.documents.day_list import DayListSheet
from tribunal.documents.merge import MergeError, Part, merge_pdfs
from tribunal.documents.notice import HearingNotice, NoticeTarget


@pytest.fixture(scope="module")
def parts() -> list[Part]:
    h = hearing()
    notice = HearingNotice(COMMISSION).render(NoticeTarget(h, h.parties[0]))
    announcement = HearingAnnouncement(COMMISSION).render(PUBLIC)
    day_list = DayListSheet(COMMISSION).render(DAY)
    return [Part("开庭通知书（张䶮𬱖）", notice.data), Part("开庭公告", announcement.data),
            Part("开庭排期表", day_list.data)]


def _merge(parts: list[Part]) -> bytes:
    return merge_pdfs(parts, title="开庭文书（测试）", author=COMMISSION.issuer, issue_date=dt.date(2026, 11, 27),
                      key="pack:test")


def test_pages_follow_the_parts_in_order(parts: list[Part]) -> None:
    data = _merge(parts)
    reader = PdfReader(io.BytesIO(data), strict=True)
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes == [(595, 842), (595, 842), (595, 842), (842, 595)]  # notice 2, announcement 1, day list 1
    first, third, fourth = (reader.pages[i].extract_text() for i in (0, 2, 3))
    assert "开庭通知书" in first
    assert "开庭公告" in third
    assert "开庭排期表" in fourth


def test_each_part_gets_a_bookmark_on_its_first_page(parts: list[Part]) -> None:
    reader = PdfReader(io.BytesIO(_merge(parts)))
    outline = reader.outline
    assert [item.title for item in outline] == ["开庭通知书（张䶮𬱖）", "开庭公告", "开庭排期表"]
    assert [reader.get_destination_page_number(item) for item in outline] == [0, 2, 3]
    assert reader.metadata["/Title"] == "开庭文书（测试）"
    assert reader.metadata["/CreationDate"] == "D:20261127000000+08'00'"


def test_merged_text_keeps_every_part(parts: list[Part]) -> None:
    merged = pdf_text(_merge(parts))
    for part in parts:
        assert pdf_text(part.data).strip()[:20] in merged


def test_same_parts_same_bytes_and_the_id_follows_the_content(parts: list[Part]) -> None:
    assert _merge(parts) == _merge(list(parts))
    swapped = _merge([parts[1], parts[0], parts[2]])
    assert swapped != _merge(parts)
    ids = {PdfReader(io.BytesIO(d)).trailer["/ID"][0] for d in (_merge(parts), swapped)}
    assert len(ids) == 2


@needs_poppler
def test_poppler_reads_the_merged_file_without_complaint(parts: list[Part], tmp_path: Path) -> None:
    path = tmp_path / "merged.pdf"
    path.write_bytes(_merge(parts))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert info.stderr == ""
    assert "Pages:           4" in info.stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert fonts.stderr == ""
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows)


def test_refuses_what_it_cannot_read(parts: list[Part]) -> None:
    with pytest.raises(MergeError, match="没有可以合并的文书"):
        _merge([])
    with pytest.raises(MergeError, match="startxref"):
        _merge([Part("坏文件", b"%PDF-1.4\nnot really a pdf")])


def test_each_font_subset_of_a_combined_file_has_its_own_tag(parts: list[Part]) -> None:
    """Different subsets never share a tag (a reader could take them for one font); the same
    subset in two parts keeps one tag; and the tags come out the same on every run."""
    import hashlib

    reader = PdfReader(io.BytesIO(_merge(parts)))
    programs: dict[str, set[str]] = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            programs.setdefault(str(font["/BaseFont"]), set()).add(hashlib.sha256(program).hexdigest())
    assert len(programs) >= 6
    assert all(len(found) == 1 for found in programs.values()), programs  # one tag, one subset
    tags = [name.lstrip("/").split("+")[0] for name in programs]
    assert all(len(tag) == 6 and tag.isalpha() and tag.isupper() for tag in tags)
    assert "AAAAAA" not in tags
    assert _merge(parts) == _merge(parts)
