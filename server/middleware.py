"""ASGI middleware: request size limits and the access log."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from urllib.parse import unquote

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.sync.protocol import unfit_character

log = logging.getLogger("server.access")


class BodyTooLarge(HTTPException):
    """Raised from ``receive``; a FastAPI ``HTTPException`` so body parsing passes it on."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, detail=f"request body larger than {limit} bytes")
        self.limit = limit


class BodyLimitMiddleware:
    """Refuse bodies over a per-request limit, declared or streamed."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _header(scope, b"content-length")
        if (
            declared is not None
            and declared.isascii()
            and declared.isdigit()
            and int(declared) > limit
        ):
            # Answer before reading a byte; closing lets the client stop sending.
            await _too_large(send, limit)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


class UnfitTextMiddleware:
    """Refuse a path or query string holding control characters, before any router.

    A NUL in ``/tra-cuu/<code>`` or in a query parameter would otherwise reach
    a PostgreSQL query, which cannot hold one, and end as a 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = unquote(scope.get("query_string", b"").decode("latin-1"), errors="replace")
            if unfit_character(scope["path"]) or unfit_character(query):
                await _json_error(
                    send,
                    400,
                    "unfit_text",
                    "Địa chỉ yêu cầu chứa ký tự điều khiển không hợp lệ.",
                    "The request path or query holds a control character.",
                )
                return
        await self.app(scope, receive, send)


class AccessLogMiddleware:
    """One structured line per request; the query string is never logged."""

    def __init__(
        self, app: ASGIApp, api_prefix: str = "", api_headers: dict[str, str] | None = None
    ) -> None:
        self.app = app
        self.api_prefix = api_prefix
        # Headers every API answer carries (the protocol version).
        self.api_headers = [
            (k.lower().encode("latin-1"), v.encode("latin-1"))
            for k, v in (api_headers or {}).items()
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = (_header(scope, b"x-request-id") or uuid.uuid4().hex[:16])[:64]
        status = 500
        extra = [(b"x-request-id", request_id.encode("latin-1"))]
        if self.api_prefix and scope["path"].startswith(self.api_prefix):
            extra += self.api_headers

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.extend(extra)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            client = scope.get("client")
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": client[0] if client else None,
                    "request_id": request_id,
                },
            )


class TusMiddleware:
    """What tus asks of every request and answer under the upload address.

    Every answer, errors included (401, 404, 413, ...), carries
    ``Tus-Resumable``, and ``X-HTTP-Method-Override`` is honoured for
    clients behind proxies that only pass GET and POST.
    """

    OVERRIDABLE = frozenset({"PATCH", "DELETE", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp, prefix: str, version: str) -> None:
        self.app = app
        self.prefix = prefix
        self.version = version.encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            await self.app(scope, receive, send)
            return
        override = (_header(scope, b"x-http-method-override") or "").strip().upper()
        if scope["method"] == "POST" and override in self.OVERRIDABLE:
            scope = {**scope, "method": override}

        async def send_tus(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"tus-resumable"
                ]
                headers.append((b"tus-resumable", self.version))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_tus)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


async def _too_large(send: Send, limit: int) -> None:
    await _json_error(
        send,
        413,
        "too_large",
        f"Yêu cầu quá lớn (tối đa {limit} byte).",
        f"Request body too large (at most {limit} bytes).",
    )


async def _json_error(send: Send, status: int, code: str, message: str, message_en: str) -> None:
    body = json.dumps(
        {"error": {"code": code, "message": message, "message_en": message_en}},
        ensure_ascii=False,
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
