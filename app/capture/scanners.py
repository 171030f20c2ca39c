"""The scanner this platform offers: WIA on Windows, SANE everywhere else.

Kept apart from both drivers so that neither imports the other.
"""

from __future__ import annotations

import sys

from app.capture.sane import ScanimageScanner, Scanner


def default_scanner() -> Scanner:
    """WIA on Windows, SANE everywhere else."""
    if sys.platform == "win32":
        from app.capture.wia import WiaScanner

        return WiaScanner()
    return ScanimageScanner()
