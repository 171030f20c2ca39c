"""Alembic migrations of the central server's schema."""
