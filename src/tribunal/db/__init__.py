"""Storage: SQLAlchemy models, the engine factory, sessions and migrations."""

from tribunal.db.engine import Database, DatabaseError, resolve_url

__all__ = ["Database", "DatabaseError", "resolve_url"]
