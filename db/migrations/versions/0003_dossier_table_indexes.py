"""Indexes for the dossier table screen's filtered, newest-first pages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The counter's dossier table lists dossiers newest first, optionally filtered
by status, procedure or both. With these indexes SQLite walks one of them
backwards and stops after a page, instead of sorting (or skipping through)
every matching row of a million-dossier station.
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.create_index("ix_dossier_status_received", ["status", "received_at"])
        batch.create_index("ix_dossier_procedure_received", ["procedure_id", "received_at"])
        batch.create_index(
            "ix_dossier_status_procedure_received", ["status", "procedure_id", "received_at"]
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.drop_index("ix_dossier_status_procedure_received")
        batch.drop_index("ix_dossier_procedure_received")
        batch.drop_index("ix_dossier_status_received")
