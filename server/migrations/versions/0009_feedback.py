"""Citizens' feedback (phản ánh, kiến nghị) from the counters and the public page.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    json_type = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("register_year", sa.Integer(), nullable=False),
        sa.Column("register_line", sa.Integer(), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("sender_address", sa.Text(), nullable=False),
        sa.Column("sender_phone", sa.String(length=40), nullable=False),
        sa.Column("sender_email", sa.String(length=200), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("dossier_code", sa.String(length=60), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("due", json_type, nullable=False),
        sa.Column("lookup_hash", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by", sa.String(length=200), nullable=True),
        sa.Column("answer_source", sa.String(length=20), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_feedback_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
        sa.UniqueConstraint("code", name=op.f("uq_feedback_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_feedback_uuid")),
    )
    op.create_index(
        "ix_feedback_office_received", "feedback", ["office_id", "received_at"], unique=False
    )
    op.create_index(op.f("ix_feedback_dossier_code"), "feedback", ["dossier_code"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_feedback_dossier_code"), table_name="feedback")
    op.drop_index("ix_feedback_office_received", table_name="feedback")
    op.drop_table("feedback")
