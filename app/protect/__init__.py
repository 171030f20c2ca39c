"""Protecting citizens' data on the station: the data key, encrypted files, backups, audit chain."""
