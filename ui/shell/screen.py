"""What the main window expects of every screen.

Each hook has a default that does nothing, so the window calls them on any
screen without asking first what the screen offers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    # This screen committed a change (the window passes it on to every screen).
    data_changed = Signal()
    # Ask the window to show a dossier on the Hồ sơ screen, or to hand its result over.
    open_dossier = Signal(str)
    return_dossier = Signal(str)

    def activated(self) -> None:
        """The screen was just brought to the front."""

    def print_current(self) -> None:
        """Ctrl+P: print what the screen shows, if anything."""

    def operation_did_execute(self) -> None:
        """A change was committed somewhere: refresh what is shown, if it may be stale."""
