"""Schema versions of the event file, run through Alembic in code so they work frozen too.

Alembic (and SQLAlchemy under it) loads only when a file is created or migrated: opening a
current file needs neither.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.store.event_file import open_readonly, uri

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# every revision in migrations/versions, oldest first; a test keeps this in step with them
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_revisions() -> tuple[str, ...]:
    """The revisions Alembic finds in the migrations folder, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return tuple(rev.revision for rev in reversed(list(script.walk_revisions())))


def upgrade_file(path: Path, revision: str = "head") -> None:
    """Bring the file's schema up to ``revision`` in one transaction."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # a connection of our own, not a URL built from the path: "#" or "?" in a file name
    # would otherwise be read as URL syntax
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri(path), uri=True), poolclass=NullPool
    )
    try:
        with engine.connect() as connection:
            config = _config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            connection.commit()
    finally:
        engine.dispose()


_schema_at_head: sqlite3.Connection | None = None  # built once per process, in memory


def create_at_head(path: Path) -> None:
    """Give the new, empty database at ``path`` the schema at HEAD.

    The migrations run once per process, into an in-memory template; each new file is a
    copy of it (SQLite's backup API), so it is exactly what the migrations make, at a
    fraction of the cost of running Alembic for every file.
    """
    global _schema_at_head
    if _schema_at_head is None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="facilitator-schema-") as folder:
            built = Path(folder) / "head.facilitator"
            upgrade_file(built)
            source = sqlite3.connect(uri(built), uri=True)
            template = sqlite3.connect(":memory:", check_same_thread=False)
            try:
                source.backup(template)
            finally:
                source.close()
        _schema_at_head = template
    target = sqlite3.connect(uri(path), uri=True)
    try:
        _schema_at_head.backup(target)
    finally:
        target.close()


def copy_database(path: Path, copy: Path) -> None:
    """A consistent copy of an SQLite file, with anything still in its WAL; ``path`` is
    only read. Raises sqlite3.Error when it cannot be read."""
    source, done = open_readonly(Path(path))
    try:
        target = sqlite3.connect(uri(copy), uri=True)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
        done()


def backup_before_migrating(path: Path, revision: str) -> Path:
    """Copy the file beside itself before touching its schema."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.backup-schema{revision}-{stamp}")
    copy_database(path, backup)
    return backup
