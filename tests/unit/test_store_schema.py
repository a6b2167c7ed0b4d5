"""The event file's schema has one truth: a file built by the Alembic migrations matches the
SQLModel models in store/models.py, table by table, column by column, index by index."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import facilitator.store.models  # noqa: F401 - registers the tables
from facilitator.store import migrate


def _schema(path: Path) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        out = {}
        for table in tables:
            # (name, type, not null, default, primary key position), in the file's order
            columns = [
                (r[1], r[2], bool(r[3]), r[4], r[5])
                for r in conn.execute(f"PRAGMA table_info('{table}')")
            ]
            indexes = sorted(
                (
                    r[1],
                    bool(r[2]),
                    tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{r[1]}')")),
                )
                for r in conn.execute(f"PRAGMA index_list('{table}')")
                if r[3] != "pk"
            )
            foreign_keys = sorted(
                (r[2], r[3], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list('{table}')")
            )
            out[table] = {"columns": columns, "indexes": indexes, "foreign keys": foreign_keys}
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("schema")
    migrated = folder / "migrated.facilitator"
    migrate.upgrade_file(migrated)
    modelled = folder / "modelled.facilitator"
    engine = create_engine(f"sqlite:///{modelled}")
    try:
        SQLModel.metadata.create_all(engine)
    finally:
        engine.dispose()
    return migrated, modelled


def test_the_migrations_and_the_models_make_the_same_tables(files: tuple[Path, Path]) -> None:
    migrated, modelled = (_schema(p) for p in files)
    assert sorted(migrated) == sorted(modelled)
    for table in migrated:
        assert migrated[table] == modelled[table], table


def test_alembic_sees_nothing_to_migrate(files: tuple[Path, Path]) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{files[0]}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        engine.dispose()
