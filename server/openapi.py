"""The OpenAPI document, complete enough for tools nobody here wrote.

FastAPI derives paths, parameters and bodies from the routes. What it cannot
see is added here: the two bearer schemes (a station's token, an officer's
session), the headers the API reads by hand (the protocol version, tus's
upload headers, ``If-None-Match``, ``X-Request-ID``), the headers it
answers with, the octet-stream body of an upload chunk, and every status an
operation can answer, each with the one error body all errors share.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi import routing as fastapi_routing
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

from app.sync import protocol as p
from server.auth import officer_context, station_context, upload_station_context

STATION = "stationToken"
BACKOFFICE = "backofficeSession"

SECURITY_SCHEMES = {
    STATION: {
        "type": "http",
        "scheme": "bearer",
        "description": "The station's token, answered once by `POST /api/v1/enroll` "
        "(`station_token`).",
    },
    BACKOFFICE: {
        "type": "http",
        "scheme": "bearer",
        "description": "A back-office officer's session token, answered by "
        "`POST /api/v1/backoffice/login` (`token`).",
    },
}

# What each error status means, for the description of its response.
_MEANING = {
    400: "Malformed request: bad JSON, a malformed header, or an unsupported protocol version.",
    401: "Missing, wrong, revoked or expired credential.",
    403: "The one-time code is wrong, already used or expired.",
    404: "No such resource (or not one of the caller's office).",
    409: "Conflict with the resource's current state.",
    410: "Gone: expired or damaged; start again.",
    412: "tus: `Tus-Resumable` missing or not 1.0.0 (`Tus-Version` lists what is).",
    413: "Request body, or declared upload, larger than the server accepts.",
    415: "Wrong `Content-Type`.",
    422: "The request does not validate (`error.details` says where).",
    429: "Too many failed attempts from this client; wait `Retry-After` seconds.",
    460: "tus checksum: the chunk does not match `Upload-Checksum`; it was discarded.",
    500: "Unexpected server error.",
    503: "The database does not answer.",
}

# Statuses some operations answer beyond those every operation of their kind does.
_EXTRA: dict[tuple[str, str], tuple[int, ...]] = {
    ("post", "/api/v1/enroll"): (401, 429),
    ("post", "/api/v1/officers/login"): (429,),
    ("post", "/api/v1/backoffice/login"): (401, 429),
    ("get", "/api/v1/attachments/{sha256}"): (404, 410),
    ("put", "/api/v1/station/key-escrow"): (409,),
    ("post", "/api/v1/recovery/key"): (403, 404, 429),
    ("get", "/api/v1/backoffice/dossiers/{code}"): (404,),
    ("post", "/api/v1/backoffice/dossiers/{code}/status"): (404, 409),
    ("post", "/api/v1/backoffice/dossiers/{code}/progress"): (404,),
    ("post", "/api/v1/backoffice/feedback/{code}/answer"): (404, 409),
    # 422: an empty file (Upload-Length 0) completes at once and does not match its sha256.
    ("post", "/api/v1/uploads"): (400, 412, 413, 422),
    ("head", "/api/v1/uploads/{upload_id}"): (404, 410, 412),
    ("delete", "/api/v1/uploads/{upload_id}"): (404, 412),
    ("patch", "/api/v1/uploads/{upload_id}"): (400, 404, 409, 410, 412, 413, 415, 422, 460),
    # 409: the file was not uploaded first; 413: larger than the server keeps.
    ("post", "/api/v1/station/backups"): (409, 413, 422),
    # 410: the held copy no longer matches its hash and was set aside.
    ("get", "/api/v1/station/backups/{sha256}"): (404, 410),
    ("get", "/api/v1/station/backups/{sha256}/manifest"): (404,),
}


def operation_id(route: APIRoute) -> str:
    """The endpoint's own name (``enroll``, ``push``, ``create_upload``, ...)."""
    return route.name


def routes(app: FastAPI) -> Iterator[Any]:
    """Every route of the app, through included routers (FastAPI nests them lazily)."""
    iterate = getattr(fastapi_routing, "iter_route_contexts", None)
    yield from iterate(app.routes) if iterate is not None else app.routes


def _calls(dependant: Dependant) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _calls(dependency)


def _header(
    name: str,
    description: str,
    schema: dict[str, Any],
    *,
    required: bool = False,
    example: str | None = None,
) -> dict[str, Any]:
    header = {
        "name": name,
        "in": "header",
        "required": required,
        "description": description,
        "schema": schema,
    }
    if example is not None:
        header["example"] = example
    return header


