"""Checking and downloading signed updates with TUF's ngclient.

The same repository (``metadata/`` and ``targets/``) is read from the central
server (``<server>/updates/``) or from a folder such as a USB stick. Every
refusal is a ``DomainError`` whose Vietnamese message says that the current
version keeps running.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, Targets
from tuf.ngclient import Updater
from tuf.ngclient.fetcher import FetcherInterface
from tuf.ngclient.urllib3_fetcher import Urllib3Fetcher

from app.domain.errors import DomainError
from app.update import layout

CHUNK = 1 << 20
BUNDLED_ROOT = Path(__file__).resolve().parents[2] / "resources" / "update" / "root.json"


@dataclass(frozen=True)
class Source:
    """Where the repository is: an http(s) URL of the server or a local folder."""

    label: str
    metadata_url: str
    targets_url: str
    folder: bool

    @classmethod
    def server(cls, url: str) -> Source:
        base = url.rstrip("/") + "/updates/"
        return cls(url, base + "metadata/", base + "targets/", False)

    @classmethod
    def directory(cls, path: Path) -> Source:
        base = path.resolve().as_uri().rstrip("/") + "/"
        return cls(str(path), base + "metadata/", base + "targets/", True)


class FolderFetcher(FetcherInterface):
    """Reads ``file://`` URLs; a missing file answers like HTTP 404 (no newer root)."""

    def _fetch(self, url: str) -> Iterator[bytes]:
        path = Path(unquote(urlparse(url).path))
        if os.name == "nt" and str(path).startswith("\\"):
            path = Path(str(path).lstrip("\\"))
        try:
            f = open(path, "rb")  # noqa: SIM115 - closed by the generator
        except FileNotFoundError as exc:
            raise tuf_errors.DownloadHTTPError(f"{path} not found", 404) from exc

        def chunks() -> Iterator[bytes]:
            with f:
                while block := f.read(CHUNK):
                    yield block

        return chunks()


@dataclass(frozen=True)
class Available:
    version: str
    target: str
    length: int
    current: str


def trusted_root() -> bytes:
    """The first trusted root: built into the bundle (``MOTCUA_UPDATE_ROOT`` overrides)."""
    override = os.environ.get("MOTCUA_UPDATE_ROOT")
    path = Path(override) if override else BUNDLED_ROOT
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DomainError(
            "update_not_configured",
            "Bản cài đặt này chưa có khóa gốc để kiểm tra chữ ký cập nhật "
            f"({path}); không thể nhận cập nhật.",
            f"This installation has no trusted root to verify updates ({path}).",
        ) from exc


def _updater(home: Path, source: Source, timeout: float = 30) -> Updater:
    metadata_dir = home / "tuf" / "metadata"
    metadata_dir.mkdir(parents=True, exist_ok=True)
    return Updater(
        metadata_dir=str(metadata_dir),
        metadata_base_url=source.metadata_url,
        target_dir=str(home / "downloads"),
        target_base_url=source.targets_url,
        fetcher=FolderFetcher() if source.folder else Urllib3Fetcher(socket_timeout=timeout),
        bootstrap=_newest_root(metadata_dir) or trusted_root(),
    )


def _newest_root(metadata_dir: Path) -> bytes | None:
    """The newest root this station already verified (kept by ngclient), if any."""
    history = metadata_dir / "root_history"
    roots = sorted(history.glob("*.root.json"), key=lambda p: int(p.name.split(".")[0]))
    return roots[-1].read_bytes() if roots else None


