"""Stations' data keys sealed to the server's key, one-time recovery codes, audit chain heads.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_escrows",
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("sealed_key", sa.Text(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("check", sa.String(length=32), nullable=False),
        sa.Column("deposited_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_key_escrows_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("station_id", name=op.f("pk_key_escrows")),
    )
    op.create_table(
        "key_recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_from", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_key_recovery_codes_station_id_stations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_recovery_codes")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_key_recovery_codes_code_hash")),
    )
    op.create_index(
        op.f("ix_key_recovery_codes_station_id"),
        "key_recovery_codes",
        ["station_id"],
        unique=False,
    )
    op.create_table(
        "audit_heads",
        sa.Column(
            "row_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("head_id", sa.BigInteger(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("seal", sa.String(length=64), nullable=True),
        sa.Column("station_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("flag", sa.String(length=20), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_audit_heads_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_audit_heads")),
    )
    op.create_index(
        "ix_audit_heads_station_row", "audit_heads", ["station_id", "row_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_audit_heads_station_row", table_name="audit_heads")
    op.drop_table("audit_heads")
    op.drop_index(op.f("ix_key_recovery_codes_station_id"), table_name="key_recovery_codes")
    op.drop_table("key_recovery_codes")
    op.drop_table("key_escrows")
