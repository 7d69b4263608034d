"""Wiki pages, revisions, slugs, links, watches

Revision ID: 0003_wiki
Revises: 0002_notifications
Create Date: 2026-11-21 15:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_wiki'
down_revision = '0002_notifications'
branch_labels = None
depends_on = None

def upgrade():
    op.create_table('pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('current_revision_id', sa.Integer(), nullable=True),
    sa.Column('protected', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confirmed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['confirmed_by_id'], ['users.id'], name=op.f('fk_pages_confirmed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_pages_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['current_revision_id'], ['revisions.id'], name=op.f('fk_pages_current_revision_id_revisions'), ondelete='SET NULL', use_alter=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pages')),
    sa.UniqueConstraint('slug', name=op.f('uq_pages_slug'))
    )
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pages_confirmed_at'), ['confirmed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pages_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pages_updated_at'), ['updated_at'], unique=False)

    op.create_table('page_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('from_page_id', sa.Integer(), nullable=False),
    sa.Column('to_slug', sa.String(length=120), nullable=False),
    sa.Column('to_title', sa.String(length=150), nullable=False),
    sa.ForeignKeyConstraint(['from_page_id'], ['pages.id'], name=op.f('fk_page_links_from_page_id_pages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page_links')),
    sa.UniqueConstraint('from_page_id', 'to_slug', name='uq_page_links_from_to')
    )
    with op.batch_alter_table('page_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_links_from_page_id'), ['from_page_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_page_links_to_slug'), ['to_slug'], unique=False)

    op.create_table('page_slugs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_page_slugs_page_id_pages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page_slugs')),
    sa.UniqueConstraint('slug', name=op.f('uq_page_slugs_slug'))
    )
    with op.batch_alter_table('page_slugs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_slugs_page_id'), ['page_id'], unique=False)

    op.create_table('page_topics',
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_page_topics_page_id_pages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_page_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('page_id', 'topic_id', name=op.f('pk_page_topics'))
    )
    op.create_table('page_watches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_page_watches_page_id_pages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_page_watches_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_page_watches')),
    sa.UniqueConstraint('page_id', 'user_id', name='uq_page_watches_page_user')
    )
    with op.batch_alter_table('page_watches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_page_watches_page_id'), ['page_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_page_watches_user_id'), ['user_id'], unique=False)

    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body_md', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('restored_from_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_revisions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['page_id'], ['pages.id'], name=op.f('fk_revisions_page_id_pages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['restored_from_id'], ['revisions.id'], name=op.f('fk_revisions_restored_from_id_revisions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions')),
    sa.UniqueConstraint('page_id', 'number', name='uq_revisions_page_number')
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revisions_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_revisions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_revisions_page_id'), ['page_id'], unique=False)

    # Pages and revisions point at each other: where the database can ALTER, this key is
    # added once both tables exist (SQLite has it inline in CREATE TABLE).
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key("fk_pages_current_revision_id_revisions", "pages", "revisions", ["current_revision_id"], ["id"],
                              ondelete="SET NULL")


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_pages_current_revision_id_revisions", "pages", type_="foreignkey")
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisions_page_id'))
        batch_op.drop_index(batch_op.f('ix_revisions_created_at'))
        batch_op.drop_index(batch_op.f('ix_revisions_author_id'))

    op.drop_table('revisions')
    with op.batch_alter_table('page_watches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_watches_user_id'))
        batch_op.drop_index(batch_op.f('ix_page_watches_page_id'))

    op.drop_table('page_watches')
    op.drop_table('page_topics')
    with op.batch_alter_table('page_slugs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_slugs_page_id'))

    op.drop_table('page_slugs')
    with op.batch_alter_table('page_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_page_links_to_slug'))
        batch_op.drop_index(batch_op.f('ix_page_links_from_page_id'))

    op.drop_table('page_links')
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pages_updated_at'))
        batch_op.drop_index(batch_op.f('ix_pages_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_pages_confirmed_at'))

    op.drop_table('pages')
