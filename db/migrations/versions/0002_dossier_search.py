"""Folded-name full-text index for dossier look-up.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

SQLite's own diacritic removal does not turn đ into d, so the index holds
text already folded by app.domain.text.fold, kept up to date by the
application in the same transaction as the dossier row.
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# A migration keeps its own copy of the folding it applied in 2026-11, so a
# later change to app.domain.text cannot change what this step did, and db/
# never imports app/.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE dossier_search USING fts5("
        "name, tokenize = 'unicode61', prefix = '2 3')"
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT d.id, a.full_name FROM dossier d JOIN applicant a ON a.id = d.applicant_id"
        )
    ).all()
    if rows:
        conn.execute(
            sa.text("INSERT INTO dossier_search(rowid, name) VALUES (:id, :name)"),
            [{"id": r[0], "name": fold(r[1])} for r in rows],
        )
    with op.batch_alter_table("dossier") as batch:
        batch.create_index("ix_dossier_status_due", ["status", "due_at"])


def downgrade() -> None:
    with op.batch_alter_table("dossier") as batch:
        batch.drop_index("ix_dossier_status_due")
    op.execute("DROP TABLE dossier_search")
