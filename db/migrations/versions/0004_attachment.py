"""Digitized components: one stored PDF per dossier component.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

The file itself lives in the data folder's content-addressed store, named by
its SHA-256; this table records which component it belongs to and how it was
made (pages, resolution, source, officer, time), or which earlier dossier's
file was reused.
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_component_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("officer", sa.String(length=80), nullable=True),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.Column("reused_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_component_id"], ["dossier_component.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["reused_from"], ["attachment.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_component_id"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
    op.drop_table("attachment")
