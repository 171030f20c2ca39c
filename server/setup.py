"""Builds the server distribution from this folder plus the shared modules of ``app``.

setuptools cannot take a package from outside the project folder, so the
shared modules are copied into the build by name. Keep SHARED to what
``server`` imports (the layer contract in the repository's pyproject.toml
keeps ``server`` off everything else of the desktop).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

SHARED = [
    "app/__init__.py",
    "app/domain/__init__.py",
    "app/domain/codes.py",
    "app/domain/errors.py",
    "app/domain/feedback_clock.py",
    "app/domain/fees.py",
    "app/domain/payment.py",
    "app/domain/portal.py",
    "app/domain/retention.py",
    "app/domain/satisfaction.py",
    "app/domain/status.py",
    "app/domain/text.py",
    "app/domain/workcalendar.py",
    "app/infra/__init__.py",
    "app/infra/clock.py",
    "app/office/__init__.py",
    "app/office/catalogue_seed.py",
    # The Decision 766 scoring: the module, its definitions reader and the data
    # it reads, so the server scores exactly as the station does.
    "app/reports/__init__.py",
    "app/reports/definitions.py",
    "app/reports/indicators_766.json",
    "app/reports/scoring.py",
    "app/sync/__init__.py",
    "app/sync/backup_protocol.py",
    "app/sync/keyseal.py",
    "app/sync/protect_wire.py",
    "app/sync/protocol.py",
    "app/sync/recovery_protocol.py",
    "db/__init__.py",
    "db/sqlite_pragmas.py",
]
# The seed catalogue travels beside the module that reads it.
SEED = ("resources/catalogue/procedures.json", "app/office/procedures.json")


class BuildWithShared(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib)
        for name in SHARED:
            dest = target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, dest)
        shutil.copy2(REPO / SEED[0], target / SEED[1])


setup(
    package_dir={"server": "."},
    packages=[
        "server",
        "server.routers",
        "server.migrations",
        "server.migrations.versions",
    ],
    package_data={"server.migrations": ["script.py.mako"]},
    cmdclass={"build_py": BuildWithShared},
)
