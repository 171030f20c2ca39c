"""A dossier's whole life: deadlines that move, timeliness, channels, fees, applicants.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Adds what the law asks the counter to keep about a dossier after intake: the
first appointment beside the current one (an extension moves ``due_at``),
the time the clock stood still while the citizen gathered papers, whether the
result was early, on time or late when it was ready and when it was handed
over, cancellations of entries made in error (kept, never deleted), postal
intake and return, fee exemptions and per-page counts. Procedures gain a
maximum for "the clerk chooses" processing times, fee rules, exemption
categories and the list of fields the office edited itself (kept across a
catalogue refresh). Applicants gain the kind of paper, its nationality and
how precisely the birth date is known (year, month or day).

Existing rows keep working: every new column is nullable or has a default,
and ``original_due_at`` is filled from ``due_at``. Defaults are plain strings
on purpose: an SQL expression as a default makes Alembic rebuild the table in
batch mode, and dropping the old ``dossier`` table with foreign keys on would
cascade to every dossier's components and status history.
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("procedure") as batch:
        batch.add_column(sa.Column("processing_max_value", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("fee_rule", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("fee_exemptions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("office_edits", sa.JSON(), nullable=True))
    with op.batch_alter_table("applicant") as batch:
        batch.add_column(sa.Column("document_type", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("nationality", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("birth_date_precision", sa.String(length=5), nullable=True))
    with op.batch_alter_table("dossier_component") as batch:
        batch.add_column(sa.Column("pages", sa.Integer(), nullable=True))
    with op.batch_alter_table("dossier") as batch:
        batch.add_column(sa.Column("original_due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("due_confirmed_by", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("paused_at", sa.DateTime(), nullable=True))
        batch.add_column(
            sa.Column(
                "paused_working_days", sa.Float(), nullable=False, server_default="0"
            )
        )
        batch.add_column(
            sa.Column("extensions", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("timeliness", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("return_timeliness", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("cancelled_by", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("cancel_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("fee_exemption", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("postal_address", sa.Text(), nullable=True))
        batch.add_column(sa.Column("postal_tracking", sa.String(length=60), nullable=True))
        batch.add_column(
            sa.Column(
                "return_by_post", sa.Boolean(), nullable=False, server_default="0"
            )
        )
        batch.add_column(sa.Column("return_address", sa.Text(), nullable=True))
        batch.create_index("ix_dossier_timeliness", ["timeliness"])
    op.execute("UPDATE dossier SET original_due_at = due_at WHERE original_due_at IS NULL")
    # Dossiers already resolved or returned before this version: when the
    # history says when the result was ready, record it and classify.
    op.execute(
        """
        UPDATE dossier SET resolved_at = (
            SELECT MIN(h.at) FROM status_history h
            WHERE h.dossier_id = dossier.id AND h.status = 9
        ) WHERE status IN (9, 10)
        """
    )
    for column, at in (("timeliness", "resolved_at"), ("return_timeliness", "returned_at")):
        op.execute(
            f"""
            UPDATE dossier SET {column} = CASE
                WHEN due_at IS NULL OR {at} IS NULL THEN NULL
                WHEN {at} > due_at THEN 'late'
                WHEN date({at}) < date(due_at) THEN 'early'
                ELSE 'on_time' END
            WHERE status IN (9, 10)
            """
        )


_ADDED = {
    "dossier": (
        "original_due_at",
        "due_confirmed_by",
        "paused_at",
        "paused_working_days",
        "extensions",
        "resolved_at",
        "timeliness",
        "return_timeliness",
        "cancelled_at",
        "cancelled_by",
        "cancel_reason",
        "fee_exemption",
        "postal_address",
        "postal_tracking",
        "return_by_post",
        "return_address",
    ),
    "dossier_component": ("pages",),
    "applicant": ("document_type", "nationality", "birth_date_precision"),
    "procedure": ("processing_max_value", "fee_rule", "fee_exemptions", "office_edits"),
}


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), never a batch copy of the table: copying
    # drops the old dossier table, and with foreign keys on that would cascade
    # to every dossier's components and status history.
    op.drop_index("ix_dossier_timeliness", table_name="dossier")
    for table, columns in _ADDED.items():
        for column in columns:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
