"""Station backups: daily and on demand, verified before they count, restored in one swap."""
