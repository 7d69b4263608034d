"""Notification and digest emails: rendering in the reader's language, unsubscribe links."""
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer

from alumni_hub.core.mail import send_mail
from alumni_hub.core.urls import absolute_url
from alumni_hub.notifications.kinds import LABELS, Kind, render_text

DIGEST = "digest"  # the "kind" in an unsubscribe token that stops the daily digest


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="unsubscribe")


def unsubscribe_token(*, user_id: int, kind: str) -> str:
    return _serializer().dumps({"u": user_id, "k": kind})


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a signed token, or None if it is forged or malformed."""
    try:
        data = _serializer().loads(token)
        user_id, kind = int(data["u"]), str(data["k"])
        if kind != DIGEST:
            Kind(kind)
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return user_id, kind


def _render(name: str, **context) -> tuple[str, str]:
    # The Jinja environment directly: app context processors expect a request and a user.
    env = current_app.jinja_env
    return (env.get_template(f"email/{name}.txt").render(**context),
            env.get_template(f"email/{name}.html").render(**context))


def _unsubscribe_headers(url: str) -> dict:
    # RFC 8058: mail clients offer one-click unsubscribe and POST to the link.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def send_notification_email(note, user) -> None:
    """One notification, emailed right away, in the recipient's language."""
    unsubscribe = absolute_url("notifications.unsubscribe",
                               token=unsubscribe_token(user_id=user.id, kind=note.kind))
    with force_locale(user.locale or "de"):
        text = render_text(note.kind, note.params)
        context = {
            "user": user, "note": note, "text": text,
            "kind_label": str(LABELS.get(Kind(note.kind), note.kind)),
            "link": absolute_url("notifications.open_notification", notification_id=note.id),
            "unsubscribe_url": unsubscribe,
            "preferences_url": absolute_url("notifications.preferences"),
            "grouped": bool(note.group_key),
        }
        text_body, html_body = _render("notification", **context)
        subject = _("Alumni Hub: %(text)s", text=text)
    send_mail(to=user.email, subject=subject, text_body=text_body, html_body=html_body,
              headers=_unsubscribe_headers(unsubscribe))


def send_digest_email(user, *, groups, sections) -> None:
    """The daily digest: grouped notifications plus the sections other features add."""
    unsubscribe = absolute_url("notifications.unsubscribe",
                               token=unsubscribe_token(user_id=user.id, kind=DIGEST))
    with force_locale(user.locale or "de"):
        context = {
            "user": user, "unsubscribe_url": unsubscribe,
            "inbox_url": absolute_url("notifications.inbox"),
            "preferences_url": absolute_url("notifications.preferences"),
            "groups": [group.rendered() for group in groups],
            "sections": [(str(title), items) for title, items in sections],
        }
        text_body, html_body = _render("digest", **context)
        subject = _("Alumni Hub: dein Tages-Überblick")
    send_mail(to=user.email, subject=subject, text_body=text_body, html_body=html_body,
              headers=_unsubscribe_headers(unsubscribe))


def send_followup_email(user, *, groups) -> None:
    """Further notifications about things just mailed "right away", in one mail."""
    kinds = list(dict.fromkeys(group.kind for group in groups))
    links = {kind: absolute_url("notifications.unsubscribe",
                                token=unsubscribe_token(user_id=user.id, kind=kind))
             for kind in kinds}
    with force_locale(user.locale or "de"):
        context = {
            "user": user, "groups": [group.rendered() for group in groups],
            "inbox_url": absolute_url("notifications.inbox"),
            "preferences_url": absolute_url("notifications.preferences"),
            "unsubscribe_links": [(str(LABELS.get(Kind(k), k)), url) for k, url in links.items()],
        }
        text_body, html_body = _render("followups", **context)
        subject = _("Alumni Hub: Neues zu deinen Themen")
    # The header can name one link only: that of the newest line's kind.
    send_mail(to=user.email, subject=subject, text_body=text_body, html_body=html_body,
              headers=_unsubscribe_headers(links[kinds[0]]))
