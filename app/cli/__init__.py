"""Entry point of ``python main.py SUBCOMMAND``.

Every failure ends in one line on stderr in the user's language and a
non-zero exit code; the traceback of an unexpected error goes to the log
file in the data folder, never to the screen.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app import datadir
from app.cli import commands, print_cmd, selftest, sync_cmd
from app.cli.output import Output
from app.cli.parser import build_parser
from app.domain.errors import DomainError
from app.i18n import cli_language
from app.storage import open_database

log = logging.getLogger("motcua.cli")

NEEDS_DB = {
    "catalogue": commands.cmd_catalogue,
    "receive": commands.cmd_receive,
    "lookup": commands.cmd_lookup,
    "show": commands.cmd_show,
    "status": commands.cmd_status,
    "return": commands.cmd_return,
    "print": print_cmd.cmd_print,
    "enroll": sync_cmd.cmd_enroll,
    "sync": sync_cmd.cmd_sync,
}
NO_DB = {
    "init": commands.cmd_init,
    "due": commands.cmd_due,
    "self-test": selftest.cmd_selftest,
}


def register(name: str, handler, *, needs_db: bool = True) -> None:
    """Let a feature module add its subcommand handler."""
    (NEEDS_DB if needs_db else NO_DB)[name] = handler


def _log_unexpected(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(data_dir / "motcua-cli.log", encoding="utf-8")
    except OSError:
        return
    log.addHandler(handler)
    log.exception("unexpected error")
    log.removeHandler(handler)
    handler.close()


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = cli_language()
    out = Output(args.json, lang)
    if args.command is None:
        parser.print_help()
        return 0
    data_dir = Path(args.data_dir).expanduser() if args.data_dir else datadir.default_data_dir()
    args.data_dir_resolved = data_dir
    try:
        if args.command in NO_DB:
            return NO_DB[args.command](args, data_dir, out)
        if args.command == "catalogue" and args.catalogue_command is None:
            args.catalogue_command = "list"
        db = open_database(data_dir)
        try:
            return NEEDS_DB[args.command](args, db, out)
        finally:
            db.dispose()
    except DomainError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(out.t("Đã hủy.", "Cancelled."), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback on screen
        _log_unexpected(data_dir)
        print(
            out.t(
                f"Lỗi không mong đợi ({exc.__class__.__name__}); chi tiết ở "
                f"{data_dir / 'motcua-cli.log'}.",
                f"Unexpected error ({exc.__class__.__name__}); details in "
                f"{data_dir / 'motcua-cli.log'}.",
            ),
            file=sys.stderr,
        )
        return 1


def main() -> None:
    sys.exit(run())
