"""Until when a mute runs, as the page says it: the time alone today, with the date on any
other day, so that a one-day mute does not read as "later today"."""
import html
import json
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.chat.models import Mute
from alumni_hub.chat.panel import until_label
from alumni_hub.chat.services.messages import get_or_create_room
from alumni_hub.chat.services.moderating import mute_member
from alumni_hub.extensions import db

BERLIN = ZoneInfo("Europe/Berlin")


def _utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def test_label_has_the_date_only_when_the_mute_ends_on_another_berlin_day(app):
    now = _utc(2024, 12, 3, 9, 0)  # 10:00 in Berlin
    with app.test_request_context():
        assert until_label(_utc(2024, 12, 3, 13, 30), now=now) == "14:30"
        assert until_label(_utc(2024, 12, 4, 13, 30), now=now) == "04.12., 14:30"
        # 23:30 UTC is already the next day in Berlin.
        assert until_label(_utc(2024, 12, 3, 23, 30), now=now) == "04.12., 00:30"
        assert until_label(_utc(2024, 12, 3, 22, 59), now=now) == "23:59"


def test_one_day_mute_shows_tomorrows_date_to_moderators_and_to_the_member(
        app, client, auth, make_user):
    anna = make_user(display_name="Anna Alt")
    auth.login(role="moderator")
    response = client.post("/chat/test/1/stummschalten",
                           data={"user_id": anna.id, "minutes": "1440"}, follow_redirects=True)
    with app.app_context():
        until = db.session.scalar(select(Mute.until).where(Mute.user_id == anna.id))
    local = until.astimezone(BERLIN)
    assert local.date() == (datetime.now(BERLIN) + timedelta(days=1)).date()
    label = local.strftime("%d.%m., %H:%M")
    page = response.get_data(as_text=True)
    assert f"Anna Alt ist stummgeschaltet bis {label}." in page
    assert f"bis {label}</time>" in page
    auth.logout()
    auth.login(anna)
    page = client.get("/chat/test/1").get_data(as_text=True)
    notice = re.search(r"data-chat-muted>([^<]+)<", page)
    assert notice.group(1) == f"Du bist in diesem Chatraum stummgeschaltet bis {label}."


def test_the_live_script_gets_the_same_date_pattern(app, client, auth, make_user):
    moderator = make_user(role="moderator")
    me = auth.login()
    with app.app_context():
        room = get_or_create_room(kind_name="test", ref_id=1)
        mute_member(actor=db.session.get(User, moderator.id), room=room, user_id=me.id,
                    minutes=5)
        db.session.commit()
    page = client.get("/chat/test/1").get_data(as_text=True)
    strings = json.loads(html.unescape(re.search(r"data-strings='([^']+)'", page).group(1)))
    assert strings["day_time"] == "%(day)s.%(month)s., %(time)s"
    assert strings["muted_until_short"] == "bis %(time)s"
