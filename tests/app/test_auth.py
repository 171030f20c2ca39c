from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.domain.errors import DomainError
from app.office import auth, catalogue
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD

NOW = datetime(2026, 3, 2, 8, 0)


def test_login_with_right_password(db):
    actor = auth.login(db, "canbo1", CLERK_PASSWORD, NOW)
    assert (actor.username, actor.role) == ("canbo1", "clerk")


def test_passwords_are_argon2id_hashes(db):
    from sqlalchemy import select

    from db.models import Officer

    with db.read() as session:
        hashes = session.scalars(select(Officer.password_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert all(ADMIN_PASSWORD not in h for h in hashes)


def test_repeated_failures_lock_the_account_for_a_while(db):
    for _ in range(5):
        with pytest.raises(DomainError) as info:
            auth.login(db, "canbo1", "sai-mat-khau", NOW)
        assert info.value.code == "bad_login"
    # Even the right password is refused while the lock lasts.
    with pytest.raises(DomainError) as info:
        auth.login(db, "canbo1", CLERK_PASSWORD, NOW + timedelta(minutes=1))
    assert info.value.code == "account_locked"
    assert auth.login(db, "canbo1", CLERK_PASSWORD, NOW + timedelta(minutes=3))


def test_unknown_user_and_wrong_password_look_the_same(db):
    messages = []
    for user in ("khongco", "admin"):
        with pytest.raises(DomainError) as info:
            auth.login(db, user, "sai-mat-khau", NOW)
        messages.append(info.value.message_vi)
    assert messages[0] == messages[1]


def test_clerk_cannot_edit_fees_but_supervisor_can(db, clerk):
    with pytest.raises(DomainError) as info:
        catalogue.set_fee(db, clerk, "1.004873", 15000)
    assert info.value.code == "forbidden"
    boss = auth.Actor("lanhdao", "Lê Văn Minh", "supervisor")
    catalogue.set_fee(db, boss, "1.004873", 15000)
    fee = {p.code: p.fee_amount for p in catalogue.list_procedures(db)}["1.004873"]
    assert fee == 15000


def test_edited_fee_survives_a_catalogue_refresh(db, admin):
    catalogue.set_fee(db, admin, "1.004873", 15000)
    with db.write() as session:
        catalogue.import_seed(session)
    fee = {p.code: p.fee_amount for p in catalogue.list_procedures(db)}["1.004873"]
    assert fee == 15000


def test_role_ladder():
    clerk = auth.Actor("a", "A", "clerk")
    admin = auth.Actor("b", "B", "admin")
    assert auth.can(admin, "settings.office") and not auth.can(clerk, "settings.office")
    assert auth.can(clerk, "dossier.receive")


@pytest.mark.parametrize(
    ("username", "password", "code"),
    [
        ("A B", "matkhau123", "bad_username"),
        ("canbo2", "ngan", "weak_password"),
        ("canbo1", "matkhau123", "duplicate_username"),
    ],
)
def test_officer_creation_rules(db, username, password, code):
    with pytest.raises(DomainError) as info, db.write() as session:
        auth.create_officer(session, username, "Tên", "clerk", password)
    assert info.value.code == code
