"""Drafts that survive a crash, per-event settings, and hiding a theme from the wall.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("slot", sa.String(), primary_key=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("detail_json", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value_json", sa.String(), nullable=False),
    )
    with op.batch_alter_table("theme") as batch:
        batch.add_column(
            sa.Column("hidden", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("theme") as batch:
        batch.drop_column("hidden")
    op.drop_table("setting")
    op.drop_table("draft")
