"""Reports: the office's indicators over a period and the periodic report tables.

Everything here reads the station database and writes nothing; the Decision
766 scoring rules live as data in ``indicators_766.json``.
"""
