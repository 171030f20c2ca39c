from __future__ import annotations

import pytest

from app.office import auth


@pytest.fixture
def supervisor(db) -> auth.Actor:
    with db.write() as session:
        auth.create_officer(session, "lanhdao", "Lê Văn Lãnh", "supervisor", "matkhau-lanhdao")
    return auth.Actor("lanhdao", "Lê Văn Lãnh", "supervisor")
