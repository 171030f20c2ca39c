"""Where each stored file stands in its upload to the central server.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

Keeping the server's upload address and the last acknowledged offset here
lets a restarted station resume an interrupted upload instead of starting
again; ``uploaded_at`` marks a file the server holds and verified.
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload_state",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("upload_url", sa.String(length=500), nullable=True),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )


def downgrade() -> None:
    op.drop_table("upload_state")
