"""Reading the audit log, filtered; reading it is recorded too."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.dossiers import lookup
from app.office import audit_log
from tests.conftest import INTAKE

ROOT = Path(__file__).resolve().parents[2]


def test_filters_by_officer_action_and_day(db, admin, clerk, fixed_now):
    code = intake_uc.receive(db, clerk, dict(INTAKE), now=fixed_now).code
    lookup.lookup(db, clerk, INTAKE["applicant"]["id_number"], now=fixed_now)
    lookup.lookup(db, admin, "Nguyễn", now=fixed_now + timedelta(days=1))

    page = audit_log.entries(db, admin, action="person.")
    assert [(e.officer, e.target) for e in page.entries] == [
        ("admin", "name"),
        ("canbo1", "id_number"),
    ]
    assert page.total == 2 and "canbo1" in page.officers and "dossier.receive" in page.actions

    only = audit_log.entries(db, admin, officer="canbo1", action="person.lookup")
    assert [e.detail["found"] for e in only.entries] == [[code]]
    day = audit_log.entries(
        db, admin, action="person.", day_from=fixed_now.date(), day_to=fixed_now.date()
    )
    assert [e.officer for e in day.entries] == ["canbo1"]
    # Each reading is itself in the log, with the filter it used.
    seen = audit_log.entries(db, admin, action="audit.view")
    assert seen.total == 3 and seen.entries[0].detail["action"] == "person."


def test_a_clerk_may_not_read_it(db, clerk):
    with pytest.raises(DomainError) as err:
        audit_log.entries(db, clerk)
    assert err.value.code == "forbidden"


def test_audit_list_on_the_command_line(db, data_dir, clerk, fixed_now):
    lookup.lookup(db, clerk, INTAKE["applicant"]["id_number"], now=fixed_now)
    db.dispose()
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--json"]
        + ["audit", "list", "--action", "person.lookup", "--officer", "canbo1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["total"] == 1 and got["entries"][0]["target"] == "id_number"
    assert datetime.fromisoformat(got["entries"][0]["at"]).date() == fixed_now.date()
