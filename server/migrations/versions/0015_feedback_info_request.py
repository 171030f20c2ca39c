"""Feedback: when the counter asked the sender for more information, and when it came.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("info_requested_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("info_supplied_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("info_supplied_at")
        batch.drop_column("info_requested_at")
