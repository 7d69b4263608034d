"""Builders for buddy tests (loaded for all tests): topics, offers, requests, pairs — made
through the real services, committed, and returned as plain ids/users."""
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyRequest
from alumni_hub.buddies.services import offers, pairs
from alumni_hub.core.text import slugify
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic


def _topic_ids(names) -> list[int]:
    ids = []
    for name in names:
        topic = db.session.scalar(select(Topic).where(Topic.name == name))
        if topic is None:
            topic = Topic(name=name, slug=slugify(name), archived=False)
            db.session.add(topic)
            db.session.flush()
        ids.append(topic.id)
    return ids


def _person(make_user, user, name, profile):
    return user or make_user(display_name=name, **profile)


@pytest.fixture
def buddies_db(app):
    """buddies_db(fn) runs fn() in an app context and returns its result (to check storage)."""
    def run(fn):
        with app.app_context():
            return fn()
    return run


@pytest.fixture
def buddy_topic_ids(app):
    """buddy_topic_ids("Öffentlichkeitsarbeit", ...) -> their ids (created if missing)."""
    def build(*names):
        with app.app_context():
            ids = _topic_ids(names)
            db.session.commit()
            return ids
    return build


@pytest.fixture
def make_buddy_offer(app, make_user):
    """make_buddy_offer(user=None, capacity=1, topics=[...], paused=False, bundesland="NI")."""
    def build(*, user=None, capacity=1, topics=("Öffentlichkeitsarbeit",), paused=False,
              note="", display_name="Bea Buddy", **profile):
        profile.setdefault("bundesland", "NI")
        user = _person(make_user, user, display_name, profile)
        with app.app_context():
            offers.save_offer(user=db.session.get(User, user.id), capacity=capacity,
                              topic_ids=_topic_ids(topics), note=note, paused=paused)
            db.session.commit()
        return user
    return build


@pytest.fixture
def make_buddy_request(app, make_user):
    """make_buddy_request(user=None, topics=[...], bundesland="NI", region="any") -> user
    with .request_id."""
    def build(*, user=None, topics=("Öffentlichkeitsarbeit",), bundesland="NI",
              network_type=None, region="any", display_name="Nele Neu", **profile):
        user = _person(make_user, user, display_name, dict(profile, bundesland=bundesland))
        with app.app_context():
            request = offers.save_request(user=db.session.get(User, user.id),
                                          topic_ids=_topic_ids(topics), bundesland=bundesland,
                                          network_type=network_type, region=region)
            db.session.commit()
            user.request_id = request.id
        return user
    return build


@pytest.fixture
def make_buddy_pair(app, make_buddy_offer, make_buddy_request):
    """make_buddy_pair(capacity=1) -> namespace(id, buddy, newcomer) of an active pair."""
    def build(*, capacity=1, buddy=None, newcomer_name="Nele Neu", buddy_name="Bea Buddy"):
        buddy = buddy or make_buddy_offer(capacity=capacity, display_name=buddy_name)
        newcomer = make_buddy_request(display_name=newcomer_name)
        with app.app_context():
            request = db.session.get(BuddyRequest, newcomer.request_id)
            pair = pairs.start_pair(buddy_id=buddy.id, request=request)
            db.session.commit()
            return SimpleNamespace(id=pair.id, buddy=buddy, newcomer=newcomer)
    return build


