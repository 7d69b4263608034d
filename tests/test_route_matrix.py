"""Every route of the app, requested by every role with real ids: who gets in, who does not.

ACCESS names the least role each endpoint needs; a feature adds its own routes in
tests/<feature>/matrix.py (ACCESS, and optionally QUERY, ARG_KEYS, REFUSED_WITH_MESSAGE and
build(users, values) -> dict of new URL values, run inside the world's app context). A route missing from it fails
test_every_route_is_classified, so a new page cannot ship unclassified. Each case builds
one of every object a URL can point to, owned by the "member" user, so that owner-only
actions are checked too: "other_member" is a second member who owns nothing.
"""
import importlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.routing import AnyConverter

from alumni_hub.accounts.services import invitations
from alumni_hub.accounts.services import password_reset as resets
from alumni_hub.accounts.services import users as services
from alumni_hub.accounts.models import User
from alumni_hub.boards.services import categories
from alumni_hub.boards.services import posts
from alumni_hub.moderation.services import file_report
from alumni_hub.boards.services import threads
from alumni_hub.boards.models import REACTION_KINDS
from alumni_hub.core.mail import OutboxEmail
from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Topic
from alumni_hub.notifications.emails import unsubscribe_token
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation as pages

PUBLIC, MEMBER, OWNER, OWNER_OR_MOD, MODERATOR, ADMIN = (
    "public", "member", "owner", "owner or moderator", "moderator", "admin")

ACCESS = {
    "static": PUBLIC, "pages.imprint": PUBLIC, "pages.privacy": PUBLIC,
    "accounts.login": PUBLIC, "accounts.register": PUBLIC, "accounts.request_reset": PUBLIC,
    "accounts.reset_password": PUBLIC, "notifications.unsubscribe": PUBLIC,
    "pages.home": MEMBER,
    "accounts.change_password": MEMBER, "accounts.logout": MEMBER, "accounts.settings": MEMBER,
    "accounts.invite": MODERATOR, "accounts.revoke_invitation": MODERATOR,
    "boards.index": MEMBER, "boards.choose_category": MEMBER, "boards.new_thread": MEMBER,
    "boards.view_category": MEMBER, "boards.view_thread": MEMBER, "boards.view_post": MEMBER,
    "boards.unanswered": MEMBER, "boards.reply": MEMBER, "boards.react": MEMBER,
    "boards.report_post": MEMBER, "boards.search_members": MEMBER,
    "boards.watch_category": MEMBER, "boards.watch_thread": MEMBER,
    "boards.edit_post": OWNER_OR_MOD, "boards.delete_post": OWNER_OR_MOD,
    "boards.post_revisions": OWNER_OR_MOD, "boards.accept_answer": OWNER_OR_MOD,
    "boards.unaccept_answer": OWNER_OR_MOD,
    "boards.hide_post": MODERATOR, "boards.lock_thread": MODERATOR,
    "boards.pin_thread": MODERATOR, "boards.move_thread": MODERATOR,
    "boards.manage_categories": MODERATOR, "boards.edit_category": MODERATOR,
    "members.directory": MEMBER, "members.map": MEMBER, "members.edit_profile": MEMBER,
    "members.view_profile": MEMBER,
    "members.manage_topics": MODERATOR, "members.rename_topic": MODERATOR,
    "members.archive_topic": MODERATOR,
    "members.manage_cohorts": ADMIN, "members.rename_cohort": ADMIN, "members.move_cohort": ADMIN,
    "moderation.index": MODERATOR, "moderation.audit_log": MODERATOR,
    "moderation.reports": MODERATOR, "moderation.resolve_report": MODERATOR,
    "moderation.users": ADMIN, "moderation.change_role": ADMIN,
    "moderation.set_user_active": ADMIN, "moderation.outbox": ADMIN,
    "moderation.view_outbox_email": ADMIN,
    "notifications.inbox": MEMBER, "notifications.mark_all_read": MEMBER,
    "notifications.preferences": MEMBER, "notifications.open_notification": OWNER,
    "wiki.index": MEMBER, "wiki.recent_changes": MEMBER, "wiki.stale_pages": MEMBER,
    "wiki.view_page": MEMBER, "wiki.create_page": MEMBER, "wiki.edit_page": MEMBER,
    "wiki.page_history": MEMBER, "wiki.compare_revisions": MEMBER,
    "wiki.view_revision": MEMBER, "wiki.restore_revision": MEMBER,
    "wiki.watch_page": MEMBER, "wiki.confirm_page": MEMBER, "wiki.promote_post": MEMBER,
    "wiki.promote_tip": MEMBER,
    "wiki.protect_page": MODERATOR, "wiki.rename_page": MODERATOR,
    "wiki.delete_page": MODERATOR, "wiki.restore_page": MODERATOR,
    "wiki.deleted_pages": MODERATOR,
}



