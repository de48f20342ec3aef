"""Personal numbers in the audit trail and in `case --json`: masked, fingerprinted, flagged; the trail is append-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input
from tribunal.cli import main
from tribunal.db.models import AuditEntry
from tribunal.domain.audit_masking import mask_entry
from tribunal.errors import ValidationError
from tribunal.services import audit, cases, legal_calendar

ID_NUMBER = "430102199003070012"
MOBILE = "13807311234"


def _entries(db, *, everything=False):
    """The audit entries about cases (the legal calendar's one-time seeding is left out), or all."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    with db.session(write=False) as s:
        return list(s.scalars(query if everything else query.where(AuditEntry.entity == "case")))


def test_audit_values_hold_no_full_numbers_but_say_when_they_changed(db):
    detail = cases.create_case(db, case_input(parties=(applicant(id_number=ID_NUMBER, phone=MOBILE),
                                                       *case_input().parties[1:])), today=TODAY)
    # Same masked form (138****1234), different number: only the fingerprint tells.
    other = "13800001234"
    parties = (dataclasses.replace(detail.to_input().parties[0], phone=other), *detail.to_input().parties[1:])
    cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(), parties=parties),
                      expected_version=detail.version, today=TODAY)
    raw = json.dumps([(e.summary, e.before, e.after) for e in _entries(db)], ensure_ascii=False)
    assert ID_NUMBER not in raw and MOBILE not in raw and other not in raw
    create, update = _entries(db)
    phone_after = update.after["parties"][0]["phone"]
    assert phone_after["masked"] == "138****1234" and phone_after["changed"] is True
    assert update.before["parties"][0]["phone"]["masked"] == "138****1234"
    assert create.after["parties"][0]["id_number"]["masked"] == "4301**********0012"
    unchanged = update.after["parties"][0]["id_number"]
    assert unchanged["changed"] is False and unchanged["fp"] == create.after["parties"][0]["id_number"]["fp"]
    # The history tab sees the change although both sides show the same masked number.
    changes = {c[0]: c for c in audit.history(db, "case", detail.id)[0].changes}
    assert "parties" in changes
    assert audit.shown_value(changes["parties"][2][0]["phone"]) == "138****1234（号码已更改）"


def test_the_fingerprint_needs_the_database_secret(db):
    """A plain hash of an 11-digit mobile is reversed by trying them all; the keyed one is not."""
    import hashlib

    cases.create_case(db, case_input(parties=(applicant(phone=MOBILE), *case_input().parties[1:])), today=TODAY)
    fp = _entries(db)[0].after["parties"][0]["phone"]["fp"]
    assert fp not in (hashlib.sha256(MOBILE.encode()).hexdigest()[:16], hashlib.md5(MOBILE.encode()).hexdigest()[:16])
    with db.session(write=False) as s:
        key = audit.audit_key(s)
    # With the secret, equality can be proved.
    assert mask_entry(None, {"phone": MOBILE}, key)[1]["phone"]["fp"] == fp
    assert mask_entry(None, {"phone": MOBILE}, b"another database")[1]["phone"]["fp"] != fp


def test_numbers_in_free_text_are_masked_too(db):
    with db.session() as s:
        audit.record(s, db.actor, "test.note", "case", 1, f"电话 {MOBILE}，身份证 {ID_NUMBER}",
                     after={"note": f"联系 {MOBILE}", "path": "/data/13807311234/x.pdf"})
    [entry] = _entries(db)
    assert MOBILE not in entry.summary and ID_NUMBER not in entry.summary
    assert "138****1234" in entry.summary and entry.after["note"] == "联系 138****1234"
    assert entry.after["path"] == "/data/13807311234/x.pdf"  # a location is kept as it is


def test_entries_cannot_be_changed_or_deleted(db):
    cases.create_case(db, case_input(), today=TODAY)
    with pytest.raises(ValidationError, match="不能修改或删除"), db.session() as s:
        s.scalars(select(AuditEntry)).first().summary = "改写"
    with pytest.raises(ValidationError, match="不能修改或删除"), db.session() as s:
        s.delete(s.scalars(select(AuditEntry)).first())
    with pytest.raises(Exception, match="cannot be changed"), db.session() as s:
        s.execute(text("UPDATE audit_entry SET actor = 'x'"))
    # Another program on the database, past this one's session checks: the trigger refuses.
    other = create_engine(db.url)
    with pytest.raises(DBAPIError, match="cannot be changed or deleted"), other.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry"))
    other.dispose()
    assert len(_entries(db)) == 1


