"""Schema revisions, applied in order when the server starts."""
