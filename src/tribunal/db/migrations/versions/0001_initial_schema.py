"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 04:52:19.884598
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_entry_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "case_number_counter",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(length=40), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "prefix", name=op.f("pk_case_number_counter")),
    )
    op.create_table(
        "legal_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_legal_day")),
    )
    op.create_table(
        "legal_year",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_legal_year")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "role",
            sa.Enum("arbitrator", "clerk", name="staffrole", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("full_time", sa.Boolean(), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_table(
        "training_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.String(length=400), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_topic")),
        sa.UniqueConstraint("code", name=op.f("uq_training_topic_code")),
    )
    op.create_table(
        "zone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zone")),
        sa.UniqueConstraint("name", name=op.f("uq_zone_name")),
    )
    op.create_table(
        "circuit_tribunal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("colour", sa.String(length=9), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["zone_id"],
            ["zone.id"],
            name=op.f("fk_circuit_tribunal_zone_id_zone"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circuit_tribunal")),
        sa.UniqueConstraint("name", name=op.f("uq_circuit_tribunal_name")),
    )
    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("normalised_name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("credit_code_warning_accepted", sa.Boolean(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("contact_name", sa.String(length=60), nullable=True),
        sa.Column("contact_title", sa.String(length=60), nullable=True),
        sa.Column("contact_phone", sa.String(length=40), nullable=True),
        sa.Column("size", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["zone_id"], ["zone.id"], name=op.f("fk_enterprise_zone_id_zone"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_enterprise_credit_code")),
    )
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enterprise_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_enterprise_normalised_name"), ["normalised_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enterprise_zone_id"), ["zone_id"], unique=False)

    op.create_table(
        "arbitration_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("number_prefix", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "case_type",
            sa.Enum(
                "labor_relation",
                "wages",
                "overtime",
                "double_wage",
                "severance",
                "illegal_termination",
                "work_injury",
                "social_insurance",
                "annual_leave",
                "non_compete",
                "dispatch",
                "collective",
                "other",
                name="casetype",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "received",
                "accepted",
                "scheduled",
                "heard",
                "suspended",
                "closed",
                "rejected",
                name="casestatus",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "procedure",
            sa.Enum("ordinary", "simplified", name="procedure", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("accepted_date", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "mediated",
                "awarded",
                "withdrawn",
                "deemed_withdrawn",
                "dismissed",
                name="caseoutcome",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("closed_date", sa.Date(), nullable=True),
        sa.Column("collective", sa.Boolean(), nullable=False),
        sa.Column("worker_count", sa.Integer(), nullable=False),
        sa.Column("extension_approved", sa.Boolean(), nullable=False),
        sa.Column("extension_approved_by", sa.String(length=60), nullable=True),
        sa.Column("extension_approved_on", sa.Date(), nullable=True),
        sa.Column("clock_restart_date", sa.Date(), nullable=True),
        sa.Column("clock_restart_reason", sa.String(length=200), nullable=True),
        sa.Column("tribunal_id", sa.Integer(), nullable=True),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("applicant_names", sa.String(length=400), nullable=False),
        sa.Column("respondent_names", sa.String(length=400), nullable=False),
        sa.Column("claim_total_fen", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"],
            ["staff.id"],
            name=op.f("fk_arbitration_case_clerk_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tribunal_id"],
            ["circuit_tribunal.id"],
            name=op.f("fk_arbitration_case_tribunal_id_circuit_tribunal"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arbitration_case")),
        sa.UniqueConstraint("number", name=op.f("uq_arbitration_case_number")),
        sa.UniqueConstraint(
            "number_prefix", "year", "seq", name=op.f("uq_arbitration_case_number_prefix_year_seq")
        ),
    )
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_arbitration_case_case_type"), ["case_type"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_arbitration_case_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_arbitration_case_tribunal_id"), ["tribunal_id"], unique=False
        )
        batch_op.create_index("ix_case_received_id", ["received_date", "id"], unique=False)

    op.create_table(
        "observer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=60), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_observer_enterprise_id_enterprise"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observer")),
    )
    with op.batch_alter_table("observer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_observer_enterprise_id"), ["enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_observer_name"), ["name"], unique=False)

    op.create_table(
        "room",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("directions", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_room_enterprise_id_enterprise"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room")),
        sa.UniqueConstraint("enterprise_id", "name", name=op.f("uq_room_enterprise_id_name")),
    )
    with op.batch_alter_table("room", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_room_enterprise_id"), ["enterprise_id"], unique=False)

    op.create_table(
        "case_arbitrator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("sole", "presiding", "member", name="panelrole", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_case_arbitrator_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_case_arbitrator_staff_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_arbitrator")),
        sa.UniqueConstraint(
            "case_id", "staff_id", name=op.f("uq_case_arbitrator_case_id_staff_id")
        ),
    )
    with op.batch_alter_table("case_arbitrator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_arbitrator_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_arbitrator_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "case_suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_case_suspension_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_suspension")),
    )
    with op.batch_alter_table("case_suspension", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_suspension_case_id"), ["case_id"], unique=False)

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=300), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("awarded_fen", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_claim_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_case_id"), ["case_id"], unique=False)

    op.create_table(
        "hearing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("tribunal_id", sa.Integer(), nullable=True),
        sa.Column("host_enterprise_id", sa.Integer(), nullable=True),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("closed_reason", sa.String(length=200), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "postponed",
                "held",
                "cancelled",
                name="hearingstatus",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("status_reason", sa.String(length=300), nullable=True),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_hearing_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["staff.id"], name=op.f("fk_hearing_clerk_id_staff"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["host_enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_hearing_host_enterprise_id_enterprise"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_hearing_room_id_room"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["tribunal_id"],
            ["circuit_tribunal.id"],
            name=op.f("fk_hearing_tribunal_id_circuit_tribunal"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing")),
    )
    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hearing_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hearing_clerk_id"), ["clerk_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_hearing_host_enterprise_id"), ["host_enterprise_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_hearing_room_id"), ["room_id"], unique=False)
        batch_op.create_index("ix_hearing_starts_at", ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_hearing_tribunal_id"), ["tribunal_id"], unique=False)

    op.create_table(
        "party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "applicant",
                "respondent",
                "third_party",
                name="partyrole",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum("person", "organisation", name="partykind", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("credit_code", sa.String(length=18), nullable=True),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=2), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("legal_representative", sa.String(length=60), nullable=True),
        sa.Column("legal_representative_title", sa.String(length=60), nullable=True),
        sa.Column("agent_name", sa.String(length=60), nullable=True),
        sa.Column("agent_phone", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_party_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprise.id"],
            name=op.f("fk_party_enterprise_id_enterprise"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
    )
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_name"), ["name"], unique=False)

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "hearing_notice",
                "service_receipt",
                "announcement",
                "invitation",
                "observer_rules",
                "sign_in",
                "day_list",
                "handout",
                "certificate",
                "pack",
                name="documentkind",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("hearing_id", sa.Integer(), nullable=True),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("observer_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("generated_at", sa.DateTime(), nullable=False),
        sa.Column("generated_by", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_document_case_id_arbitration_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearing.id"],
            name=op.f("fk_document_hearing_id_hearing"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["observer_id"],
            ["observer.id"],
            name=op.f("fk_document_observer_id_observer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"], ["party.id"], name=op.f("fk_document_party_id_party"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_hearing_id"), ["hearing_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_kind"), ["kind"], unique=False)

    op.create_table(
        "hearing_panel_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("sole", "presiding", "member", name="panelrole", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearing.id"],
            name=op.f("fk_hearing_panel_member_hearing_id_hearing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff.id"],
            name=op.f("fk_hearing_panel_member_staff_id_staff"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing_panel_member")),
        sa.UniqueConstraint(
            "hearing_id", "staff_id", name=op.f("uq_hearing_panel_member_hearing_id_staff_id")
        ),
    )
    with op.batch_alter_table("hearing_panel_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hearing_panel_member_hearing_id"), ["hearing_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hearing_panel_member_staff_id"), ["staff_id"], unique=False
        )

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("observer_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "invited",
                "confirmed",
                "declined",
                "attended",
                "absent",
                name="invitationstatus",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("invited_at", sa.DateTime(), nullable=False),
        sa.Column("replied_at", sa.DateTime(), nullable=True),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearing.id"],
            name=op.f("fk_invitation_hearing_id_hearing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["observer_id"],
            ["observer.id"],
            name=op.f("fk_invitation_observer_id_observer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint(
            "hearing_id", "observer_id", name=op.f("uq_invitation_hearing_id_observer_id")
        ),
        sa.UniqueConstraint("token", name=op.f("uq_invitation_token")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_hearing_id"), ["hearing_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invitation_observer_id"), ["observer_id"], unique=False
        )

    op.create_table(
        "service_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.String(length=60), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "direct",
                "post",
                "electronic",
                "phone",
                "left",
                "public_notice",
                name="servicemethod",
                native_enum=False,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("signed_by", sa.String(length=60), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["arbitration_case.id"],
            name=op.f("fk_service_record_case_id_arbitration_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearing.id"],
            name=op.f("fk_service_record_hearing_id_hearing"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["party.id"],
            name=op.f("fk_service_record_party_id_party"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_record")),
    )
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_record_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_service_record_hearing_id"), ["hearing_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_record_party_id"), ["party_id"], unique=False)

    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("speaker", sa.String(length=60), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hearing_id"],
            ["hearing.id"],
            name=op.f("fk_training_session_hearing_id_hearing"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
    )
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_session_hearing_id"), ["hearing_id"], unique=False
        )

    op.create_table(
        "training_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("observer_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("enterprise_name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["observer_id"],
            ["observer.id"],
            name=op.f("fk_training_attendance_observer_id_observer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_attendance_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_attendance")),
    )
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_attendance_observer_id"), ["observer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_attendance_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "training_session_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_session_topic_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["training_topic.id"],
            name=op.f("fk_training_session_topic_topic_id_training_topic"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session_topic")),
        sa.UniqueConstraint(
            "session_id", "topic_id", name=op.f("uq_training_session_topic_session_id_topic_id")
        ),
    )
    with op.batch_alter_table("training_session_topic", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_session_topic_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("training_session_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_session_topic_session_id"))

    op.drop_table("training_session_topic")
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_training_attendance_observer_id"))

    op.drop_table("training_attendance")
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_session_hearing_id"))

    op.drop_table("training_session")
    with op.batch_alter_table("service_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_record_party_id"))
        batch_op.drop_index(batch_op.f("ix_service_record_hearing_id"))
        batch_op.drop_index(batch_op.f("ix_service_record_case_id"))

    op.drop_table("service_record")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_observer_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_hearing_id"))

    op.drop_table("invitation")
    with op.batch_alter_table("hearing_panel_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hearing_panel_member_staff_id"))
        batch_op.drop_index(batch_op.f("ix_hearing_panel_member_hearing_id"))

    op.drop_table("hearing_panel_member")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_kind"))
        batch_op.drop_index(batch_op.f("ix_document_hearing_id"))
        batch_op.drop_index(batch_op.f("ix_document_case_id"))

    op.drop_table("document")
    with op.batch_alter_table("party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_name"))
        batch_op.drop_index(batch_op.f("ix_party_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_party_case_id"))

    op.drop_table("party")
    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hearing_tribunal_id"))
        batch_op.drop_index("ix_hearing_starts_at")
        batch_op.drop_index(batch_op.f("ix_hearing_room_id"))
        batch_op.drop_index(batch_op.f("ix_hearing_host_enterprise_id"))
        batch_op.drop_index(batch_op.f("ix_hearing_clerk_id"))
        batch_op.drop_index(batch_op.f("ix_hearing_case_id"))

    op.drop_table("hearing")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_case_id"))

    op.drop_table("claim")
    with op.batch_alter_table("case_suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_suspension_case_id"))

    op.drop_table("case_suspension")
    with op.batch_alter_table("case_arbitrator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_arbitrator_staff_id"))
        batch_op.drop_index(batch_op.f("ix_case_arbitrator_case_id"))

    op.drop_table("case_arbitrator")
    with op.batch_alter_table("room", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_room_enterprise_id"))

    op.drop_table("room")
    with op.batch_alter_table("observer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observer_name"))
        batch_op.drop_index(batch_op.f("ix_observer_enterprise_id"))

    op.drop_table("observer")
    with op.batch_alter_table("arbitration_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_received_id")
        batch_op.drop_index(batch_op.f("ix_arbitration_case_tribunal_id"))
        batch_op.drop_index(batch_op.f("ix_arbitration_case_status"))
        batch_op.drop_index(batch_op.f("ix_arbitration_case_case_type"))

    op.drop_table("arbitration_case")
    with op.batch_alter_table("enterprise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enterprise_zone_id"))
        batch_op.drop_index(batch_op.f("ix_enterprise_normalised_name"))
        batch_op.drop_index(batch_op.f("ix_enterprise_name"))

    op.drop_table("enterprise")
    op.drop_table("circuit_tribunal")
    op.drop_table("zone")
    op.drop_table("training_topic")
    op.drop_table("staff")
    op.drop_table("setting")
    op.drop_table("legal_year")
    op.drop_table("legal_day")
    op.drop_table("case_number_counter")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_entity")
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
