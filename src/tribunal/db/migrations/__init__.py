"""Alembic migrations shipped inside the package."""

#: The newest revision. Start-up compares the database's stamp with this without importing
#: Alembic; ``tests/integration/test_migrations.py`` checks it matches the scripts' head.
HEAD = "0015"
