"""A station that has an identity never starts again as a new one on a lost database."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.infra import datadir
from app.infra.storage import open_database
from app.office.office_setup import SetupRequest, initialise
from tests.conftest import ADMIN_PASSWORD, OFFICE_CODE


def _init(data_dir):
    return initialise(
        data_dir, SetupRequest(OFFICE_CODE, "UBND xã Tân Lập", 1, "admin", ADMIN_PASSWORD)
    )


@pytest.mark.parametrize("damage", ["empty", "missing"])
def test_a_lost_database_is_refused_not_recreated(db, data_dir, damage):
    db.dispose()
    path = datadir.db_path(data_dir)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    if damage == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
    with pytest.raises(DomainError) as err:
        open_database(data_dir)
    assert err.value.code == "database_missing"
    assert "restore" in err.value.message_vi
    with pytest.raises(DomainError) as err:
        _init(data_dir)
    assert err.value.code == "database_missing"
    assert not path.exists() or path.stat().st_size == 0
