"""Reference central server for MotCua Desk stations.

Runs the sync API (push, pull, master data, resumable attachment upload), the
back-office page for resolving agencies and the citizens' status page, on
SQLite for one district or PostgreSQL for a province.
"""
