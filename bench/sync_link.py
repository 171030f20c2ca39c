"""Sync over a slow link: share of the link used, and bytes re-sent after a cut.

    python bench/sync_link.py [--rate 2mbit] [--delay-ms 100] [--loss 1] [--files 12]

Needs root and iproute2 (``ip netns``, ``tc``): it makes a private network
namespace whose loopback is shaped, and runs the central server and a station
inside it, so no traffic leaves the namespace. With the kernel's netem
qdisc, the link gets ``--rate``, ``--delay-ms`` on each pass (a round trip of
twice that) and ``--loss``; without netem it falls back to a token bucket
(tbf) that gives the rate only, and says so. Not run by the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NETNS = f"motcua-link-{os.getpid()}"


def sh(*args: str) -> None:
    subprocess.run(args, check=True)


def has_netem() -> bool:
    probe = subprocess.run(
        [
            "ip",
            "netns",
            "exec",
            NETNS,
            "tc",
            "qdisc",
            "add",
            "dev",
            "lo",
            "root",
            "netem",
            "delay",
            "1ms",
        ],
        capture_output=True,
        check=False,
    )
    subprocess.run(
        ["ip", "netns", "exec", NETNS, "tc", "qdisc", "del", "dev", "lo", "root"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


def outer(args: argparse.Namespace) -> None:
    sh("ip", "netns", "add", NETNS)
    try:
        # An Ethernet-sized MTU: a token bucket drops packets bigger than its burst.
        sh("ip", "netns", "exec", NETNS, "ip", "link", "set", "lo", "mtu", "1500", "up")
        netem = has_netem()
        proc = subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                NETNS,
                sys.executable,
                __file__,
                "--inside",
                "--files",
                str(args.files),
                "--file-kib",
                str(args.file_kib),
                "--cut-after",
                str(args.cut_after),
                "--rate",
                args.rate,
                "--delay-ms",
                str(args.delay_ms),
                "--loss",
                str(args.loss),
                *(["--netem"] if netem else []),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        sys.stderr.write(proc.stderr[-3000:])
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        subprocess.run(["ip", "netns", "del", NETNS], check=False)
    link = parse_rate(args.rate)
    share = result["payload_bytes"] * 8 / result["upload_seconds"] / link
    if netem:
        print(
            f"link: {args.rate}, RTT {2 * args.delay_ms} ms, loss {args.loss} % (netem on "
            "the namespace's loopback; data and ACKs share the rate)"
        )
    else:
        print(
            f"link: {args.rate} (tbf on the namespace's loopback); this kernel has no netem, "
            "so no added delay or loss"
        )
    print(f"{'measure':48} {'value':>12}   target")
    print(f"{'files uploaded':48} {result['files']:>12}")
    print(f"{'payload bytes':48} {result['payload_bytes']:>12,}")
    print(f"{'upload time':48} {result['upload_seconds']:>10.1f} s")
    print(f"{'effective throughput, share of the link':48} {share:>11.0%}   ≥ 85%")
    print(f"{'chunk size':48} {result['chunk']:>12,}")
    print(
        f"{'acknowledged bytes sent twice after the cut':48} {result['resent_bytes']:>12,}"
        "   ≤ one chunk"
    )
    print(
        "(the chunk in flight when the link stalled is lost as well: at most one chunk, "
        "since the cut runs one file at a time)"
    )


def parse_rate(text: str) -> float:
    units = {"kbit": 1e3, "mbit": 1e6, "gbit": 1e9}
    for suffix, factor in units.items():
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)


def inside(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    from app.capture.attachments import _announce
    from app.capture.store import AttachmentStore
    from app.dossiers.intake import receive
    from app.dossiers.views import by_code
    from app.office import auth
    from app.office.office_setup import SetupRequest, initialise
    from app.sync import credentials, enrolment, transport, upload
    from app.sync.push import push_all
    from app.sync.transport import SyncError, Transport
    from db.models import Attachment
    from server import admin
    from server.config import Settings
    from server.db import Database as ServerDatabase
    from tests.conftest import INTAKE, OFFICE_CODE
    from tests.server.srvkit import ServerProcess

    work = Path(tempfile.mkdtemp(prefix="motcua-link-"))
    data_dir = work / "station"
    db = initialise(data_dir, SetupRequest(OFFICE_CODE, "UBND xã", 1, "admin", "matkhau-bench"))
    actor = auth.Actor("admin", "Quản trị", "admin")
    store = AttachmentStore.for_data_dir(data_dir)
    size = args.file_kib * 1024

    def add_dossiers(count: int) -> None:
        for _ in range(count):
            code = receive(db, actor, dict(INTAKE)).code
            stored = store.put(os.urandom(size))
            with db.write() as session:
                dossier = by_code(session, code)
                comp = dossier.components[0]
                session.add(
                    Attachment(
                        uuid=str(uuid.uuid4()),
                        dossier_component_id=comp.id,
                        sha256=stored.sha256,
                        size=stored.size,
                        pages=10,
                        dpi=200,
                        source="scanner",
                        mime="application/pdf",
                        officer="admin",
                        captured_at=dossier.received_at,
                    )
                )
                comp.digitized = True
                _announce(session, dossier, dossier.received_at)

    def qdisc(*params: str, verb: str = "replace") -> None:
        subprocess.run(["tc", "qdisc", verb, "dev", "lo", "root", *params], check=True)

    if args.netem:
        shaped = (
            "netem",
            "delay",
            f"{args.delay_ms}ms",
            "rate",
            args.rate,
            "loss",
            f"{args.loss}%",
            "limit",
            "10000",
        )
        stalled = ("netem", "loss", "100%")
    else:
        shaped = ("tbf", "rate", args.rate, "burst", "32kbit", "latency", "400ms")
        stalled = ("tbf", "rate", "8bit", "burst", "1600", "latency", "10s")
    server_dir = work / "server"
    url = f"sqlite:///{server_dir / 'server.sqlite3'}"
    server = ServerProcess(server_dir, url)
    try:
        sdb = ServerDatabase(url)
        admin.create_office(sdb, OFFICE_CODE, "UBND xã")
        code = admin.enroll_station(sdb, Settings(data_dir=server_dir, db_url=url), OFFICE_CODE, 1)
        enrolment.enroll(db, data_dir, actor, server.base_url, code)
        cred = credentials.load(data_dir)

        # 1. Throughput on the shaped link, from a clean start.
        add_dossiers(args.files)
        qdisc(*shaped)
        t = Transport(cred.server_url, cred.station_token)
        push_all(db, t)
        start = time.perf_counter()
        sent = upload.upload_all(db, t, store)
        seconds = time.perf_counter() - start
        t.close()

        # 2. The cut: after a few chunks the link stops answering; the read
        # time-out ends the attempt with everything queued; then it resumes.
        add_dossiers(2)
        transport.TIMEOUT = (10.0, 10.0)
        t = Transport(cred.server_url, cred.station_token)
        push_all(db, t)
        acked: list[int] = []

        def cut(n: int) -> None:
            acked.append(n)
            if len(acked) == args.cut_after:
                qdisc(*stalled)

        with contextlib.suppress(SyncError):
            upload.upload_all(db, t, store, progress=cut, workers=1)
        t.close()
        qdisc(*shaped)
        resumed: list[int] = []
        t = Transport(cred.server_url, cred.station_token)
        upload.upload_all(db, t, store, progress=resumed.append, workers=1)
        t.close()
        resent = sum(acked) + sum(resumed) - 2 * size
    finally:
        server.stop()
    print(
        json.dumps(
            {
                "files": args.files,
                "payload_bytes": sent,
                "upload_seconds": seconds,
                "resent_bytes": resent,
                "chunk": upload.CHUNK,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", default="2mbit")
    ap.add_argument("--delay-ms", type=int, default=100)
    ap.add_argument("--loss", type=float, default=1.0)
    ap.add_argument("--files", type=int, default=12)
    ap.add_argument("--file-kib", type=int, default=1024)
    ap.add_argument("--cut-after", type=int, default=3)
    ap.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--netem", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside:
        inside(args)
    else:
        outer(args)


if __name__ == "__main__":
    main()
