"""A hash chain and a daily-evolving HMAC over the audit log.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

Each audit entry carries SHA-256(canonical entry ‖ previous hash) and an
HMAC of that hash under a key that is replaced by its own hash every day,
so an edited, deleted or reordered entry breaks the chain. Entries written
before this revision stay unchained; ``audit_key.chain_start`` says where
the chain begins so nobody can move that line later.
"""

import os

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("chain_mac", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("mac_day", sa.Date(), nullable=True))
    op.create_table(
        "audit_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("chain_start", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    bind = op.get_bind()
    last = bind.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM audit_log")).scalar()
    bind.execute(
        sa.text(
            "INSERT INTO audit_key (id, day, key, chain_start, head_id, head_hash) "
            "VALUES (1, '2000-01-01', :key, :start, :start, '')"
        ),
        {"key": os.urandom(32), "start": last},
    )


def downgrade() -> None:
    op.drop_table("audit_key")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("mac_day")
        batch.drop_column("chain_mac")
        batch.drop_column("chain_hash")
