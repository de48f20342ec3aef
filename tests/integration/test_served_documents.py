"""Served documents are kept in the database and open anywhere; the documents folder is not a free-for-all."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.db.models import DocumentBlob, ServiceRecord
from tribunal.domain.enums import DocumentKind, ServiceMethod
from tribunal.errors import NotFound
from tribunal.services import backup, documents, hearings, served_documents
from tribunal.services.app import open_database
from tribunal.services.outputs import OutputExistsError


@pytest.fixture(scope="module")
def demo_file(demo_template: Path) -> Path:
    return demo_template  # the session's demonstration register (tests copy it before writing)


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    db = open_database(str(path), actor="测试书记员")
    yield db
    db.dispose()


def _blobs(db: Database) -> int:
    with db.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(DocumentBlob)) or 0


def test_served_documents_are_kept_and_open_when_the_file_is_gone(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = documents.make_pack(demo, 1, out_dir=out)
    party_docs = [d for d in result.documents if d.kind in served_documents.SERVED_KINDS]
    # The demonstration served every party before the pack was printed: printing keeps them.
    assert party_docs and _blobs(demo) == len({d.sha256 for d in party_docs})
    for d in party_docs:
        Path(d.path).unlink()  # on another workstation the file is not there
        data = served_documents.document_bytes(demo, d.id)
        assert hashlib.sha256(data).hexdigest() == d.sha256 and data.startswith(b"%PDF")
    invitation = next(d for d in result.documents if d.kind == DocumentKind.INVITATION)
    assert served_documents.document_bytes(demo, invitation.id).startswith(b"%PDF")  # the file is here
    Path(invitation.path).unlink()
    with pytest.raises(NotFound, match="重新制作"):
        served_documents.document_bytes(demo, invitation.id)  # never served, never kept


def test_a_service_recorded_after_printing_keeps_that_document(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    later = hearings.list_hearings(demo)[-1]
    detail = hearings.get_hearing(demo, later.id)
    not_yet = detail.service_records[0].party_id
    with demo.session() as s:  # this party's notice has not gone out yet
        s.execute(delete(ServiceRecord).where(ServiceRecord.hearing_id == later.id,
                                              ServiceRecord.party_id == not_yet))
    result = documents.make_pack(demo, later.id, out_dir=out)
    before = _blobs(demo)
    party = next(d for d in result.documents if d.kind == DocumentKind.HEARING_NOTICE and d.party_id == not_yet)
    hearings.add_service_record(demo, later.id, not_yet, ServiceMethod.DIRECT, TODAY, signed_by="本人",
                                today=TODAY)
    assert _blobs(demo) > before
    Path(party.path).unlink()
    assert hashlib.sha256(served_documents.document_bytes(demo, party.id)).hexdigest() == party.sha256


def test_kept_documents_travel_with_a_backup(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    made = documents.make_pack(demo, 1, out_dir=out)
    kept = _blobs(demo)
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = backup.backup_to_folder(demo, stick).path
    restored = tmp_path / "elsewhere" / "tribunal.sqlite3"
    restored.parent.mkdir()
    backup.restore(str(restored), copy)
    other = open_database(str(restored))
    try:
        assert _blobs(other) == kept > 0
        for d in made.documents:
            Path(d.path).unlink()  # the restored database on a PC that never had the files
        listed = {r.id: r for r in documents.list_documents(other, limit=None)}
        served = [d for d in made.documents if d.kind in served_documents.SERVED_KINDS]
        assert served and all(listed[d.id].kept and not listed[d.id].file_exists for d in served)
        assert not any(listed[d.id].kept for d in made.documents if d.kind == DocumentKind.INVITATION)
        for d in served:  # what the documents page opens when the file is missing
            assert hashlib.sha256(served_documents.document_bytes(other, d.id)).hexdigest() == d.sha256
    finally:
        other.dispose()


def test_a_foreign_file_in_the_documents_folder_is_replaced_only_when_confirmed(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = documents.make_pack(demo, 1, out_dir=out)
    announcement = Path(next(d.path for d in first.documents if d.kind == DocumentKind.ANNOUNCEMENT))
    shutil.rmtree(announcement.parent)
    announcement.parent.mkdir()
    announcement.write_bytes(b"a clerk's own file with the same name")
    with pytest.raises(OutputExistsError, match="不是本程序制作"):
        documents.make_pack(demo, 1, out_dir=out)
    assert announcement.read_bytes() == b"a clerk's own file with the same name"
    assert sorted(p.name for p in announcement.parent.iterdir()) == [announcement.name]  # nothing else written
    documents.make_pack(demo, 1, out_dir=out, force=True)
    assert announcement.read_bytes().startswith(b"%PDF")


def test_a_database_file_in_the_way_is_never_replaced(demo, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = documents.make_pack(demo, 1, out_dir=out)
    handout = Path(next(d.path for d in first.documents if d.kind == DocumentKind.HANDOUT))
    shutil.copyfile(demo.path, handout)
    before = handout.read_bytes()
    with demo.session() as s:  # change the data so the handout would be rewritten
        from tribunal.db.models import Hearing

        s.get(Hearing, 1).starts_at += dt.timedelta(minutes=30)
    with pytest.raises(Exception, match="数据库文件"):
        documents.make_pack(demo, 1, out_dir=out, force=True)
    assert handout.read_bytes() == before
