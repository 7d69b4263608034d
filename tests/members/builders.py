"""Builders for members tests: topics and cohorts, committed and detached."""
import pytest

from alumni_hub.core.text import slugify
from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Profile, Topic
from tests.conftest import detach


@pytest.fixture
def make_topic(app):
    def build(name, *, archived=False):
        with app.app_context():
            topic = Topic(name=name, slug=slugify(name), archived=archived)
            db.session.add(topic)
            db.session.commit()
            return detach(topic)

    return build


@pytest.fixture
def make_cohort(app):
    def build(name, *, position=0):
        with app.app_context():
            cohort = Cohort(name=name, position=position)
            db.session.add(cohort)
            db.session.commit()
            return detach(cohort)

    return build


@pytest.fixture
def make_member(app, make_user):
    """make_member(display_name=..., topics=[topic, ...], **profile) — listed by default."""

    def build(*, display_name=None, topics=(), role="member", active=True, **profile):
        profile.setdefault("listed_in_directory", True)
        user = make_user(display_name=display_name, role=role, active=active, **profile)
        if topics:
            with app.app_context():
                row = db.session.get(Profile, user.id)
                row.topics = [db.session.get(Topic, t.id) for t in topics]
                db.session.commit()
        return user

    return build


@pytest.fixture
def load_profile(app):
    """load_profile(user_id) -> dict of the stored profile columns plus topic names."""

    def load(user_id):
        with app.app_context():
            profile = db.session.get(Profile, user_id)
            if profile is None:
                return None
            data = {c.name: getattr(profile, c.name) for c in Profile.__table__.columns}
            data["topics"] = [t.name for t in profile.topics]
            data["display_name"] = profile.user.display_name
            return data

    return load


def profile_form_data(**overrides):
    """What a member sends from the profile form (/mitglieder/profil); None leaves a field out."""
    data = {
        "display_name": "Jana Kröger", "organisation": "zdi-Zentrum Kreis Lippe",
        "network_name": "zdi-Netzwerk Lippe", "network_type": "zdi", "bundesland": "NW",
        "city": "Detmold", "cohort": "", "free_tags": "Robotik, #Calliope, robotik",
        "can_help_with": "MINT-Mobil planen", "seeks_help_with": "Fördermittel",
        "bio": "Ich bin **Netzwerkerin**.<script>alert(1)</script>",
        "listed_in_directory": "y",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def profile_form():
    """profile_form(**overrides) -> the profile form's fields; the way for other features'
    tests to post the profile form, since tests never import another feature's tests."""
    return profile_form_data
