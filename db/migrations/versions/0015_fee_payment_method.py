"""How a fee was paid: cash, transfer, online (the national portal) or POS card.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Nullable: fees recorded paid before this column, or without saying how, stay
unknown and are left out of the cashless share.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.add_column(sa.Column("fee_payment_method", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.drop_column("fee_payment_method")
