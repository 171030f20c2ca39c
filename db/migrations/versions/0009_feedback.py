"""The feedback register (phản ánh, kiến nghị) with its deadlines and answer.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("register_year", sa.Integer(), nullable=False),
        sa.Column("register_line", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("sender_address", sa.Text(), nullable=False),
        sa.Column("sender_phone", sa.String(length=40), nullable=False),
        sa.Column("sender_email", sa.String(length=200), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("dossier_code", sa.String(length=60), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=True),
        sa.Column("lookup_secret", sa.String(length=40), nullable=False),
        sa.Column("reject_by", sa.Date(), nullable=False),
        sa.Column("request_info_by", sa.Date(), nullable=True),
        sa.Column("forward_by", sa.Date(), nullable=True),
        sa.Column("resolve_by", sa.Date(), nullable=False),
        sa.Column("publish_by", sa.Date(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by", sa.String(length=200), nullable=True),
        sa.Column("answer_source", sa.String(length=20), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("register_year", "station_id", "register_line"),
    )
    op.create_index("ix_feedback_open", "feedback", ["answered_at", "resolve_by"])
    op.create_index("ix_feedback_received_at", "feedback", ["received_at"])
    op.create_index("ix_feedback_dossier_code", "feedback", ["dossier_code"])


def downgrade() -> None:
    op.drop_index("ix_feedback_dossier_code", table_name="feedback")
    op.drop_index("ix_feedback_received_at", table_name="feedback")
    op.drop_index("ix_feedback_open", table_name="feedback")
    op.drop_table("feedback")
