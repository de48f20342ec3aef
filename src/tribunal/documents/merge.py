"""Joins the PDFs this program writes into one file, in order, with a bookmark per document.

This is not a general PDF merger: it reads the simple files ReportLab produces (one classic
cross-reference table, no object streams, no encryption) and copies their page objects and
everything the pages refer to, renumbered, under a new catalogue. That takes a few
milliseconds for a whole hearing pack — re-laying out every document into one ReportLab
file would cost as much again as rendering them — and needs no extra library. Each part
keeps its own embedded font subsets, so the combined file prints exactly like the parts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["MergeError", "Part", "merge_pdfs"]

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_HEAD = re.compile(rb"xref\s+(\d+)\s+(\d+)\s+")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s{0,2}")
_OBJ_HEAD = re.compile(rb"\s*(\d+)\s+0\s+obj\s*")
_REF = re.compile(rb"(?<![\d.])(\d+) 0 R(?![A-Za-z])")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_PARENT = re.compile(rb"/Parent \d+ 0 R\s*")


class MergeError(ValueError):
    """A part is not a PDF of the kind this program writes."""


@dataclass(frozen=True)
class Part:
    """One document to put into the combined file, and its bookmark title."""

    title: str
    data: bytes


@dataclass
class _Obj:
    head: bytes  # the dictionary or value, with references to rewrite
    tail: bytes  # stream data (untouched) or b""


def _read(pdf: bytes) -> tuple[dict[int, _Obj], int]:
    """Split a PDF into objects by its cross-reference table; return them and the root number."""
    found = _STARTXREF.search(pdf[-64:])
    if not found:
        raise MergeError("找不到交叉引用表（startxref）")
    xref_at = int(found.group(1))
    head = _XREF_HEAD.match(pdf, xref_at)
    if not head:
        raise MergeError("交叉引用表格式不受支持")
    first, count = int(head.group(1)), int(head.group(2))
    offsets: dict[int, int] = {}
    pos = head.end()
    for i in range(count):
        entry = _XREF_ENTRY.match(pdf, pos)
        if not entry:
            raise MergeError("交叉引用表条目无法读取")
        if entry.group(3) == b"n":
            offsets[first + i] = int(entry.group(1))
        pos = entry.end()
    root = re.search(rb"/Root (\d+) 0 R", pdf[pos:])
    if not root:
        raise MergeError("找不到文档目录（/Root）")
    bounds = [*sorted(offsets.values()), xref_at]
    following = {start: bounds[i + 1] for i, start in enumerate(bounds[:-1])}
    objects: dict[int, _Obj] = {}
    for number, start in offsets.items():
        chunk = pdf[start : following[start]]
        obj_head = _OBJ_HEAD.match(chunk)
        end = chunk.rfind(b"endobj")
        if not obj_head or end < 0 or int(obj_head.group(1)) != number:
            raise MergeError(f"对象 {number} 无法读取")
        body = chunk[obj_head.end() : end].rstrip()
        stream = _STREAM.search(body)
        if stream:
            cut = stream.start() + 2
            objects[number] = _Obj(body[:cut], body[cut:])
        else:
            objects[number] = _Obj(body, b"")
    return objects, int(root.group(1))


def _refs(data: bytes) -> list[int]:
    return [int(m.group(1)) for m in _REF.finditer(data)]


def _pages(objects: dict[int, _Obj], node: int) -> list[int]:
    """Page object numbers under a page-tree node, in order."""
    head = objects[node].head
    if re.search(rb"/Type\s*/Page(?![s\w])", head):
        return [node]
    kids = re.search(rb"/Kids\s*\[([^\]]*)\]", head)
    if not kids:
        raise MergeError("页面树缺少 /Kids")
    out: list[int] = []
    for kid in _refs(kids.group(1)):
        out += _pages(objects, kid)
    return out


def _collect(objects: dict[int, _Obj], pages: list[int], page_set: set[int],
             already: int) -> tuple[dict[int, int], list[int]]:
    """Everything the pages refer to (not their parent), in a stable order, with new numbers."""
    mapping: dict[int, int] = {}
    order: list[int] = []
    for page in pages:
        stack = [page]
        while stack:
            n = stack.pop()
            if n in mapping:
                continue
            mapping[n] = already + len(order) + 1
            order.append(n)
            head = objects[n].head
            if n in page_set:
                head = _PARENT.sub(b"", head)
            stack.extend(reversed([r for r in _refs(head) if r not in mapping]))
    return mapping, order


def _text(value: str) -> bytes:
    """A PDF text string in UTF-16BE with byte-order mark, as hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"


