"""How a fee was paid, as the station records it (cash, transfer, online, pos).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: fees synced before, or paid without saying how, stay unknown.
    op.add_column("dossiers", sa.Column("fee_payment_method", sa.String(length=10), nullable=True))


def downgrade() -> None:
    op.drop_column("dossiers", "fee_payment_method")
