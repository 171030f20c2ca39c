from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.domain.status import Status
from app.dossiers import intake as intake_uc
from app.dossiers import lookup, progress
from db.models import OutboxEvent
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 9, 30)


def _receive(db, actor, data, **applicant):
    data["applicant"].update(applicant)
    return intake_uc.receive(db, actor, data, now=NOW)


@pytest.fixture
def three(db, clerk, intake):
    import copy

    a = _receive(db, clerk, copy.deepcopy(intake))
    b = _receive(
        db,
        clerk,
        copy.deepcopy(intake),
        full_name="Trần Thị Đào",
        id_number="001185000111",
        birth_date="1985-07-01",
        sex="Nữ",
    )
    c = _receive(
        db,
        clerk,
        copy.deepcopy(intake),
        full_name="Nguyễn Thị Ánh Dương",
        id_number="079302000222",
        birth_date="2002-05-05",
        sex="Nữ",
    )
    return a, b, c


def test_lookup_by_exact_code(db, clerk, three):
    a, b, _ = three
    result = lookup.lookup(db, clerk, b.code)
    assert result.kind == "code"
    assert [d.code for d in result.items] == [b.code]


def test_lookup_by_scanned_receipt_qr(db, clerk, three):
    a = three[0]
    result = lookup.lookup(db, clerk, a.lookup_url)
    assert [d.code for d in result.items] == [a.code]


def test_lookup_by_id_number_and_by_card_qr(db, clerk, three):
    b = three[1]
    assert [d.code for d in lookup.lookup(db, clerk, "001185000111").items] == [b.code]
    card = "001185000111||Trần Thị Đào|01071985|Nữ|Hà Nội|01012022"
    result = lookup.lookup(db, clerk, card)
    assert result.kind == "id_number"
    assert [d.code for d in result.items] == [b.code]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("nguyen", {"Nguyễn Văn Đức", "Nguyễn Thị Ánh Dương"}),
        ("NGUYỄN thị", {"Nguyễn Thị Ánh Dương"}),
        ("dao", {"Trần Thị Đào"}),
        ("Đào", {"Trần Thị Đào"}),
        ("duc", {"Nguyễn Văn Đức"}),
        ("ng th an", {"Nguyễn Thị Ánh Dương"}),
        ("le", set()),
    ],
)
def test_lookup_by_folded_name(db, clerk, three, query, names):
    result = lookup.lookup(db, clerk, query)
    assert result.kind == "name"
    assert {d.applicant_name for d in result.items} == names


def test_empty_lookup_is_refused(db, clerk):
    with pytest.raises(DomainError, match="Hãy nhập"):
        lookup.lookup(db, clerk, "   ")


def test_status_moves_only_along_legal_transitions(db, clerk, three):
    a = three[0]
    change = progress.change_status(db, clerk, a.code, 4, "Chuyển phòng Tư pháp", now=NOW)
    assert (change.from_status, change.to_status) == (2, 4)
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        progress.change_status(db, clerk, a.code, 2, now=NOW)
    assert info.value.code == "illegal_transition"
    with pytest.raises(DomainError):
        progress.change_status(db, clerk, a.code, 11, now=NOW)
    with pytest.raises(DomainError):
        progress.change_status(db, clerk, "000.00.24.H47-260213-0999", 4, now=NOW)
    assert snapshot(db.path) == before
    result = lookup.lookup(db, clerk, a.code).items[0]
    assert result.status == Status.PROCESSING


def test_return_result_records_collector(db, clerk, three):
    a = three[0]
    with pytest.raises(DomainError) as info:
        progress.record_return(db, clerk, a.code, "Nguyễn Văn Đức", now=NOW)
    assert info.value.code == "illegal_transition"
    progress.change_status(db, clerk, a.code, 4, now=NOW)
    progress.change_status(db, clerk, a.code, 9, now=NOW)
    with pytest.raises(DomainError):
        progress.record_return(db, clerk, a.code, "  ", now=NOW)
    for name, id_number, note in (
        ("Nguyễn\x00Văn Đức", None, None),
        ("Nguyễn Văn Đức", "0010850\x0012345", None),
        ("Nguyễn Văn Đức", None, "Đã nhận\x1b[31m"),
    ):
        with pytest.raises(DomainError) as info:
            progress.record_return(db, clerk, a.code, name, id_number, note=note, now=NOW)
        assert info.value.code == "bad_characters"
    change = progress.record_return(db, clerk, a.code, "Nguyễn Văn Đức", "001085012345", now=NOW)
    assert change.to_status == 10
    item = lookup.lookup(db, clerk, a.code).items[0]
    assert item.status_label == "Đã trả kết quả"
    assert item.returned_at == NOW
    with db.read() as session:
        types = session.scalars(select(OutboxEvent.type).order_by(OutboxEvent.id)).all()
    assert types[-3:] == ["dossier.status_changed", "dossier.status_changed", "dossier.returned"]


def test_overdue_is_derived_from_due_date_and_status(db, clerk, three):
    a = three[0]
    # Birth registration is due the same working day (17:30).
    before_due = lookup.lookup(db, clerk, a.code, now=datetime(2026, 2, 13, 17, 0)).items[0]
    after_due = lookup.lookup(db, clerk, a.code, now=datetime(2026, 2, 13, 18, 0)).items[0]
    assert (before_due.overdue, after_due.overdue) == (False, True)
