"""What the fuzzer found wrong in the station backup, recovery and audit-head calls.

Each case by name, on SQLite and PostgreSQL: an answer the OpenAPI document did
not list, or a request the document called valid that the server refused. Each
test checks both sides, the server's answer and what the document says of it.
"""

from __future__ import annotations

from datetime import datetime

import httpx
import jsonschema
import pytest
from srvkit import Harness, Station

from app.sync import protocol as p

MISSING = "ab" * 32


def _spec(harness: Harness) -> dict:
    return httpx.get(f"{harness.base_url}/openapi.json").json()


def _documented(spec: dict, method: str, path: str, status: int) -> bool:
    responses = spec["paths"][f"{p.API_PREFIX}{path}"][method]["responses"]
    return str(status) in responses and responses[str(status)]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/ErrorResponse"}


def _schema_valid(spec: dict, name: str, body: dict) -> bool:
    """Whether ``body`` validates against component ``name`` (refs resolved in the spec)."""
    schema = {**spec["components"]["schemas"][name], "components": spec["components"]}
    schema = jsonschema.validators.Draft202012Validator(schema, format_checker=None).is_valid(body)
    return schema


def test_a_backup_or_manifest_the_server_does_not_hold_is_a_documented_404(
    harness: Harness, station: Station
) -> None:
    spec = _spec(harness)
    for suffix in ("", "/manifest"):
        response = station.client.get(f"/api/v1/station/backups/{MISSING}{suffix}")
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == "backup_not_found"
        assert _documented(spec, "get", f"/station/backups/{{sha256}}{suffix}", 404)
    # A held file whose bytes went bad is set aside and answered 410, like an attachment.
    assert _documented(spec, "get", "/station/backups/{sha256}", 410)


def test_registering_a_backup_never_uploaded_is_a_documented_409(
    harness: Harness, station: Station
) -> None:
    body = {
        "sha256": MISSING,
        "size": 10,
        "created_at": datetime.now().isoformat(),
        "manifest": "{}",
    }
    response = station.client.post("/api/v1/station/backups", json=body)
    assert response.status_code == 409, response.text
    assert response.json()["error"]["code"] == "backup_not_uploaded"
    assert _documented(_spec(harness), "post", "/station/backups", 409)


def test_a_backup_larger_than_the_server_takes_is_outside_the_schema_and_413(
    harness: Harness, station: Station
) -> None:
    spec = _spec(harness)
    limit = harness.settings.max_backup_bytes
    body = {"sha256": MISSING, "created_at": datetime.now().isoformat(), "manifest": "{}"}
    assert _schema_valid(spec, "BackupRegistration", {**body, "size": limit})
    assert not _schema_valid(spec, "BackupRegistration", {**body, "size": limit + 1})
    response = station.client.post("/api/v1/station/backups", json={**body, "size": limit + 1})
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "backup_too_large"
    assert _documented(spec, "post", "/station/backups", 413)


@pytest.mark.parametrize("where", ["id", "anchor"])
def test_an_audit_head_id_at_the_int64_limit_is_taken_and_one_past_is_outside_the_schema(
    harness: Harness, office: str, where: str
) -> None:
    # FastAPI writes integer bounds as floats: 2**63 - 1 became 2**63 in the
    # document, a value the schema allowed and the server refused.
    station = harness.enrol(office, 3 if where == "id" else 4)
    spec = _spec(harness)
    top = 2**63 - 1
    head = {"id": 1, "hash": "c" * 64, "at": datetime.now().isoformat()}

    def body(value: int) -> dict:
        if where == "id":
            return {**head, "id": value}
        return {**head, "anchor": {"id": value, "hash": None}}

    assert _schema_valid(spec, "AuditHeadReport", body(top))
    assert not _schema_valid(spec, "AuditHeadReport", body(top + 1))
    response = station.client.post("/api/v1/station/audit-head", json=body(top))
    assert response.status_code == 200, response.text
    assert response.json()["recorded"] is True
    response = station.client.post("/api/v1/station/audit-head", json=body(top + 1))
    assert response.status_code == 422, response.text


def test_integer_bounds_in_the_document_are_exact_integers(harness: Harness) -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "integer":
                for bound in ("minimum", "maximum"):
                    if bound in node:
                        assert type(node[bound]) is int, node
                        assert node[bound] <= 2**63 - 1, node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(_spec(harness))


@pytest.mark.parametrize("code", ["AB\x05", " ", "\x00", "X\x7f"])
def test_a_recovery_code_with_a_control_character_or_blank_is_outside_the_schema(
    harness: Harness, station: Station, code: str
) -> None:
    spec = _spec(harness)
    assert _schema_valid(spec, "RecoveryDossiersRequest", {"codes": ["A-1"]})
    assert not _schema_valid(spec, "RecoveryDossiersRequest", {"codes": [code]})
    response = station.client.post("/api/v1/station/recovery/dossiers", json={"codes": [code]})
    assert response.status_code == 422, response.text
    # Tab-free text with inner spaces is still a code asked about, just not one of ours.
    response = station.client.post(
        "/api/v1/station/recovery/dossiers", json={"codes": ["KHÔNG CÓ"]}
    )
    assert response.status_code == 200, response.text
    assert response.json()["unknown"] == ["KHÔNG CÓ"]


@pytest.mark.parametrize("since", ["0", "1700000000", "2026-1-5", "2026-01-05T00:00:00"])
def test_recovery_since_that_is_not_a_yyyy_mm_dd_day_is_422(station: Station, since: str) -> None:
    # "0" used to be read as 1970-01-01 (seconds since the epoch) and answered 200.
    response = station.client.get("/api/v1/station/recovery", params={"since": since})
    assert response.status_code == 422, response.text
    assert "YYYY-MM-DD" in response.text
    response = station.client.get("/api/v1/station/recovery", params={"since": "2026-01-05"})
    assert response.status_code == 200, response.text
    assert response.json()["since"] == "2026-01-05"
