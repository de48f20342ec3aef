"""mediation statements, awards with per-claim finality, recommendations and risk notices

claim gains its finality category and the tribunal's finality decision; mediation, award and
award_item hold the 调解书 and 裁决书; recommendation and risk_notice hold the 仲裁建议书 and
用工风险提示.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-07 20:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: nothing else needs the claim table rebuilt.
    op.add_column("claim", sa.Column("finality_category", sa.Enum(
        "remuneration", "injury_medical", "compensation", "standards", "other",
        name="finalitycategory", native_enum=False, length=30), nullable=True))
    op.add_column("claim", sa.Column("final", sa.Boolean(), nullable=True))
    op.create_table(
        "mediation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("draft", "issued", "effective", "failed", name="mediationstatus",
                                    native_enum=False, length=30), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("agreed_fen", sa.BigInteger(), nullable=True),
        sa.Column("result", sa.Enum("worker", "employer", "partly", name="caseresult", native_enum=False,
                                    length=30), nullable=True),
        sa.Column("statement_date", sa.Date(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("failed_on", sa.Date(), nullable=True),
        sa.Column("failed_party_id", sa.Integer(), nullable=True),
        sa.Column("failed_note", sa.String(length=300), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["arbitration_case.id"],
                                name=op.f("fk_mediation_case_id_arbitration_case"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["failed_party_id"], ["party.id"], name=op.f("fk_mediation_failed_party_id_party"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation")),
    )
    with op.batch_alter_table("mediation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediation_case_id"), ["case_id"], unique=False)
    op.create_table(
        "award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Enum("full", "partial", name="awardkind", native_enum=False, length=30),
                  nullable=False),
        sa.Column("status", sa.Enum("draft", "issued", "served", name="awardstatus", native_enum=False,
                                    length=30), nullable=False),
        sa.Column("award_date", sa.Date(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("result", sa.Enum("worker", "employer", "partly", name="caseresult", native_enum=False,
                                    length=30), nullable=True),
        sa.Column("split", sa.Boolean(), nullable=False),
        sa.Column("declined", sa.JSON(), nullable=False),
        sa.Column("threshold_fen", sa.BigInteger(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("served_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["arbitration_case.id"],
                                name=op.f("fk_award_case_id_arbitration_case"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award")),
    )
    with op.batch_alter_table("award", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_award_case_id"), ["case_id"], unique=False)
    op.create_table(
        "award_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("award_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("awarded_fen", sa.BigInteger(), nullable=True),
        sa.Column("category", sa.Enum("remuneration", "injury_medical", "compensation", "standards", "other",
                                      name="finalitycategory", native_enum=False, length=30), nullable=False),
        sa.Column("final", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["award_id"], ["award.id"], name=op.f("fk_award_item_award_id_award"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], name=op.f("fk_award_item_claim_id_claim"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_item")),
    )
    with op.batch_alter_table("award_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_award_item_award_id"), ["award_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_award_item_claim_id"), ["claim_id"], unique=False)
    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("enterprise_id", sa.Integer(), nullable=True),
        sa.Column("addressee", sa.String(length=200), nullable=False),
        sa.Column("practices", sa.JSON(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("reply_due", sa.Date(), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["arbitration_case.id"],
                                name=op.f("fk_recommendation_case_id_arbitration_case"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["enterprise_id"], ["enterprise.id"],
                                name=op.f("fk_recommendation_enterprise_id_enterprise"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation")),
    )
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recommendation_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recommendation_enterprise_id"), ["enterprise_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recommendation_issued_on"), ["issued_on"], unique=False)
    op.create_table(
        "risk_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("case_ids", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("training_session_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["training_session_id"], ["training_session.id"],
                                name=op.f("fk_risk_notice_training_session_id_training_session"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["zone_id"], ["zone.id"], name=op.f("fk_risk_notice_zone_id_zone"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_notice")),
    )
    with op.batch_alter_table("risk_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_notice_training_session_id"), ["training_session_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_risk_notice_zone_id"), ["zone_id"], unique=False)


def downgrade() -> None:
    for table, indexes in (("risk_notice", ("ix_risk_notice_zone_id", "ix_risk_notice_training_session_id")),
                           ("recommendation", ("ix_recommendation_issued_on", "ix_recommendation_enterprise_id",
                                               "ix_recommendation_case_id")),
                           ("award_item", ("ix_award_item_claim_id", "ix_award_item_award_id")),
                           ("award", ("ix_award_case_id",)),
                           ("mediation", ("ix_mediation_case_id",))):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in indexes:
                batch_op.drop_index(name)
        op.drop_table(table)
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("final")
        batch_op.drop_column("finality_category")
