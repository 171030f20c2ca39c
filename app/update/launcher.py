"""At start, hand over to the version the updater switched to.

The installed command always starts the packaged bundle; it looks at
``current.json`` and, when an update is in use, runs that version's
executable instead. A missing or half-unpacked folder is ignored, so the
packaged version still starts after any failure.
"""

from __future__ import annotations

import os
import subprocess
import sys

from app.update import layout

HANDED_OVER = "MOTCUA_HANDED_OVER"


def hand_over(argv: list[str]) -> None:
    """Replace this process with the switched-to version, if it is another one."""
    if not getattr(sys, "frozen", False) or os.environ.get(HANDED_OVER):
        return
    packaged = layout.packaged_dir()
    chosen = layout.start_bundle(layout.app_home(), packaged)
    if chosen is None or packaged is None or chosen.resolve() == packaged.resolve():
        return
    # The same executable as this one: the windowed one on Windows stays windowed.
    exe = str(chosen / os.path.basename(sys.executable))
    # The handed-over process must still know which bundle the package installed.
    env = dict(os.environ, **{HANDED_OVER: "1", "MOTCUA_PACKAGED_DIR": str(packaged)})
    if os.name == "nt":
        # No exec on Windows: run it and pass its exit status on.
        sys.exit(subprocess.call([exe, *argv], env=env))
    os.execve(exe, [exe, *argv], env)
