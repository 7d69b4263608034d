"""Builders for search tests: forum posts, wiki pages and profiles made through the real
services (so the index is filled the way the app fills it), and reading a results page."""
import html
import re

import pytest

from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories, posts, threads
from alumni_hub.boards.models import Category, Thread
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile
from alumni_hub.wiki.services import creation as pages

_RESULT = re.compile(r'<h2><a href="([^"]+)">(.*?)</a></h2>', re.S)
_TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def search_category(app, make_user):
    """search_category(name) -> id of a (new or existing) board category."""
    def build(name="Außerschulische Lernorte"):
        with app.app_context():
            existing = db.session.scalar(db.select(Category).where(Category.name == name))
            if existing:
                return existing.id
            actor = db.session.get(User, make_user(role="moderator").id)
            category = categories.create_category(actor=actor, name=name)
            db.session.commit()
            return category.id

    return build


@pytest.fixture
def search_thread(app, make_user, search_category):
    """search_thread(title, body, replies=[...], category=, author=) -> (thread_id, [post ids])."""
    def build(title, body, *, replies=(), category="Außerschulische Lernorte", author=None):
        category_id = search_category(category)
        author = author or make_user()
        with app.app_context():
            user = db.session.get(User, author.id)
            thread = threads.create_thread(author=user, category=db.session.get(
                Category, category_id), title=title, kind="discussion", body_md=body)
            ids = [posts.opening_post(thread).id]
            for text in replies:
                ids.append(posts.add_reply(thread=thread, author=user, body_md=text,
                                           parent_id=None).id)
            db.session.commit()
            return thread.id, ids

    return build


@pytest.fixture
def search_page(app, make_user):
    """search_page(title, body, author=) -> page id."""
    def build(title, body, *, author=None):
        author = author or make_user()
        with app.app_context():
            page = pages.create_page(actor=db.session.get(User, author.id), title=title,
                                     body_md=body)
            db.session.commit()
            return page.id

    return build


@pytest.fixture
def search_member(app, make_user):
    """search_member(name, listed=True, **profile fields) -> user."""
    def build(name, *, listed=True, **profile):
        user = make_user(display_name=name)
        with app.app_context():
            db.session.add(Profile(user_id=user.id, listed_in_directory=listed, **profile))
            db.session.commit()
        return user

    return build


def result_titles(response) -> list[str]:
    """The titles of the hits on a results page, as a member reads them."""
    page = response.get_data(as_text=True)
    return [html.unescape(_TAG.sub("", title)).strip() for _url, title in _RESULT.findall(page)]


@pytest.fixture
def search_titles(client):
    """search_titles(q, **filters) -> the hit titles the logged-in client sees."""
    def run(q, **filters):
        response = client.get("/suche/", query_string={"q": q, **filters})
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return result_titles(response)

    return run