# Examples that fit each other: the upload of an empty file.
_EMPTY = b""
_EXAMPLE_METADATA = p.encode_upload_metadata(
    {"sha256": hashlib.sha256(_EMPTY).hexdigest(), "filename": "to-khai.pdf"}
)
_EXAMPLE_CHECKSUM = "sha1 " + base64.b64encode(hashlib.sha1(_EMPTY).digest()).decode("ascii")


_HEX = b"0123456789abcdefABCDEF"


def _alternatives(options: set[str]) -> str:
    return "(?:" + "|".join(sorted(options)) + ")"


def sha256_metadata_pattern() -> str:
    """A regular expression for base64 of a SHA-256 in hex, exactly.

    The value of ``sha256`` in ``Upload-Metadata`` is 64 hex digits in
    base64: 21 groups of three hex bytes (four characters each) and one hex
    byte (two characters and ``==``). A group's middle byte ties its first
    character pair to its second, so each group is spelled as the choice,
    per middle byte, of the pairs the outer bytes allow.
    """
    groups = []
    for middle in _HEX:
        heads = {base64.b64encode(bytes([a, middle, 0x30]))[:2].decode() for a in _HEX}
        tails = {base64.b64encode(bytes([0x30, middle, c]))[2:].decode() for c in _HEX}
        groups.append(_alternatives(heads) + _alternatives(tails))
    group = "(?:" + "|".join(groups) + ")"
    last = _alternatives({base64.b64encode(bytes([b]))[:2].decode() for b in _HEX})
    return f"{group}{{21}}{last}=="


def upload_metadata_pattern() -> str:
    """tus ``Upload-Metadata`` that carries ``sha256``, with any other pairs around it."""
    b64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?"
    # A key is printable ASCII without space or comma; sha256 comes once.
    pair = f"(?!sha256[ ,]|sha256$)[\\x21-\\x2b\\x2d-\\x7e]+(?: {b64})?"
    others = f"(?:{pair},)*"
    return f"^{others}sha256 {sha256_metadata_pattern()}(?:,{pair})*$"


def _error_response(spec: dict[str, Any], status: int, *, body: bool = True) -> dict[str, Any]:
    response: dict[str, Any] = {"description": _MEANING.get(status, "Error.")}
    if body:
        response["content"] = {
            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}
        }
    headers: dict[str, Any] = {}
    if status == 401:
        headers["WWW-Authenticate"] = {"schema": {"type": "string"}}
    if status == 429:
        headers["Retry-After"] = {"required": True, "schema": {"type": "integer"}}
    if status == 412:
        headers["Tus-Version"] = {"required": True, "schema": {"type": "string"}}
    if headers:
        response["headers"] = headers
    return response


def _add_error_schemas(spec: dict[str, Any]) -> None:
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    generated = TypeAdapter(p.ErrorResponse).json_schema(
        ref_template="#/components/schemas/{model}"
    )
    for name, definition in generated.pop("$defs", {}).items():
        schemas[name] = definition
    schemas["ErrorResponse"] = generated
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)


# Request models strip surrounding whitespace before checking lengths, so a
# required text must hold something else (Python's whitespace includes the
# separators U+001C..U+001F, which JSON Schema's \s does not).
# Text the API refuses (app.sync.protocol.unfit_character): C0 controls other
# than tab, line feed and carriage return, and DEL; in a path or query they
# are 400 before any route, in a body 422.
_FIT = "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"
_FIT_TEXT = f"^{_FIT}*$"
_NOT_BLANK = f"^{_FIT}*[^\\s\\x00-\\x1f\\x7f]{_FIT}*$"


def _not_blank(spec: dict[str, Any]) -> None:
    """Say in the schema of each request body that its required texts may not be blank."""
    schemas = spec["components"]["schemas"]
    bodies = {
        operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        for operations in spec["paths"].values()
        for operation in operations.values()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    }
    for name in bodies:
        for prop in schemas[name].get("properties", {}).values():
            for option in [prop, *prop.get("anyOf", [])]:
                # The texts of a list are stripped and checked like a lone text.
                if option.get("type") == "array" and isinstance(option.get("items"), dict):
                    option = option["items"]
                if option.get("type") != "string" or "pattern" in option:
                    continue
                blank_ok = option.get("minLength", 0) < 1
                option["pattern"] = _FIT_TEXT if blank_ok else _NOT_BLANK


