"""A client generated from the server's OpenAPI by a tool nobody here wrote works.

openapi-python-client turns ``/openapi.json`` into a Python package in a
temporary folder (nothing generated is kept in the repository); the test
then enrols a station, pushes a dossier and reads it back with it, through
the generated functions and models only.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
from srvkit import PASSWORD, Harness, code_of, received, status_changed

from server import admin

PACKAGE = "motcua_generated_client"


def _generate(harness: Harness, folder: Path):
    spec = folder / "openapi.json"
    spec.write_bytes(httpx.get(f"{harness.base_url}/openapi.json").content)
    config = folder / "config.yaml"
    config.write_text(
        f"project_name_override: {PACKAGE}\npackage_name_override: {PACKAGE}\npost_hooks: []\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(spec),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(folder / PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))


def _forget_package() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]


def test_generated_client_enrols_pushes_and_reads_back(harness: Harness, tmp_path: Path) -> None:
    client_pkg = _generate(harness, tmp_path)
    try:
        api = importlib.import_module(f"{PACKAGE}.api.enrolment.enroll")
        push_api = importlib.import_module(f"{PACKAGE}.api.sync.push")
        changes_api = importlib.import_module(f"{PACKAGE}.api.sync.changes")
        login_api = importlib.import_module(f"{PACKAGE}.api.back_office.login")
        dossier_api = importlib.import_module(f"{PACKAGE}.api.back_office.dossier")
        progress_api = importlib.import_module(f"{PACKAGE}.api.back_office.add_progress")
        models = importlib.import_module(f"{PACKAGE}.models")

        office = harness.new_office()
        code = admin.enroll_station(harness.db, harness.settings, office, 1)
        anonymous = client_pkg.Client(base_url=harness.base_url)
        enrolled = api.sync(
            client=anonymous,
            body=models.EnrollRequest(enrolment_code=code, station_name="Quầy 1"),
            x_mot_cua_protocol=models.EnrollXMotCuaProtocol("1"),
        )
        assert isinstance(enrolled, models.EnrollResponse), enrolled
        assert enrolled.office_code == office
        assert enrolled.server_time.utcoffset() == timedelta(hours=7)

        station = client_pkg.AuthenticatedClient(
            base_url=harness.base_url, token=enrolled.station_token
        )

        class _Numbers:  # what srvkit's event builders need of a station
            office_code = office
            number = enrolled.station_number

            def next_code(self, day):
                return f"{office}-{day:%y%m%d}-{enrolled.sequence_start:04d}"

        event = received(_Numbers(), name="Phạm Thị Hoa")
        handed_over = status_changed(event, 2, 4)
        pushed = push_api.sync(
            client=station,
            body=models.RawPushRequest.from_dict({"events": [event, handed_over]}),
        )
        assert isinstance(pushed, models.PushResponse), pushed
        assert [r.outcome for r in pushed.results] == ["applied", "applied"]
        assert str(pushed.results[0].event_uuid) == event["event_uuid"]

        username = harness.officer(office, "backoffice")
        session = login_api.sync(
            client=anonymous,
            body=models.BackofficeLoginRequest(username=username, password=PASSWORD),
        )
        assert isinstance(session, models.BackofficeSession), session
        resolver = client_pkg.AuthenticatedClient(base_url=harness.base_url, token=session.token)
        detail = dossier_api.sync(code_of(event), client=resolver)
        assert isinstance(detail, models.DossierDetail), detail
        assert detail.code == code_of(event)
        assert detail.applicant_name == "Phạm Thị Hoa"
        assert detail.status == 4
        assert detail.received_at.utcoffset() == timedelta(hours=7)
        assert (
            detail.received_at.replace(tzinfo=None).isoformat() == event["payload"]["received_at"]
        )

        noted = progress_api.sync(
            code_of(event),
            client=resolver,
            body=models.ProgressNoteRequest(note="Đã chuyển phòng Tư pháp thẩm định"),
        )
        assert isinstance(noted, models.DossierDetail), noted
        feed = changes_api.sync(client=station, cursor=0)
        assert isinstance(feed, models.ChangesResponse), feed
        notes = [c for c in feed.changes if c.kind == "progress"]
        assert notes and str(notes[-1].dossier_uuid) == event["dossier_uuid"]

        refused = dossier_api.sync_detailed("000.00.00.H00-260101-0001", client=resolver)
        assert refused.status_code == 404
        assert isinstance(refused.parsed, models.ErrorResponse)
        assert refused.parsed.error.code == "not_found"
    finally:
        _forget_package()
