"""team mode: span layers, project annotation mode, document assignments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Every existing span lands in layer "main" (the server default), so single-user work
keeps its meaning. On SQLite the span and project tables are rebuilt by batch mode; the
migration runner has foreign keys off while it does so (no ON DELETE CASCADE of spans).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "annotation_mode", sa.String(length=16), server_default="shared", nullable=False
            )
        )
    with op.batch_alter_table("span", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("layer", sa.String(length=100), server_default="main", nullable=False)
        )
        batch_op.create_index("ix_span_document_layer", ["document_id", "layer"], unique=False)

    op.create_table(
        "assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["annotator_id"],
            ["annotator.id"],
            name=op.f("fk_assignment_annotator_id_annotator"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_assignment_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment")),
        sa.UniqueConstraint(
            "document_id", "annotator_id", name="uq_assignment_document_annotator"
        ),
    )
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_annotator_id"), ["annotator_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assignment_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_document_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_annotator_id"))
    op.drop_table("assignment")
    with op.batch_alter_table("span", schema=None) as batch_op:
        batch_op.drop_index("ix_span_document_layer")
        batch_op.drop_column("layer")
    with op.batch_alter_table("project", schema=None) as batch_op:
        batch_op.drop_column("annotation_mode")
