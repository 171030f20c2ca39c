"""Dossiers: intake, preview, progress and actions, look-up, queries, applicants."""
