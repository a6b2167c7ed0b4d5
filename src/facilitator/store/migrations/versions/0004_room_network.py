"""The room network: the tokens in its links, and where each entry came from.

Each entry records its origin (laptop, phone, import, merge) and, from a phone, its device.
An event token (the join link) and one token per table (the scribe links) are made here for
older files; new files get theirs when they are created.

Revision ID: 0004
Revises: 0003
"""

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_token",
        sa.Column("token", sa.String(), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("table_id", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("revoked_at", sa.String(), nullable=True),
    )
    op.create_index("ix_room_token_table_id", "room_token", ["table_id"])
    with op.batch_alter_table("theme") as batch:
        batch.add_column(sa.Column("origin", sa.String(), nullable=False, server_default="laptop"))
        batch.add_column(sa.Column("device", sa.String(), nullable=True))
    connection = op.get_bind()
    # the schema template new files are copied from has no event: it gets no tokens, or
    # every new file would share them
    if connection.execute(sa.text("SELECT count(*) FROM event")).scalar():
        stamp = datetime.now(UTC).isoformat(timespec="microseconds")
        rows: list[dict[str, str | None]] = [
            {"token": secrets.token_urlsafe(16), "kind": "event", "table_id": None}
        ]
        for (table_id,) in connection.execute(sa.text("SELECT id FROM event_table")):
            rows.append(
                {"token": secrets.token_urlsafe(16), "kind": "table", "table_id": str(table_id)}
            )
        connection.execute(
            sa.text(
                "INSERT INTO room_token (token, kind, table_id, created_at)"
                " VALUES (:token, :kind, :table_id, :stamp)"
            ),
            [{**row, "stamp": stamp} for row in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("theme") as batch:
        batch.drop_column("device")
        batch.drop_column("origin")
    op.drop_index("ix_room_token_table_id", "room_token")
    op.drop_table("room_token")
