"""``python -m server backup`` / ``restore``: the central server's verified backups.

A backup is the database (SQLite through its online backup API, safe while
the server runs; PostgreSQL through ``pg_dump`` in its custom format, one
consistent snapshot), a copy of ``server.key`` (without it no receipt's QR
code opens its dossier), and the attachments, copied once into a pool beside
the backups (``files/``; they are named by their SHA-256, so later backups
copy only the new ones). It is written under a temporary name, synced,
verified (SQLite: ``integrity_check`` and the row counts; PostgreSQL:
``pg_restore --list`` names every table's data), described by a manifest
with its SHA-256, and only then renamed into place. Backups are pruned to
7 daily, 4 weekly and 12 monthly.

A restore (with the server stopped) verifies first, keeps a safety copy of
what it replaces, and swaps in one step: SQLite by one rename; PostgreSQL
by replaying the dump in one transaction that first drops the schema, so
a failure leaves the database as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from app.domain.retention import to_keep
from server.config import Settings
from server.db import VERSION_TABLE, normalise_url
from server.lookupkey import KEY_FILE

FORMAT = "motcua-server-backup/1"
PARTIAL = ".partial-"
POOL = "files"
SUFFIXES = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
_SHA = re.compile(r"^[0-9a-f]{64}$")


class BackupError(Exception):
    """A backup or restore that cannot be made; nothing live was changed."""


def default_destination(settings: Settings) -> Path:
    return settings.data_dir / "backups"


def manifest_path(file: Path) -> Path:
    return file.with_name(file.name + ".json")


def key_copy_path(file: Path) -> Path:
    return file.with_name(file.name + ".server.key")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


def _kind(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def _sqlite_file(url: str) -> Path:
    return Path(url.split(":///", 1)[1])


def _libpq(url: str) -> str:
    return normalise_url(url).replace("postgresql+psycopg://", "postgresql://", 1)


def _pg_schema(url: str) -> str:
    """The schema the server's tables live in: ``search_path`` from the URL, or public."""
    options = parse_qs(urlsplit(url).query).get("options", [""])[0]
    found = re.search(r"search_path=([A-Za-z0-9_]+)", unquote(options))
    return found.group(1) if found else "public"


def _run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(cmd, capture_output=True, check=True, timeout=3600, **kwargs)
    except FileNotFoundError as exc:
        raise BackupError(
            f"Không tìm thấy chương trình {cmd[0]} (cài gói postgresql-client)."
        ) from exc
    except subprocess.CalledProcessError as exc:
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr
        raise BackupError(f"{cmd[0]} thất bại: {(err or '').strip()[:500]}") from exc