def refusal(exc: Exception, source: Source, current: str) -> DomainError:
    """A TUF failure as the station's IT person should read it."""
    keep = f"Vẫn dùng phiên bản hiện tại {current}."
    keep_en = f"Version {current} keeps running."
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        return DomainError(
            "update_expired",
            f"Thông tin cập nhật ở {source.label} đã hết hạn ({exc}); không cài. {keep} "
            "Hãy kết nối máy chủ hoặc chép bản cập nhật mới vào USB.",
            f"The update information at {source.label} has expired ({exc}); "
            f"nothing installed. {keep_en}",
        )
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return DomainError(
            "update_rollback",
            f"Thông tin cập nhật ở {source.label} cũ hơn thông tin máy đã nhận trước đây "
            f"(có thể bị tráo về bản cũ); không cài. {keep}",
            f"The update information at {source.label} is older than what this station "
            f"already trusts (rollback); nothing installed. {keep_en}",
        )
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        return DomainError(
            "update_bad_signature",
            f"Chữ ký của thông tin cập nhật ở {source.label} không hợp lệ; không cài. {keep}",
            f"The update information at {source.label} is not validly signed; "
            f"nothing installed. {keep_en}",
        )
    if isinstance(
        exc, tuf_errors.LengthOrHashMismatchError | tuf_errors.DownloadLengthMismatchError
    ):
        return DomainError(
            "update_damaged",
            f"Tệp cập nhật ở {source.label} bị cắt ngắn hoặc bị sửa (độ dài hoặc mã băm không "
            f"khớp chữ ký); không cài. Hãy tải hoặc chép lại. {keep}",
            f"The update file at {source.label} is truncated or altered; nothing "
            f"installed. {keep_en}",
        )
    if isinstance(exc, tuf_errors.DownloadError):
        return DomainError(
            "update_unreachable",
            f"Không đọc được bản cập nhật từ {source.label} ({exc}). {keep}",
            f"Could not read the update from {source.label} ({exc}). {keep_en}",
        )
    return DomainError(
        "update_invalid",
        f"Thông tin cập nhật ở {source.label} không hợp lệ ({exc}); không cài. {keep}",
        f"The update information at {source.label} is invalid ({exc}). {keep_en}",
    )


def check(home: Path, source: Source, current: str, timeout: float = 30) -> Available | None:
    """The newest signed bundle for this machine when newer than ``current``.

    ``None`` means up to date. A signed bundle older than ``current`` as the
    newest one is refused: a station never goes back by itself.
    """
    try:
        updater = _updater(home, source, timeout)
        updater.refresh()
        # refresh() has just verified and stored targets.json.
        targets = Metadata[Targets].from_file(str(home / "tuf" / "metadata" / "targets.json"))
    except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
        raise refusal(exc, source, current) from exc
    platform = layout.platform_tag()
    candidates = []
    for path, info in targets.signed.targets.items():
        custom = info.custom or {}
        try:
            version = layout.parse_version(str(custom.get("version", "")))
        except ValueError:
            continue
        if custom.get("platform") == platform:
            candidates.append((version, str(custom["version"]), path, info.length))
    if not candidates:
        return None
    _key, version, path, length = max(candidates)
    if layout.parse_version(version) == layout.parse_version(current):
        return None
    if layout.parse_version(version) < layout.parse_version(current):
        raise DomainError(
            "update_older",
            f"Bản cập nhật mới nhất ở {source.label} là {version}, cũ hơn phiên bản đang dùng "
            f"{current}; không cài (không quay về bản cũ). Vẫn dùng phiên bản {current}.",
            f"The newest update at {source.label} is {version}, older than the running "
            f"{current}; nothing installed.",
        )
    return Available(version, path, length, current)


def download(home: Path, source: Source, available: Available) -> Path:
    """Fetch the bundle and verify its length and hash against the signed metadata."""
    try:
        updater = _updater(home, source)
        updater.refresh()
        info = updater.get_targetinfo(available.target)
        if info is None:
            raise tuf_errors.RepositoryError(f"{available.target} is not a signed target")
        target = home / "downloads" / Path(available.target).name
        target.parent.mkdir(parents=True, exist_ok=True)
        return Path(updater.download_target(info, str(target)))
    except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
        raise refusal(exc, source, available.current) from exc
