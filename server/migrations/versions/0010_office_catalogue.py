"""An office's own catalogue edits, kept on the server and handed to its other stations.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch:
        batch.add_column(
            sa.Column("catalogue_version", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "office_procedures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column(
            "edits",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("edited_at", sa.DateTime(), nullable=False),
        sa.Column("edited_by", sa.String(length=40), nullable=True),
        sa.Column("station", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name="fk_office_procedures_office_id_offices"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_office_procedures"),
        sa.UniqueConstraint("office_id", "code", name="uq_office_procedures_office_id"),
    )


def downgrade() -> None:
    op.drop_table("office_procedures")
    with op.batch_alter_table("offices") as batch:
        batch.drop_column("catalogue_version")
