"""Rate limits for the live events that write or fan out without being a message.

Messages have their own limit (services/messages.py). Reactions and votes each write a
change and go to the whole room, typing goes to the whole room: a script could flood both.
The counters live in the limiter's storage (Redis with REDIS_URL), so they hold across
processes.
"""
from flask_babel import lazy_gettext as _l
from limits import parse

from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import limiter

# A person clicking reactions stays far below this; a script does not.
CHANGES = parse("20 per 10 seconds")
# static/js/chat/presence.js announces typing at most every 3 seconds.
TYPING = parse("1 per 2 seconds")


def check(item, action: str, user_id: int) -> None:
    """Count one `action` of the user; ValidationError (field "rate") past the limit."""
    if limiter.enabled and not limiter.limiter.hit(item, "chat", action, str(user_id)):
        raise ValidationError(_l("Du bist gerade sehr schnell. Bitte warte einen Moment."),
                              field="rate")
