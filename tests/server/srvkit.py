"""Helpers for the server tests: a real server process, stations, event builders."""

from __future__ import annotations

import hashlib
import itertools
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from app.sync import protocol as p
from server import admin
from server.config import Settings
from server.db import Database

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """``python -m server`` in a subprocess on a free loopback port."""

    def __init__(self, data_dir: Path, db_url: str, *extra: str) -> None:
        self.data_dir = data_dir
        self.db_url = db_url
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / "server.log"
        data_dir.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--data-dir",
                str(data_dir),
                "--db",
                db_url,
                "--log-level",
                "warning",
                *extra,
            ],
            cwd=REPO,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.wait_ready()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited ({self.process.returncode}):\n{self.log()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not become ready:\n{self.log()}")

    def terminate(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 30.0) -> int | None:
        self.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()
        return self.process.returncode


@dataclass
class Station:
    client: httpx.Client
    office_code: str
    number: int
    token: str
    enrolment: dict[str, Any]
    _seq: itertools.count = field(default_factory=lambda: itertools.count(1))

    def push(self, *events: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.client.post("/api/v1/push", json={"events": list(events)})
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def changes(
        self, cursor: int = 0, limit: int = 1000, kinds: tuple[str, ...] = p.CHANGE_KINDS
    ) -> list[dict[str, Any]]:
        """Every change of ``kinds`` after ``cursor``, following pages (as this release asks)."""
        result: list[dict[str, Any]] = []
        params = {"limit": limit, p.CHANGE_KINDS_PARAM: ",".join(kinds)}
        while True:
            response = self.client.get("/api/v1/changes", params={"cursor": cursor, **params})
            assert response.status_code == 200, response.text
            body = response.json()
            result.extend(body["changes"])
            cursor = body["next_cursor"]
            if not body["has_more"]:
                return result

    def next_code(self, day: datetime) -> str:
        sequence = (self.number - 1) * 1000 + next(self._seq)
        return f"{self.office_code}-{day:%y%m%d}-{sequence:04d}"


_office_numbers = itertools.count(random.randrange(10, 90) * 100)


@dataclass
class Harness:
    """One running server and in-process access to its database for set-up."""

    server: ServerProcess
    db: Database
    settings: Settings
    backend: str

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=30)

    def new_office(self, parent: str | None = None, name: str | None = None) -> str:
        n = next(_office_numbers)
        code = f"000.{n // 100 % 100:02d}.{n % 100:02d}.H{random.randrange(10, 99)}"
        while True:
            try:
                admin.create_office(self.db, code, name or f"UBND xã thử nghiệm {n}", parent)
                return code
            except admin.AdminError:
                n = next(_office_numbers)
                code = f"000.{n // 100 % 100:02d}.{n % 100:02d}.H{random.randrange(10, 99)}"

    def enrol(self, office_code: str, number: int = 1) -> Station:
        code = admin.enroll_station(self.db, self.settings, office_code, number)
        response = httpx.post(
            f"{self.base_url}/api/v1/enroll",
            json={"enrolment_code": code, "station_name": f"Quầy {number}"},
            headers={p.PROTOCOL_HEADER: "1"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        client = self.client(
            Authorization=f"Bearer {body['station_token']}", **{p.PROTOCOL_HEADER: "1"}
        )
        return Station(client, office_code, number, body["station_token"], body)

    def officer(self, office_code: str, role: str = "clerk", username: str | None = None) -> str:
        username = username or f"cb{uuid.uuid4().hex[:10]}"
        admin.create_officer(
            self.db, office_code, username, "Trần Thị Bình", role, PASSWORD, "Chuyên viên"
        )
        return username

    def backoffice(self, office_code: str) -> httpx.Client:
        """A JSON client signed in as a new back-office officer of the office."""
        username = self.officer(office_code, "backoffice")
        response = httpx.post(
            f"{self.base_url}/api/v1/backoffice/login",
            json={"username": username, "password": PASSWORD},
        )
        assert response.status_code == 200, response.text
        return self.client(Authorization=f"Bearer {response.json()['token']}")


# --- event builders -------------------------------------------------------------

BASE_DAY = datetime(2026, 2, 13, 9, 30)


def event(kind: str, dossier_uuid: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_uuid": str(uuid.uuid4()),
        "type": kind,
        "dossier_uuid": dossier_uuid,
        "payload": payload,
        "client_time": "2026-02-13T09:31:00+07:00",
    }


def received(
    station: Station,
    *,
    at: datetime = BASE_DAY,
    secret: str = "K7Q2M9XH4P",
    name: str = "Nguyễn Văn An",
    code: str | None = None,
    status: int = 2,
) -> dict[str, Any]:
    dossier_uuid = str(uuid.uuid4())
    return event(
        "dossier.received",
        dossier_uuid,
        {
            "dossier_uuid": dossier_uuid,
            "code": code or station.next_code(at),
            "office_code": station.office_code,
            "station": station.number,
            "procedure_code": "1.001193",
            "procedure_name": "Đăng ký khai sinh",
            "field": "Hộ tịch",
            "channel": 1,
            "status": status,
            "summary": "Đăng ký khai sinh cho con",
            "sets": 1,
            "received_at": at.isoformat(),
            "due_at": (at + timedelta(days=10)).isoformat(),
            "lookup_secret": secret,
            "fee_amount": 0,
            "fee_paid": False,
            "logbook_book": "01",
            "logbook_line": 12,
            "officer": "canbo1",
            "applicant": {
                "kind": "person",
                "id_number": "001090012345",
                "tax_code": None,
                "full_name": name,
                "birth_date": "1990-05-01",
                "sex": "Nam",
                "address": "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
                "phone": "0912345678",
                "email": None,
            },
            "components": [
                {
                    "index": 1,
                    "name": "Tờ khai",
                    "originals": 1,
                    "copies": 0,
                    "digitized": True,
                    "reused": False,
                }
            ],
        },
    )


def status_changed(
    received_event: dict[str, Any], from_status: int, to_status: int, at: str = "2026-02-13T10:00"
) -> dict[str, Any]:
    payload = received_event["payload"]
    return event(
        "dossier.status_changed",
        payload["dossier_uuid"],
        {
            "dossier_uuid": payload["dossier_uuid"],
            "code": payload["code"],
            "from_status": from_status,
            "to_status": to_status,
            "at": at,
            "officer": "canbo1",
            "note": None,
        },
    )


def code_of(received_event: dict[str, Any]) -> str:
    return received_event["payload"]["code"]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


TUS = {"Tus-Resumable": p.TUS_VERSION}


def upload_headers(data: bytes) -> dict[str, str]:
    return {
        "Upload-Length": str(len(data)),
        "Upload-Metadata": p.encode_upload_metadata({"sha256": sha(data)}),
        "Tus-Resumable": p.TUS_VERSION,
    }


def patch_headers(offset: int, chunk: bytes | None = None, checksum: bool = True) -> dict[str, str]:
    headers = {
        "Upload-Offset": str(offset),
        "Content-Type": p.UPLOAD_CONTENT_TYPE,
        "Tus-Resumable": p.TUS_VERSION,
    }
    if checksum and chunk is not None:
        headers["Upload-Checksum"] = p.chunk_checksum(chunk)
    return headers


def upload(station: Station, data: bytes, chunk: int = 256 * 1024) -> str:
    """Upload ``data`` in checked chunks; returns the Location."""
    created = station.client.post("/api/v1/uploads", headers=upload_headers(data))
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    offset = int(created.headers["Upload-Offset"])
    while offset < len(data):
        piece = data[offset : offset + chunk]
        response = station.client.patch(
            location, content=piece, headers=patch_headers(offset, piece)
        )
        assert response.status_code == 204, response.text
        offset = int(response.headers["Upload-Offset"])
    return location


def env_flag(name: str) -> bool:
    return bool(os.environ.get(name))
