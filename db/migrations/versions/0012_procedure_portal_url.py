"""A procedure's page on the national public-service portal (printed as the guide's QR).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("procedure") as batch:
        batch.add_column(sa.Column("portal_url", sa.String(length=500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("procedure") as batch:
        batch.drop_column("portal_url")
