"""What every screen shares: the database, the signed-in officer, the task runner."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.infra import clock
from app.infra.storage import Database
from app.office.auth import Actor
from ui.shell.tasks import TaskRunner
from ui.widgets.print_preview import PreviewFactory, default_preview

if TYPE_CHECKING:
    from ui.shell.sync_controller import SyncController


@dataclass
class Context:
    data_dir: Path
    tasks: TaskRunner
    db: Database | None = None
    actor: Actor | None = None
    # The office's settings as last read (printer, layout, idle lock, …).
    settings: dict[str, str] = field(default_factory=dict)
    preview_factory: PreviewFactory | None = None
    now: Callable[[], datetime] = clock.now
    # The background sync, once the window made it.
    sync: SyncController | None = None
    # Overrides for the sync worker's timing (``first_delay``, ``probe_interval``,
    # ``backoff``): tests and the screenshot script want rounds on their cue.
    sync_tuning: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.preview_factory is None:
            self.preview_factory = functools.partial(default_preview, tasks=self.tasks)

    def require_db(self) -> Database:
        if self.db is None:
            raise RuntimeError("the station database is not open")
        return self.db

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("nobody is signed in")
        return self.actor