def _feature_matrices() -> list:
    return [importlib.import_module(f"tests.{path.parent.name}.matrix")
            for path in sorted(Path(__file__).parent.glob("*/matrix.py"))]


FEATURE_MATRICES = _feature_matrices()
# Per endpoint: which world value fills a URL argument ({"slug": "meeting_slug"}).
ARG_KEYS: dict[str, dict[str, str]] = {
    "wiki.promote_tip": {"kind": "tip_kind", "source_id": "post_id"}}
for _matrix in FEATURE_MATRICES:
    ACCESS.update(_matrix.ACCESS)
    ARG_KEYS.update(getattr(_matrix, "ARG_KEYS", {}))

ROLES = ("anonymous", "member", "other_member", "moderator", "admin")

# Which roles each access level lets in ("member" owns every object of the world).
ALLOWED = {
    PUBLIC: set(ROLES),
    MEMBER: {"member", "other_member", "moderator", "admin"},
    OWNER: {"member"},
    OWNER_OR_MOD: {"member", "moderator", "admin"},
    MODERATOR: {"moderator", "admin"},
    ADMIN: {"admin"},
}

LOGIN_PATH = "/konto/anmelden"

# Query arguments a page needs to show something real rather than its "not found".
QUERY = {"wiki.compare_revisions": {"von": 1, "bis": 2}}

# These refuse a non-owner with an error message on the thread page, not with a 403:
# the form is on that page and the refusal explains who may mark an answer.
REFUSED_WITH_MESSAGE = {"boards.accept_answer", "boards.unaccept_answer"}
for _matrix in FEATURE_MATRICES:
    QUERY.update(getattr(_matrix, "QUERY", {}))
    REFUSED_WITH_MESSAGE |= set(getattr(_matrix, "REFUSED_WITH_MESSAGE", ()))


@dataclass
class World:
    users: dict
    values: dict  # URL argument name -> value; "slug"/"token" depend on the endpoint

    def value(self, endpoint: str, name: str):
        if name in ARG_KEYS.get(endpoint, {}):
            return self.values[ARG_KEYS[endpoint][name]]
        if name == "slug":
            if endpoint == "boards.view_thread":
                return self.values["thread_slug"]
            return self.values["category_slug" if endpoint.startswith("boards.") else "page_slug"]
        if name == "token":
            return self.values[{"accounts.register": "invitation_token",
                                "accounts.reset_password": "reset_token"}.get(
                endpoint, "unsubscribe_token")]
        return self.values[name]


