"""What the window shows about updates: only whether a newer version is offered.

The window never installs anything itself, so an update can never land in
the middle of a clerk's intake; it says "Có bản cập nhật" and the station's
IT person runs ``motcua-desk update apply`` with the window closed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.domain.errors import DomainError
from app.update import client, layout

log = logging.getLogger("motcua.update")

# A check from the window gives up quickly: the next start tries again.
CHECK_TIMEOUT_SECONDS = 10


def available_update(data_dir: Path) -> str | None:
    """The newer version the enrolled server offers; ``None`` when there is none,
    the station is not enrolled, the server does not answer or the offer is refused."""
    from app.sync import credentials

    cred = credentials.load(data_dir)
    if cred is None:
        return None
    try:
        found = client.check(
            layout.app_home(),
            client.Source.server(cred.server_url),
            layout.running_version(),
            timeout=CHECK_TIMEOUT_SECONDS,
        )
    except DomainError as exc:
        log.info("update check: %s", exc.message_en)
        return None
    except OSError as exc:  # the metadata folder cannot be written
        log.warning("update check: %s", exc)
        return None
    return found.version if found else None
