"""The data key: where it is kept, what happens when the store loses it, the recovery code."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.infra import datadir
from app.infra.storage import open_database
from app.protect import dpapi, keys, recovery
from tests.conftest import INTAKE
from tests.protect.conftest import keyring_gone


def restore(data_dir: Path, code: str, stores=None) -> str:
    return recovery.restore_from_code(data_dir, datadir.db_path(data_dir), code, stores)


def test_without_a_keyring_the_key_is_in_a_file_only_the_user_reads(no_keyring, db, data_dir: Path):
    record = json.loads((data_dir / keys.RECORD_NAME).read_text())
    assert record["store"] == "file"
    key_file = data_dir / keys.FILE_KEY_NAME
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert bytes.fromhex(key_file.read_text()) == db.key
    assert len(db.key) == 32


def test_keyring_holds_the_key_and_losing_the_keyring_is_a_clear_message(
    memory_keyring, tmp_path: Path, db_factory, clerk, fixed_now
):
    data_dir = tmp_path / "station"
    db = db_factory(data_dir)
    assert json.loads((data_dir / keys.RECORD_NAME).read_text())["store"] == "keyring"
    assert not (data_dir / keys.FILE_KEY_NAME).exists()
    assert db.key.hex() in memory_keyring.entries.values()
    code = keys.recovery_code(db.key)
    dossier = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    db.dispose()

    keys.forget_cached()
    keyring_gone()
    with pytest.raises(DomainError) as err:
        open_database(data_dir)
    assert err.value.code == "key_lost"
    assert "restore-key" in err.value.message_vi

    # Back with the printed code: the key now goes to the file store.
    assert (
        recovery.restore_from_code(
            data_dir, datadir.db_path(data_dir), code.lower().replace("-", " ")
        )
        == "file"
    )
    keys.forget_cached()
    again = open_database(data_dir)
    try:
        assert [d.code for d in lookup.lookup(again, clerk, dossier.code).items] == [dossier.code]
    finally:
        again.dispose()


def test_dpapi_keeps_the_key_and_a_password_reset_needs_the_code(tmp_path: Path):
    api = dpapi.FakeDpapi()
    stores = [keys.DpapiStore(api), keys.FileStore()]
    data_dir = tmp_path / "station"
    key = keys.new_key(data_dir, stores)
    record = json.loads((data_dir / keys.RECORD_NAME).read_text())
    assert record["store"] == "dpapi"
    assert key.hex() not in json.dumps(record)
    assert not (data_dir / keys.FILE_KEY_NAME).exists()
    keys.forget_cached()
    assert keys.load_key(data_dir, stores) == key

    api.reset_password()
    keys.forget_cached()
    with pytest.raises(DomainError) as err:
        keys.load_key(data_dir, stores)
    assert err.value.code == "key_lost"
    assert (
        recovery.restore_from_code(
            data_dir, datadir.db_path(data_dir), keys.recovery_code(key), stores
        )
        == "dpapi"
    )
    keys.forget_cached()
    assert keys.load_key(data_dir, stores) == key


def test_dpapi_refusing_falls_back_to_the_next_store(tmp_path: Path):
    class Refusing(dpapi.FakeDpapi):
        def protect(self, data: bytes) -> bytes:
            raise dpapi.DpapiError("no profile loaded")

    data_dir = tmp_path / "station"
    stores = [keys.DpapiStore(Refusing()), keys.FileStore()]
    key = keys.new_key(data_dir, stores)
    assert json.loads((data_dir / keys.RECORD_NAME).read_text())["store"] == "file"
    keys.forget_cached()
    assert keys.load_key(data_dir, stores) == key


def test_a_deleted_key_file_is_key_lost_not_a_new_station(db, data_dir: Path):
    db.dispose()
    (data_dir / keys.FILE_KEY_NAME).unlink()
    keys.forget_cached()
    with pytest.raises(DomainError) as err:
        open_database(data_dir)
    assert err.value.code == "key_lost"
    assert datadir.db_path(data_dir).stat().st_size > 0


def test_another_stations_code_and_a_typo_are_refused_and_change_nothing(db, data_dir: Path):
    db.dispose()
    record_before = (data_dir / keys.RECORD_NAME).read_bytes()
    other = keys.recovery_code(bytes(range(32)))
    with pytest.raises(DomainError) as err:
        restore(data_dir, other)
    assert err.value.code == "wrong_key"
    good = keys.recovery_code(db.key)
    for pos in (7, len(good) - 1):  # the last character carries unused bits too
        typo = good[:pos] + ("A" if good[pos] != "A" else "B") + good[pos + 1 :]
        with pytest.raises(DomainError) as err:
            restore(data_dir, typo)
        assert err.value.code == "bad_recovery_code"
    assert (data_dir / keys.RECORD_NAME).read_bytes() == record_before


def test_the_code_alone_brings_the_key_to_a_fresh_folder(db, data_dir: Path, tmp_path: Path):
    # key.json gone too (a new PC): the code is checked against the database itself.
    db.dispose()
    (data_dir / keys.RECORD_NAME).unlink()
    (data_dir / keys.FILE_KEY_NAME).unlink()
    keys.forget_cached()
    with pytest.raises(DomainError):
        recovery.restore_from_code(
            data_dir, datadir.db_path(data_dir), keys.recovery_code(bytes(32))
        )
    restore(data_dir, keys.recovery_code(db.key))
    keys.forget_cached()
    open_database(data_dir).dispose()
