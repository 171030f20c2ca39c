"""The national status codes, their transitions and the derived "overdue"."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from app.domain.errors import DomainError
from app.domain.status import (
    INITIAL_STATUSES,
    OVERDUE_CLOCK_STATUSES,
    Status,
    can_transition,
    check_transition,
    is_due_soon,
    is_overdue,
    parse_status,
)

# The transition table, written out by code number independently of the module.
ALLOWED = {
    (1, 2), (1, 3), (1, 5), (1, 7),
    (2, 4), (2, 5), (2, 6), (2, 7), (2, 8), (2, 9),
    (4, 5), (4, 6), (4, 7), (4, 8), (4, 9),
    (5, 2), (5, 3), (5, 4), (5, 7), (5, 8),
    (6, 4), (6, 7), (6, 8), (6, 9),
    (9, 10),
}  # fmt: skip

LABELS_VI = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}

ALL_PAIRS = list(itertools.product(range(1, 11), repeat=2))
NOW = datetime(2026, 3, 10, 10, 0)


def test_ten_statuses_with_national_codes() -> None:
    assert sorted(int(s) for s in Status) == list(range(1, 11))
    assert Status.NEW == 1
    assert Status.RECEIVED == 2
    assert Status.REFUSED == 3
    assert Status.PROCESSING == 4
    assert Status.SUPPLEMENT == 5
    assert Status.FINANCIAL == 6
    assert Status.WITHDRAWN == 7
    assert Status.STOPPED == 8
    assert Status.RESOLVED == 9
    assert Status.RETURNED == 10


@pytest.mark.parametrize(("code", "label"), sorted(LABELS_VI.items()))
def test_vietnamese_labels(code: int, label: str) -> None:
    assert Status(code).label_vi == label
    assert Status(code).label("vi") == label


def test_english_labels_are_distinct_and_not_vietnamese() -> None:
    labels = [s.label_en for s in Status]
    assert len(set(labels)) == 10
    assert all(label and label not in LABELS_VI.values() for label in labels)
    assert Status.RETURNED.label("en") == Status.RETURNED.label_en


@pytest.mark.parametrize(("a", "b"), ALL_PAIRS, ids=[f"{a}->{b}" for a, b in ALL_PAIRS])
def test_transition_table(a: int, b: int) -> None:
    allowed = (a, b) in ALLOWED
    assert can_transition(Status(a), Status(b)) is allowed
    if allowed:
        check_transition(Status(a), Status(b))
    else:
        with pytest.raises(DomainError) as info:
            check_transition(Status(a), Status(b))
        assert info.value.code == "illegal_transition"
        assert info.value.message_vi == (
            f"Không thể chuyển hồ sơ từ trạng thái “{LABELS_VI[a]}” sang “{LABELS_VI[b]}”."
        )
        assert Status(a).label_en in info.value.message_en
        assert Status(b).label_en in info.value.message_en


@pytest.mark.parametrize("code", range(1, 11))
def test_terminal_statuses(code: int) -> None:
    assert Status(code).is_terminal is (code in {3, 7, 8, 10})
    assert Status(code).is_terminal is not any(a == code for a, _ in ALLOWED)


def test_initial_statuses() -> None:
    assert {int(s) for s in INITIAL_STATUSES} == {1, 2, 3, 5}


def test_every_status_is_reachable_from_a_start() -> None:
    seen = {int(s) for s in INITIAL_STATUSES}
    frontier = list(seen)
    while frontier:
        a = frontier.pop()
        for b in range(1, 11):
            if can_transition(Status(a), Status(b)) and b not in seen:
                seen.add(b)
                frontier.append(b)
    assert seen == set(range(1, 11))


def test_no_status_moves_to_itself() -> None:
    assert not any(can_transition(s, s) for s in Status)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2, Status.RECEIVED), ("2", Status.RECEIVED), (" 10 ", Status.RETURNED),
     ("01", Status.NEW), (Status.RESOLVED, Status.RESOLVED), (9, Status.RESOLVED)],
)  # fmt: skip
def test_parse_status(value: int | str, expected: Status) -> None:
    assert parse_status(value) is expected


@pytest.mark.parametrize(
    "value", [0, 11, -1, "0", "11", "", "  ", "abc", "2.0", "٢", True, None, 2.0]
)
def test_parse_status_rejects(value: object) -> None:
    with pytest.raises(DomainError) as info:
        parse_status(value)  # type: ignore[arg-type]
    assert info.value.code == "bad_status"


def test_clock_runs_only_while_received_or_processing() -> None:
    assert {int(s) for s in OVERDUE_CLOCK_STATUSES} == {2, 4}


@pytest.mark.parametrize("code", range(1, 11))
def test_overdue_only_when_the_clock_runs(code: int) -> None:
    past_due = NOW - timedelta(minutes=1)
    assert is_overdue(Status(code), past_due, NOW) is (code in {2, 4})


@pytest.mark.parametrize("status", [Status.RECEIVED, Status.PROCESSING])
def test_overdue_needs_a_passed_due_time(status: Status) -> None:
    assert is_overdue(status, NOW - timedelta(days=3), NOW)
    assert is_overdue(status, NOW - timedelta(microseconds=1), NOW)
    assert not is_overdue(status, NOW, NOW)  # due exactly now is still on time
    assert not is_overdue(status, NOW + timedelta(hours=1), NOW)
    assert not is_overdue(status, None, NOW)


def test_overdue_is_derived_from_the_current_status() -> None:
    due = NOW - timedelta(days=1)
    # The same dossier stops being overdue once it waits on the applicant or is done.
    assert is_overdue(Status.PROCESSING, due, NOW)
    assert not is_overdue(Status.SUPPLEMENT, due, NOW)
    assert not is_overdue(Status.RESOLVED, due, NOW)


@pytest.mark.parametrize("code", range(1, 11))
def test_due_soon_only_when_the_clock_runs(code: int) -> None:
    due = NOW + timedelta(hours=2)
    assert is_due_soon(Status(code), due, NOW, timedelta(hours=4)) is (code in {2, 4})


def test_due_soon_window() -> None:
    s = Status.RECEIVED
    day = timedelta(days=1)
    assert is_due_soon(s, NOW + timedelta(hours=23), NOW, day)
    assert is_due_soon(s, NOW + day, NOW, day)  # the window's end is included
    assert is_due_soon(s, NOW, NOW, day)
    assert not is_due_soon(s, NOW + day + timedelta(seconds=1), NOW, day)
    assert not is_due_soon(s, NOW - timedelta(seconds=1), NOW, day)  # already overdue
    assert not is_due_soon(s, None, NOW, day)
    assert is_due_soon(s, NOW, NOW, timedelta())


def test_due_soon_rejects_negative_window() -> None:
    with pytest.raises(DomainError):
        is_due_soon(Status.RECEIVED, NOW, NOW, timedelta(hours=-1))
