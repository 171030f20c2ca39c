"""The audit chain's head, printed on the close-of-day summary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from app.dossiers import intake as intake_uc
from app.protect import audit_chain
from app.reports import daily, daily_pdf
from db.models import AuditLog
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "day.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_the_day_summary_prints_the_chain_head(db, admin, clerk, fixed_now, tmp_path):
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    with db.read() as session:
        head = audit_chain.head(session)
        newest = session.query(AuditLog).order_by(AuditLog.id.desc()).first()
    assert (head.id, head.hash, head.seal) == (newest.id, newest.chain_hash, newest.chain_mac)
    summary = daily.summary(db, admin, fixed_now.date(), now=fixed_now)
    assert summary.to_json()["audit_head"] == head.to_json()
    text = _text(daily_pdf.print_day(db, admin, fixed_now.date(), now=fixed_now), tmp_path)
    assert f"Nhật ký kiểm toán đến mục {head.id}" in text
    assert f"{head.hash[:32]} {head.hash[32:]}" in text
    # The print itself is audited after the head it printed.
    with db.read() as session:
        assert audit_chain.head(session).id == head.id + 1
        assert audit_chain.verify(session).ok

    # An entry edited after the sheet was printed no longer leads to the printed hash.
    with db.write() as session:
        session.execute(update(AuditLog).where(AuditLog.id == head.id).values(target="khác"))
    with db.read() as session:
        report = audit_chain.verify(session)
    assert not report.ok and report.problems[0].id == head.id


def test_report_day_on_the_command_line_gives_the_head(db, data_dir, clerk, fixed_now):
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    with db.read() as session:
        head = audit_chain.head(session)
    db.dispose()
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json"]
        + ["report", "day", "--date", fixed_now.date().isoformat()],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["audit_head"]["hash"] == head.hash


def _rewrite_from(db, entry_id: int) -> None:
    """What someone holding the database file can do: edit an entry, then rebuild the
    chain after it with the same public hash and the key stored beside it."""
    from db.models import AuditKey

    with db.write() as session:
        key_row = session.get(AuditKey, 1)
        rows = session.query(AuditLog).order_by(AuditLog.id).all()
        previous = ""
        for r in rows:
            if r.id <= key_row.chain_start:
                continue
            if r.id == entry_id:
                r.target = "đã sửa"
            if r.id >= entry_id:
                r.chain_hash = audit_chain.link(
                    audit_chain.canonical(r.id, r.at, r.officer, r.action, r.target, r.detail),
                    previous,
                )
                if r.mac_day == key_row.day:
                    r.chain_mac = audit_chain.seal(key_row.key, r.chain_hash)
            previous = r.chain_hash
        key_row.head_hash = previous


def test_a_rebuilt_chain_is_caught_by_the_printed_head(db, data_dir, admin, clerk, fixed_now):
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    with db.read() as session:
        printed = audit_chain.head(session)
    intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now)
    with db.read() as session:
        target = session.query(AuditLog).filter(AuditLog.target == code).first().id
    _rewrite_from(db, target)
    with db.read() as session:
        assert audit_chain.verify(session).ok  # the rebuilt chain is consistent in itself
        report = audit_chain.verify(session, [(printed.id, printed.hash)])
    assert not report.ok and [p.kind for p in report.problems] == ["rewritten"]
    assert report.problems[0].id == printed.id
    db.dispose()

    base = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json"]
    as_printed = f"{printed.id}:{printed.hash[:32]} {printed.hash[32:]}"
    run = subprocess.run(
        [*base, "audit", "verify", "--printed", as_printed],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert json.loads(run.stdout)["problems"][0]["kind"] == "rewritten"
    bad = subprocess.run(
        [*base, "audit", "verify", "--printed", "12:abc"], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 1 and "SỐ:MÃ" in bad.stderr
