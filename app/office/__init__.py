"""The office: officers and sign-in, the station, settings, catalogue."""
