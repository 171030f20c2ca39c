"""Entry point of ``python main.py SUBCOMMAND``.

Every failure ends in one line on stderr in the user's language and a
non-zero exit code; the traceback of an unexpected error goes to the log
file in the data folder, never to the screen.
"""

from __future__ import annotations

import logging
import sys
from importlib import import_module
from pathlib import Path

from app.cli.output import Output
from app.cli.parser import build_parser
from app.domain.errors import DomainError
from app.infra import datadir
from app.infra.i18n import cli_language

log = logging.getLogger("motcua.cli")

# Handlers are named, not imported, so a quick command does not pay for
# loading the PDF, sync and capture code it never uses.
NEEDS_DB = {
    "catalogue": "app.cli.commands:cmd_catalogue",
    "office": "app.cli.office_cmd:cmd_office",
    "receive": "app.cli.commands:cmd_receive",
    "lookup": "app.cli.lookup_cmd:cmd_lookup",
    "show": "app.cli.commands:cmd_show",
    "status": "app.cli.commands:cmd_status",
    "return": "app.cli.commands:cmd_return",
    "result": "app.cli.commands:cmd_result",
    "print": "app.cli.print_cmd:cmd_print",
    "enroll": "app.cli.sync_cmd:cmd_enroll",
    "sync": "app.cli.sync_cmd:cmd_sync",
    "audit": "app.cli.protect_cmd:cmd_audit",
    "attach": "app.cli.capture_cmd:cmd_attach",
    "scan": "app.cli.capture_cmd:cmd_scan",
    "batch": "app.cli.capture_cmd:cmd_batch",
    "ocr": "app.cli.capture_cmd:cmd_ocr",
    "report": "app.cli.report_cmd:cmd_report",
    "supplement": "app.cli.life_cmd:cmd_supplement",
    "supplied": "app.cli.life_cmd:cmd_supplied",
    "extend": "app.cli.life_cmd:cmd_extend",
    "stop": "app.cli.life_cmd:cmd_stop",
    "refuse": "app.cli.life_cmd:cmd_refuse",
    "withdraw": "app.cli.life_cmd:cmd_withdraw",
    "cancel": "app.cli.life_cmd:cmd_cancel",
    "pay": "app.cli.life_cmd:cmd_pay",
    "feedback": "app.cli.feedback_cmd:cmd_feedback",
    "rate": "app.cli.rate_cmd:cmd_rate",
}
NO_DB = {
    "init": "app.cli.commands:cmd_init",
    "due": "app.cli.commands:cmd_due",
    "self-test": "app.cli.selftest:cmd_selftest",
    "update": "app.cli.update_cmd:cmd_update",
    "restore-key": "app.cli.protect_cmd:cmd_restore_key",
    "backup": "app.cli.protect_cmd:cmd_backup",
    "restore": "app.cli.protect_cmd:cmd_restore",
}


def register(name: str, handler: str, *, needs_db: bool = True) -> None:
    """Let a feature module add its subcommand handler (``"module:function"``)."""
    (NEEDS_DB if needs_db else NO_DB)[name] = handler


def _handler(spec: str):
    module, _, name = spec.partition(":")
    return getattr(import_module(module), name)


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
            return _handler(NO_DB[args.command])(args, data_dir, out)
        if args.command == "catalogue" and args.catalogue_command is None:
            args.catalogue_command = "list"
        if args.command == "lookup":
            from app.cli.lookup_cmd import quick_lookup

            answered = quick_lookup(args, data_dir, out)
            if answered is not None:
                return answered
        from app.infra.storage import open_database

        handler = _handler(NEEDS_DB[args.command])
        db = open_database(data_dir)
        try:
            return handler(args, db, out)
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
