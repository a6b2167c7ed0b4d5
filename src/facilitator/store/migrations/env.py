"""Alembic environment: migrations run in code, on the connection the store hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import facilitator.store.models  # noqa: F401 - registers the tables

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things in place
)
with context.begin_transaction():
    context.run_migrations()
