"""Groups of entries the room made sense of together, and the dot vote on them.

A group is named and belongs to a round (or, with no round, to the whole event); an entry
is in at most one group (the membership's key is the entry). A dot vote locks the groups
it was opened on; each device's dots are one ballot, replaced whole by a later one.

Revision ID: 0006
Revises: 0004 (another branch adds 0005 at the same time; this one stands on its own)
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_group",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("round_id", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.String(), nullable=True),
    )
    op.create_index("ix_entry_group_round_id", "entry_group", ["round_id"])
    op.create_table(
        "group_member",
        sa.Column("theme_id", sa.String(), sa.ForeignKey("theme.id"), primary_key=True),
        sa.Column("group_id", sa.String(), sa.ForeignKey("entry_group.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_group_member_group_id", "group_member", ["group_id"])
    op.create_table(
        "dot_vote",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("round_id", sa.String(), nullable=True),
        sa.Column("budget", sa.Integer(), nullable=False),
        sa.Column("per_group", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("groups_json", sa.String(), nullable=False),
        sa.Column("opened_at", sa.String(), nullable=False),
        sa.Column("closed_at", sa.String(), nullable=True),
    )
    op.create_table(
        "dot_ballot",
        sa.Column("vote_id", sa.String(), sa.ForeignKey("dot_vote.id"), primary_key=True),
        sa.Column("device", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("dots_json", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("dot_ballot")
    op.drop_table("dot_vote")
    op.drop_index("ix_group_member_group_id", "group_member")
    op.drop_table("group_member")
    op.drop_index("ix_entry_group_round_id", "entry_group")
    op.drop_table("entry_group")
