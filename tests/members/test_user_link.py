"""The user_link(user) macro other features use for author names."""
from flask import render_template_string

from alumni_hub.accounts.models import User

TEMPLATE = '{% from "_macros/users.html" import user_link %}{{ user_link(user) }}'


def test_user_link_links_escaped_display_name_to_profile(app):
    user = User(id=7, email="x@example.org", display_name="Jana <b>K</b>", password_hash="")
    with app.test_request_context():
        html = render_template_string(TEMPLATE, user=user)
    assert html == ('<a href="/mitglieder/7" class="user-link">Jana &lt;b&gt;K&lt;/b&gt;</a>')


def test_user_link_of_deleted_author_is_placeholder(app):
    with app.test_request_context():
        assert "Ehemaliges Mitglied" in render_template_string(TEMPLATE, user=None)
