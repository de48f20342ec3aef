"""Builders of typical inputs shared by the integration tests."""

from __future__ import annotations

import datetime as dt

from tribunal.db.engine import Database
from tribunal.domain.enums import AgentKind, CaseType, PartyKind, PartyRole, StaffRole
from tribunal.services import agents, cases, reference

VALID_ID = "430102199003070012"
VALID_CODE = "91430100MA4L00003Q"


def applicant(name: str = "张三", **kw: object) -> cases.PartyInput:
    return cases.PartyInput(role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=name, **kw)  # type: ignore[arg-type]


def respondent(name: str = "邵阳宝庆精密机械有限公司", **kw: object) -> cases.PartyInput:
    return cases.PartyInput(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=name, **kw)  # type: ignore[arg-type]


def lawyer(name: str = "李律师", **kw: object) -> agents.AgentInput:
    """An entrusted lawyer of a firm (the most common agent)."""
    base: dict[str, object] = {"kind": AgentKind.LAWYER, "name": name, "organisation": "湖南宝庆律师事务所"}
    base.update(kw)
    return agents.AgentInput(**base)  # type: ignore[arg-type]


def case_input(**kw: object) -> cases.CaseInput:
    base: dict[str, object] = {
        "case_type": CaseType.WAGES,
        "received_date": dt.date(2026, 11, 2),
        "parties": (applicant(id_number=VALID_ID, phone="138 0731 1234"), respondent(credit_code=VALID_CODE)),
        "claims": (cases.ClaimInput("支付拖欠的工资", 1_234_500),),
    }
    base.update(kw)
    return cases.CaseInput(**base)  # type: ignore[arg-type]


def seed_staff(db: Database) -> dict[str, int]:
    ids = {}
    for name in ("李建国", "王淑芬", "张卫东"):
        ids[name] = reference.add_staff(db, name, StaffRole.ARBITRATOR).id
    ids["赵静"] = reference.add_staff(db, "赵静", StaffRole.CLERK).id
    return ids


def database_state(db: Database) -> str:
    """A fingerprint that changes whenever anything is written to the database under test.

    SQLite: the bytes of the file and its write-ahead log (nothing may be written at all).
    PostgreSQL: every table's rows, hashed by the server in one query; a refused insert may
    still have advanced a sequence, which stores nothing.
    """
    import hashlib

    from sqlalchemy import text

    if db.path is not None:
        files = (db.path, db.path.with_name(db.path.name + "-wal"))
        return hashlib.sha256(b"".join(p.read_bytes() for p in files if p.exists())).hexdigest()
    with db.engine.connect() as conn:
        names = conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                  "ORDER BY tablename")).all()
        rows = conn.execute(text(" UNION ALL ".join(
            f"SELECT '{n}', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
            f'FROM "{n}" t' for n in names))).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()
