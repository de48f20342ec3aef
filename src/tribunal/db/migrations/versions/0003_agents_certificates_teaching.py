"""agents as records, certificate numbers, teaching-case text, topics' formal titles

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00

The free-text agent of a party (``party.agent_name`` / ``agent_phone``) becomes a
``party_agent`` record, keeping what was typed: "湖南宝庆律师事务所律师 汪婷婷" is read as a
lawyer of that firm, "某某法律服务所 王五" as a legal-service worker; anything else keeps its
last word as the name and the rest as the unit, kind 其他. The scope of authority stays
unrecorded (NULL): nobody has checked the power of attorney yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AGENT_KINDS = ("lawyer", "legal_service_worker", "close_relative", "employee", "recommended",
                "statutory", "appointed", "other")
_FIRM = re.compile(r"^(?P<org>.*?(?:律师事务所|法律服务所|法律援助中心))\s*"
                   r"(?P<title>实习律师|律师|基层法律服务工作者|法律服务工作者|法律工作者)?\s*(?P<name>\S.*)$")
_TITLE_FIRST = re.compile(r"^(?P<title>律师|法律工作者)\s+(?P<name>\S+)$")


def _read_agent(text: str) -> tuple[str, str, str, bool]:
    """(kind, organisation, name, legal aid) from a free-text agent as clerks typed it."""
    text = " ".join(text.split())
    firm = _FIRM.match(text)
    if firm and firm.group("name"):
        org = firm.group("org")
        kind = "legal_service_worker" if org.endswith("法律服务所") else "lawyer"
        return kind, org, firm.group("name").replace(" ", ""), org.endswith("法律援助中心")
    titled = _TITLE_FIRST.match(text)
    if titled:
        kind = "lawyer" if titled.group("title") == "律师" else "legal_service_worker"
        return kind, "", titled.group("name"), False
    words = text.split(" ")
    return "other", " ".join(words[:-1]), words[-1], False


def upgrade() -> None:
    op.create_table(
        "party_agent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum(*_AGENT_KINDS, name="agentkind", native_enum=False, length=30),
                  nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("licence_number", sa.String(length=40), nullable=True),
        sa.Column("relation", sa.String(length=40), nullable=True),
        sa.Column("legal_aid", sa.Boolean(), nullable=False),
        sa.Column("authority", sa.Enum("general", "special", name="agentauthority", native_enum=False,
                                       length=30), nullable=True),
        sa.Column("special_items", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_party_agent_party_id_party"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_agent")),
    )
    with op.batch_alter_table("party_agent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_agent_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_agent_party_id"), ["party_id"], unique=False)

    # Keep every agent typed so far, before the free-text columns go.
    bind = op.get_bind()
    party = sa.table("party", sa.column("id", sa.Integer), sa.column("agent_name", sa.String),
                     sa.column("agent_phone", sa.String))
    agent = sa.table("party_agent", sa.column("party_id", sa.Integer), sa.column("position", sa.Integer),
                     sa.column("kind", sa.String), sa.column("name", sa.String),
                     sa.column("organisation", sa.String), sa.column("phone", sa.String),
                     sa.column("legal_aid", sa.Boolean), sa.column("special_items", sa.JSON))
    rows = []
    for party_id, name, phone in bind.execute(
            sa.select(party.c.id, party.c.agent_name, party.c.agent_phone).where(
                sa.or_(party.c.agent_name.is_not(None), party.c.agent_phone.is_not(None)))):
        text = (name or "").strip()
        if not text and not (phone or "").strip():
            continue
        kind, organisation, agent_name, legal_aid = _read_agent(text) if text else ("other", "", "（未填姓名）", False)
        rows.append({"party_id": party_id, "position": 0, "kind": kind, "name": agent_name[:60],
                     "organisation": organisation[:200] or None, "phone": (phone or "").strip() or None,
                     "legal_aid": legal_aid, "special_items": []})
    if rows:
        bind.execute(agent.insert(), rows)

    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_column("agent_phone")
        batch_op.drop_column("agent_name")

    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("teaching_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("teaching_reviewed_by", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("teaching_reviewed_at", sa.DateTime(), nullable=True))

    with op.batch_alter_table("training_topic", schema=None) as batch_op:
        batch_op.add_column(sa.Column("formal_title", sa.String(length=100), nullable=True))

    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=True),
        sa.Column("observer_id", sa.Integer(), nullable=True),
        sa.Column("person_key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("enterprise", sa.String(length=200), nullable=True),
        sa.Column("series", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=60), nullable=False),
        sa.Column("voided_on", sa.Date(), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["hearing_id"], ["hearing.id"], name=op.f("fk_certificate_hearing_id_hearing"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["observer_id"], ["observer.id"],
                                name=op.f("fk_certificate_observer_id_observer"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("number", name=op.f("uq_certificate_number")),
        sa.UniqueConstraint("series", "year", "seq", name=op.f("uq_certificate_series_year_seq")),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_hearing_id"), ["hearing_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_hearing_id"))
    op.drop_table("certificate")

    with op.batch_alter_table("training_topic", schema=None) as batch_op:
        batch_op.drop_column("formal_title")

    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.drop_column("teaching_reviewed_at")
        batch_op.drop_column("teaching_reviewed_by")
        batch_op.drop_column("teaching_text")

    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agent_name", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("agent_phone", sa.String(length=40), nullable=True))

    # The first agent of each party goes back into the free-text columns.
    bind = op.get_bind()
    party = sa.table("party", sa.column("id", sa.Integer), sa.column("agent_name", sa.String),
                     sa.column("agent_phone", sa.String))
    agent = sa.table("party_agent", sa.column("id", sa.Integer), sa.column("party_id", sa.Integer),
                     sa.column("position", sa.Integer), sa.column("kind", sa.String),
                     sa.column("name", sa.String), sa.column("organisation", sa.String),
                     sa.column("phone", sa.String))
    first: dict[int, tuple[str, str | None]] = {}
    for party_id, kind, name, organisation, phone in bind.execute(
            sa.select(agent.c.party_id, agent.c.kind, agent.c.name, agent.c.organisation, agent.c.phone)
            .order_by(agent.c.party_id, agent.c.position, agent.c.id)):
        if party_id in first:
            continue
        title = {"lawyer": "律师", "legal_service_worker": "法律工作者"}.get(kind, "")
        text = f"{organisation or ''}{title} {name}".strip() if organisation or title else name
        first[party_id] = (text[:60], phone)
    for party_id, (text, phone) in first.items():
        bind.execute(party.update().where(party.c.id == party_id).values(agent_name=text, agent_phone=phone))

    with op.batch_alter_table("party_agent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_agent_party_id"))
        batch_op.drop_index(batch_op.f("ix_party_agent_name"))
    op.drop_table("party_agent")
