"""Citizens' satisfaction ratings, one per dossier per stage, never edited.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

No column names the officer on the counter: a rating is anonymous to the
officer it rates. The triggers make a stored rating unchangeable from the
station itself, whatever tool opens the database.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "satisfaction_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_id", "stage"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_satisfaction_rating_rated_at", "satisfaction_rating", ["rated_at"])
    op.execute(
        "CREATE TRIGGER satisfaction_rating_no_update BEFORE UPDATE ON satisfaction_rating "
        "BEGIN SELECT RAISE(ABORT, 'satisfaction ratings cannot be changed'); END"
    )
    op.execute(
        "CREATE TRIGGER satisfaction_rating_no_delete BEFORE DELETE ON satisfaction_rating "
        "BEGIN SELECT RAISE(ABORT, 'satisfaction ratings cannot be deleted'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS satisfaction_rating_no_delete")
    op.execute("DROP TRIGGER IF EXISTS satisfaction_rating_no_update")
    op.drop_index("ix_satisfaction_rating_rated_at", table_name="satisfaction_rating")
    op.drop_table("satisfaction_rating")
