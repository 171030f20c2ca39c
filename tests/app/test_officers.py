"""Officers managed at the station: added, reset, deactivated; one's own password."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.office import auth, officers
from db.models import AuditLog
from tests.conftest import ADMIN_PASSWORD, CLERK_PASSWORD


def test_an_admin_adds_an_officer_who_can_then_sign_in(db, admin, fixed_now):
    row = officers.add(db, admin, "Canbo2", " Lê  Văn Nam ", "supervisor", "mat-khau-dau", None)
    assert (row.username, row.full_name, row.role, row.active) == (
        "canbo2",
        "Lê Văn Nam",
        "supervisor",
        True,
    )
    assert auth.login(db, "canbo2", "mat-khau-dau", fixed_now).role == "supervisor"
    names = [o.username for o in officers.list_officers(db, admin)]
    assert names == sorted(names) and "canbo2" in names
    with pytest.raises(DomainError) as caught:
        officers.add(db, admin, "canbo2", "Người khác", "clerk", "mat-khau-dau")
    assert caught.value.code == "duplicate_username"
    with pytest.raises(DomainError) as caught:
        officers.add(db, admin, "canbo3", "Người khác", "clerk", "ngan")
    assert caught.value.field == "password"


def test_a_clerk_manages_no_one(db, clerk):
    for call in (
        lambda: officers.list_officers(db, clerk),
        lambda: officers.add(db, clerk, "canbo9", "Ai Đó", "admin", "mat-khau-dau"),
        lambda: officers.reset_password(db, clerk, "admin", "mat-khau-moi"),
        lambda: officers.set_active(db, clerk, "admin", False),
    ):
        with pytest.raises(DomainError) as caught:
            call()
        assert caught.value.code == "forbidden"


def test_a_reset_password_ends_a_lock_out(db, admin, fixed_now):
    for _ in range(5):
        with pytest.raises(DomainError):
            auth.login(db, "canbo1", "sai-mat-khau", fixed_now)
    with pytest.raises(DomainError) as caught:
        auth.login(db, "canbo1", CLERK_PASSWORD, fixed_now)
    assert caught.value.code == "account_locked"
    rows = officers.list_officers(db, admin, fixed_now)
    assert [o.locked for o in rows if o.username == "canbo1"] == [True]
    officers.reset_password(db, admin, "canbo1", "mat-khau-moi-1", fixed_now)
    assert auth.login(db, "canbo1", "mat-khau-moi-1", fixed_now).username == "canbo1"
    with pytest.raises(DomainError):
        auth.login(db, "canbo1", CLERK_PASSWORD, fixed_now)


def test_a_deactivated_officer_cannot_sign_in_and_the_last_admin_stays(db, admin, fixed_now):
    officers.set_active(db, admin, "canbo1", False, fixed_now)
    with pytest.raises(DomainError) as caught:
        auth.login(db, "canbo1", CLERK_PASSWORD, fixed_now)
    assert caught.value.code == "bad_login"
    officers.set_active(db, admin, "canbo1", True, fixed_now)
    assert auth.login(db, "canbo1", CLERK_PASSWORD, fixed_now).username == "canbo1"
    with pytest.raises(DomainError) as caught:
        officers.set_active(db, admin, "admin", False, fixed_now)
    assert caught.value.code == "self_deactivate"
    officers.add(db, admin, "quantri2", "Trần Quản", "admin", "mat-khau-qt2")
    other = auth.login(db, "quantri2", "mat-khau-qt2", fixed_now)
    officers.set_active(db, other, "admin", False, fixed_now)
    # A window still open for the deactivated admin cannot lock out the last one left.
    with pytest.raises(DomainError) as caught:
        officers.set_active(db, admin, "quantri2", False, fixed_now)
    assert caught.value.code == "last_admin"
    with db.read() as session:
        actions = session.scalars(select(AuditLog.action).where(AuditLog.action.like("officer.%")))
        assert {"officer.deactivate", "officer.activate", "officer.add"} <= set(actions)


def test_anyone_changes_their_own_password_with_the_current_one(db, clerk, fixed_now):
    with pytest.raises(DomainError) as caught:
        officers.change_own_password(db, clerk, "sai-mat-khau", "mat-khau-moi-2", fixed_now)
    assert caught.value.field == "current_password"
    with pytest.raises(DomainError) as caught:
        officers.change_own_password(db, clerk, CLERK_PASSWORD, CLERK_PASSWORD, fixed_now)
    assert caught.value.code == "same_password"
    officers.change_own_password(db, clerk, CLERK_PASSWORD, "mat-khau-moi-2", fixed_now)
    assert auth.login(db, "canbo1", "mat-khau-moi-2", fixed_now).username == "canbo1"
    assert auth.login(db, "admin", ADMIN_PASSWORD, fixed_now).username == "admin"
