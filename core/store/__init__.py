"""Storage: SQLAlchemy 2.0 models, the engine and its sessions, and Alembic migrations."""
