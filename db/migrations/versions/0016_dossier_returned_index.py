"""An index on when a dossier was handed over, beside when it was received.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

A report of a period counts the older dossiers handed over within it. Without
this index finding them meant reading every dossier ever received (a yearly
report over a million dossiers spent most of its time there); with it the
report reads the hand-overs from the period's start on and keeps those
received before it, from the index alone.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_returned_received", "dossier", ["returned_at", "received_at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_returned_received", table_name="dossier")
