"""Plumbing: data folder, database opening, journal, clock, message language."""
