"""Prefix indexes of 2 to 6 letters on the folded-name search.

Revision ID: 0013
Revises: 0012

The word a clerk is still typing matches by prefix. FTS5 answers a prefix
from its own index only for the lengths it was built with (2 and 3 until
now); a longer one ("quan", matching Quân and every Quang) is gathered
term by term before the newest fifty can be picked, up to thirty times the
time of a whole word on a million dossiers. Vietnamese syllables have at most
seven letters, so lengths 2 to 6 cover every prefix short of a whole word.
The index is rebuilt from the folded names it already holds.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def _rebuild(prefix: str) -> None:
    op.execute(
        "CREATE VIRTUAL TABLE dossier_search_new USING fts5("
        f"name, tokenize = 'unicode61', prefix = '{prefix}')"
    )
    op.execute("INSERT INTO dossier_search_new(rowid, name) SELECT rowid, name FROM dossier_search")
    op.execute("DROP TABLE dossier_search")
    op.execute("ALTER TABLE dossier_search_new RENAME TO dossier_search")


def upgrade() -> None:
    _rebuild("2 3 4 5 6")


def downgrade() -> None:
    _rebuild("2 3")
