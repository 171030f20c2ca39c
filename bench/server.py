"""Central server benchmark: push, pull and attachment upload, on SQLite and PostgreSQL.

Run ``python bench/server.py`` from the repository root. Each back-end gets a
fresh server process on a free loopback port (PostgreSQL in a throw-away
schema, from ``MOTCUA_TEST_PG_URL`` or the local default) and the figures are
printed beside their targets. Nothing leaves the machine.

* push: 10,000 ``dossier.received`` events in batches of 500, events per second,
  beside the floor of a raw INSERT of the same events (one row each holding
  the event's JSON, batches of 500, each batch one durable commit) into the
  same database;
* pull: the 10,000 resulting changes in pages of 1,000, changes per second;
* upload: a 64 MiB file through the resumable upload (the whole file
  verified against its SHA-256 and synced to disk at the end), with 8 MiB
  chunks each carrying its own SHA-256 checksum, with 8 MiB chunks and no
  chunk checksum, and with 1 MiB checksummed chunks (the station's first
  chunk size); each against a raw HTTP PUT of the same bytes to a bare uvicorn
  endpoint that only writes them. The ratio is raw time / upload time, the
  median of paired rounds (the machine is shared, so single runs are noisy);
  the target holds for checksummed chunks of either size.

The load average is printed with the figures: on a shared machine the ratios
mean more than the absolute rates.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.sync import protocol as p
from server import admin
from server.config import Settings
from server.db import Database

EVENTS = 10_000
BATCH = p.MAX_PUSH_EVENTS
PAGE = 1000
FILE_MIB = 64
ROUNDS = 7
# (label, chunk size in MiB, per-chunk SHA-256 checksum); the first carries the target.
UPLOADS = [
    ("8 MiB chunks, checksummed", 8, True),
    ("8 MiB chunks, file hash only", 8, False),
    ("1 MiB chunks, checksummed", 1, True),
]
TARGETS = {"push": 1000.0, "pull": 5000.0, "upload_ratio": 0.8}
# The upload set-ups whose ratio carries the target.
TARGETED = {"8 MiB chunks, checksummed", "1 MiB chunks, checksummed"}
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def _start(args: list[str], ready_url: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _wait(ready_url, process)
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def _events(office: str) -> list[dict]:
    day = datetime(2026, 2, 13, 8, 0)
    events = []
    for seq in range(1, EVENTS + 1):
        dossier = str(uuid.uuid4())
        at = day + timedelta(seconds=seq)
        events.append(
            {
                "event_uuid": str(uuid.uuid4()),
                "type": p.EVENT_RECEIVED,
                "dossier_uuid": dossier,
                "client_time": at.isoformat(),
                "payload": {
                    "dossier_uuid": dossier,
                    "code": f"{office}-{day:%y%m%d}-{seq:04d}",
                    "office_code": office,
                    "station": 1,
                    "procedure_code": "1.001193",
                    "procedure_name": "Đăng ký khai sinh",
                    "field": "Hộ tịch",
                    "status": 2,
                    "received_at": at.isoformat(),
                    "due_at": (at + timedelta(days=3)).isoformat(),
                    "lookup_secret": f"S{seq:09d}",
                    "officer": "canbo1",
                    "applicant": {"kind": "person", "full_name": f"Nguyễn Văn {seq}"},
                    "components": [{"index": 1, "name": "Tờ khai", "originals": 1}],
                },
            }
        )
    return events


def _station(base_url: str, db_url: str, data_dir: Path) -> httpx.Client:
    db = Database(db_url)
    office = "000.00.99.H99"
    admin.create_office(db, office, "Văn phòng đo hiệu năng")
    code = admin.enroll_station(db, Settings(data_dir=data_dir, db_url=db_url), office, 1)
    db.dispose()
    token = httpx.post(
        f"{base_url}/api/v1/enroll", json={"enrolment_code": code, "station_name": "bench"}
    ).json()["station_token"]
    return httpx.Client(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}", p.PROTOCOL_HEADER: "1"},
        timeout=300,
    )


def bench_push_pull(station: httpx.Client) -> tuple[float, float]:
    events = _events("000.00.99.H99")
    started = time.perf_counter()
    for i in range(0, len(events), BATCH):
        response = station.post("/api/v1/push", json={"events": events[i : i + BATCH]})
        response.raise_for_status()
        assert all(r["outcome"] == "applied" for r in response.json()["results"])
    push_rate = len(events) / (time.perf_counter() - started)

    started = time.perf_counter()
    cursor, pulled = 0, 0
    while True:
        body = station.get("/api/v1/changes", params={"cursor": cursor, "limit": PAGE}).json()
        pulled += len(body["changes"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            break
    pull_rate = pulled / (time.perf_counter() - started)
    assert pulled == len(events), pulled
    return push_rate, pull_rate


def bench_raw_insert(db_url: str) -> float:
    """Floor for push: the same events stored as plain rows, events per second."""
    from sqlalchemy import JSON, Column, MetaData, String, Table, create_engine, insert

    from server.db import normalise_url

    table = Table(
        "bench_raw_events",
        MetaData(),
        Column("event_uuid", String(36), primary_key=True),
        Column("type", String(40)),
        Column("dossier_uuid", String(36)),
        Column("payload", JSON),
    )
    rows = [
        {k: e[k] for k in ("event_uuid", "type", "dossier_uuid", "payload")}
        for e in _events("000.00.98.H98")
    ]
    engine = create_engine(normalise_url(db_url))
    try:
        table.create(engine)
        started = time.perf_counter()
        for i in range(0, len(rows), BATCH):
            with engine.begin() as conn:
                conn.execute(insert(table), rows[i : i + BATCH])
        rate = len(rows) / (time.perf_counter() - started)
        table.drop(engine)
    finally:
        engine.dispose()
    return rate


def _tus_upload(station: httpx.Client, data: bytes, chunk_mib: int, checksum: bool) -> None:
    headers = {
        "Upload-Length": str(len(data)),
        "Upload-Metadata": p.encode_upload_metadata({"sha256": hashlib.sha256(data).hexdigest()}),
        "Tus-Resumable": p.TUS_VERSION,
    }
    created = station.post("/api/v1/uploads", headers=headers)
    assert created.status_code == 201, created.text
    location, offset = created.headers["Location"], int(created.headers["Upload-Offset"])
    chunk = chunk_mib * 1024 * 1024
    while offset < len(data):
        piece = data[offset : offset + chunk]
        headers = {
            "Upload-Offset": str(offset),
            "Content-Type": p.UPLOAD_CONTENT_TYPE,
            "Tus-Resumable": p.TUS_VERSION,
        }
        if checksum:
            headers["Upload-Checksum"] = p.chunk_checksum(piece)
        response = station.patch(location, content=piece, headers=headers)
        assert response.status_code == 204, response.text
        offset = int(response.headers["Upload-Offset"])


def bench_upload(station: httpx.Client, raw_url: str) -> dict[str, float]:
    """Median ratio raw time / upload time per client set-up, over paired rounds.

    Each round uploads a fresh file once raw and once per set-up, in an order
    that rotates, so disk write-back and other load on the machine fall on
    all of them alike.
    """
    times: dict[str, list[float]] = {"raw": [], **{name: [] for name, _, _ in UPLOADS}}
    with httpx.Client(timeout=300) as plain:
        for round_ in range(ROUNDS):
            data = os.urandom(FILE_MIB * 1024 * 1024)
            order = ["raw", *(name for name, _, _ in UPLOADS)]
            order = order[round_ % len(order) :] + order[: round_ % len(order)]
            for which in order:
                # The same bytes, but never a file the server already holds.
                unique = os.urandom(32) + data[32:]
                started = time.perf_counter()
                if which == "raw":
                    plain.put(f"{raw_url}/{uuid.uuid4().hex}", content=data).raise_for_status()
                else:
                    _, chunk_mib, checksum = next(u for u in UPLOADS if u[0] == which)
                    _tus_upload(station, unique, chunk_mib, checksum)
                times[which].append(time.perf_counter() - started)
    result = {"raw_mib_s": FILE_MIB / statistics.median(times["raw"])}
    for name, _, _ in UPLOADS:
        ratios = sorted(r / t for r, t in zip(times["raw"], times[name], strict=True))
        result[f"ratio:{name}"] = ratios[len(ratios) // 2]
        result[f"mib_s:{name}"] = FILE_MIB / statistics.median(times[name])
    return result


async def raw_put_app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """The baseline: stream a PUT body to a file, nothing else.

    Under ``/durable/`` the file and its folder are also flushed to disk
    before the answer, as the server does before it says a file is stored:
    not the target's floor, but it shows how much of a gap is the disk.
    """
    if scope["type"] != "http":
        return
    path = scope["path"].strip("/")
    durable = path.startswith("durable/")
    # A file of its own: overwriting the plain run's file would flatter the figure.
    name = path.replace("durable/", "durable-", 1) or "probe"
    target = Path(os.environ["BENCH_RAW_DIR"]) / name
    if scope["method"] == "PUT":
        with target.open("wb") as handle:
            more = True
            while more:
                message = await receive()
                handle.write(message.get("body", b""))
                more = message.get("more_body", False)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if durable:
            folder = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


def _pg_schema_url(base: str) -> tuple[str, str] | None:
    import psycopg

    try:
        conn = psycopg.connect(base.replace("+psycopg", ""), connect_timeout=3, autocommit=True)
    except psycopg.Error as exc:
        print(f"PostgreSQL not reachable ({exc}); skipped.")
        return None
    schema = f"motcua_bench_{uuid.uuid4().hex[:8]}"
    with conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}", schema


def _drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def run_backend(name: str, db_url: str | None, work: Path) -> dict[str, float]:
    data_dir = work / name
    data_dir.mkdir()
    url = db_url or f"sqlite:///{data_dir / 'server.sqlite3'}"
    port, raw_port = _free_port(), _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _start(
        [
            "-m",
            "server",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--db",
            url,
            "--log-level",
            "warning",
        ],
        f"{base}/healthz",
    )
    raw = _start(
        [__file__, "--raw-put-port", str(raw_port), "--raw-put-dir", str(work)],
        f"http://127.0.0.1:{raw_port}/",
    )
    try:
        station = _station(base, url, data_dir)
        push_rate, pull_rate = bench_push_pull(station)
        raw_insert = bench_raw_insert(url)
        upload = bench_upload(station, f"http://127.0.0.1:{raw_port}")
    finally:
        _stop(server)
        _stop(raw)
    return {"push": push_rate, "raw_insert": raw_insert, "pull": pull_rate, **upload}


def _rows(r: dict[str, float]) -> list[tuple[str, str, str, bool]]:
    push, pull, ratio = TARGETS["push"], TARGETS["pull"], TARGETS["upload_ratio"]
    rows = [
        (
            f"push {EVENTS:,} events (batches of {BATCH})",
            f"{r['push']:,.0f} ev/s",
            f">= {push:,.0f} ev/s",
            r["push"] >= push,
        ),
        ("raw INSERT of the same events (floor)", f"{r['raw_insert']:,.0f} ev/s", "", True),
        ("  push / raw INSERT", f"{r['push'] / r['raw_insert']:.2f}", "", True),
        (
            f"pull {EVENTS:,} changes (pages of {PAGE})",
            f"{r['pull']:,.0f} ch/s",
            f">= {pull:,.0f} ch/s",
            r["pull"] >= pull,
        ),
        (f"raw PUT {FILE_MIB} MiB (baseline)", f"{r['raw_mib_s']:,.0f} MiB/s", "", True),
    ]
    for name, _, _ in UPLOADS:
        rows.append(
            (f"upload {FILE_MIB} MiB, {name}", f"{r[f'mib_s:{name}']:,.0f} MiB/s", "", True)
        )
        value = r[f"ratio:{name}"]
        target = f">= {ratio:.2f}" if name in TARGETED else ""
        rows.append(
            ("  / raw PUT (median of paired rounds)", f"{value:.2f}", target, value >= ratio)
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--raw-put-port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--raw-put-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_put_port:
        import uvicorn

        os.environ["BENCH_RAW_DIR"] = args.raw_put_dir
        uvicorn.run(raw_put_app, port=args.raw_put_port, log_level="warning", access_log=False)
        return 0
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        work = Path(tmp)
        results["SQLite"] = run_backend("sqlite", None, work)
        if not args.no_postgres:
            base = os.environ.get("MOTCUA_TEST_PG_URL") or DEFAULT_PG
            made = _pg_schema_url(base)
            if made:
                try:
                    results["PostgreSQL"] = run_backend("postgres", made[0], work)
                finally:
                    _drop_schema(base, made[1])
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nMotCua central server, loopback, {os.cpu_count()} CPU(s), load average {load}")
    print(f"{'figure':<46}{'back-end':<12}{'value':>12}  target")
    for backend, r in results.items():
        for label, value, target, ok in _rows(r):
            mark = ("ok" if ok else "BELOW") if target else ""
            print(f"{label:<46}{backend:<12}{value:>12}  {target} {mark}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
