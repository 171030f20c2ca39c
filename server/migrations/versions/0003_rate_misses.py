"""Misses counted in the database, so limits survive restarts and several workers.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_misses",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rate_misses")),
    )
    op.create_index("ix_rate_misses_key_at", "rate_misses", ["key", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_rate_misses_key_at", table_name="rate_misses")
    op.drop_table("rate_misses")