def _integer_bounds(node: Any) -> None:
    """Write the bounds of integers as integers, exactly.

    FastAPI's document model holds ``minimum``/``maximum`` as floats, and
    ``2**63 - 1`` (the largest value a 64-bit column holds) rounds up to
    ``2**63``: the document then allowed a value the server refuses.
    """
    if isinstance(node, dict):
        if node.get("type") == "integer":
            for bound in ("minimum", "maximum"):
                value = node.get(bound)
                if isinstance(value, float) and value.is_integer():
                    node[bound] = p.MAX_INT64 if value == float(p.MAX_INT64) else int(value)
        for value in node.values():
            _integer_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _integer_bounds(value)


def _fit_parameters(operation: dict[str, Any]) -> None:
    """Path and query texts may not hold control characters (400 before any route)."""
    for parameter in operation.get("parameters", []):
        if parameter["in"] not in ("path", "query"):
            continue
        schema = parameter["schema"]
        for option in [schema, *schema.get("anyOf", [])]:
            if option.get("type") == "string" and "pattern" not in option:
                option["pattern"] = _FIT_TEXT


def _tus_headers(method: str, settings_max: int) -> list[dict[str, Any]]:
    tus = _header(
        "Tus-Resumable",
        "The tus version the client speaks; must be 1.0.0 (else 412).",
        {"type": "string", "enum": [p.TUS_VERSION]},
        required=True,
    )
    if method == "options":
        return []
    if method == "post":
        return [
            tus,
            _header(
                "Upload-Length",
                "The whole file's size in bytes.",
                {"type": "integer", "minimum": 0, "maximum": settings_max},
                required=True,
                example="0",
            ),
            _header(
                "Upload-Metadata",
                "tus metadata: comma-separated `key base64(value)` pairs; `sha256` (the "
                "file's SHA-256, 64 hex digits) is required and checked when the last "
                "byte arrives. HEAD echoes the header as sent.",
                {"type": "string", "pattern": upload_metadata_pattern()},
                required=True,
                example=_EXAMPLE_METADATA,
            ),
        ]
    if method == "patch":
        return [
            tus,
            _header(
                "Upload-Offset",
                "The offset the chunk starts at; must equal the server's (else 409).",
                {"type": "integer", "minimum": 0},
                required=True,
            ),
            _header(
                "Upload-Checksum",
                "tus checksum of this chunk: `sha1 <base64 digest>` or `sha256 <base64 digest>`; "
                "on mismatch the chunk is discarded (460).",
                {
                    "type": "string",
                    # base64 of a 20-byte (sha1) or 32-byte (sha256) digest
                    "pattern": "^(sha1 [A-Za-z0-9+/]{27}=|sha256 [A-Za-z0-9+/]{43}=)$",
                },
                example=_EXAMPLE_CHECKSUM,
            ),
        ]
    return [tus]


def _tus_response_headers(method: str, status: str) -> dict[str, Any]:
    text = {"type": "string"}
    integer = {"type": "integer", "minimum": 0}
    always = {"Tus-Resumable": {"required": True, "schema": {"type": "string"}}}
    if method == "options" and status.startswith("2"):
        return {
            **always,
            "Tus-Version": {"required": True, "schema": text},
            "Tus-Extension": {"required": True, "schema": text},
            "Tus-Max-Size": {"required": True, "schema": integer},
            "Tus-Checksum-Algorithm": {"required": True, "schema": text},
        }
    if not status.startswith("2"):
        return always
    state = {
        "Upload-Offset": {"required": True, "schema": integer},
        "Upload-Length": {"required": True, "schema": integer},
        "Upload-Expires": {"required": True, "schema": text},
        "Cache-Control": {"required": True, "schema": {"type": "string", "enum": ["no-store"]}},
    }
    if method == "post":
        return {**always, **state, "Location": {"required": True, "schema": text}}
    if method == "head":
        return {**always, **state, "Upload-Metadata": {"schema": text}}
    if method == "patch":
        return {**always, **state}
    return always