def _build_world(users) -> dict:
    member, other, moderator = (db.session.get(User, users[r].id)
                                for r in ("member", "other_member", "moderator"))
    category = categories.create_category(actor=moderator, name="Tipps und Fragen")
    thread = threads.create_thread(author=member, category=category, kind="question",
                                   title="Was gehört in ein MINT-Mobil?", body_md="Ideen?")
    reply = posts.add_reply(thread=thread, author=member, body_md="Ein Calliope.",
                            parent_id=None)
    report = file_report(reporter=other, target_type="post", target_id=reply.id, reason="Werbung")
    page = pages.create_page(actor=member, title="Experimentierkisten", body_md="Erste Fassung")
    revisions.add_revision(page=page, actor=member, body_md="Zweite Fassung", summary="Mehr")
    [note] = notify(kind=Kind.REPLY, recipients=[member], url="/foren/", actor=other,
                    params={"title": thread.title})
    [(invitation, invitation_token)] = invitations.create_invitations(
        inviter=moderator, emails_text="neu@example.org", role="member")
    _user, reset_token = resets.request_reset(email=member.email)
    mail = OutboxEmail(recipient=member.email, subject="Hallo", text_body="Text")
    topic, cohort = Topic(name="Robotik", slug="robotik"), Cohort(name="Frühjahrskurs 2022")
    db.session.add_all([mail, topic, cohort])
    db.session.flush()
    return {
        "category_slug": category.slug, "category_id": category.id,
        "thread_slug": thread.slug, "thread_id": thread.id, "post_id": reply.id,
        "report_id": report.id, "page_slug": page.slug, "number": 1,
        "notification_id": note.id, "invitation_id": invitation.id,
        "invitation_token": invitation_token, "reset_token": reset_token,
        "unsubscribe_token": unsubscribe_token(user_id=member.id, kind=Kind.REPLY.value),
        "email_id": mail.id, "topic_id": topic.id, "cohort_id": cohort.id,
        "user_id": member.id, "kind": REACTION_KINDS[0], "tip_kind": "post", "filename": "css/app.css",
    }


@pytest.fixture
def world(app, make_user):
    users = {"member": make_user(display_name="Mia Mitglied", listed_in_directory=True),
             "other_member": make_user(display_name="Otto Anders", listed_in_directory=True),
             "moderator": make_user(role="moderator", display_name="Moni Moderation"),
             "admin": make_user(role="admin", display_name="Ada Admin")}
    with app.app_context():
        values = _build_world(users)
        for matrix in FEATURE_MATRICES:
            if hasattr(matrix, "build"):
                values.update(matrix.build(users, values))
        db.session.commit()
    return World(users=users, values=values)


def _requests(app, world, endpoint):
    """(method, url) for every rule of `endpoint` and every value of its any() parts."""
    for rule in app.url_map.iter_rules(endpoint):
        methods = rule.methods - {"HEAD", "OPTIONS"}
        method = "GET" if "GET" in methods else "POST"
        variants = [{}]
        for name in rule.arguments:
            converter = rule._converters[name]
            options = (sorted(converter.items) if isinstance(converter, AnyConverter)
                       else [world.value(endpoint, name)])
            variants = [dict(v, **{name: option}) for v in variants for option in options]
        for values in variants:
            yield method, app.url_map.bind("localhost").build(
                endpoint, dict(values, **QUERY.get(endpoint, {})), method=method)


def _log_in(app, client, user) -> None:
    """A real server-side login session, without the form's slow password hash: the login
    form itself is tested in tests/accounts."""
    with app.app_context():
        token = services.start_session(db.session.get(User, user.id))
        db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True


def test_every_route_is_classified(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert sorted(endpoints - ACCESS.keys()) == [], "new routes: add them to ACCESS"
    assert sorted(ACCESS.keys() - endpoints) == [], "routes gone: remove them from ACCESS"


CASES = [(endpoint, role) for endpoint in sorted(ACCESS) for role in ROLES]


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=[f"{e}-{r}" for e, r in CASES])
def test_route_lets_in_exactly_the_roles_it_should(app, client, world, endpoint, role):
    if role != "anonymous":
        _log_in(app, client, world.users[role])
    allowed = role in ALLOWED[ACCESS[endpoint]]
    for method, url in _requests(app, world, endpoint):
        response = client.open(url, method=method)
        where = f"{role} {method} {url} -> {response.status_code}"
        location = urlsplit(response.headers.get("Location", "")).path
        assert response.status_code < 500, where
        if allowed:
            assert response.status_code in (200, 302, 303), where
            assert location != LOGIN_PATH or endpoint == "accounts.logout", where
        elif role == "anonymous":
            assert response.status_code == 302 and location == LOGIN_PATH, where
        elif endpoint in REFUSED_WITH_MESSAGE:
            page = client.get(response.headers["Location"]).get_data(as_text=True)
            assert response.status_code == 302 and "flash-error" in page, where
        else:
            assert response.status_code in (403, 404), where
            text = response.get_data(as_text=True)
            assert "Kein Zugriff" in text or "nicht gefunden" in text, where
