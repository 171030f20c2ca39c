"""Reports: the office's indicators over a period and the periodic report tables.

Everything here reads the station database and writes nothing; the Decision
766 scoring rules live as data in ``indicators_766.json``. ``definitions`` and
``scoring`` import nothing of the station: the central server ships them and
scores its synced data with them (server/setup.py). Keep this file free of
imports for the same reason.
"""
