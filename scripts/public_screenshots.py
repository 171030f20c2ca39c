"""Screenshots of the citizen's public page, as a phone shows it (Debian's chromium).

    python3 scripts/public_screenshots.py

Starts a throw-away server, pushes one resolved dossier with its digitized
result, and writes docs/screenshots/public-code.png (the code alone) and
public-qr.png (the receipt's QR link, with the result copy offered).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "server"))

import pikepdf
import srvkit

from server import admin
from server.config import Settings
from server.db import Database

OUT = ROOT / "docs" / "screenshots"


def shoot(url: str, target: Path, profile: Path) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--user-data-dir={profile}", "--window-size=390,844", "--force-device-scale-factor=2",
         f"--screenshot={target}", url],
        check=True, capture_output=True, timeout=90,
    )  # fmt: skip


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="motcua-public-"))
    db_url = f"sqlite:///{work / 'server.sqlite3'}"
    server = srvkit.ServerProcess(work, db_url)
    db = Database(db_url)
    try:
        harness = srvkit.Harness(server, db, Settings(data_dir=work, db_url=db_url), "sqlite")
        office = harness.new_office(name="UBND xã Tân Lập")
        admin.set_citizen_copy(db, office, True)
        station = harness.enrol(office, 1)
        ev = srvkit.received(station, secret="QR9H2K77AB", name="Lê Thị Mai")
        pdf = pikepdf.new()
        pdf.add_blank_page(page_size=(595, 842))
        buf = io.BytesIO()
        pdf.save(buf)
        data = buf.getvalue()
        payload = ev["payload"]
        result = srvkit.event(
            "dossier.result",
            payload["dossier_uuid"],
            {
                "dossier_uuid": payload["dossier_uuid"],
                "code": payload["code"],
                "result_uuid": str(uuid.uuid4()),
                "kind": "Trích lục khai sinh",
                "number": "12/TLKS",
                "issued_on": "2026-02-20",
                "sha256": srvkit.sha(data),
                "size": len(data),
                "pages": 1,
                "source": "electronic",
                "captured_at": "2026-02-20T10:00:00+07:00",
            },
        )
        station.push(
            ev,
            srvkit.status_changed(ev, 2, 4, "2026-02-16T09:00"),
            srvkit.status_changed(ev, 4, 9, "2026-02-20T09:00"),
            result,
        )
        srvkit.upload(station, data)
        base = f"{server.base_url}/tra-cuu/{srvkit.code_of(ev)}"
        OUT.mkdir(parents=True, exist_ok=True)
        shoot(base, OUT / "public-code.png", work / "p1")
        shoot(f"{base}?k=QR9H2K77AB", OUT / "public-qr.png", work / "p2")
    finally:
        db.dispose()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {OUT / 'public-code.png'} and {OUT / 'public-qr.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
