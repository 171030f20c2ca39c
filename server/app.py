"""The FastAPI application: settings, database, store, error answers, routers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import delete
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.routing import Match, Route
from starlette.types import Scope

from app import __version__
from app.sync import protocol as p
from server import openapi, tokens, uploads
from server.common import ApiError, now
from server.config import Settings
from server.db import Database
from server.logs import configure_logging
from server.lookupkey import load_key
from server.master import seed_catalogue
from server.middleware import (
    AccessLogMiddleware,
    BodyLimitMiddleware,
    TusMiddleware,
    UnfitTextMiddleware,
)
from server.models import OfficerSession
from server.ratelimit import MissCounter
from server.routers import (
    attachments,
    backoffice_api,
    backoffice_web,
    enrol,
    feedback_backoffice,
    health,
    public,
    public_feedback,
    pull,
    push,
    ratings,
    recovery,
    station,
    station_backups,
    station_protect,
)
from server.storage import BlobStore

log = logging.getLogger("server")
JANITOR_SECONDS = 600

# Vietnamese wording for the HTTP errors Starlette raises by itself.
_STATUS_MESSAGES = {
    404: ("not_found", "Không tìm thấy địa chỉ yêu cầu."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ ở địa chỉ này."),
    413: ("too_large", "Yêu cầu quá lớn."),
}


def prepare(settings: Settings) -> Database:
    """Create the data folders, bring the schema up to date and seed master data."""
    settings.ensure_dirs()
    load_key(settings.data_dir)
    db = Database(settings.database_url)
    db.migrate()
    seed_catalogue(db)
    return db


def app_from_env() -> FastAPI:
    """The application in a worker process of a multi-worker server.

    The parent has prepared the database (migrations run once, not once per
    worker) and passed its settings in the environment.
    """
    settings = Settings.from_env()
    configure_logging(settings.log_level)
    return create_app(settings, Database(settings.database_url))


def _janitor_pass(db: Database, store: BlobStore, misses: MissCounter) -> None:
    purged = uploads.purge_expired(db, store)
    with db.write() as session:
        session.execute(delete(OfficerSession).where(OfficerSession.expires_at < now()))
    misses.purge()
    tokens.forget_retired(db)
    if purged:
        log.info("expired uploads removed", extra={"count": purged})


async def _janitor(db: Database, store: BlobStore, misses: MissCounter) -> None:
    while True:
        try:
            await run_in_threadpool(_janitor_pass, db, store, misses)
        except Exception:  # noqa: BLE001 - housekeeping must never stop the server
            log.exception("housekeeping failed")
        await asyncio.sleep(JANITOR_SECONDS)


def _error(
    status: int,
    code: str,
    message: str,
    *,
    message_en: str | None = None,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if message_en:
        body["message_en"] = message_en
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method the routes for the request's path answer.

    Where a literal path and a templated one both match (``/attachments/missing``
    and ``/attachments/{sha256}``), the literal one is the resource meant.
    """
    by_path: dict[str, set[str]] = {}
    for route in openapi.routes(request.app):
        if isinstance(getattr(route, "original_route", route), Route) and route.methods:
            match, _ = route.matches({**request.scope, "method": "GET"})
            if match != Match.NONE:
                by_path.setdefault(route.path_format, set()).update(route.methods)
    if not by_path:
        return []
    best = min(by_path, key=lambda path: path.count("{"))
    return sorted(by_path[best])


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_MESSAGES.get(
            exc.status_code, ("http_error", HTTPStatus(exc.status_code).phrase)
        )
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path.
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return _error(exc.status_code, code, message, message_en=str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Only where and what: the offending input may be a password.
        details = [
            {"loc": list(err.get("loc", ())), "msg": err.get("msg"), "type": err.get("type")}
            for err in exc.errors()[:20]
        ]
        if any(d["type"] == "json_invalid" for d in details):
            return _error(
                400,
                "malformed_json",
                "Nội dung yêu cầu không phải JSON hợp lệ.",
                message_en="The request body is not valid JSON.",
                details=details,
            )
        return _error(
            422,
            "invalid_request",
            "Yêu cầu không hợp lệ: thiếu hoặc sai dữ liệu.",
            message_en="Invalid request: missing or malformed data.",
            details=details,
        )

    @app.exception_handler(ClientDisconnect)
    async def gone(request: Request, _exc: ClientDisconnect) -> Response:
        # The client hung up mid-body: nobody reads this answer, and it is no
        # server fault. What arrived of an upload was kept by the router.
        log.info("client disconnected", extra={"path": request.url.path})
        return Response(status_code=400)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error", exc_info=exc)
        return _error(
            500,
            "internal_error",
            "Máy chủ gặp lỗi không mong muốn; hãy thử lại sau.",
            message_en="Unexpected server error.",
        )


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    """The application for ``settings``; prepares the database unless given one."""
    database = db or prepare(settings)
    store = BlobStore(settings)
    misses = MissCounter(database, settings.lookup_miss_window_seconds)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        janitor = asyncio.create_task(_janitor(database, store, misses))
        log.info("server started", extra={"database": database.engine.dialect.name})
        try:
            yield
        finally:
            janitor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await janitor
            database.dispose()
            log.info("server stopped")

    app = FastAPI(
        title="MotCua Desk – máy chủ trung tâm",
        description=(
            "Đồng bộ hồ sơ giữa các máy trạm một cửa và máy chủ trung tâm; "
            f"giao thức phiên bản {p.PROTOCOL_VERSION}. Trạm gửi tiêu đề "
            f"`Authorization: Bearer <mã máy trạm>` và `{p.PROTOCOL_HEADER}: "
            f"{p.PROTOCOL_VERSION}`."
        ),
        version=__version__,
        lifespan=lifespan,
        # Operation ids a generated client turns into readable function names.
        generate_unique_id_function=openapi.operation_id,
    )
    app.state.settings = settings
    app.state.db = database
    app.state.store = store
    app.state.misses = misses
    app.state.lookup_key = load_key(settings.data_dir)
    _install_error_handlers(app)

    upload_prefix = f"{p.API_PREFIX}/uploads/"

    def body_limit(scope: Scope) -> int:
        if scope["method"] == "PATCH" and scope["path"].startswith(upload_prefix):
            return settings.max_chunk_bytes
        if scope["method"] == "POST" and scope["path"] == upload_prefix.rstrip("/"):
            return settings.max_chunk_bytes  # creation-with-upload: the first chunk
        return settings.max_json_bytes

    app.add_middleware(BodyLimitMiddleware, limit_for=body_limit)
    app.add_middleware(UnfitTextMiddleware)
    app.add_middleware(
        AccessLogMiddleware,
        api_prefix=p.API_PREFIX,
        api_headers={p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION)},
    )
    # Outermost, so an overridden method is what the size limit and the
    # routes see, and even the size limit's refusal carries Tus-Resumable.
    app.add_middleware(TusMiddleware, prefix=upload_prefix.rstrip("/"), version=p.TUS_VERSION)

    for module in (
        health,
        enrol,
        station,
        push,
        attachments,
        pull,
        recovery,
        station_backups,
        backoffice_api,
        backoffice_web,
        feedback_backoffice,
        public_feedback,
        public,
        ratings,
        station_protect,
    ):
        app.include_router(module.router)
    # Signed station updates (TUF metadata and bundles, made by
    # app.update.publish): static files, verified by the stations themselves.
    updates = settings.data_dir / "updates"
    updates.mkdir(parents=True, exist_ok=True)
    app.mount("/updates", StaticFiles(directory=updates), name="updates")
    openapi.install(app)
    return app
