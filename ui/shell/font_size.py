"""The window's text size (Cài đặt → In ấn và ngôn ngữ → Cỡ chữ), set per station.

A clerk with tired eyes, or a counter screen seen from further away, wants
bigger text without changing the whole system's scaling. The size applies to
every widget that does not set its own; the layouts grow with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

# Stored value → points; "" keeps the system's own size.
SIZES = ("", "11", "12", "14")
_system_size: float | None = None


def apply(value: str | None) -> float:
    """Set the application font to ``value`` points (or the system size); returns it."""
    global _system_size
    app = QApplication.instance()
    font = app.font()
    if _system_size is None:
        _system_size = font.pointSizeF()
    try:
        size = float(value) if value else _system_size
    except ValueError:
        size = _system_size
    size = min(max(size, 8.0), 20.0)
    if font.pointSizeF() != size:
        font.setPointSizeF(size)
        app.setFont(font)
    return size
