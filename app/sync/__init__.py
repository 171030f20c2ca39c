"""Synchronisation with the central server: the wire protocol both sides share."""
