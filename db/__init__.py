"""Local database: models, engine setup, migrations and queries."""
