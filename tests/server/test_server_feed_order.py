"""The change feed under concurrent pushes: a puller never steps over a late commit.

Pushes of one office no longer queue behind each other through their
commits, so a push can take a smaller feed number and commit after one with
a larger number. A station that pulled in between must still get both.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import text
from srvkit import Harness, Station, code_of, received

SLOW_NAME = "Chậm Cố Ý"
SLEEP_S = 4.0


@pytest.fixture
def slow_feed_rows(harness: Harness):
    """A trigger that holds the transaction writing a feed row for ``SLOW_NAME``."""
    with harness.db.write() as session:
        session.execute(
            text(
                "CREATE OR REPLACE FUNCTION motcua_test_slow_feed() RETURNS trigger AS $$ "
                f"BEGIN PERFORM pg_sleep({SLEEP_S}); RETURN NEW; END $$ LANGUAGE plpgsql"
            )
        )
        session.execute(
            text(
                "CREATE TRIGGER motcua_test_slow_feed BEFORE INSERT ON changes FOR EACH ROW "
                f"WHEN (NEW.payload->>'applicant_name' = '{SLOW_NAME}') "
                "EXECUTE FUNCTION motcua_test_slow_feed()"
            )
        )
    try:
        yield
    finally:
        with harness.db.write() as session:
            session.execute(text("DROP TRIGGER motcua_test_slow_feed ON changes"))
            session.execute(text("DROP FUNCTION motcua_test_slow_feed()"))


def _sleeping_in_trigger(harness: Harness) -> bool:
    with harness.db.read() as session:
        return bool(
            session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                    "AND datname = current_database() AND query ILIKE 'INSERT INTO changes%'"
                )
            )
        )


# SQLite serialises every write, so its feed commits in number order.
@pytest.mark.parametrize(
    "harness", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
def test_a_smaller_number_committed_later_is_still_pulled_once(
    harness: Harness, office: str, slow_feed_rows: None
) -> None:
    slow_station, fast_station, puller = (harness.enrol(office, n) for n in (1, 2, 3))
    slow_event = received(slow_station, name=SLOW_NAME)
    fast_event = received(fast_station)
    done: dict[str, float] = {}
    results: dict[str, list[dict[str, Any]]] = {}

    def push(name: str, station: Station, event: dict[str, Any]) -> None:
        results[name] = station.push(event)
        done[name] = time.monotonic()

    # The puller polls all along, as a station's sync loop does.
    polls: list[tuple[float, float, list[dict[str, Any]]]] = []
    stop = threading.Event()

    def poll() -> None:
        cursor = 0
        while not stop.is_set():
            started = time.monotonic()
            response = puller.client.get(
                "/api/v1/changes", params={"cursor": cursor, "limit": 1000}
            )
            assert response.status_code == 200, response.text
            body = response.json()
            polls.append((started, time.monotonic(), body["changes"]))
            cursor = body["next_cursor"]
            time.sleep(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    slow = threading.Thread(target=push, args=("slow", slow_station, slow_event))
    slow.start()
    try:
        deadline = time.monotonic() + 30
        while not _sleeping_in_trigger(harness):
            assert time.monotonic() < deadline, "the slow push never reached its feed row"
            time.sleep(0.02)
        # The slow push holds its number (and the office, shared) while this one commits.
        push("fast", fast_station, fast_event)
        assert "slow" not in done
        slow.join(60)
        assert "slow" in done
        # Let the puller run past the slow commit too.
        time.sleep(1.5)
    finally:
        stop.set()
        poller.join(30)

    assert results["slow"][0]["outcome"] == "applied"
    assert results["fast"][0]["outcome"] == "applied"
    pulled = [change for _, _, changes in polls for change in changes]
    codes = [change["code"] for change in pulled]
    # Both, each exactly once.
    assert sorted(codes) == sorted([code_of(slow_event), code_of(fast_event)])
    seq = {change["code"]: change["seq"] for change in pulled}
    # The smaller number is the one that committed later ...
    assert seq[code_of(slow_event)] < seq[code_of(fast_event)]
    assert done["fast"] < done["slow"]
    # ... and the puller was asking while only the larger one was committed.
    assert any(started < done["slow"] and ended > done["fast"] for started, ended, _ in polls)
