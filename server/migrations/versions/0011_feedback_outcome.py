"""How a feedback item was closed: answered, refused, or forwarded to the competent body.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("outcome", sa.String(length=20), nullable=True))
    op.execute("UPDATE feedback SET outcome = 'answered' WHERE answered_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("outcome")
