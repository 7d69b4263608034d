"""Search index: search_documents (+ SQLite FTS5 table or PostgreSQL tsvector), search_words

Revision ID: 0050_search
Revises: 0040_profile_photos
Create Date: 2026-12-02 08:00:00

The full-text parts are raw DDL (no model describes them; core.db.UNMODELLED keeps
autogenerate from proposing to drop them). The index starts empty: run
`flask search-reindex` once after upgrading.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0050_search'
down_revision = '0040_profile_photos'
branch_labels = None
depends_on = None

SQLITE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title_terms, body_terms, extra_terms, "
    "content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 0', "
    "prefix='3 4 5 6')",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, title_terms, body_terms, extra_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms, new.extra_terms); END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, extra_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms, old.extra_terms); END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, title_terms, body_terms, extra_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms, old.extra_terms); "
    "INSERT INTO search_fts(rowid, title_terms, body_terms, extra_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms, new.extra_terms); END",
)
POSTGRES = (
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', title_terms), 'A') || "
    "setweight(to_tsvector('simple', body_terms), 'B') || "
    "setweight(to_tsvector('simple', extra_terms), 'D')) STORED",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
)


def upgrade():
    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('url', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=120), nullable=False),
    sa.Column('category_label', sa.String(length=120), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author_name', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('visibility', sa.String(length=20), nullable=False),
    sa.Column('audience', sa.String(length=60), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('title_terms', sa.Text(), nullable=False),
    sa.Column('body_terms', sa.Text(), nullable=False),
    sa.Column('extra_terms', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_search_documents_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('source', 'source_id', name='uq_search_documents_source_source_id')
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_audience'), ['audience'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_documents_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_documents_category'), ['category'], unique=False)
        batch_op.create_index('ix_search_documents_kind_created', ['kind', 'created_at'], unique=False)

    op.create_table('search_words',
    sa.Column('word', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_search_words'))
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE if dialect == 'sqlite' else POSTGRES if dialect == 'postgresql' else ():
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table('search_words')
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index('ix_search_documents_kind_created')
        batch_op.drop_index(batch_op.f('ix_search_documents_category'))
        batch_op.drop_index(batch_op.f('ix_search_documents_author_id'))
        batch_op.drop_index(batch_op.f('ix_search_documents_audience'))
    op.drop_table('search_documents')