def build(app: FastAPI) -> dict[str, Any]:
    settings = app.state.settings
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    spec["info"]["description"] += (
        "\n\nUploads follow tus 1.0.0 (creation, expiration, checksum with sha1 and sha256, "
        "termination); a client behind a proxy that passes only GET and POST may send "
        "`POST` with `X-HTTP-Method-Override: PATCH`, `DELETE` or `HEAD` to an upload's "
        "address. Every time carries its offset (+07:00). The protocol is described for "
        "client writers in docs/sync-protocol.md."
    )
    # The citizen's look-up pages are web pages for browsers, like the back
    # office's; the document describes the API.
    for path in [path for path in spec["paths"] if path.startswith("/tra-cuu")]:
        del spec["paths"][path]
    _drop_unused_schemas(spec)
    _add_error_schemas(spec)
    _not_blank(spec)
    _integer_bounds(spec)
    # The server's own limit (configurable) is part of what it accepts: larger is 413.
    backup_size = spec["components"]["schemas"]["BackupRegistration"]["properties"]["size"]
    backup_size["maximum"] = settings.max_backup_bytes
    spec["components"]["securitySchemes"] = SECURITY_SCHEMES
    upload_prefix = f"{p.API_PREFIX}/uploads"
    for route in routes(app):
        if not isinstance(getattr(route, "original_route", route), APIRoute):
            continue
        if not route.include_in_schema or route.path_format not in spec["paths"]:
            continue
        calls = set(_calls(route.dependant))
        station = station_context in calls or upload_station_context in calls
        officer = officer_context in calls
        for method in sorted(m.lower() for m in route.methods):
            operation = spec["paths"][route.path_format][method]
            _complete(spec, operation, route.path_format, method, station, officer, settings)
            if route.path_format.startswith(upload_prefix):
                operation["parameters"] += _tus_headers(method, settings.max_upload_bytes)
                for status, response in operation["responses"].items():
                    response.setdefault("headers", {}).update(_tus_response_headers(method, status))
                    if method in ("post", "head", "patch", "delete", "options") and status in (
                        "201",
                        "204",
                        "200",
                    ):
                        response.pop("content", None)
                if method == "patch":
                    operation["requestBody"] = {
                        "required": True,
                        "content": {
                            p.UPLOAD_CONTENT_TYPE: {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    }
    _upload_links(spec)
    _report_period(spec)
    # A crash is answered outside the middleware that adds these headers.
    for operations in spec["paths"].values():
        for operation in operations.values():
            for header in operation["responses"].get("500", {}).get("headers", {}).values():
                header["required"] = False
    return spec


def _drop_unused_schemas(spec: dict[str, Any]) -> None:
    """Forget the component schemas only the pages left out used."""
    schemas = spec["components"]["schemas"]
    prefix = "#/components/schemas/"
    wanted: set[str] = set()
    pending = [json.dumps(spec["paths"])]
    while pending:
        for name in re.findall(re.escape(prefix) + r'([^"]+)"', pending.pop()):
            if name not in wanted and name in schemas:
                wanted.add(name)
                pending.append(json.dumps(schemas[name]))
    for name in set(schemas) - wanted:
        del schemas[name]


def _report_period(spec: dict[str, Any]) -> None:
    """A report's period is two calendar days, read as dates (else 400 ``bad_date``)."""
    operations = [
        spec["paths"].get(f"{p.API_PREFIX}/backoffice/{name}", {}).get("get")
        for name in ("reports/indicators", "ratings")
    ]
    parameters = [x for operation in operations for x in (operation or {}).get("parameters", [])]
    for parameter in parameters:
        if parameter["name"] in ("from", "to"):
            parameter["schema"] = {"type": "string", "format": "date", "maxLength": 10}
            parameter["description"] = (
                "First or last day of the period, YYYY-MM-DD; a period that ends before it "
                "starts or is longer than ten years is 400 `bad_period`."
            )


_UPLOAD_ID = "$response.header.Location#regex:/uploads/([A-Za-z0-9_-]+)$"


def _upload_links(spec: dict[str, Any]) -> None:
    """OpenAPI links: a created upload is the one to ask about, append to and end.

    The id comes out of ``Location`` (an extraction Schemathesis understands);
    the offset to send next is the one the last answer gave.
    """
    resource = f"{p.API_PREFIX}/uploads/{{upload_id}}"
    created = spec["paths"][f"{p.API_PREFIX}/uploads"]["post"]["responses"]["201"]
    operations = spec["paths"][resource]
    id_from = {"upload_id": _UPLOAD_ID}
    created["links"] = {
        "AskOffset": {"operationId": operations["head"]["operationId"], "parameters": id_from},
        "AppendChunk": {
            "operationId": operations["patch"]["operationId"],
            "parameters": {**id_from, "header.Upload-Offset": "$response.header.Upload-Offset"},
        },
        "Cancel": {"operationId": operations["delete"]["operationId"], "parameters": id_from},
    }
    same = {"upload_id": "$request.path.upload_id"}
    next_chunk = {
        "operationId": operations["patch"]["operationId"],
        "parameters": {**same, "header.Upload-Offset": "$response.header.Upload-Offset"},
    }
    operations["head"]["responses"]["200"]["links"] = {"AppendChunk": next_chunk}
    operations["patch"]["responses"]["204"]["links"] = {
        "AppendChunk": next_chunk,
        "AskOffset": {"operationId": operations["head"]["operationId"], "parameters": same},
        "Cancel": {"operationId": operations["delete"]["operationId"], "parameters": same},
    }
    operations["delete"]["responses"]["204"]["links"] = {
        "AskOffset": {"operationId": operations["head"]["operationId"], "parameters": same}
    }


def _complete(
    spec: dict[str, Any],
    operation: dict[str, Any],
    path: str,
    method: str,
    station: bool,
    officer: bool,
    settings: Any,
) -> None:
    parameters = operation.setdefault("parameters", [])
    _fit_parameters(operation)
    # 400: a control character in the path or query string, refused before any route.
    statuses: set[int] = {400, 500}
    has_body = "requestBody" in operation
    if has_body:
        statuses |= {400, 413, 422}
    if parameters:
        statuses.add(422)
    if station or path == f"{p.API_PREFIX}/enroll":
        # Only station calls check the protocol version; the back office does not.
        parameters.append(
            _header(
                p.PROTOCOL_HEADER,
                "The sync protocol version the client speaks; another one is refused (400).",
                {"type": "string", "enum": [str(p.PROTOCOL_VERSION)]},
            )
        )
        statuses.add(400)
    parameters.append(
        _header(
            "X-Request-ID",
            "Echoed in the answer and written to the server's log (its first 64 characters), "
            "to follow one request.",
            {"type": "string"},
        )
    )
    if station:
        operation["security"] = [{STATION: []}]
        statuses.add(401)
    elif officer:
        operation["security"] = [{BACKOFFICE: []}]
        statuses.add(401)
    if path == f"{p.API_PREFIX}/master":
        parameters.append(
            _header(
                "If-None-Match",
                "The ETag of an earlier answer; 304 without a body if nothing changed.",
                {"type": "string"},
            )
        )
    statuses |= set(_EXTRA.get((method, path), ()))
    if method == "options":
        statuses = {400, 500} | ({422} if "{" in path else set())
    responses = operation["responses"]
    responses.pop("422", None)  # FastAPI's, with a body this API never sends
    if path.startswith("/tra-cuu"):
        _public_page(operation, path)
        return
    if path == f"{p.API_PREFIX}/attachments/{{sha256}}":
        responses["200"]["content"] = {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
        }
        responses["200"]["headers"] = {"ETag": {"required": True, "schema": {"type": "string"}}}
    for status in sorted(statuses):
        responses[str(status)] = _error_response(spec, status, body=method != "head")
    if path == "/healthz":
        responses.pop("500", None)
    for status, response in responses.items():
        headers = response.setdefault("headers", {})
        headers["X-Request-ID"] = {"required": True, "schema": {"type": "string"}}
        if path.startswith(p.API_PREFIX):
            headers[p.PROTOCOL_HEADER] = {"required": True, "schema": {"type": "string"}}
        if status == "200" and path in (f"{p.API_PREFIX}/master",):
            headers["ETag"] = {"required": True, "schema": {"type": "string"}}
    if not operation["parameters"]:
        del operation["parameters"]


def _public_page(operation: dict[str, Any], path: str) -> None:
    """The citizen's look-up pages answer HTML, errors included."""
    html = {"text/html": {"schema": {"type": "string"}}}
    responses = operation["responses"]
    responses["400"] = _error_response({}, 400)
    responses["422"] = _error_response({}, 422)
    responses["500"] = _error_response({}, 500)
    if path == "/tra-cuu":
        responses["303"] = {
            "description": "Both code and secret given: on to the dossier's own address.",
            "headers": {"Location": {"required": True, "schema": {"type": "string"}}},
        }
    else:
        responses["404"] = {"description": "No dossier with this code and secret.", "content": html}
        if path == "/tra-cuu/{code}":
            responses["400"] = {"description": "Not a dossier code.", "content": html}
        if path.endswith("/ban-sao"):
            responses["200"] = {
                "description": "The digitized result, watermarked with the dossier code.",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
            responses["403"] = {"description": "The ID digits do not match.", "content": html}
            responses["503"] = {
                "description": "The stored copy cannot be read now.",
                "content": html,
            }
        responses["429"] = {
            "description": "Too many wrong look-ups from this address.",
            "content": html,
            "headers": {"Retry-After": {"required": True, "schema": {"type": "integer"}}},
        }
    for response in responses.values():
        response.setdefault("headers", {})["X-Request-ID"] = {
            "required": True,
            "schema": {"type": "string"},
        }


def install(app: FastAPI) -> None:
    """Serve the completed document at ``/openapi.json`` (built once, on first request)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
