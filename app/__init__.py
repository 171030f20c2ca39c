"""MotCua Desk: use cases and domain rules for one-stop-shop counters."""

__version__ = "0.1.0"
