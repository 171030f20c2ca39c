"""Station database at scale: look-ups and intake over a million dossiers.

    python bench/store.py [--dossiers 1000000] [--data-dir DIR]

Fills a station database (the real schema, via the real migrations) with
realistic dossiers spread over five years and 25 procedures, once: later runs
reuse it. Then times the use cases a clerk runs, each beside a floor measured
in the same run (the same answer through the raw DB-API), with the ratio and
the target.
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
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain.codes import format_code
from app.domain.text import fold
from app.dossiers import intake, lookup
from app.infra import clock
from app.infra.storage import connect_file
from app.office import auth
from app.office.office_setup import SetupRequest, initialise

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Trịnh",
    "Lương",
    "Đoàn",
]
SURNAME_WEIGHTS = [38, 11, 9.5, 7, 5, 4, 4.5, 3.9, 3.5, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 1, 1, 1, 1]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Ngọc",
    "Thanh",
    "Hữu",
    "Quang",
    "Xuân",
    "Thu",
    "Kim",
    "Gia",
    "Bảo",
    "Anh",
    "Hoài",
    "Tiến",
    "Công",
    "Phương",
]
GIVEN = [
    "An",
    "Anh",
    "Bình",
    "Châu",
    "Cường",
    "Dũng",
    "Dương",
    "Đào",
    "Đạt",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hòa",
    "Hùng",
    "Hương",
    "Huy",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Ngọc",
    "Nhung",
    "Phong",
    "Phúc",
    "Quân",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]
PROVINCES = ["001", "031", "079", "048", "092", "038", "040", "036", "026", "027"]


def fill(db_path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    conn = connect_file(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    procs = conn.execute(
        "SELECT id, code FROM procedure WHERE processing_value IS NOT NULL ORDER BY code LIMIT 25"
    ).fetchall()
    comps = {
        pid: conn.execute(
            'SELECT id, idx, name FROM (SELECT id, "index" AS idx, name FROM procedure_component '
            "WHERE procedure_id = ?) ORDER BY idx",
            (pid,),
        ).fetchall()
        for pid, _ in procs
    }
    start = datetime(2021, 11, 1, 7, 30)
    span_minutes = 5 * 365 * 24 * 60
    per_day: dict[str, int] = {}
    applicants = max(1, int(n * 0.7))
    batch = 20_000
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for i in range(1, applicants + 1):
        sex = rng.random() < 0.5
        year = rng.randint(1940, 2008)
        century_digit = (0 if year < 2000 else 2) + (1 if sex else 0)
        idn = f"{rng.choice(PROVINCES)}{century_digit}{year % 100:02d}{i:06d}"[:12]
        name = " ".join(
            [rng.choices(SURNAMES, SURNAME_WEIGHTS)[0], rng.choice(MIDDLE), rng.choice(GIVEN)]
        )
        conn.execute(
            "INSERT INTO applicant (id, uuid, kind, id_number, full_name, sex, address, "
            "updated_at) VALUES (?, ?, 'person', ?, ?, ?, ?, ?)",
            (
                i,
                str(uuid.UUID(int=rng.getrandbits(128))),
                idn,
                name,
                "Nữ" if sex else "Nam",
                f"Thôn {rng.randint(1, 20)}, xã Tân Lập",
                "2026-01-01 00:00:00",
            ),
        )
        if i % batch == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    names = dict(conn.execute("SELECT id, full_name FROM applicant"))
    received_list = sorted(start + timedelta(minutes=rng.randrange(span_minutes)) for _ in range(n))
    for i, received in enumerate(received_list, start=1):
        pid, _code = procs[i % len(procs)]
        day = received.strftime("%y%m%d")
        seq = per_day.get(day, 0) + 1
        per_day[day] = seq
        code = format_code("000.00.24.H47", received.date(), seq)
        applicant = rng.randint(1, applicants)
        status = 10 if received < datetime(2026, 10, 1) else rng.choice([2, 4, 9])
        conn.execute(
            "INSERT INTO dossier (id, uuid, code, procedure_id, applicant_id, station_id, "
            "channel, status, sets, received_at, due_at, fee_amount, fee_paid, lookup_secret, "
            "logbook_book, logbook_line) VALUES (?, ?, ?, ?, ?, 1, 1, ?, 1, ?, ?, 0, 1, ?, ?, ?)",
            (
                i,
                str(uuid.UUID(int=rng.getrandbits(128))),
                code,
                pid,
                applicant,
                status,
                received.isoformat(" "),
                (received + timedelta(days=3)).isoformat(" "),
                "ABCDEFGHJK",
                str(received.year),
                i,
            ),
        )
        conn.executemany(
            'INSERT INTO dossier_component (dossier_id, procedure_component_id, "index", name, '
            "originals, copies, digitized, reused) VALUES (?, ?, ?, ?, 1, 0, 1, 0)",
            [(i, cid, idx, cname) for cid, idx, cname in comps[pid][:2]],
        )
        conn.execute(
            "INSERT INTO status_history (dossier_id, status, officer, at, source) "
            "VALUES (?, 2, 'admin', ?, 'counter')",
            (i, received.isoformat(" ")),
        )
        conn.execute(
            "INSERT INTO dossier_search (rowid, name) VALUES (?, ?)", (i, fold(names[applicant]))
        )
        if i % batch == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  … {i:,} dossiers ({time.perf_counter() - t0:.0f} s)", flush=True)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def build_once(data_dir: Path, n: int) -> None:
    """Set up and fill the station in ``data_dir`` unless an earlier run already did."""
    marker = data_dir.parent / f"filled-{n}"
    if marker.exists() and (data_dir / "motcua.sqlite3").exists():
        print(f"Reusing {n:,} dossiers in {data_dir}")
        return
    if data_dir.exists():
        shutil.rmtree(data_dir)
    db = initialise(
        data_dir,
        SetupRequest("000.00.24.H47", "UBND xã Tân Lập", 1, "admin", "matkhau-bench"),
    )
    db.dispose()
    print(f"Filling {n:,} dossiers into {data_dir} …")
    t = time.perf_counter()
    fill(data_dir / "motcua.sqlite3", n)
    print(f"filled in {time.perf_counter() - t:.0f} s")
    marker.write_text("filled\n")


# The floors: the same answers from the same file through the raw DB-API (the
# station's SQLite, keyed), one hand-written statement each, no application code.
_FLOOR_COLUMNS = (
    "SELECT d.id, d.code, d.status, d.received_at, d.due_at, a.full_name, a.id_number, "
    "p.code, p.name FROM dossier d JOIN applicant a ON a.id = d.applicant_id "
    "JOIN procedure p ON p.id = d.procedure_id "
)
FLOOR_CODE = _FLOOR_COLUMNS + "WHERE d.code = ?"
FLOOR_ID = (
    _FLOOR_COLUMNS + "WHERE d.applicant_id IN (SELECT id FROM applicant WHERE id_number = ?) "
    "ORDER BY d.id DESC LIMIT 50"
)
FLOOR_NAME = (
    _FLOOR_COLUMNS + "WHERE d.id IN (SELECT rowid FROM dossier_search WHERE dossier_search "
    "MATCH ? ORDER BY rowid DESC LIMIT 50) ORDER BY d.id DESC"
)


def row(name: str, value: float, floor: float, target: str, note: str = "") -> None:
    print(
        f"{name:40} {value:8.3f} ms  floor {floor:7.3f} ms  ratio {value / floor:6.1f}"
        f"   target {target}{note}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument(
        "--data-dir",
        type=Path,
        help="station folder, filled on the first run and reused after "
        "(default: a folder under the temporary directory named for --dossiers)",
    )
    ap.add_argument("--no-receive", action="store_true", help="skip intake (keeps the data as is)")
    args = ap.parse_args()
    data_dir = args.data_dir or (
        Path(tempfile.gettempdir()) / f"motcua-bench-store-{args.dossiers}" / "station"
    )
    build_once(data_dir, args.dossiers)

    from app.infra.storage import open_database

    db = open_database(data_dir)
    actor = auth.Actor("admin", "Quản trị", "admin")
    rng = random.Random(1)
    raw = connect_file(data_dir / "motcua.sqlite3")
    top = raw.execute("SELECT MAX(id) FROM dossier").fetchone()[0]
    sample = raw.execute(
        "SELECT d.code, a.id_number, a.full_name FROM dossier d JOIN applicant a "
        "ON a.id = d.applicant_id WHERE d.id IN ("
        + ",".join(str(rng.randint(1, top)) for _ in range(200))
        + ")"
    ).fetchall()
    codes = [s[0] for s in sample]
    ids = [s[1] for s in sample]
    # Surname and given name, without diacritics, as clerks type them.
    names = [" ".join(fold(s[2]).split()[i] for i in (0, 2)) for s in sample]
    exprs = [lookup.name_match_expression(n, whole_words=True) for n in names]

    def floor(sql: str, values: list) -> list[float]:
        it = iter(values * 3)
        return timed(lambda: raw.execute(sql, (next(it),)).fetchall(), len(values))

    def app(values: list, find=lookup.lookup) -> list[float]:
        it = iter(values * 3)
        return timed(lambda: find(db, actor, next(it)), len(values))

    def search_only(db, actor, query):
        # The search and the rows it shows, without the audit entry that
        # ``lookup`` writes (and commits to disk) for every look-up of a person.
        auth.require(actor, "dossier.lookup")
        kind, value = lookup._classify(query)
        with db.read_connection() as conn:
            return lookup._find(conn, kind, value, clock.now())

    # Warm both paths (page cache, statement caches, mappers) before timing.
    floor(FLOOR_CODE, codes[:20]), app(codes[:20]), app(names[:20])
    load_before = os.getloadavg()
    # Interleaved in rounds, so floor and application see the same machine load.
    # A look-up of a person also writes (and commits) an audit entry: timed
    # apart, so the search's own figure stays comparable with its floor.
    kinds = ("code", "id", "name", "id_audited", "name_audited")
    figures: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in kinds}
    for lo in range(0, len(sample), 50):
        part = slice(lo, lo + 50)
        for key, sql, vals, fvals, find in (
            ("code", FLOOR_CODE, codes[part], codes[part], lookup.lookup),
            ("id", FLOOR_ID, ids[part], ids[part], search_only),
            ("name", FLOOR_NAME, names[part], exprs[part], search_only),
            ("id_audited", FLOOR_ID, ids[part], ids[part], lookup.lookup),
            ("name_audited", FLOOR_NAME, names[part], exprs[part], lookup.lookup),
        ):
            figures[key][1].extend(floor(sql, fvals))
            figures[key][0].extend(app(vals, find))
    raw.close()

    receive: list[float] = []
    if not args.no_receive:
        from tests.conftest import INTAKE

        now = datetime(2026, 11, 20, 9, 0)
        receive = timed(lambda: intake.receive(db, actor, dict(INTAKE), now=now), 100)
    db.dispose()
    size = (data_dir / "motcua.sqlite3").stat().st_size

    med = statistics.median
    f = figures
    print()
    print(f"{args.dossiers:,} dossiers; load average {load_before} before, {os.getloadavg()} after")
    print("floor: the same answer from the same file through the raw DB-API, one statement")
    row("look-up by code, median", med(f["code"][0]), med(f["code"][1]), "≤ 1 ms")
    row("look-up by code, p95", p95(f["code"][0]), p95(f["code"][1]), "")
    row("look-up by ID number, median", med(f["id"][0]), med(f["id"][1]), "≤ 5 ms")
    row("folded name search, 50 hits, p95", p95(f["name"][0]), p95(f["name"][1]), "≤ 10 ms")
    row("folded name search, median", med(f["name"][0]), med(f["name"][1]), "")
    print("with the audit entry a look-up of a person writes:")
    row("  by ID number, median", med(f["id_audited"][0]), med(f["id_audited"][1]), "")
    row("  by name, p95", p95(f["name_audited"][0]), p95(f["name_audited"][1]), "")
    if receive:
        print(
            f"{'receive one dossier end to end, median':40} {med(receive):8.2f} ms   target ≤ 20 ms"
        )
    print(f"{'database bytes per dossier':40} {size / args.dossiers:8.0f}")


if __name__ == "__main__":
    main()