def test_the_audit_log_filters_by_case_person_date_and_action(db):
    from tribunal.services.app import open_database

    other = open_database(db.url, actor="另一位书记员")
    try:
        legal_calendar.calendar(other)  # the calendar is seeded once, before this clerk's work
    finally:
        other.dispose()
    # What the database held before (the commission's set-up, the calendar's seeding) may date
    # from an earlier day than this test's own work when the run crosses midnight.
    earlier = audit.search(db, limit=1)
    start = earlier[0].id if earlier else 0
    first = cases.create_case(db, case_input(), today=TODAY)
    second = cases.create_case(db, case_input(parties=(applicant("李四"), *case_input().parties[1:])), today=TODAY)
    cases.update_case(db, first.id, dataclasses.replace(first.to_input(), summary="补充"),
                      expected_version=first.version, today=TODAY)
    assert [r.action for r in audit.search(db, audit.AuditFilter(case_id=first.id))] == ["case.update", "case.create"]
    assert {r.entity_id for r in audit.search(db, audit.AuditFilter(action="case.create"))} == {first.id, second.id}
    assert len(audit.search(db, audit.AuditFilter(action="case"))) == 3  # the area
    assert len(audit.search(db, audit.AuditFilter(person=db.actor))) == 3
    assert [r.entity_id for r in audit.search(db, audit.AuditFilter(person="第2号"))] == [second.id]
    today = dt.date.today()
    # The three case entries are today's; none of them is found before today.
    todays = audit.search(db, audit.AuditFilter(date_from=today, date_to=today))
    assert len([r for r in todays if r.id > start]) == 3
    assert all(r.id <= start for r in audit.search(db, audit.AuditFilter(date_to=today - dt.timedelta(days=1))))
    newest = audit.search(db, limit=1)
    assert len(newest) == 1 and audit.search(db, before_id=newest[0].id)[0].id < newest[0].id
    for bad in (audit.AuditFilter(case_id=2**40), audit.AuditFilter(person="x" * 5000),
                audit.AuditFilter(date_from=dt.date(9999, 1, 1))):
        with pytest.raises(ValidationError):
            audit.search(db, bad)


def test_case_json_is_masked_unless_asked_and_asking_is_audited(db, capsys):
    detail = cases.create_case(db, case_input(parties=(applicant(id_number=ID_NUMBER, phone=MOBILE),
                                                       *case_input().parties[1:])), today=TODAY)
    assert main(["--db", db.url, "case", detail.number, "--json"]) == 0
    out = capsys.readouterr().out
    assert ID_NUMBER not in out and MOBILE not in out and "138****1234" in out
    assert not [e for e in _entries(db) if e.action == "privacy.reveal_case"]
    assert main(["--db", db.url, "--user", "王书记员", "case", detail.number, "--json", "--unmasked"]) == 0
    out = capsys.readouterr().out
    assert ID_NUMBER in out and MOBILE in out
    [entry] = [e for e in _entries(db) if e.action == "privacy.reveal_case"]
    assert entry.actor == "王书记员" and entry.entity_id == detail.id


def test_old_entries_are_masked_by_the_upgrade(tmp_path):
    """A database of the previous release kept full numbers in its audit trail."""
    from sqlalchemy import create_engine

    from tribunal.db import migrate
    from tribunal.services.app import open_database

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade_connection(conn, f"sqlite:///{path}", "0002")
        conn.execute(text("INSERT INTO audit_entry (at, actor, action, entity, entity_id, summary, before, "
                          "after) VALUES ('2026-11-01 10:00:00', '旧', 'case.update', 'case', 1, :s, :b, :a)"),
                     {"s": f"修改 {MOBILE}", "b": json.dumps({"parties": [{"id_number": ID_NUMBER, "phone": MOBILE}]}),
                      "a": json.dumps({"parties": [{"id_number": ID_NUMBER, "phone": "13900001111"}]})})
        conn.execute(text("INSERT INTO zone (name, notes) VALUES ('邵阳经济技术开发区', :n)"), {"n": "备注\x00尾"})
    engine.dispose()
    db = open_database(str(path))
    try:
        entries = _entries(db, everything=True)
        raw = json.dumps([(e.summary, e.before, e.after) for e in entries], ensure_ascii=False)
        assert ID_NUMBER not in raw and MOBILE not in raw and "13900001111" not in raw
        old = entries[0]
        assert old.after["parties"][0]["phone"]["changed"] is True
        assert old.after["parties"][0]["id_number"]["changed"] is False
        with db.session(write=False) as s:
            assert s.scalar(text("SELECT notes FROM zone")) == "备注尾"  # the NUL a server would refuse
        assert any(e.action == "database.clean_text" for e in entries)
    finally:
        db.dispose()
