"""Table models of the documents screens: the register of printed documents and the files of a pack."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from tribunal.services.documents import DocumentRow, PackResult
from tribunal.ui import lang
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import ERROR_COLOUR, Column, RowsModel, when_text

#: Translation context of the headings (written out at each string: lupdate reads only literals).
CONTEXT = "DocumentsModel"

#: Characters of the SHA-256 shown in the list (the tooltip has all 64).
SHORT_HASH = 12


@dataclass(frozen=True)
class ListedDocument:
    """A recorded document as listed: the service's row, whether its file is still there, and
    when its hearing is (None for documents of a whole day)."""

    doc: DocumentRow
    present: bool
    hearing_at: dt.datetime | None = None

    @property
    def id(self) -> int:
        return self.doc.id

    @property
    def file_name(self) -> str:
        return Path(self.doc.path).name


def listed(rows: Iterable[DocumentRow], hearing_dates: Mapping[int, dt.datetime]) -> list[ListedDocument]:
    """Wrap service rows for the lists, checking once whether each file still exists."""
    return [ListedDocument(r, r.file_exists, hearing_dates.get(r.hearing_id) if r.hearing_id else None)
            for r in rows]


def pack_rows(result: PackResult) -> list[ListedDocument]:
    """The files a pack action made: the combined PDF first, then each file in print order."""
    rows = ([result.combined] if result.combined else []) + list(result.documents)
    return listed(rows, {})


def _missing(row: ListedDocument) -> QColor | None:
    return None if row.present else ERROR_COLOUR


def _file_state(row: ListedDocument) -> str:
    if row.present:
        return QCoreApplication.translate("DocumentsModel", "Present")
    return QCoreApplication.translate("DocumentsModel", "Missing")


def _file_tip(row: ListedDocument) -> str:
    if row.present:
        return row.doc.path
    return QCoreApplication.translate(
        "DocumentsModel", "The file is no longer where it was saved:\n{path}\n"
                 "“Make again” writes it anew from today's data.").format(path=row.doc.path)


COL_KIND = 0
COL_TITLE = 1
COL_CASE = 2
COL_HEARING = 3
COL_GENERATED = 4
COL_BY = 5
COL_HASH = 6
COL_FILE = 7

def _title(row: ListedDocument) -> str:
    """The document's title; in English its kind and whom it is for (the printed title is Chinese)."""
    title = row.doc.title
    if not lang.is_english():
        return title
    whom = re.search(r"（([^（）]*)）$", title)
    label = lang.label(row.doc.kind)
    return f"{label} ({whom.group(1)})" if whom and whom.group(1) else label


DOCUMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Kind"), lambda r: lang.label(r.doc.kind), foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Title"), _title, tooltip=_title,
           foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Case number"), lambda r: r.doc.case_number,
           tooltip=lambda r: r.doc.case_number or None, foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Hearing"), lambda r: when_text(r.hearing_at), foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Made at"), lambda r: when_text(r.doc.generated_at),
           foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Made by"), lambda r: r.doc.generated_by, foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "SHA-256"), lambda r: r.doc.sha256[:SHORT_HASH],
           tooltip=lambda r: r.doc.sha256, foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "File"), _file_state, tooltip=_file_tip, foreground=_missing),
)

PACK_COL_KIND = 0
PACK_COL_TITLE = 1
PACK_COL_FILE = 2

PACK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Kind"), lambda r: lang.label(r.doc.kind), foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "Title"), _title, tooltip=_title,
           foreground=_missing),
    Column(QT_TRANSLATE_NOOP("DocumentsModel", "File name"), lambda r: r.file_name, tooltip=_file_tip,
           foreground=_missing),
)


def documents_model(parent: QObject | None = None) -> RowsModel:
    """The register of printed documents (文书), one :class:`ListedDocument` per row."""
    return RowsModel(CONTEXT, DOCUMENT_COLUMNS, parent=parent)


def pack_files_model(parent: QObject | None = None) -> RowsModel:
    """The files of a pack just made, one :class:`ListedDocument` per row."""
    return RowsModel(CONTEXT, PACK_COLUMNS, parent=parent)
