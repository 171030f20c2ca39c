"""HTTP calls to the central server, with timeouts and plain-language failures."""

from __future__ import annotations

from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from app.domain.errors import DomainError
from app.infra import clock
from app.sync import protocol as p

# (connect, read) seconds. urllib3 also uses the first while it sends a request
# body, so it must outlast a stall of a weak link mid-upload, not only a connect.
TIMEOUT = (20.0, 60.0)


class SyncError(DomainError):
    """A failed call; ``retry`` tells whether the same call may succeed later."""

    def __init__(self, code: str, vi: str, en: str, *, retry: bool) -> None:
        super().__init__(code, vi, en)
        self.retry = retry


def unreachable(detail: str) -> SyncError:
    return SyncError(
        "server_unreachable",
        f"Không kết nối được máy chủ ({detail}); dữ liệu vẫn an toàn và sẽ gửi lại sau.",
        f"Cannot reach the server ({detail}); data is safe and will be sent later.",
        retry=True,
    )


class Transport:
    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers[p.PROTOCOL_HEADER] = str(p.PROTOCOL_VERSION)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        # Server clock minus ours, from the last answer's Date header: every receipt
        # time and appointment is counted on this station's clock, so a wrong one matters.
        self.clock_skew: timedelta | None = None
        # Set once an answer says the station's token is due to be swapped.
        self.rotate_due = False
        # The transport this one was cloned from: it hears the request to
        # rotate too, since the round that swaps the token holds only it.
        self._origin: Transport | None = None

    def use_token(self, token: str) -> None:
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.rotate_due = False

    def clone(self) -> Transport:
        """A transport with its own connection, for a worker thread."""
        other = Transport(self.base_url)
        other.session.headers.update(self.session.headers)
        other._origin = self._origin or self
        return other

    def close(self) -> None:
        self.session.close()

    def call(
        self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None
    ) -> Any:
        url = f"{self.base_url}{p.API_PREFIX}{path}"
        try:
            resp = self.session.request(method, url, json=json, params=params, timeout=TIMEOUT)
        except requests.Timeout:
            raise unreachable("hết thời gian chờ") from None
        except requests.ConnectionError:
            raise unreachable("mất kết nối") from None
        self._note_clock(resp)
        if resp.status_code >= 400:
            raise http_error(resp)
        return resp.json() if resp.content else None

    def raw(
        self,
        method: str,
        url: str,
        *,
        headers: dict[str, str] | None = None,
        data: bytes | None = None,
        expect: tuple[int, ...] = (),
    ) -> requests.Response:
        """A call whose status codes in ``expect`` the caller handles itself."""
        if url.startswith("/"):
            url = f"{self.base_url}{url}"
        try:
            resp = self.session.request(method, url, headers=headers, data=data, timeout=TIMEOUT)
        except requests.Timeout:
            raise unreachable("hết thời gian chờ") from None
        except requests.ConnectionError:
            raise unreachable("mất kết nối") from None
        self._note_clock(resp)
        if resp.status_code >= 400 and resp.status_code not in expect:
            raise http_error(resp)
        return resp

    def _note_clock(self, resp: requests.Response) -> None:
        if resp.headers.get(p.TOKEN_ROTATE_HEADER) == "1":
            self.rotate_due = True
            if self._origin is not None:
                self._origin.rotate_due = True
        try:
            server = parsedate_to_datetime(resp.headers["Date"])
        except (KeyError, TypeError, ValueError):
            return
        if server.tzinfo is not None:
            self.clock_skew = clock.to_local(server) - clock.now()

    def healthy(self, timeout: float = 3.0) -> bool:
        """Probe ``/healthz``: the only judge of "online" that means the server answers."""
        try:
            resp = self.session.get(f"{self.base_url}/healthz", timeout=timeout)
        except requests.RequestException:
            return False
        return resp.status_code == 200


def http_error(resp: requests.Response) -> SyncError:
    try:
        body = resp.json().get("error", {})
    except ValueError:
        body = {}
    message = body.get("message") or resp.reason or ""
    if resp.status_code in (401, 403):
        return SyncError(
            "credential_rejected",
            f"Máy chủ từ chối chứng thực của quầy ({message}); cần đăng ký lại quầy.",
            f"The server refused this station's credential ({message}); enrol again.",
            retry=False,
        )
    if resp.status_code >= 500:
        return SyncError(
            "server_error",
            f"Máy chủ đang gặp lỗi (HTTP {resp.status_code}); sẽ thử lại sau.",
            f"The server had an error (HTTP {resp.status_code}); will retry later.",
            retry=True,
        )
    return SyncError(
        body.get("code") or "request_refused",
        f"Máy chủ từ chối yêu cầu: {message}",
        f"The server refused the request: {body.get('message_en') or message}",
        retry=False,
    )
