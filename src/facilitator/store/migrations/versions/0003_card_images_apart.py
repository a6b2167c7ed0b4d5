"""Card images in a table of their own.

Reading the deck (every start) had SQLite walk each image's pages to reach the columns
after it; with the images apart, a deck of photographs opens as fast as one of words.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_image",
        sa.Column("card_id", sa.String(), sa.ForeignKey("card.id"), primary_key=True),
        sa.Column("image", sa.LargeBinary(), nullable=False),
    )
    op.execute(
        "INSERT INTO card_image (card_id, image) SELECT id, image FROM card WHERE image IS NOT NULL"
    )
    with op.batch_alter_table("card") as batch:
        batch.drop_column("image")


def downgrade() -> None:
    with op.batch_alter_table("card") as batch:
        batch.add_column(sa.Column("image", sa.LargeBinary(), nullable=True))
    op.execute("UPDATE card SET image = (SELECT image FROM card_image WHERE card_id = card.id)")
    op.drop_table("card_image")
