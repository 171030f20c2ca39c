"""The OpenAPI document describes what the server really does."""

from __future__ import annotations

import httpx
from openapi_spec_validator import validate
from srvkit import Harness, Station, received


def test_the_document_is_valid_and_names_its_security_and_headers(harness: Harness) -> None:
    spec = httpx.get(f"{harness.base_url}/openapi.json").json()
    validate(spec)
    schemes = spec["components"]["securitySchemes"]
    assert schemes["stationToken"]["scheme"] == "bearer"
    assert schemes["backofficeSession"]["scheme"] == "bearer"
    push = spec["paths"]["/api/v1/push"]["post"]
    assert push["security"] == [{"stationToken": []}]
    dossiers = spec["paths"]["/api/v1/backoffice/dossiers"]["get"]
    assert dossiers["security"] == [{"backofficeSession": []}]
    assert "security" not in spec["paths"]["/api/v1/enroll"]["post"]
    create = spec["paths"]["/api/v1/uploads"]["post"]
    headers = {p["name"]: p for p in create["parameters"] if p["in"] == "header"}
    assert {"Tus-Resumable", "Upload-Length", "Upload-Metadata", "X-MotCua-Protocol"} <= set(
        headers
    )
    assert headers["Upload-Length"]["required"] is True
    patch = spec["paths"]["/api/v1/uploads/{upload_id}"]["patch"]
    assert "application/offset+octet-stream" in patch["requestBody"]["content"]
    assert {"409", "412", "460"} <= set(patch["responses"])
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status[0] in "45" and path.startswith("/api/") and method != "head":
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (
                        method,
                        path,
                        status,
                    )


def test_an_event_without_event_uuid_is_rejected_alone(station: Station) -> None:
    good = received(station)
    response = station.client.post("/api/v1/push", json={"events": [{}, good, {"type": "x"}]})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["outcome"] for r in results] == ["rejected", "applied", "rejected"]
    assert results[0]["event_uuid"] is None
    assert "event_uuid" in results[0]["message"]
    assert results[1]["event_uuid"] == good["event_uuid"]


def test_405_lists_the_methods_of_the_resource_meant(station: Station) -> None:
    missing = station.client.options("/api/v1/attachments/missing")
    assert missing.status_code == 405
    assert missing.headers["Allow"] == "POST"
    upload = station.client.put("/api/v1/uploads/abcdefgh12345678")
    assert upload.status_code == 405
    assert upload.headers["Allow"] == "DELETE, HEAD, OPTIONS, PATCH"
