"""Builders for boards tests: categories, threads with replies, posts."""
import pytest

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories
from alumni_hub.boards.services import posts
from alumni_hub.boards.services import threads
from alumni_hub.boards.models import Category, Post, Thread
from alumni_hub.extensions import db
from tests.conftest import detach


@pytest.fixture
def make_category(app, make_user):
    counter = {"n": 0}

    def build(name=None, **kwargs):
        counter["n"] += 1
        with app.app_context():
            actor = db.session.get(User, make_user(role="moderator").id)
            category = categories.create_category(
                actor=actor, name=name or f"Kategorie {counter['n']}", **kwargs)
            db.session.commit()
            return detach(category)

    return build


@pytest.fixture
def make_thread(app, make_category, make_user):
    """make_thread(author=user, kind="question", replies=3) -> detached Thread."""

    def build(*, author=None, category=None, title="Wie motiviert man Jugendliche?",
              kind="question", body="Ich suche **Ideen** für die Ferien.", replies=0,
              nested=False):
        author = author or make_user()
        category = category or make_category()
        with app.app_context():
            user = db.session.get(User, author.id)
            thread = threads.create_thread(author=user, category=db.session.get(
                Category, category.id), title=title, kind=kind, body_md=body)
            parent_id = None
            for i in range(replies):
                post = posts.add_reply(thread=thread, author=user, body_md=f"Antwort {i + 1}",
                                       parent_id=parent_id)
                if nested:
                    parent_id = post.id
            db.session.commit()
            return detach(thread)

    return build


@pytest.fixture
def add_reply(app):
    """add_reply(thread, author, body, parent_id=None) -> detached Post."""

    def build(thread, author, body="Gute Frage!", parent_id=None):
        with app.app_context():
            post = posts.add_reply(thread=db.session.get(Thread, thread.id),
                                   author=db.session.get(User, author.id), body_md=body,
                                   parent_id=parent_id)
            db.session.commit()
            return detach(post)

    return build


@pytest.fixture
def opening_post(app):
    def get(thread):
        with app.app_context():
            return detach(posts.opening_post(db.session.get(Thread, thread.id)))

    return get


@pytest.fixture
def load_post(app):
    def get(post_id):
        with app.app_context():
            return detach(db.session.get(Post, post_id))

    return get
