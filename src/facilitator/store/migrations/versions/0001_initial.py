"""The first schema: event, deck snapshot, plan, tables, themes, card picks, timeline.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("date", sa.String(), nullable=False),
        sa.Column("venue", sa.String(), nullable=False),
        sa.Column("facilitator", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("app_version", sa.String(), nullable=False),
    )
    op.create_table(
        "deck",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("suit_label", sa.String(), nullable=False),
        sa.Column("levels_json", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("imported_at", sa.String(), nullable=False),
    )
    op.create_table(
        "suit",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deck_id", sa.String(), sa.ForeignKey("deck.id"), nullable=False, index=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("colour", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "card",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("deck_id", sa.String(), sa.ForeignKey("deck.id"), nullable=False, index=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("suit_key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("front", sa.String(), nullable=False),
        sa.Column("questions_json", sa.String(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=True),
        sa.Column("image_name", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
    )
    op.create_table(
        "round",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("plan_id", sa.String(), sa.ForeignKey("plan.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("prompts_json", sa.String(), nullable=False),
        sa.Column("cards_json", sa.String(), nullable=False),
        sa.Column("move", sa.String(), nullable=False),
        sa.Column("planned_start", sa.String(), nullable=True),
        sa.Column("planned_end", sa.String(), nullable=True),
        sa.Column("actual_start", sa.String(), nullable=True),
        sa.Column("actual_end", sa.String(), nullable=True),
    )
    op.create_table(
        "event_table",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("number", sa.Integer(), nullable=False, index=True),
        sa.Column("name", sa.String(), nullable=False),
    )
    op.create_table(
        "theme",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("round_id", sa.String(), nullable=True, index=True),
        sa.Column("table_id", sa.String(), nullable=True, index=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("cards_json", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False, index=True),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
    )
    op.create_table(
        "card_pick",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("table_id", sa.String(), nullable=True, index=True),
        sa.Column("round_id", sa.String(), nullable=True),
        sa.Column("card_key", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
    )
    op.create_table(
        "timeline",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("at", sa.String(), nullable=False, index=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("round_id", sa.String(), nullable=True),
        sa.Column("detail_json", sa.String(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "timeline",
        "card_pick",
        "theme",
        "event_table",
        "round",
        "plan",
        "card",
        "suit",
        "deck",
        "event",
    ):
        op.drop_table(table)
