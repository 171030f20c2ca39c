"""What protecting the data costs: encryption overhead, backup, restore, start-up.

    python bench/protect.py [--dossiers 1000000] [--keep DIR]

Builds one station database with the real schema (``bench/store.py``'s
generator), makes a plain twin of it with ``sqlcipher_export``, then times,
side by side on the same rows: look-up by code, folded-name search and a
receive. Then the daily backup (backup API copy + full verify + manifest),
its size, a restore, and opening the station with the key unwrapped from
its store against opening the plain file. Prints figures beside the targets.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from app.backup import archive  # noqa: E402
from app.domain.text import fold  # noqa: E402
from app.dossiers import intake, lookup  # noqa: E402
from app.infra import datadir  # noqa: E402
from app.infra.storage import connect_file, open_database  # noqa: E402
from app.office import auth  # noqa: E402
from app.protect import keys  # noqa: E402
from bench.store import build_once, p95, timed  # noqa: E402
from db import migrate  # noqa: E402
from db.engine import Database, connect  # noqa: E402
from tests.conftest import INTAKE  # noqa: E402


def plain_twin(data_dir: Path, target: Path) -> None:
    conn = connect_file(datadir.db_path(data_dir), isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    c = connect(target, None, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.close()


def like_a_station(data_dir: Path, plain: Path) -> None:
    """Drop the ``sqlite_stat4`` samples the generator's ANALYZE left, on both sides.

    A station never runs ANALYZE, so it never has them. The SQLCipher build
    reads them (it is compiled with STAT4) and then prepares a statement again
    for each new value bound to an indexed column, a look-up by code included;
    the plain side's system SQLite is built without STAT4 and ignores them. Kept,
    they would charge that re-preparing to encryption (``--stat4`` keeps them).
    ``sqlite_stat1`` stays: both sides read it alike.
    """
    for conn in (connect_file(datadir.db_path(data_dir)), connect(plain, None)):
        try:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone():
                conn.execute("DELETE FROM sqlite_stat4")
                conn.commit()
        finally:
            conn.close()


def receiving_day(db: Database) -> datetime:
    """9:00 on the day after the newest dossier, the day the runs receive on: a
    reused folder's earlier runs would otherwise use up one day's range of codes."""
    with db.read() as session:
        newest = session.execute(text("SELECT max(received_at) FROM dossier")).scalar()
    day = datetime.fromisoformat(str(newest)).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, 9, 0)


def sample(data_dir: Path, n: int) -> tuple[list[str], list[str]]:
    rng = random.Random(1)
    conn = connect_file(datadir.db_path(data_dir))
    top = conn.execute("SELECT MAX(id) FROM dossier").fetchone()[0]
    rows = conn.execute(
        "SELECT d.code, a.full_name FROM dossier d JOIN applicant a ON a.id = d.applicant_id "
        "WHERE d.id IN (" + ",".join(str(rng.randint(1, top)) for _ in range(n)) + ")"
    ).fetchall()
    conn.close()
    return [r[0] for r in rows], [" ".join(fold(r[1]).split()[i] for i in (0, 2)) for r in rows]


def use_cases(
    db: Database, codes: list[str], names: list[str], now: datetime
) -> dict[str, list[float]]:
    actor = auth.Actor("admin", "Quản trị", "admin")
    it = iter(codes * 3)
    by_code = timed(lambda: lookup.lookup(db, actor, next(it)), len(codes))
    it_name = iter(names * 3)
    by_name = timed(lambda: lookup.lookup(db, actor, next(it_name)), len(names))
    form = dict(INTAKE, received_at=now.isoformat() + "+07:00")
    receive = timed(lambda: intake.receive(db, actor, dict(form), now=now), 60)
    return {"look-up by code": by_code, "folded name search": by_name, "receive": receive}


def open_times(runs: int, opener) -> list[float]:
    out = []
    for _ in range(runs):
        keys.forget_cached()
        t = time.perf_counter()
        db = opener()
        with db.read() as session:
            session.execute(text("SELECT count(*) FROM office")).scalar()
        out.append(time.perf_counter() - t)
        db.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="keep the databases in this folder")
    ap.add_argument(
        "--stat4",
        action="store_true",
        help="keep the sqlite_stat4 samples the generator's ANALYZE wrote (see like_a_station)",
    )
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="motcua-bench-protect-"))
    data_dir = root / "station"
    # A kept folder is filled once and reused: a 1 M build takes many minutes.
    build_once(data_dir, args.dossiers)
    plain = root / "plain.sqlite3"
    plain_marker = root / f"plain-{args.dossiers}"
    if not plain_marker.exists():
        plain.unlink(missing_ok=True)
        plain_twin(data_dir, plain)
        plain_marker.write_text("exported\n")
    for old in (root / "backups", root / "restored"):
        shutil.rmtree(old, ignore_errors=True)
    if not args.stat4:
        like_a_station(data_dir, plain)
    codes, names = sample(data_dir, args.samples)

    enc_db = open_database(data_dir)
    now = receiving_day(enc_db)
    plain_db = Database(plain)
    # Interleave the runs so a busy machine slows both alike.
    results: dict[str, dict[str, list[float]]] = {"plain": {}, "encrypted": {}}
    for _ in range(2):
        for label, db in (("plain", plain_db), ("encrypted", enc_db)):
            for case, values in use_cases(db, codes, names, now).items():
                results[label].setdefault(case, []).extend(values)
    plain_db.dispose()
    cases_load = os.getloadavg()

    # CPU seconds (every thread of this process) beside the wall time: on a
    # machine shared with other work the wall time mostly measures the wait.
    t, cpu = time.perf_counter(), time.process_time()
    made = archive.make_backup(enc_db, data_dir, root / "backups")
    backup_s, backup_cpu = time.perf_counter() - t, time.process_time() - cpu
    backup_load = os.getloadavg()[0]
    enc_db.dispose()
    live_size = datadir.db_path(data_dir).stat().st_size

    restore_dir = root / "restored"
    restore_dir.mkdir()
    shutil.copy(keys.record_path(data_dir), keys.record_path(restore_dir))
    if (data_dir / keys.FILE_KEY_NAME).exists():
        shutil.copy(data_dir / keys.FILE_KEY_NAME, restore_dir / keys.FILE_KEY_NAME)
    t, cpu = time.perf_counter(), time.process_time()
    archive.restore_backup(restore_dir, Path(made.file))
    restore_s, restore_cpu = time.perf_counter() - t, time.process_time() - cpu
    restore_load = os.getloadavg()[0]

    # The same steps as open_database (schema check included); the encrypted
    # one also unwraps the key from its store.
    def open_plain() -> Database:
        db = Database(plain)
        migrate.upgrade(db.writer, plain, root / "unused")
        return db

    def open_encrypted() -> Database:
        path = datadir.db_path(data_dir)
        db = Database(path, keys.load_key(data_dir))
        migrate.upgrade(db.writer, path, root / "unused")
        return db

    open_times(2, open_plain)  # warm the file cache and the migration scripts
    starts_plain = open_times(9, open_plain)
    starts_enc = open_times(9, open_encrypted)
    starts_full = open_times(9, lambda: open_database(data_dir))

    print()
    print("load average after the use cases: " + ", ".join(f"{x:.1f}" for x in cases_load))
    print(f"{'measure':44} {'plain':>10} {'encrypted':>10} {'overhead':>9}   target")
    for case in ("look-up by code", "folded name search", "receive"):
        a = statistics.median(results["plain"][case])
        b = statistics.median(results["encrypted"][case])
        print(
            f"{case + ', median (ms)':44} {a:10.2f} {b:10.2f} {(b / a - 1) * 100:8.1f} %   ≤ 15 %"
        )
    a = p95(results["plain"]["folded name search"])
    b = p95(results["encrypted"]["folded name search"])
    print(f"{'folded name search, p95 (ms)':44} {a:10.2f} {b:10.2f} {(b / a - 1) * 100:8.1f} %")
    a, b = statistics.median(starts_plain), statistics.median(starts_enc)
    print(
        f"{'open the station + first query, median (s)':44} {a:10.3f} {b:10.3f} "
        f"{b - a:+8.3f} s   ≤ +0.1 s (key from the '{keys.read_record(data_dir)['store']}' store)"
    )
    print(
        f"{'open_database as the window does, median (s)':44} {'':10} "
        f"{statistics.median(starts_full):10.3f}"
    )
    print()
    print(
        f"{'daily backup (copy + verify + manifest), s':44} {backup_s:10.1f}   ≤ 60 s"
        f"   (CPU {backup_cpu:.1f} s, load {backup_load:.1f} at the end)"
    )
    print(
        f"{'backup size / live database size, MB':44} {made.size / 1e6:10.1f} "
        f"/ {live_size / 1e6:.1f}"
    )
    print(
        f"{'restore (verify + safety copy + swap), s':44} {restore_s:10.1f}"
        f"   (CPU {restore_cpu:.1f} s, load {restore_load:.1f} at the end)"
    )
    print(f"\n{args.dossiers:,} dossiers; databases in {root}")


if __name__ == "__main__":
    main()
