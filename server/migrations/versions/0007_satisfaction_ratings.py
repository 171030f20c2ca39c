"""Citizens' satisfaction ratings, one per dossier and stage, from stations and the public page.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "satisfaction_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"]),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_id", "stage"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index(
        "ix_satisfaction_ratings_office_rated", "satisfaction_ratings", ["office_id", "rated_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_satisfaction_ratings_office_rated", table_name="satisfaction_ratings")
    op.drop_table("satisfaction_ratings")
