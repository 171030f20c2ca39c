"""Rotating station tokens: when the current one was issued, and retired ones in grace.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("token_issued_at", sa.DateTime(), nullable=True))
    # Tokens issued before this release count from the upgrade, not from 0.
    op.execute(
        sa.text("UPDATE stations SET token_issued_at = enrolled_at WHERE token_hash IS NOT NULL")
    )
    op.create_table(
        "station_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_station_tokens_station_id_stations"),
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_station_tokens")),
    )
    op.create_index(
        op.f("ix_station_tokens_station_id"), "station_tokens", ["station_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_station_tokens_station_id"), table_name="station_tokens")
    op.drop_table("station_tokens")
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("token_issued_at")
