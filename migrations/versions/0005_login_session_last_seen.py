"""Login sessions remember when they were last used, so idle ones expire

Revision ID: 0005_login_session_last_seen
Revises: 0004_boards
Create Date: 2026-11-22 10:00:00

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005_login_session_last_seen'
down_revision = '0004_boards'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True))
    # Nobody knows when an existing session was last used: count it as seen now, so the
    # upgrade logs nobody out and idle sessions expire one idle period later.
    sessions = sa.table('login_sessions', sa.column('last_seen_at', sa.DateTime(timezone=True)))
    op.execute(sessions.update().values(last_seen_at=datetime.now(timezone.utc)))
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.alter_column('last_seen_at', existing_type=sa.DateTime(timezone=True),
                              nullable=False)


def downgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('last_seen_at')
