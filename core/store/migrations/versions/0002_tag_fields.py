"""document-tag fields per project (tag_field)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag_field",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_tag_field_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_field")),
        sa.UniqueConstraint("project_id", "key", name="uq_tag_field_project_key"),
    )
    with op.batch_alter_table("tag_field", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_field_project_id"), ["project_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tag_field", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_field_project_id"))
    op.drop_table("tag_field")
