"""MotCua Desk: ``python main.py`` starts the counter window; subcommands run headless."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HEADLESS_PLATFORMS = ("offscreen", "minimal")


def can_show_window() -> bool:
    """Whether a window could be seen: a desktop session, or a benchmark asking for one."""
    if os.environ.get("MOTCUA_BENCH_STARTUP"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in HEADLESS_PLATFORMS:
        return False
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# The window's non-Qt core. PySide6 wraps Python's import function once it is
# loaded (for its feature switches), which makes every later import slower:
# importing these first takes a tenth of a second or more off the start.
WINDOW_CORE = (
    "sqlalchemy.orm",
    "db.models",
    "app.infra.storage",
    "app.office.office_setup",
    "app.overview",
)


def preload_window_core() -> None:
    from importlib import import_module

    for name in WINDOW_CORE:
        import_module(name)


def window_options(argv: list[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` names no subcommand (and no ``--help``), else
    ``None``. Only these few are parsed: the window need not build the whole
    command line's parser (a hundred subparsers) to know it is the window.
    Unknown options are ignored, as the whole parser's ``parse_known_args`` did."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--json", action="store_true")
    pre.add_argument("--user")
    try:
        options, rest = pre.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the whole parser says what is wrong
    named = [a for a in rest if not a.startswith("-") or a in ("-h", "--help")]
    return None if named else options


def main() -> int:
    argv = sys.argv[1:]
    if getattr(sys, "frozen", False):
        # An installed bundle: run the updated version instead, if one is in use.
        from app.update.launcher import hand_over

        hand_over(argv)
    window = window_options(argv)
    if window is not None and can_show_window():
        preload_window_core()
        from app.infra import datadir
        from ui.shell.app import run as run_window

        data_dir = Path(window.data_dir).expanduser() if window.data_dir else None
        return run_window(data_dir or datadir.default_data_dir())
    from app.cli import run

    # No display (a server, a CI job): the command-line help is all we can show.
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
