"""Meetings: series, meetings, RSVPs, agenda topics and votes, date polls, reminders, feed tokens

Revision ID: 0010_meetings
Revises: 0006_generic_reports
Create Date: 2026-12-02 07:27:12.084174

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010_meetings'
down_revision = '0006_generic_reports'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meeting_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=False),
    sa.Column('day_rule', sa.String(length=10), nullable=False),
    sa.Column('week_of_month', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('day_of_month', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('description_md', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_series'))
    )
    op.create_table('meeting_calendar_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_calendar_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_calendar_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_meeting_calendar_tokens_token_hash')),
    sa.UniqueConstraint('user_id', name=op.f('uq_meeting_calendar_tokens_user_id'))
    )
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('occurrence_key', sa.Integer(), nullable=True),
    sa.Column('detached', sa.Boolean(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recap_attendees', sa.Text(), nullable=False),
    sa.Column('recap_md', sa.Text(), nullable=False),
    sa.Column('recap_html', sa.Text(), nullable=False),
    sa.Column('recap_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recap_thread_id', sa.Integer(), nullable=True),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('description_md', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['meeting_series.id'], name=op.f('fk_meetings_series_id_meeting_series'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    sa.UniqueConstraint('series_id', 'occurrence_key', name=op.f('uq_meetings_series_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_meetings_uid'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_starts_at'), ['starts_at'], unique=False)

    op.create_table('meeting_agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('proposer_id', sa.Integer(), nullable=True),
    sa.Column('presenter_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description_md', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=True),
    sa.Column('notes_md', sa.Text(), nullable=False),
    sa.Column('notes_html', sa.Text(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_agenda_items_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['presenter_id'], ['users.id'], name=op.f('fk_meeting_agenda_items_presenter_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposer_id'], ['users.id'], name=op.f('fk_meeting_agenda_items_proposer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_agenda_items'))
    )
    with op.batch_alter_table('meeting_agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_agenda_items_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_date_polls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('description_md', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_meeting_date_polls_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_date_polls_meeting_id_meetings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_date_polls'))
    )
    op.create_table('meeting_reminders_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_reminders_sent_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_reminders_sent_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_reminders_sent')),
    sa.UniqueConstraint('meeting_id', 'user_id', 'kind', name=op.f('uq_meeting_reminders_sent_meeting_id'))
    )
    op.create_table('meeting_rsvps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(length=10), nullable=False),
    sa.Column('waitlist_position', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_rsvps_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_rsvps_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_rsvps')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_meeting_rsvps_meeting_id'))
    )
    with op.batch_alter_table('meeting_rsvps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_rsvps_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_rsvps_user_id'), ['user_id'], unique=False)

    op.create_table('meeting_agenda_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['meeting_agenda_items.id'], name=op.f('fk_meeting_agenda_votes_item_id_meeting_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_agenda_votes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_agenda_votes')),
    sa.UniqueConstraint('item_id', 'user_id', name=op.f('uq_meeting_agenda_votes_item_id'))
    )
    with op.batch_alter_table('meeting_agenda_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_agenda_votes_item_id'), ['item_id'], unique=False)

    op.create_table('meeting_date_poll_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('poll_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['poll_id'], ['meeting_date_polls.id'], name=op.f('fk_meeting_date_poll_options_poll_id_meeting_date_polls'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_date_poll_options'))
    )
    with op.batch_alter_table('meeting_date_poll_options', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_date_poll_options_poll_id'), ['poll_id'], unique=False)

    op.create_table('meeting_date_poll_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['meeting_date_poll_options.id'], name=op.f('fk_meeting_date_poll_answers_option_id_meeting_date_poll_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_date_poll_answers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_date_poll_answers')),
    sa.UniqueConstraint('option_id', 'user_id', name=op.f('uq_meeting_date_poll_answers_option_id'))
    )
    with op.batch_alter_table('meeting_date_poll_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_date_poll_answers_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_date_poll_answers_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('meeting_date_poll_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_date_poll_answers_user_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_date_poll_answers_option_id'))

    op.drop_table('meeting_date_poll_answers')
    with op.batch_alter_table('meeting_date_poll_options', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_date_poll_options_poll_id'))

    op.drop_table('meeting_date_poll_options')
    with op.batch_alter_table('meeting_agenda_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_agenda_votes_item_id'))

    op.drop_table('meeting_agenda_votes')
    with op.batch_alter_table('meeting_rsvps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_rsvps_user_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_rsvps_meeting_id'))

    op.drop_table('meeting_rsvps')
    op.drop_table('meeting_reminders_sent')
    op.drop_table('meeting_date_polls')
    with op.batch_alter_table('meeting_agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_agenda_items_meeting_id'))

    op.drop_table('meeting_agenda_items')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_starts_at'))
        batch_op.drop_index(batch_op.f('ix_meetings_series_id'))

    op.drop_table('meetings')
    op.drop_table('meeting_calendar_tokens')
    op.drop_table('meeting_series')
