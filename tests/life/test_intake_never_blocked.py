"""Intake as the law runs it: same-day civil status, 'after 15:00' strictly, no blocking."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.dossiers import dossier_query
from app.dossiers import intake as intake_uc
from app.office import catalogue
from app.office.catalogue_seed import load_seed
from db.models import Procedure
from tests.conftest import snapshot

MONDAY = datetime(2026, 3, 2)


def _at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return MONDAY.replace(hour=hour, minute=minute, second=second)


def _data(intake, procedure, at, components=None):
    data = copy.deepcopy(intake)
    data["procedure"] = procedure
    data["received_at"] = at.isoformat()
    if components is not None:
        data["components"] = components
    return data


ONE = [{"index": 1, "originals": 1, "copies": 0}]
DEATH = [{"index": 1, "originals": 1, "copies": 0}, {"index": 2, "originals": 1, "copies": 0}]


def test_every_seeded_procedure_is_receivable_from_a_fresh_init(db, clerk, supervisor, intake):
    """Before: 11 of the 33 procedures were refused for want of a processing time."""
    seed = load_seed()
    for proc in seed.procedures:
        comps = [
            {"index": c.index, "originals": 1, "copies": 0}
            for c in proc.components
            if c.required and c.verified
        ] or [{"index": 1, "originals": 1, "copies": 0}]
        data = _data(intake, proc.code, _at(9), comps)
        if proc.processing_value is None:
            data["due_at"] = "2026-03-20T16:00:00"
        got = intake_uc.receive(db, clerk, data, now=_at(9), confirm_by=supervisor.username)
        assert got.due_at is not None, proc.code


def test_death_registration_is_receivable_and_due_the_same_day(db, clerk, intake):
    got = intake_uc.receive(db, clerk, _data(intake, "1.000656", _at(9), DEATH), now=_at(9))
    assert got.due_at == _at(17, 30)


@pytest.mark.parametrize(
    "received, due",
    [
        (_at(9), _at(17, 30)),
        (_at(15, 0, 0), _at(17, 30)),
        (_at(15, 0, 1), datetime(2026, 3, 3, 17, 30)),
        (_at(16, 45), datetime(2026, 3, 3, 17, 30)),
    ],
)
def test_birth_registration_same_day_and_next_day_only_strictly_after_15h(
    db, clerk, intake, received, due
):
    got = intake_uc.receive(db, clerk, _data(intake, "1.001193", received), now=_at(17))
    assert got.due_at == due


def test_marriage_defaults_to_the_same_day_and_the_clerk_may_choose_up_to_five(db, clerk, intake):
    comps = [{"index": 1, "originals": 1, "copies": 0}]
    plain = intake_uc.receive(db, clerk, _data(intake, "1.000894", _at(9), comps), now=_at(9))
    assert plain.due_at == _at(17, 30)
    data = _data(intake, "1.000894", _at(9), comps)
    data["processing_days"] = 5
    assert intake_uc.receive(db, clerk, data, now=_at(9)).due_at == datetime(2026, 3, 9, 9, 0)
    data["processing_days"] = 6
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        intake_uc.receive(db, clerk, data, now=_at(9))
    assert info.value.code == "bad_processing_days"
    assert snapshot(db.path) == before


def test_a_procedure_without_time_takes_a_date_a_supervisor_confirms(db, clerk, supervisor, intake):
    data = _data(intake, "1.004884", _at(9), ONE)
    before = snapshot(db.path)
    with pytest.raises(DomainError) as missing:
        intake_uc.receive(db, clerk, data, now=_at(9))
    assert missing.value.code == "missing_due_at" and "lãnh đạo" in missing.value.message_vi
    data["due_at"] = "2026-03-06T16:00:00+07:00"
    with pytest.raises(DomainError) as unconfirmed:
        intake_uc.receive(db, clerk, data, now=_at(9))
    assert unconfirmed.value.code == "needs_supervisor"
    with pytest.raises(DomainError) as by_clerk:
        intake_uc.receive(db, clerk, data, now=_at(9), confirm_by="canbo1")
    assert by_clerk.value.code == "forbidden"
    assert snapshot(db.path) == before
    got = intake_uc.receive(db, clerk, data, now=_at(9), confirm_by="lanhdao")
    assert got.due_at == datetime(2026, 3, 6, 16, 0)
    view = dossier_query.detail(db, clerk, got.code)
    assert view.due_confirmed_by == "lanhdao"
    assert "lanhdao" in view.history[0].note


def test_office_edits_survive_a_catalogue_refresh(db, supervisor):
    from app.office import catalogue_edit

    edit = catalogue_edit.ProcedureEdit(processing="05 ngày làm việc", result_place="Quầy 2")
    catalogue_edit.set_procedure(db, supervisor, "1.004884", edit)
    with db.write() as session:
        catalogue.import_seed(session)
    with db.read() as session:
        row = session.scalar(select(Procedure).where(Procedure.code == "1.004884"))
        assert (row.processing_value, row.processing_unit) == (5, "working_days")
        assert row.result_place == "Quầy 2"
        assert sorted(row.office_edits) == [
            "processing_max_value",
            "processing_unit",
            "processing_value",
            "result_place",
        ]


def test_a_clerk_cannot_edit_the_catalogue_and_an_unreadable_time_writes_nothing(
    db, clerk, supervisor
):
    from app.office import catalogue_edit

    before = snapshot(db.path)
    with pytest.raises(DomainError) as forbidden:
        catalogue_edit.set_procedure(
            db, clerk, "1.004884", catalogue_edit.ProcedureEdit(processing="05 ngày làm việc")
        )
    assert forbidden.value.code == "forbidden"
    with pytest.raises(DomainError) as unread:
        catalogue_edit.set_procedure(
            db, supervisor, "1.004884", catalogue_edit.ProcedureEdit(processing="theo quy định")
        )
    assert unread.value.code == "unparsed_processing"
    assert snapshot(db.path) == before
