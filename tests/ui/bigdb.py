"""A station database with a million dossiers, built in seconds.

The real schema comes from the real migrations (via ``initialise``); the rows
go in with raw ``executemany`` so the scale tests and ``bench/ui.py`` do not
spend minutes on set-up. Only what the dossier table and look-up read is
filled: dossiers, their applicants, and (optionally) the folded-name index.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from app.domain.text import fold
from app.infra.storage import connect_file

AGENCY = "000.00.24.H47"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu", "Quang"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Ngọc",
    "Phúc",
    "Quân",
    "Sơn",
    "Yến",
]
CHUNK = 50_000


def fill(
    db_path: Path,
    n: int,
    *,
    applicants: int = 50_000,
    with_search: bool = False,
    end: datetime = datetime(2026, 11, 20, 17, 0),
    seed: int = 11,
) -> None:
    """Append ``n`` dossiers received over the five years before ``end``."""
    rng = random.Random(seed)
    conn = connect_file(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    procs = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM procedure WHERE processing_value IS NOT NULL ORDER BY code LIMIT 25"
        )
    ]
    base_app = conn.execute("SELECT COALESCE(MAX(id), 0) FROM applicant").fetchone()[0]
    base_dos = conn.execute("SELECT COALESCE(MAX(id), 0) FROM dossier").fetchone()[0]
    names: list[str] = []
    rows = []
    for i in range(1, applicants + 1):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        names.append(name)
        rows.append(
            (
                base_app + i,
                str(uuid.UUID(int=rng.getrandbits(128))),
                f"001{rng.choice('0123')}{rng.randint(40, 99):02d}{i:06d}",
                name,
                "2026-01-01 00:00:00",
            )
        )
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO applicant (id, uuid, kind, id_number, full_name, updated_at) "
        "VALUES (?, ?, 'person', ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    span = 5 * 365 * 24 * 60
    start = end - timedelta(minutes=span)
    # Evenly spaced, so ids and receipt times grow together as at a real counter.
    step = span / max(n, 1)
    per_day: dict[str, int] = {}
    recent = end - timedelta(days=45)
    for lo in range(0, n, CHUNK):
        batch, search = [], []
        for k in range(lo, min(n, lo + CHUNK)):
            received = (start + timedelta(minutes=k * step)).replace(microsecond=0)
            day = received.strftime("%y%m%d")
            seq = per_day.get(day, 0) + 1
            per_day[day] = seq
            app_no = rng.randrange(applicants)
            status = rng.choice((2, 4, 9, 5)) if received > recent else 10
            due = received + timedelta(days=3)
            did = base_dos + k + 1
            batch.append(
                (
                    # Ordered ids keep the unique indexes' inserts sequential (fast).
                    did,
                    f"00000000-0000-4000-8000-{did:012d}",
                    f"{AGENCY}-{day}-{seq:04d}",
                    procs[k % len(procs)],
                    base_app + app_no + 1,
                    status,
                    received.isoformat(" "),
                    due.isoformat(" "),
                    received.isoformat(" ") if status == 10 else None,
                )
            )
            if with_search:
                search.append((did, fold(names[app_no])))
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO dossier (id, uuid, code, procedure_id, applicant_id, station_id, "
            "channel, status, sets, received_at, due_at, returned_at, fee_amount, fee_paid, "
            "lookup_secret) VALUES (?, ?, ?, ?, ?, 1, 1, ?, 1, ?, ?, ?, 0, 1, 'ABCDEFGHJK')",
            batch,
        )
        if search:
            conn.executemany("INSERT INTO dossier_search (rowid, name) VALUES (?, ?)", search)
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
