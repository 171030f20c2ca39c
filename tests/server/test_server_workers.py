"""Several worker processes on PostgreSQL: nothing that matters lives in one process."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import srvkit
from srvkit import Harness, patch_headers, received, upload_headers

from server.config import Settings
from server.db import Database
from server.storage import BlobStore


def test_an_upload_held_by_another_process_is_busy(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    settings.ensure_dirs()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from server.config import Settings
                from server.storage import BlobStore
                lock = BlobStore(Settings(data_dir=Path({str(tmp_path)!r}))).try_lock("upl-1")
                print("held" if lock else "busy", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=srvkit.REPO,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        store = BlobStore(settings)
        assert store.try_lock("upl-1") is None
        other = store.try_lock("upl-2")
        assert other is not None
        assert store.try_lock("upl-2") is None  # within one process too
        other.release()
        assert store.try_lock("upl-2") is not None
    finally:
        holder.communicate("\n", timeout=10)
    lock = BlobStore(settings).try_lock("upl-1")  # the holder is gone: free again
    assert lock is not None
    lock.release()


@pytest.mark.postgres
def test_two_workers_share_uploads_limits_and_tokens(pg_url: str, tmp_path) -> None:
    server = srvkit.ServerProcess(tmp_path, pg_url, "--workers", "2")
    try:
        settings = Settings(data_dir=tmp_path, db_url=pg_url)
        harness = Harness(server, Database(pg_url), settings, "postgres")
        office = harness.new_office()
        station = harness.enrol(office, 1)

        def day(i: int) -> tuple[int, int, int]:
            ev = received(station)
            pushed = station.client.post("/api/v1/push", json={"events": [ev]})
            data = f"{i}-{uuid.uuid4()}".encode() * 4096
            created = station.client.post("/api/v1/uploads", headers=upload_headers(data))
            patched = station.client.patch(
                created.headers["Location"], content=data, headers=patch_headers(0, data)
            )
            return pushed.status_code, created.status_code, patched.status_code

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(day, range(24)))
        assert set(answers) == {(200, 201, 204)}
        assert len(station.changes()) == 24
        # Misses counted by either worker add up.
        client = harness.client()
        # A code no other test has guessed at: the counts are shared by the session.
        nowhere = f"000.00.00.H00-260213-{uuid.uuid4().hex[:8]}"
        statuses = [
            client.get(f"/tra-cuu/{nowhere}?k=WRONG{i:05d}").status_code
            for i in range(harness.settings.lookup_miss_limit + 1)
        ]
        assert statuses[-1] == 429 and statuses.count(404) == harness.settings.lookup_miss_limit
        # A back-office session made on one worker is known to the other.
        bo = harness.backoffice(office)
        assert {bo.get("/api/v1/backoffice/dossiers").status_code for _ in range(6)} == {200}
        harness.db.dispose()
    finally:
        assert server.stop() == 0, server.log()
    assert "Traceback" not in server.log()


def test_several_workers_need_postgresql(tmp_path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "server",
            "--data-dir",
            str(tmp_path),
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        cwd=srvkit.REPO,
        timeout=60,
    )
    assert done.returncode != 0 and "PostgreSQL" in done.stderr
