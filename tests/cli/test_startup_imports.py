"""A normal start loads only what it uses: no Alembic, no capture stack.

Alembic (with its templating engine and syntax highlighter) is for upgrades
only, and the capture stack (OpenCV, NumPy, OCR) for digitizing; either one
at start costs the clerk a noticeable part of a second. Each start runs in a
real process that writes down ``sys.modules`` as it exits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.dossiers import intake as intake_uc
from app.infra import datadir

ROOT = Path(__file__).resolve().parents[2]

# Top-level packages (and app's capture package) a normal start must not import.
FORBIDDEN = (
    "alembic",
    "mako",
    "pygments",
    "app.capture",
    "cv2",
    "numpy",
    "ocrmypdf",
    "pytesseract",
)


# Loaded on first use, after the window is up: the set-up form (only a new
# station shows it), the citizen's rating screen and
# the ratings behind it (first needed after sign-in) and the settings snapshot
# (read at sign-in).
DEFERRED_FROM_WINDOW_START = (
    "ui.shell.first_run",
    "ui.screens.customer",
    "app.dossiers.ratings",
    "app.office.settings_admin",
)


def _forbidden(names: set[str]) -> list[str]:
    return sorted(n for n in names if any(n == f or n.startswith(f + ".") for f in FORBIDDEN))


# main.py run as ``python main.py`` runs it, with every imported module's name
# written to a file at exit.
RUN_MAIN = """
import atexit, json, runpy, sys
out, argv = sys.argv[1], sys.argv[2:]
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
sys.argv = argv
runpy.run_path(argv[0], run_name="__main__")
"""


def _main(data_dir: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess, set]:
    out = data_dir.parent / "modules.json"
    out.unlink(missing_ok=True)
    proc = subprocess.run(
        [sys.executable, "-c", RUN_MAIN, str(out), str(ROOT / "main.py")]
        + ["--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, **env),
        timeout=180,
        cwd=ROOT,
    )
    return proc, set(json.loads(out.read_text())) if out.exists() else set()


@pytest.fixture
def station(db, clerk, intake) -> tuple[Path, str]:
    received = intake_uc.receive(db, clerk, intake)
    return db.path.parent, received.code


def test_json_lookup_imports_neither_alembic_nor_capture(station):
    data_dir, code = station
    proc, names = _main(data_dir, "--user", "admin", "--json", "lookup", code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [d["code"] for d in json.loads(proc.stdout)["results"]] == [code]
    # The check would pass vacuously if the list were empty.
    assert {"app.cli.lookup_cmd", "app.dossiers.summary", "sqlcipher3"} <= names
    assert _forbidden(names) == []


def test_json_lookup_by_code_imports_no_sqlalchemy(station):
    """SQLAlchemy's import alone costs several times the whole look-up by code."""
    data_dir, code = station
    proc, names = _main(data_dir, "--user", "admin", "--json", "lookup", code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "app.dossiers.summary" in names
    assert sorted(n for n in names if n.split(".")[0] == "sqlalchemy") == []
    assert "app.dossiers.lookup" not in names


def test_window_start_imports_neither_alembic_nor_capture(station):
    data_dir, _code = station
    proc, names = _main(
        data_dir,
        QT_QPA_PLATFORM="offscreen",
        MOTCUA_BENCH_STARTUP=repr(time.time()),
    )
    # With the switch set the window opens offscreen, leaves at its first tick and exits 0.
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert any(line.startswith("interactive ") for line in proc.stdout.splitlines())
    assert {"PySide6.QtWidgets", "ui.shell.main_window", "sqlalchemy"} <= names
    assert _forbidden(names) == []
    assert {"ui.shell.sign_in", "ui.shell.lock"} <= names
    assert sorted(names.intersection(DEFERRED_FROM_WINDOW_START)) == []


def test_forbidden_imports_are_seen(tmp_path):
    """The check itself: a script that does import Alembic and NumPy is caught."""
    script = tmp_path / "uses_alembic.py"
    script.write_text("import alembic.command\nimport numpy\n")
    out = tmp_path / "modules.json"
    subprocess.run([sys.executable, "-c", RUN_MAIN, str(out), str(script)], check=True, timeout=120)
    assert {"alembic.command", "numpy"} <= set(_forbidden(set(json.loads(out.read_text()))))


def test_head_read_from_the_files_is_alembics_head():
    from alembic.script import ScriptDirectory

    from db import migrate

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == script.get_current_head()


def test_a_database_behind_head_is_still_upgraded(data_dir, db):
    """Skipping Alembic on a current database must not skip an upgrade that is due."""
    from alembic import command

    from app.infra.storage import open_database
    from db import migrate

    cfg = migrate.alembic_config()
    with db.writer.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    behind = migrate.current_revision(db.writer)
    assert behind is not None and behind != migrate.head_revision()
    db.dispose()
    again = open_database(data_dir)
    try:
        assert migrate.current_revision(again.writer) == migrate.head_revision()
        assert list(datadir.backup_dir(data_dir).glob(f"*before-{migrate.head_revision()}*"))
    finally:
        again.dispose()


def test_every_screen_is_named_with_its_module():
    """Screens are imported by name when first built: each name must lead to its class."""
    from ui.shell import main_window

    assert set(main_window.SCREENS) == set(main_window.PAGES)
    for name in main_window.PAGES:
        assert main_window.screen_class(name).__name__.endswith("Page")


def test_building_the_parser_loads_no_database_layer():
    """Every command pays for the parser: a command module it imports for its
    options must load its database code (SQLAlchemy and up) only when it runs."""
    probe = (
        "import sys\n"
        "from app.cli.parser import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'db')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"
