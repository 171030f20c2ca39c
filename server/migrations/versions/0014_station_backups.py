"""Stations' encrypted backups kept on the server.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_backups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("schema_version", sa.String(length=40), nullable=True),
        sa.Column("manifest", sa.Text(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name="fk_station_backups_office_id_offices"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_station_backups"),
        sa.UniqueConstraint("office_id", "station", "sha256", name="uq_station_backups_office_id"),
    )
    op.create_index(
        "ix_station_backups_office_station", "station_backups", ["office_id", "station"]
    )


def downgrade() -> None:
    op.drop_index("ix_station_backups_office_station", table_name="station_backups")
    op.drop_table("station_backups")
