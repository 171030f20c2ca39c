"""The command line's look-up by code without SQLAlchemy: the same answer as the
window's look-up, and the full way whenever the database is not plainly ready."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from app.dossiers import intake as intake_uc
from app.dossiers import lookup, summary
from db import migrate

ROOT = Path(__file__).resolve().parents[2]

# ``python main.py ARGS``, printing afterwards whether SQLAlchemy was loaded.
RUN_MAIN = """
import runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    print("sqlalchemy loaded:", "sqlalchemy" in sys.modules, file=sys.stderr)
"""


def _main(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", RUN_MAIN, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, LANG="vi_VN.UTF-8", LC_ALL="", LC_MESSAGES=""),
        timeout=180,
        cwd=ROOT,
    )


def _took_sqlalchemy(proc: subprocess.CompletedProcess) -> bool:
    return "sqlalchemy loaded: True" in proc.stderr


@pytest.fixture
def received(db, clerk, intake) -> tuple[Path, str]:
    return db.path.parent, intake_uc.receive(db, clerk, intake).code


def test_the_windows_query_compiles_to_the_plain_sql():
    """One statement, two ways of running it: the Core query the window runs and
    the text the command line runs must not drift apart."""
    compiled = lookup._BY_CODE.compile(dialect=sqlite.dialect(paramstyle="named"))
    assert " ".join(str(compiled).split()) == summary.BY_CODE_SQL


def test_quick_lookup_answers_what_the_window_answers(received, db, admin):
    data_dir, code = received
    proc = _main(data_dir, "--user", "admin", "--json", "lookup", code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not _took_sqlalchemy(proc)
    got = json.loads(proc.stdout)
    expected = lookup.lookup(db, admin, code)
    assert got["kind"] == expected.kind == "code"
    assert got["query"] == expected.query == code
    assert got["results"] == json.loads(json.dumps([d.to_json() for d in expected.items]))
    # Typed as the window types them: dates as dates, flags as true/false.
    row = got["results"][0]
    assert isinstance(row["fee_paid"], bool) and row["return_by_post"] is False
    assert row["applicant_birth_date"] == expected.items[0].applicant_birth_date.isoformat()
    assert "T" in row["received_at"]


def test_unknown_code_says_so_in_vietnamese(received):
    data_dir, code = received
    other = code[:-1] + ("1" if code[-1] != "1" else "2")
    proc = _main(data_dir, "--user", "admin", "lookup", other)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "Không tìm thấy hồ sơ nào."
    assert not _took_sqlalchemy(proc)


def test_unknown_officer_goes_the_full_way_and_is_refused(received):
    data_dir, code = received
    proc = _main(data_dir, "--user", "nobody", "--json", "lookup", code)
    assert proc.returncode == 1
    assert "Không có cán bộ “nobody” đang hoạt động." in proc.stderr
    assert proc.stdout == ""


def test_a_name_goes_the_full_way_and_is_audited(received, db):
    data_dir, _code = received
    proc = _main(data_dir, "--user", "admin", "--json", "lookup", "nguyen van duc")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _took_sqlalchemy(proc)
    with db.read_connection() as conn:
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log")]
    assert lookup.AUDIT_ACTION in actions


def test_a_database_behind_head_is_upgraded_by_the_full_way(received, db):
    from alembic import command

    data_dir, code = received
    cfg = migrate.alembic_config()
    with db.writer.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    db.dispose()
    proc = _main(data_dir, "--user", "admin", "--json", "lookup", code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert _took_sqlalchemy(proc)
    assert [d["code"] for d in json.loads(proc.stdout)["results"]] == [code]
    assert migrate.current_revision(db.writer) == migrate.head_revision()


def test_a_damaged_database_gets_the_full_ways_message(received, db):
    data_dir, code = received
    db.dispose()
    with open(db.path, "r+b") as fh:
        fh.seek(200)
        fh.write(os.urandom(64))
    proc = _main(data_dir, "--user", "admin", "--json", "lookup", code)
    assert proc.returncode == 1
    assert _took_sqlalchemy(proc)
    assert "Không mở được tệp cơ sở dữ liệu" in proc.stderr
    assert proc.stdout == ""
