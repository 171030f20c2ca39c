"""A province against one central server: many stations pushing and pulling at once.

Run ``python bench/province.py`` from the repository root. It starts the
server on PostgreSQL (a throw-away schema, from ``MOTCUA_TEST_PG_URL`` or the
local default) with two uvicorn workers on a loopback port, enrols the
stations (10 per office), and lets every station work through its day at the
same time: for each dossier one push (``dossier.received`` and its attachment
manifest), one upload of a 1 MiB scan (created and sent in one request, as the
station sends a file that fits in one chunk), and one pull of
the office's change feed. Every call is timed from the station's side.

It prints throughput, p50/p95 per kind of call and the errors (any answer
other than the one a healthy server gives, and any event not ``applied``).
Targets: no error, p95 of a push at most 300 ms. The floor beside them is
``GET /healthz`` timed the same way by every station before each dossier: what
any answer costs under the same load, with no database work.

``--interval`` paces each station (a mean pause between its dossiers); the
default 0 is the stress case, every station as fast as the server answers.

The run is bounded: past ``--max-seconds`` no station starts another dossier
(the figures then cover the dossiers done, and say so). Defaults: 300 stations
x 40 dossiers (12,000 dossiers, 11.7 GiB of scans), 2 workers, 240 s.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.sync import protocol as p  # noqa: E402
from server import admin  # noqa: E402
from server.config import Settings  # noqa: E402
from server.db import Database  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
STATIONS_PER_OFFICE = 10
MIB = 1024 * 1024
PUSH_P95_TARGET_MS = 300.0
DAY = datetime(2026, 3, 9, 7, 30)


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)
    dossiers: int = 0
    uploaded: int = 0

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.examples) < 5:
            self.examples.append(f"{kind}: {detail[:200]}")


@dataclass
class Station:
    office: str
    number: int
    token: str
    cursor: int = 0


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_schema(url: str) -> tuple[str, str]:
    import psycopg

    schema = f"motcua_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}", schema


def _drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _start_server(data_dir: Path, db_url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = (data_dir / "server.log").open("ab")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--db",
            db_url,
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {(data_dir / 'server.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not start")


def _enrol(base: str, db: Database, settings: Settings, stations: int) -> list[Station]:
    result = []
    offices = (stations + STATIONS_PER_OFFICE - 1) // STATIONS_PER_OFFICE
    with httpx.Client(base_url=base, timeout=60) as client:
        for o in range(offices):
            code = f"000.{o // 100:02d}.{o % 100:02d}.H{40 + o % 50:02d}"
            admin.create_office(db, code, f"UBND xã đo hiệu năng {o + 1}")
            for n in range(1, STATIONS_PER_OFFICE + 1):
                if len(result) == stations:
                    break
                enrol_code = admin.enroll_station(db, settings, code, n)
                answer = client.post(
                    "/api/v1/enroll",
                    json={"enrolment_code": enrol_code, "station_name": f"Quầy {n}"},
                    headers={p.PROTOCOL_HEADER: "1"},
                )
                answer.raise_for_status()
                result.append(Station(code, n, answer.json()["station_token"]))
    return result


def _events(station: Station, i: int, digest: str) -> list[dict]:
    dossier = str(uuid.uuid4())
    at = DAY + timedelta(minutes=10 * i)
    code = f"{station.office}-{at:%y%m%d}-{(station.number - 1) * 1000 + i + 1:04d}"
    received = {
        "dossier_uuid": dossier,
        "code": code,
        "office_code": station.office,
        "station": station.number,
        "procedure_code": "1.001193",
        "procedure_name": "Đăng ký khai sinh",
        "status": 2,
        "received_at": at.isoformat(),
        "due_at": (at + timedelta(days=3)).isoformat(),
        "lookup_secret": f"K{station.number:03d}{i:06d}",
        "officer": "canbo1",
        "applicant": {"full_name": "Nguyễn Văn An", "id_number": "001090012345"},
        "components": [{"index": 1, "name": "Tờ khai", "originals": 1, "digitized": True}],
    }
    manifest = {
        "dossier_uuid": dossier,
        "code": code,
        "manifest": [
            {"component_index": 1, "sha256": digest, "size": MIB, "mime": "application/pdf"}
        ],
    }
    stamp = at.isoformat() + "+07:00"
    return [
        {
            "event_uuid": str(uuid.uuid4()),
            "type": kind,
            "dossier_uuid": dossier,
            "payload": payload,
            "client_time": stamp,
        }
        for kind, payload in (
            (p.EVENT_RECEIVED, received),
            (p.EVENT_ATTACHMENTS, manifest),
        )
    ]


async def _timed(tally: Tally, kind: str, call) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await call
    except httpx.HTTPError as exc:
        tally.error(kind, f"{type(exc).__name__}: {exc}")
        return None
    tally.times[kind].append((time.perf_counter() - started) * 1000)
    return response


async def _day(
    station: Station,
    args: argparse.Namespace,
    base: str,
    tally: Tally,
    stop_at: float,
    scan: bytes,
) -> None:
    headers = {"Authorization": f"Bearer {station.token}", p.PROTOCOL_HEADER: "1"}
    # Stations do not all start on the same millisecond.
    await asyncio.sleep(random.uniform(0, args.interval or 1.0))
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
        for i in range(args.dossiers):
            if i and args.interval:
                await asyncio.sleep(random.uniform(0.5, 1.5) * args.interval)
            if time.monotonic() > stop_at:
                return
            await _timed(tally, "healthz", client.get("/healthz"))
            # A scan of its own: the first bytes name the station and dossier.
            data = f"{station.office}/{station.number}/{i}/".encode().ljust(64, b".") + scan[64:]
            digest = hashlib.sha256(data).hexdigest()
            pushed = await _timed(
                tally,
                "push",
                client.post("/api/v1/push", json={"events": _events(station, i, digest)}),
            )
            if pushed is None:
                continue
            if pushed.status_code != 200:
                tally.error("push", f"HTTP {pushed.status_code} {pushed.text}")
                continue
            outcomes = [r["outcome"] for r in pushed.json()["results"]]
            if outcomes != ["applied", "applied"]:
                tally.error("push", f"outcomes {outcomes}")
            # As the station sends a scan that fits in one chunk: created and
            # sent in one request (tus creation-with-upload), checked by its hash.
            sent = await _timed(
                tally,
                "upload",
                client.post(
                    "/api/v1/uploads",
                    content=data,
                    headers={
                        "Upload-Length": str(len(data)),
                        "Upload-Metadata": p.encode_upload_metadata({"sha256": digest}),
                        "Upload-Checksum": "sha256 "
                        + base64.b64encode(bytes.fromhex(digest)).decode("ascii"),
                        "Content-Type": p.UPLOAD_CONTENT_TYPE,
                        "Tus-Resumable": p.TUS_VERSION,
                    },
                ),
            )
            if sent is None or sent.status_code != 201:
                if sent is not None:
                    tally.error("upload", f"HTTP {sent.status_code} {sent.text}")
                continue
            if sent.headers.get("Upload-Offset") != str(len(data)):
                tally.error("upload", f"kept {sent.headers.get('Upload-Offset')} of {len(data)}")
                continue
            tally.uploaded += len(data)
            pulled = await _timed(
                tally,
                "pull",
                client.get("/api/v1/changes", params={"cursor": station.cursor, "limit": 1000}),
            )
            if pulled is None or pulled.status_code != 200:
                if pulled is not None:
                    tally.error("pull", f"HTTP {pulled.status_code} {pulled.text}")
                continue
            station.cursor = pulled.json()["next_cursor"]
            tally.dossiers += 1


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _report(tally: Tally, args: argparse.Namespace, seconds: float) -> bool:
    planned = args.stations * args.dossiers
    pace = f"one dossier per ~{args.interval:g} s per station" if args.interval else "no pause"
    print(
        f"\n{args.stations} stations x {args.dossiers} dossiers ({pace}), {args.workers} workers, "
        f"PostgreSQL, loopback; {seconds:.1f} s"
    )
    finished = "the whole day" if tally.dossiers == planned else "stopped at --max-seconds"
    print(f"dossiers done: {tally.dossiers} of {planned} ({finished})")
    print(
        f"throughput: {tally.dossiers / seconds:.1f} dossiers/s, "
        f"{sum(len(v) for v in tally.times.values()) / seconds:.1f} calls/s, "
        f"{tally.uploaded / MIB / seconds:.1f} MiB/s of scans"
    )
    print(f"{'call':<14}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'errors':>8}")
    for kind in ("healthz", "push", "upload", "pull"):
        values = tally.times.get(kind, [])
        print(
            f"{kind:<14}{len(values):>8}{statistics.median(values) if values else 0:>10.1f}"
            f"{_percentile(values, 0.95):>10.1f}{max(values, default=0):>10.1f}"
            f"{tally.errors.get(kind, 0):>8}"
        )
    for example in tally.examples:
        print(f"  error: {example}")
    errors = sum(tally.errors.values())
    push_p95 = _percentile(tally.times.get("push", []), 0.95)
    ok = errors == 0 and push_p95 <= PUSH_P95_TARGET_MS
    floor_p95 = _percentile(tally.times.get("healthz", []), 0.95)
    print(
        f"p95 push {push_p95:.1f} ms, p95 healthz (floor) {floor_p95:.1f} ms: "
        f"ratio {push_p95 / floor_p95:.1f}"
    )
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"targets: 0 errors ({errors}), p95 push <= {PUSH_P95_TARGET_MS:.0f} ms "
        f"({push_p95:.1f} ms): {'met' if ok else 'NOT met'}"
    )
    return ok


async def _run_all(stations: list[Station], args: argparse.Namespace, base: str) -> Tally:
    tally = Tally()
    scan = os.urandom(MIB)
    stop_at = time.monotonic() + args.max_seconds
    await asyncio.gather(*(_day(s, args, base, tally, stop_at, scan) for s in stations))
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, default=300)
    parser.add_argument("--dossiers", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=240.0)
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="mean seconds between one station's dossiers (0: as fast as the server answers)",
    )
    parser.add_argument("--db", default=os.environ.get("MOTCUA_TEST_PG_URL") or DEFAULT_PG)
    args = parser.parse_args()

    db_url, schema = _pg_schema(args.db)
    with tempfile.TemporaryDirectory(prefix="motcua-province-") as tmp:
        data_dir = Path(tmp)
        process, base = _start_server(data_dir, db_url, args.workers)
        db = Database(db_url)
        try:
            print(f"enrolling {args.stations} stations …", flush=True)
            stations = _enrol(base, db, Settings(data_dir=data_dir, db_url=db_url), args.stations)
            started = time.monotonic()
            tally = asyncio.run(_run_all(stations, args, base))
            ok = _report(tally, args, time.monotonic() - started)
            log = (data_dir / "server.log").read_text(encoding="utf-8", errors="replace")
            server_errors = log.count('"level": "error"')
            print(f"server log: {server_errors} error lines")
        finally:
            db.dispose()
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
            _drop_schema(args.db, schema)
    return 0 if ok and server_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
