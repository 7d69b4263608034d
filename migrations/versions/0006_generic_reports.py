"""Reports name their target only as (target_type, target_id): the post_id column goes

Moderation's reports are generic (posts now, chat messages and wiki pages later); the
boards-only post_id column and its foreign key to posts are dropped. Every report written
so far already carries target_type "post" and target_id = post_id; older rows without a
target_id get it from post_id first.

Revision ID: 0006_generic_reports
Revises: 0005_login_session_last_seen
Create Date: 2026-12-02 07:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006_generic_reports'
down_revision = '0005_login_session_last_seen'
branch_labels = None
depends_on = None

_reports = sa.table('reports', sa.column('post_id', sa.Integer()),
                    sa.column('target_type', sa.String(40)), sa.column('target_id', sa.Integer()))


def upgrade():
    op.execute(_reports.update()
               .where(_reports.c.target_id.is_(None), _reports.c.post_id.isnot(None))
               .values(target_type='post', target_id=_reports.c.post_id))
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_post_id'))
        batch_op.drop_constraint(batch_op.f('fk_reports_post_id_posts'), type_='foreignkey')
        batch_op.drop_column('post_id')
        batch_op.create_index('ix_reports_target_type_target_id', ['target_type', 'target_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_target_type_target_id')
        batch_op.add_column(sa.Column('post_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_reports_post_id_posts'), 'posts', ['post_id'],
                                    ['id'], ondelete='CASCADE')
        batch_op.create_index(batch_op.f('ix_reports_post_id'), ['post_id'], unique=False)
    # Reports of posts whose post is gone would break the restored foreign key.
    posts = sa.table('posts', sa.column('id', sa.Integer()))
    op.execute(_reports.update()
               .where(_reports.c.target_type == 'post',
                      _reports.c.target_id.in_(sa.select(posts.c.id)))
               .values(post_id=_reports.c.target_id))
