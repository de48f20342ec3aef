"""Served documents (已送达的文书): which they are, their bytes kept in the database, opened anywhere.

A hearing notice or proof-of-service slip that reached a party is a record of the case: it
must open on every workstation of the commission, years later, exactly as it was served —
while the PDF file sits in one clerk's documents folder. When a service is recorded, the
bytes of that party's registered documents for the hearing are stored in ``document_blob``
(by SHA-256, so identical bytes are stored once) and travel with every backup and copy to a
server. Documents that were never served are not stored: they can be made again from the
data at any time.

A served document is also never overwritten: printing the pack again with changed data
writes the new version beside it (:func:`tribunal.services.documents.make_pack`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import Document, DocumentBlob, ServiceRecord
from tribunal.domain.enums import DocumentKind
from tribunal.errors import NotFound
from tribunal.texts import msg

#: The documents that go to a party and whose service is recorded.
SERVED_KINDS = frozenset({DocumentKind.HEARING_NOTICE, DocumentKind.SERVICE_RECEIPT})


def served_paths(session: Session, rows: list[Document]) -> set[str]:
    """The paths among ``rows`` of documents that went to a party (a service is recorded).

    A hearing notice or slip counts as served once a service to that party for that hearing
    has a date (送达日期).
    """
    candidates = [d for d in rows if d.kind in SERVED_KINDS and d.party_id is not None and d.hearing_id is not None]
    if not candidates:
        return set()
    hearing_ids = {d.hearing_id for d in candidates}
    pairs = set(session.execute(
        select(ServiceRecord.hearing_id, ServiceRecord.party_id)
        .where(ServiceRecord.hearing_id.in_(hearing_ids), ServiceRecord.served_on.is_not(None))).all())
    return {d.path for d in candidates if (d.hearing_id, d.party_id) in pairs}


def local_bytes(path: str, sha256: str) -> bytes | None:
    """The bytes of a served document's file on this PC, if it is there and unchanged (its SHA-256), else None."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def store(session: Session, data: bytes) -> str:
    """Keep ``data`` in ``document_blob`` (once per content); returns its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(DocumentBlob, digest) is None:
        session.add(DocumentBlob(sha256=digest, data=data, size=len(data)))
    return digest


def capture(session: Session, hearing_id: int | None = None, party_id: int | None = None) -> int:
    """Store the bytes of every served document (of one hearing and party, or all) not stored yet.

    Read from the registered file when it is on this workstation and still holds the
    registered bytes; a document printed on another workstation is captured there, the next
    time it records a service or prints. Returns how many were stored.
    """
    query = select(Document).where(Document.kind.in_(SERVED_KINDS), Document.party_id.is_not(None))
    if hearing_id is not None:
        query = query.where(Document.hearing_id == hearing_id)
    if party_id is not None:
        query = query.where(Document.party_id == party_id)
    rows = list(session.scalars(query))
    served = served_paths(session, rows)
    stored = 0
    for row in rows:
        if row.path not in served or session.get(DocumentBlob, row.sha256) is not None:
            continue
        data = local_bytes(row.path, row.sha256)
        if data is not None:
            store(session, data)
            stored += 1
    return stored


def document_bytes(db: Database, document_id: int) -> bytes:
    """The bytes of a recorded document: the file on this workstation, else the stored copy.

    Raises:
        NotFound: no such document, or its file is not on this workstation and it was never
            served (so no copy was kept): print it again instead.
    """
    with db.session(write=False) as s:
        row = s.get(Document, document_id)
        if row is None:
            raise NotFound(msg("找不到编号为 {document_id} 的文书记录", document_id=document_id))
        path, digest, title = row.path, row.sha256, row.title
        blob = s.get(DocumentBlob, digest)
        kept = bytes(blob.data) if blob is not None else None
    local = local_bytes(path, digest)
    if local is not None:
        return local
    if kept is not None:
        return kept
    raise NotFound(msg("“{title}”的文件不在这台电脑上（{path}），也没有送达留存的副本；请重新制作", title=title, path=path))
