"""The meetings' pages, by topic: reading, member actions, moderation, polls, calendars."""
from alumni_hub.meetings.routes import (calendar, member, moderation, polls, read,  # noqa: F401
                                        recap)