def _renumber(mapping: Mapping[int, int]) -> Callable[[re.Match[bytes]], bytes]:
    """A replacement for :data:`_REF` that points an object reference at its new number."""
    def replace(match: re.Match[bytes]) -> bytes:
        return b"%d 0 R" % mapping[int(match.group(1))]
    return replace


def merge_pdfs(parts: Sequence[Part], *, title: str, author: str, issue_date: dt.date,
               key: str) -> bytes:
    """Join ``parts`` into one PDF, pages in order, with one bookmark per part.

    The result depends only on the inputs: the same parts give the same bytes.

    Raises:
        MergeError: a part is not a PDF this program wrote, or there are no parts.
    """
    if not parts:
        raise MergeError("没有可以合并的文书")
    out_objects: list[bytes] = []  # index + 1 = new object number
    catalog, pages_node, info, outlines = 1, 2, 3, 4
    out_objects += [b"", b"", b"", b""]
    page_numbers: list[int] = []
    first_pages: list[int] = []
    for part in parts:
        objects, root = _read(part.data)
        pages_ref = re.search(rb"/Pages (\d+) 0 R", objects[root].head)
        if not pages_ref:
            raise MergeError("文档目录缺少 /Pages")
        part_pages = _pages(objects, int(pages_ref.group(1)))
        page_set = set(part_pages)
        mapping, order = _collect(objects, part_pages, page_set, len(out_objects))
        for n in order:
            obj = objects[n]
            head = _PARENT.sub(b"", obj.head) if n in page_set else obj.head
            head = _REF.sub(_renumber(mapping), head)
            if n in page_set:
                head = head.rstrip()
                if not head.endswith(b">>"):
                    raise MergeError("页面对象格式不受支持")
                head = head[:-2] + b" /Parent %d 0 R\n>>" % pages_node
            out_objects.append(head + obj.tail)
        first_pages.append(mapping[part_pages[0]])
        page_numbers += [mapping[p] for p in part_pages]

    # Bookmarks: one outline item per part, pointing at its first page.
    item_numbers = [len(out_objects) + i + 1 for i in range(len(parts))]
    for i, part in enumerate(parts):
        entry = b"<< /Title " + _text(part.title) + b" /Parent %d 0 R" % outlines
        if i:
            entry += b" /Prev %d 0 R" % item_numbers[i - 1]
        if i + 1 < len(parts):
            entry += b" /Next %d 0 R" % item_numbers[i + 1]
        entry += b" /Dest [ %d 0 R /Fit ] >>" % first_pages[i]
        out_objects.append(entry)
    out_objects[outlines - 1] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (
        item_numbers[0], item_numbers[-1], len(parts))
    kids = b" ".join(b"%d 0 R" % n for n in page_numbers)
    out_objects[pages_node - 1] = b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(page_numbers), kids)
    out_objects[catalog - 1] = (b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R "
                                b"/PageMode /UseOutlines /Lang (zh-CN) >>" % (pages_node, outlines))
    stamp = f"D:{issue_date:%Y%m%d}000000+08'00'".encode()
    out_objects[info - 1] = (b"<< /Title " + _text(title) + b" /Author " + _text(author)
                             + b" /Creator " + _text("Tribunal 巡回仲裁庭书记员工作台")
                             + b" /Producer " + _text("Tribunal 巡回仲裁庭书记员工作台")
                             + b" /CreationDate (" + stamp + b") /ModDate (" + stamp + b") >>")

    digest = hashlib.md5(key.encode(), usedforsecurity=False)
    for part in parts:
        digest.update(hashlib.sha256(part.data).digest())
    file_id = digest.hexdigest().upper().encode()

    chunks = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
    offsets = []
    position = len(chunks[0])
    for number, body in enumerate(out_objects, 1):
        offsets.append(position)
        chunk = b"%d 0 obj\n" % number + body + b"\nendobj\n"
        chunks.append(chunk)
        position += len(chunk)
    xref = [b"xref\n0 %d\n" % (len(out_objects) + 1), b"0000000000 65535 f \n"]
    xref += [b"%010d 00000 n \n" % offset for offset in offsets]
    trailer = (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s><%s>] >>\n"
               % (len(out_objects) + 1, catalog, info, file_id, file_id))
    chunks += [*xref, trailer, b"startxref\n%d\n%%%%EOF\n" % position]
    return b"".join(chunks)
