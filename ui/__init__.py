"""The counter window (PySide6). Every action it offers is a use case in ``app``."""
