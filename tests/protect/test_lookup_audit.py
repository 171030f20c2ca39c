"""Every look-up of a person is audited, and the audit itself names nobody."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event, select

from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.protect import audit_chain, keys
from db.models import AuditLog
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]
APPLICANT = INTAKE["applicant"]


def _person_lookups(db) -> list[AuditLog]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditLog).where(AuditLog.action == lookup.AUDIT_ACTION).order_by(AuditLog.id)
            )
        )


def test_a_look_up_by_id_number_or_name_is_audited_without_naming_the_person(db, clerk, fixed_now):
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    assert lookup.lookup(db, clerk, APPLICANT["id_number"]).items[0].code == code
    assert lookup.lookup(db, clerk, APPLICANT["full_name"]).items[0].code == code
    assert lookup.lookup(db, clerk, "nguyen  VAN duc").items[0].code == code
    lookup.lookup(db, clerk, "Không Ai Tên Này")
    lookup.lookup(db, clerk, code)  # a dossier code names a dossier, not a person

    rows = _person_lookups(db)
    assert [(r.officer, r.target, r.detail["found"]) for r in rows] == [
        ("canbo1", "id_number", [code]),
        ("canbo1", "name", [code]),
        ("canbo1", "name", [code]),
        ("canbo1", "name", []),
    ]
    by_id = lookup.query_fingerprint(db.key, "id_number", APPLICANT["id_number"])
    by_name = lookup.query_fingerprint(db.key, "name", APPLICANT["full_name"])
    assert [r.detail["fingerprint"] for r in rows[:3]] == [by_id, by_name, by_name]
    assert rows[3].detail["fingerprint"] != by_name
    # Another station's key gives another fingerprint: it is not a plain hash of a CCCD.
    assert lookup.query_fingerprint(b"\0" * 32, "id_number", APPLICANT["id_number"]) != by_id
    for r in rows:
        text = json.dumps(r.detail, ensure_ascii=False) + (r.target or "")
        assert APPLICANT["id_number"] not in text and "Đức" not in text and "duc" not in text
    with db.read() as session:
        assert audit_chain.verify(session).ok


def test_the_command_line_look_up_is_audited_too(db, data_dir, fixed_now, clerk):
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    db.dispose()
    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json"]
    run = subprocess.run(
        [*base, "--user", "canbo1", "lookup", APPLICANT["id_number"]],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    from app.infra.storage import open_database

    again = open_database(data_dir)
    try:
        (row,) = _person_lookups(again)
        assert row.officer == "canbo1" and row.target == "id_number"
        key = keys.load_key(data_dir)
        assert row.detail["fingerprint"] == lookup.query_fingerprint(
            key, "id_number", APPLICANT["id_number"]
        )
    finally:
        again.dispose()
    log = data_dir / "motcua-cli.log"
    if log.exists():
        assert APPLICANT["id_number"] not in log.read_text(encoding="utf-8", errors="replace")


def test_a_person_search_keeps_its_page_cache_across_its_own_audit_entry(db, clerk, fixed_now):
    # SQLite empties a connection's page cache when PRAGMA data_version moved
    # (another connection committed); SQLCipher then decrypts every page again.
    # The audit entry of one search must not do that to the next search.
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    seen: list[tuple[str, object, int]] = []

    def watch(_conn, cursor, statement, _params, _context, _many) -> None:
        kind = "search" if "dossier_search MATCH" in statement else None
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_LOG"):
            kind = "audit"
        if kind:
            dbapi = cursor.connection
            seen.append((kind, dbapi, dbapi.execute("PRAGMA data_version").fetchone()[0]))

    for engine in (db.reader, db.writer):
        event.listen(engine, "before_cursor_execute", watch)
    try:
        for _ in range(3):
            found = lookup.lookup(db, clerk, APPLICANT["full_name"]).items
            assert [d.code for d in found] == [code]
    finally:
        for engine in (db.reader, db.writer):
            event.remove(engine, "before_cursor_execute", watch)

    searches = [(conn, version) for kind, conn, version in seen if kind == "search"]
    audits = [conn for kind, conn, _ in seen if kind == "audit"]
    assert len(searches) >= 3 and len(audits) == 3
    # One connection searched and wrote every entry, and no commit by another
    # connection came between two searches.
    assert {id(c) for c, _ in searches} == {id(c) for c in audits}
    assert len({v for _, v in searches}) == 1
    assert len(_person_lookups(db)) == 3
