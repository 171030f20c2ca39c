"""Where installed versions live, which one is in use, and which one starts.

The program installed by the package (``/opt/motcua-desk``, or the folder the
Windows installer chose) is the *packaged* version. Updates go beside it,
into a folder the user can write::

    <app home>/versions/<version>/      one frozen bundle per version
    <app home>/current.json             {"version": ..., "previous": ...}
    <app home>/tuf/                     trusted update metadata
    <app home>/downloads/               verified bundles waiting to be unpacked

``current.json`` is the switch: it is replaced in one rename, so a power cut
leaves either the old or the new pointer, and a version folder appears under
its final name only once it is completely unpacked.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

POINTER = "current.json"
VERSION_FILE = "version.txt"


def executable_name() -> str:
    return "motcua-desk.exe" if os.name == "nt" else "motcua-desk"


def platform_tag() -> str:
    """The bundle flavour this machine runs, e.g. ``linux-x86_64``."""
    import platform

    system = "windows" if os.name == "nt" else sys.platform.rstrip("0123456789")
    return f"{system}-{platform.machine().lower()}"


def parse_version(text: str) -> tuple[int, ...]:
    """``"1.2.10"`` → ``(1, 2, 10)``; anything else is refused."""
    if not re.fullmatch(r"\d+(\.\d+){0,3}", text.strip()):
        raise ValueError(f"not a version number: {text!r}")
    return tuple(int(part) for part in text.strip().split("."))


def app_home() -> Path:
    """The user-writable folder that holds updated versions."""
    override = os.environ.get("MOTCUA_APP_HOME")
    if override:
        return Path(override).expanduser()
    if os.name == "nt":
        # The Windows installer puts the bundle in <install folder>\app.
        packaged = packaged_dir()
        if packaged is not None and packaged.name == "app":
            return packaged.parent
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "Programs" / "MotCuaDesk"
    return Path(user_data_dir("MotCuaDesk-versions", appauthor=False))


def packaged_dir() -> Path | None:
    """The bundle the package installed: the running one when frozen."""
    override = os.environ.get("MOTCUA_PACKAGED_DIR")
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def bundle_version(bundle: Path) -> str | None:
    try:
        text = (bundle / VERSION_FILE).read_text(encoding="utf-8").strip()
        parse_version(text)
        return text
    except (OSError, ValueError):
        return None


def is_complete(bundle: Path) -> bool:
    return (bundle / executable_name()).is_file() and bundle_version(bundle) is not None


@dataclass(frozen=True)
class Pointer:
    version: str
    previous: str | None = None


def read_pointer(home: Path) -> Pointer | None:
    try:
        data = json.loads((home / POINTER).read_text(encoding="utf-8"))
        return Pointer(str(data["version"]), data.get("previous"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_pointer(home: Path, pointer: Pointer | None) -> None:
    """Switch versions in one rename (or go back to the packaged one with ``None``)."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / POINTER
    if pointer is None:
        target.unlink(missing_ok=True)
        fsync_dir(home)
        return
    tmp = home / f".{POINTER}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"version": pointer.version, "previous": pointer.previous}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)
    fsync_dir(home)


def versions_dir(home: Path) -> Path:
    return home / "versions"


def version_dir(home: Path, version: str) -> Path:
    return versions_dir(home) / version


def start_bundle(home: Path, packaged: Path | None) -> Path | None:
    """The bundle to start: the switched-to version when complete and not older
    than the packaged one (a newer package installed over it wins)."""
    pointer = read_pointer(home)
    if pointer is not None:
        chosen = version_dir(home, pointer.version)
        if is_complete(chosen):
            packaged_version = bundle_version(packaged) if packaged else None
            if packaged_version is None or parse_version(pointer.version) >= parse_version(
                packaged_version
            ):
                return chosen
    return packaged


def running_version() -> str:
    """The version a start would run now."""
    bundle = start_bundle(app_home(), packaged_dir())
    found = bundle_version(bundle) if bundle else None
    if found:
        return found
    from app import __version__

    return __version__
