"""The room's voice: votes put to the delegates' phones and the ballots they cast (and the
plan's own vote questions); the plan's feedback survey and its answers; questions to the
room, their up-votes, and the devices the facilitator banned.

One ballot per device per vote, one answer per device per survey question and one
up-vote per device per question, enforced here (unique constraints), so a replay or two
taps at the same instant from one phone can never count twice.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_vote",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("choices_json", sa.String(), nullable=False),
        sa.Column("round_id", sa.String(), nullable=True),
        sa.Column("opened_at", sa.String(), nullable=False),
        sa.Column("closed_at", sa.String(), nullable=True),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("changeable", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "room_ballot",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("vote_id", sa.String(), sa.ForeignKey("room_vote.id"), nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.UniqueConstraint("vote_id", "device", name="uq_room_ballot_vote_device"),
    )

    op.create_table(
        "plan_vote",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("choices_json", sa.String(), nullable=False),
    )
    op.create_table(
        "survey_question",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("choices_json", sa.String(), nullable=False),
    )
    op.create_table(
        "survey_answer",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("question_id", sa.String(), sa.ForeignKey("survey_question.id"), nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("answer", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.UniqueConstraint("question_id", "device", name="uq_survey_answer_question_device"),
    )

    op.create_table(
        "room_question",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("moderated_at", sa.String(), nullable=True),
    )
    op.create_index("ix_room_question_status", "room_question", ["status"])
    op.create_table(
        "room_upvote",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("question_id", sa.String(), sa.ForeignKey("room_question.id"), nullable=False),
        sa.Column("device", sa.String(), nullable=False),
        sa.Column("at", sa.String(), nullable=False),
        sa.UniqueConstraint("question_id", "device", name="uq_room_upvote_question_device"),
    )
    op.create_table(
        "room_ban",
        sa.Column("device", sa.String(), primary_key=True),
        sa.Column("at", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("room_ban")
    op.drop_table("room_upvote")
    op.drop_index("ix_room_question_status", "room_question")
    op.drop_table("room_question")
    op.drop_table("survey_answer")
    op.drop_table("survey_question")
    op.drop_table("plan_vote")
    op.drop_table("room_ballot")
    op.drop_table("room_vote")
