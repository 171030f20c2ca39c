"""Asking a feedback's sender for more information, and when it arrived.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

The resolve-by date is counted again from the day the information arrives,
so ``resolve_by`` is rewritten then; these columns keep the request itself.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("info_request", sa.Text(), nullable=True))
        batch.add_column(sa.Column("info_requested_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("info_requested_by", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("info_supplied_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("info_supplied_at")
        batch.drop_column("info_requested_by")
        batch.drop_column("info_requested_at")
        batch.drop_column("info_request")
