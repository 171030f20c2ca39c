"""Helpers for the data-protection tests."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail

from tests.conftest import INTAKE


class MemoryKeyring(KeyringBackend):
    """A working keyring that lives in this process (stands in for the Secret Service)."""

    # Not viable (so keyring never picks it on its own) until a test installs it.
    active = False

    @properties.classproperty
    def priority(cls) -> float:
        if not cls.active:
            raise RuntimeError("only for the tests that install it")
        return 5

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    MemoryKeyring.active = True
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)
    MemoryKeyring.active = False


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def keyring_gone() -> None:
    keyring.set_keyring(fail.Keyring())


SECRETS = [
    INTAKE["applicant"]["id_number"],
    INTAKE["applicant"]["full_name"],
    "nguyen van duc",
    INTAKE["applicant"]["phone"],
]


def files_holding_secrets(folder: Path) -> list[str]:
    """Every file under ``folder`` whose raw bytes hold a known applicant's data."""
    found = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        for secret in SECRETS:
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                if encoded in raw:
                    found.append(f"{path.relative_to(folder)}: {secret}")
    return found


@pytest.fixture
def db_factory():
    """Initialise a station in a given folder (the stores chosen at that moment)."""
    from app.office import auth
    from app.office.office_setup import SetupRequest, initialise
    from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD, OFFICE_CODE

    made = []

    def make(data_dir: Path, station_number: int = 1):
        db = initialise(
            data_dir,
            SetupRequest(
                OFFICE_CODE, "Ủy ban nhân dân xã Tân Lập", station_number, "admin", ADMIN_PASSWORD
            ),
        )
        with db.write() as session:
            auth.create_officer(session, "canbo1", "Trần Thị Hoa", "clerk", CLERK_PASSWORD)
        made.append(db)
        return db

    yield make
    for db in made:
        db.dispose()