# ------------------------------------------------------------------ the database


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _sqlite_check(path: Path) -> tuple[str | None, dict[str, int], str | None]:
    """(schema revision, row counts, problem) of a SQLite file, opened read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return None, {}, str(exc)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            return None, {}, f"integrity_check: {result}"
        row = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        return (row[0] if row else None), _sqlite_counts(conn), None
    except sqlite3.Error as exc:
        return None, {}, str(exc)
    finally:
        conn.close()


def _dump_sqlite(url: str, tmp: Path) -> tuple[str | None, dict[str, int]]:
    source = sqlite3.connect(_sqlite_file(url))
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)  # one consistent snapshot, while the server writes
    finally:
        target.close()
        source.close()
    _fsync(tmp)
    schema, rows, problem = _sqlite_check(tmp)
    if problem:
        raise BackupError(f"Bản sao lưu vừa tạo không kiểm tra được ({problem}); đã hủy.")
    return schema, rows


def _pg_tables(listing: str, schema: str) -> set[str]:
    found = set()
    for line in listing.splitlines():
        parts = line.split()
        # "215; 0 16401 TABLE DATA schema table owner"
        if "TABLE DATA" in line and schema in parts:
            at = parts.index(schema)
            if at + 1 < len(parts):
                found.add(parts[at + 1])
    return found


def _pg_live(url: str, schema: str) -> tuple[str | None, list[str]]:
    import psycopg

    with psycopg.connect(_libpq(url)) as conn:
        row = conn.execute(f'SELECT version_num FROM "{schema}".{VERSION_TABLE}').fetchone()
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename",
                (schema,),
            )
        ]
    return (row[0] if row else None), tables


def _dump_pg(url: str, tmp: Path) -> tuple[str | None, list[str]]:
    schema = _pg_schema(url)
    revision, tables = _pg_live(url, schema)
    _run(["pg_dump", "--format=custom", f"--schema={schema}", "--file", str(tmp), _libpq(url)])
    _fsync(tmp)
    listed = _pg_tables(_run(["pg_restore", "--list", str(tmp)], text=True).stdout, schema)
    if not set(tables) <= listed:
        raise BackupError("Bản sao lưu vừa tạo thiếu dữ liệu của một số bảng; đã hủy.")
    return revision, tables


# ------------------------------------------------------------------ attachments


def _attachment_names(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.glob("??/??/*")
        if p.is_file() and _SHA.match(p.name)
    )


def _valid_name(name: str) -> bool:
    parts = name.split("/")
    return (
        len(parts) == 3
        and _SHA.match(parts[2]) is not None
        and parts[0] == parts[2][:2]
        and parts[1] == parts[2][2:4]
    )


def _copy_checked(src: Path, target: Path, sha: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        shutil.copyfile(src, tmp)
        _fsync(tmp)
        if sha256_file(tmp) != sha:
            raise BackupError(f"Tệp đính kèm {sha[:12]}… hỏng (mã băm không khớp).")
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def damaged_attachments(root: Path) -> list[str]:
    """Stored attachments whose bytes no longer hash to their name."""
    return [n for n in _attachment_names(root) if sha256_file(root / n) != n.rsplit("/", 1)[1]]


# ------------------------------------------------------------------ backup


def make_backup(settings: Settings, dest: Path | None = None) -> dict[str, Any]:
    """A verified backup of the server into ``dest`` (default: ``<data>/backups``)."""
    url = normalise_url(settings.database_url)
    kind = _kind(url)
    dest = _private_dir(Path(dest) if dest else default_destination(settings))
    now = datetime.now().replace(microsecond=0)
    final = dest / f"motcua-server-{now:%Y%m%d-%H%M%S}{SUFFIXES[kind]}"
    n = 1
    while final.exists() or manifest_path(final).exists():
        n += 1  # a second backup within the same second keeps the first
        final = dest / f"motcua-server-{now:%Y%m%d-%H%M%S}-{n}{SUFFIXES[kind]}"
    tmp = dest / f"{PARTIAL}{secrets.token_hex(4)}{SUFFIXES[kind]}"
    try:
        if kind == "sqlite":
            schema, rows = _dump_sqlite(url, tmp)
            tables = sorted(rows)
        else:
            schema, tables = _dump_pg(url, tmp)
            rows = {}
        os.chmod(tmp, 0o600)
        key = settings.data_dir / KEY_FILE
        key_sha = None
        if key.is_file():
            shutil.copyfile(key, key_copy_path(final))
            os.chmod(key_copy_path(final), 0o600)
            _fsync(key_copy_path(final))
            key_sha = sha256_file(key_copy_path(final))
        names = _attachment_names(settings.attachments_dir)
        copied = 0
        for name in names:
            target = dest / POOL / name
            if not target.is_file():
                _copy_checked(settings.attachments_dir / name, target, name.rsplit("/", 1)[1])
                copied += 1
        manifest = {
            "format": FORMAT,
            "kind": kind,
            "file": final.name,
            "sha256": sha256_file(tmp),
            "size": tmp.stat().st_size,
            "created_at": now.isoformat(),
            "schema": schema,
            "tables": tables,
            "pg_schema": _pg_schema(url) if kind == "postgresql" else None,
            "rows": rows,
            "server_key_sha256": key_sha,
            "files": names,
        }
        text = json.dumps(manifest, indent=2).encode()
        part = manifest_path(final).with_name(f".{manifest_path(final).name}.part")
        part.write_bytes(text)
        _fsync(part)
        os.replace(part, manifest_path(final))
        os.replace(tmp, final)
        _fsync_dir(dest)
    except OSError as exc:
        raise BackupError(f"Không ghi được vào {dest}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    pruned = prune(dest)
    return {
        "file": str(final.resolve()),
        "sha256": manifest["sha256"],
        "size": manifest["size"],
        "kind": kind,
        "schema": schema,
        "rows": rows,
        "files": len(names),
        "files_copied": copied,
        "pruned": [p.name for p in pruned],
    }


def list_backups(dest: Path) -> list[dict[str, Any]]:
    found = []
    for manifest in dest.glob("motcua-server-*.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        file = manifest.with_name(data.get("file", ""))
        found.append(
            {
                "file": str(file.resolve()),
                "created_at": data.get("created_at"),
                "kind": data.get("kind"),
                "size": data.get("size"),
                "sha256": data.get("sha256"),
                "files": len(data.get("files") or []),
            }
        )
    found.sort(key=lambda b: b["created_at"] or "", reverse=True)
    return found


def prune(dest: Path) -> list[Path]:
    """Delete the backups the 7/4/12 schedule no longer keeps (never an unreadable one)."""
    by_stamp: dict[datetime, list[Path]] = {}
    for manifest in dest.glob("motcua-server-*.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            stamp = datetime.fromisoformat(data["created_at"])
        except (OSError, ValueError, KeyError):
            continue
        by_stamp.setdefault(stamp, []).append(manifest.with_name(data.get("file", "")))
    keep = to_keep(list(by_stamp))
    removed = []
    for stamp, files in by_stamp.items():
        if stamp in keep:
            continue
        for file in files:
            for path in (file, key_copy_path(file), manifest_path(file)):
                path.unlink(missing_ok=True)
            removed.append(file)
    return removed


# ------------------------------------------------------------------ verify


def verify_backup(file: Path) -> dict[str, Any]:
    """Every check a restore relies on; ``ok`` False with ``problem`` naming the first failed."""
    file = Path(file).resolve()

    def failed(problem: str, message: str) -> dict[str, Any]:
        return {"file": str(file), "ok": False, "problem": problem, "message": message}

    if not file.is_file():
        return failed("missing", "Không tìm thấy tệp sao lưu.")
    try:
        manifest = json.loads(manifest_path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return failed("no_manifest", "Thiếu tệp mô tả (.json) của bản sao lưu.")
    if manifest.get("format") != FORMAT:
        return failed("format", "Không phải bản sao lưu của máy chủ MotCua.")
    if sha256_file(file) != manifest.get("sha256"):
        return failed("sha256", "Tệp sao lưu đã bị thay đổi hoặc hỏng (SHA-256 không khớp).")
    key_sha = manifest.get("server_key_sha256")
    if key_sha and (
        not key_copy_path(file).is_file() or sha256_file(key_copy_path(file)) != key_sha
    ):
        return failed("server_key", "Bản sao của server.key bị thiếu hoặc hỏng.")
    if manifest.get("kind") == "sqlite":
        schema, rows, problem = _sqlite_check(file)
        if problem:
            return failed("damaged", f"Tệp sao lưu bị hỏng ({problem}).")
        if rows != manifest.get("rows") or schema != manifest.get("schema"):
            return failed("rows", "Số bản ghi trong bản sao lưu khác với lúc tạo.")
    else:
        try:
            listing = _run(["pg_restore", "--list", str(file)], text=True).stdout
        except BackupError as exc:
            return failed("damaged", str(exc))
        listed = _pg_tables(listing, manifest.get("pg_schema") or "public")
        if not set(manifest.get("tables") or []) <= listed:
            return failed("damaged", "Bản sao lưu thiếu dữ liệu của một số bảng.")
    pool = file.parent / POOL
    for name in manifest.get("files") or []:
        if not _valid_name(name):
            return failed("files", f"Tên tệp đính kèm không hợp lệ: {name}")
        path = pool / name
        if not path.is_file() or sha256_file(path) != name.rsplit("/", 1)[1]:
            return failed("files", f"Tệp đính kèm {name.rsplit('/', 1)[1][:12]}… thiếu hoặc hỏng.")
    return {
        "file": str(file),
        "ok": True,
        "kind": manifest.get("kind"),
        "created_at": manifest.get("created_at"),
        "schema": manifest.get("schema"),
        "rows": manifest.get("rows"),
        "files": len(manifest.get("files") or []),
        "sha256": manifest.get("sha256"),
    }


# ------------------------------------------------------------------ restore


def restore_backup(settings: Settings, file: Path) -> dict[str, Any]:
    """Put a verified backup in place of the server's data (the server must be stopped)."""
    check = verify_backup(file)
    if not check["ok"]:
        raise BackupError(check["message"] + " Không có gì bị thay đổi.")
    file = Path(check["file"])
    manifest = json.loads(manifest_path(file).read_text(encoding="utf-8"))
    url = normalise_url(settings.database_url)
    if manifest["kind"] != _kind(url):
        raise BackupError(
            f"Bản sao lưu là {manifest['kind']}, máy chủ đang dùng {_kind(url)}; "
            "không có gì bị thay đổi."
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = _private_dir(settings.data_dir / "backups" / f"before-restore-{stamp}")
    # Attachments first: extra files named by their hash harm nothing if the swap never comes.
    restored_files = 0
    for name in manifest.get("files") or []:
        target = settings.attachments_dir / name
        if not target.is_file():
            _copy_checked(file.parent / POOL / name, target, name.rsplit("/", 1)[1])
            restored_files += 1
    key = settings.data_dir / KEY_FILE
    if manifest.get("server_key_sha256") and (
        not key.is_file() or sha256_file(key) != manifest["server_key_sha256"]
    ):
        if key.is_file():
            shutil.copyfile(key, safety / KEY_FILE)
        tmp_key = key.with_name(f".{KEY_FILE}.restoring")
        shutil.copyfile(key_copy_path(file), tmp_key)
        os.chmod(tmp_key, 0o600)
        _fsync(tmp_key)
        os.replace(tmp_key, key)
    if manifest["kind"] == "sqlite":
        _restore_sqlite(_sqlite_file(url), file, safety)
    else:
        _restore_pg(url, file, safety)
    _fsync_dir(settings.data_dir)
    return {
        "file": str(file),
        "created_at": manifest.get("created_at"),
        "kind": manifest["kind"],
        "safety_copy": str(safety.resolve()),
        "files_restored": restored_files,
    }


def _restore_sqlite(live: Path, file: Path, safety: Path) -> None:
    if live.exists():
        conn = sqlite3.connect(live)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        for side in ("", "-wal", "-shm"):
            src = live.with_name(live.name + side)
            if src.exists():
                shutil.copyfile(src, safety / src.name)
                _fsync(safety / src.name)
    tmp = live.with_name(live.name + ".restoring")
    try:
        shutil.copyfile(file, tmp)
        _fsync(tmp)
        for side in ("-wal", "-shm", "-journal"):
            # Checkpointed above: a stale WAL must never be replayed onto the restored file.
            live.with_name(live.name + side).unlink(missing_ok=True)
        os.replace(tmp, live)
    finally:
        tmp.unlink(missing_ok=True)


def _restore_pg(url: str, file: Path, safety: Path) -> None:
    schema = _pg_schema(url)
    _run(
        [
            "pg_dump",
            "--format=custom",
            f"--schema={schema}",
            "--file",
            str(safety / "before-restore.pgdump"),
            _libpq(url),
        ]
    )
    script = _run(["pg_restore", "--no-owner", "--no-acl", "--file", "-", str(file)], text=True)
    body = "\n".join(
        line
        for line in script.stdout.splitlines()
        if not re.fullmatch(rf'CREATE SCHEMA "?{re.escape(schema)}"?;', line.strip())
    )
    sql = safety / "restore.sql"
    sql.write_text(
        f'DROP SCHEMA IF EXISTS "{schema}" CASCADE;\nCREATE SCHEMA "{schema}";\n{body}\n',
        encoding="utf-8",
    )
    try:
        # One transaction: the schema is dropped and refilled together, or not at all.
        _run(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set",
                "ON_ERROR_STOP=1",
                "--file",
                str(sql),
                _libpq(url),
            ]
        )
    finally:
        sql.unlink(missing_ok=True)
