"""A week offline, then one sync: how long, and how close to a raw upload.

    python bench/sync.py [--dossiers 2000] [--file-mib 1.0] [--pages 10]

Builds a station that received ``--dossiers`` dossiers while offline, each
with a component file of ``--file-mib`` MiB standing for ``--pages`` scanned
pages (generated on the fly; the server does not look inside), then syncs it
with a real central server on loopback. The baseline is a raw HTTP PUT of the
same files, one request per file, to a bare receiver on loopback.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.capture.attachments import _announce
from app.capture.store import AttachmentStore
from app.dossiers import intake
from app.dossiers.views import by_code
from app.office import auth
from app.office.office_setup import SetupRequest, initialise
from app.sync import enrolment
from app.sync.round import RoundProgress, run_round
from db.models import Attachment
from server import admin
from server.config import Settings
from server.db import Database as ServerDatabase
from tests.conftest import INTAKE, OFFICE_CODE
from tests.server.srvkit import ServerProcess, free_port

TARGET_RATIO = 1.25


def build_station(work: Path, dossiers: int, file_bytes: int, pages: int):
    data_dir = work / "station"
    db = initialise(
        data_dir, SetupRequest(OFFICE_CODE, "UBND xã Tân Lập", 1, "admin", "matkhau-bench")
    )
    actor = auth.Actor("admin", "Quản trị", "admin")
    store = AttachmentStore.for_data_dir(data_dir)
    start = datetime(2026, 11, 16, 7, 30)
    files: list[Path] = []
    for i in range(dossiers):
        at = start + timedelta(minutes=2 * i)
        data = copy.deepcopy(INTAKE)
        data["received_at"] = at.isoformat()
        code = intake.receive(db, actor, data, now=at).code
        stored = store.put(os.urandom(file_bytes))
        files.append(stored.path)
        with db.write() as session:
            dossier = by_code(session, code)
            comp = dossier.components[0]
            session.add(
                Attachment(
                    uuid=str(uuid.uuid4()),
                    dossier_component_id=comp.id,
                    sha256=stored.sha256,
                    size=stored.size,
                    pages=pages,
                    dpi=200,
                    source="scanner",
                    mime="application/pdf",
                    officer="admin",
                    captured_at=at,
                )
            )
            comp.digitized = True
            _announce(session, dossier, at)
    return db, data_dir, actor, files


def raw_put(files: list[Path], port: int, *, durable: bool = False) -> float:
    session = requests.Session()
    prefix = "durable/" if durable else ""
    t = time.perf_counter()
    for path in files:
        session.put(
            f"http://127.0.0.1:{port}/{prefix}{path.name}", data=path.read_bytes(), timeout=60
        ).raise_for_status()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dossiers", type=int, default=2000)
    ap.add_argument("--file-mib", type=float, default=1.0)
    ap.add_argument("--pages", type=int, default=10)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="motcua-sync-bench-"))
    file_bytes = int(args.file_mib * 1024 * 1024)
    print(
        f"Building a station with {args.dossiers:,} dossiers, "
        f"{args.dossiers * args.pages:,} pages, "
        f"{args.dossiers * file_bytes / 1e9:.2f} GB of files in {work} …",
        flush=True,
    )
    t = time.perf_counter()
    db, data_dir, actor, files = build_station(work, args.dossiers, file_bytes, args.pages)
    print(f"built in {time.perf_counter() - t:.0f} s", flush=True)

    server_dir = work / "server"
    url = f"sqlite:///{server_dir / 'server.sqlite3'}"
    server = ServerProcess(server_dir, url)
    raw_port = free_port()
    raw = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "bench" / "server.py"),
            "--raw-put-port",
            str(raw_port),
            "--raw-put-dir",
            str(work / "raw"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    (work / "raw").mkdir()
    try:
        sdb = ServerDatabase(url)
        admin.create_office(sdb, OFFICE_CODE, "UBND xã Tân Lập")
        code = admin.enroll_station(sdb, Settings(data_dir=server_dir, db_url=url), OFFICE_CODE, 1)
        enrolment.enroll(db, data_dir, actor, server.base_url, code)
        for _ in range(100):
            try:
                requests.put(f"http://127.0.0.1:{raw_port}/warmup", data=b"x", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)
        phases: dict[str, float] = {}

        def note(news: RoundProgress) -> None:
            phases.setdefault(news.phase, time.perf_counter())

        t = time.perf_counter()
        report = run_round(db, data_dir, progress=note)
        sync_s = time.perf_counter() - t
        assert report.ok, report.errors
        raw_s = raw_put(files, raw_port)
        durable_s = raw_put(files, raw_port, durable=True)
    finally:
        server.stop()
        raw.terminate()
        raw.wait()
    total = sum(p.stat().st_size for p in files)
    print()
    print(f"{'measure':46} {'value':>14}   target")
    print(f"{'events pushed':46} {report.pushed:>14,}")
    print(f"{'bytes uploaded':46} {report.uploaded_bytes:>14,}")
    print(f"{'sync time on loopback':46} {sync_s:>12.1f} s")
    print(f"{'raw PUT of the same files (floor)':46} {raw_s:>12.1f} s")
    print(f"{'sync / raw upload':46} {sync_s / raw_s:>14.2f}   ≤ {TARGET_RATIO}")
    # Not the target's floor: each file and its folder flushed before the
    # answer, as the server must before it says a file is stored.
    print(f"{'raw PUT, each file flushed to disk':46} {durable_s:>12.1f} s")
    print(f"{'sync / flushed raw upload':46} {sync_s / durable_s:>14.2f}")
    # Where the round's time went, phase by phase (each until the next began).
    starts = sorted(phases.items(), key=lambda item: item[1]) + [("end", t + sync_s)]
    for (phase, began), (_, ended) in zip(starts, starts[1:], strict=False):
        print(f"{'  of which ' + phase:46} {ended - began:>12.1f} s")
    print(f"{'sync throughput':46} {total / sync_s / 2**20:>10.1f} MiB/s")
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
