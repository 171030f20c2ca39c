"""Digitizing: the capture dialog, its sources, tray and camera."""
