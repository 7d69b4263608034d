"""The account emails (invitation, password reset): text + simple HTML, links on BASE_URL.

Never url_for(_external=True): that takes the host from the request, and an anonymous
reset request with `Host: evil.example` would mail the victim a working token for the
attacker's server.
"""
import logging
import smtplib
from functools import partial

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from alumni_hub.accounts.models import User
from alumni_hub.core.deferred import after_response
from alumni_hub.core.mail import send_mail
from alumni_hub.core.urls import absolute_url
from alumni_hub.extensions import db

log = logging.getLogger(__name__)


def _send(template: str, *, to: str, subject: str, **context) -> None:
    send_mail(to=to, subject=subject,
              text_body=render_template(f"email/{template}.txt", **context),
              html_body=render_template(f"email/{template}.html", **context))


def send_invitation(invitation, token: str, *, inviter) -> None:
    # The invitee has no language setting yet: the community's language.
    with force_locale("de"):
        _send("invitation", to=invitation.email,
              subject=_("Einladung in den Alumni Hub der Netzwerkkoordinator:innen"),
              link=absolute_url("accounts.register", token=token),
              inviter=inviter.display_name, expires_at=invitation.expires_at,
              days=current_app.config["INVITATION_DAYS"])


def send_password_reset(user, token: str) -> None:
    with force_locale(user.locale or "de"):
        _send("password_reset", to=user.email, subject=_("Dein Passwort im Alumni Hub"),
              link=absolute_url("accounts.reset_password", token=token),
              name=user.display_name, hours=current_app.config["PASSWORD_RESET_HOURS"])


def try_send_login_notice(user) -> None:
    """Tell the owner that logins with their address are paused (best effort, logged)."""
    try:
        with force_locale(user.locale or "de"):
            _send("login_notice", to=user.email,
                  subject=_("Fehlgeschlagene Anmeldungen bei deinem Konto"),
                  link=absolute_url("accounts.request_reset"), name=user.display_name)
    except OSError:
        log.exception("Login notice to user %s could not be sent", user.id)


def send_invitations(created, *, inviter) -> list[str]:
    """Mail every (invitation, token) pair; returns the addresses that got no mail.

    Called after the invitations are committed, so a mail server failure leaves stored
    invitations (to re-send or revoke) instead of sent links that lead nowhere. A refused
    recipient skips one address; any other failure (server down) skips the rest, rather
    than waiting for a timeout once per address.
    """
    failed = []
    for index, (invitation, token) in enumerate(created):
        try:
            send_invitation(invitation, token, inviter=inviter)
        except smtplib.SMTPRecipientsRefused:
            log.warning("Invitation mail to %s refused by the mail server", invitation.email)
            failed.append(invitation.email)
        except OSError:  # connection errors and every other smtplib error
            log.exception("Invitation mails could not be sent")
            failed += [item.email for item, _token in created[index:]]
            break
    return failed


def send_password_reset_after_response(user, token: str) -> None:
    """Send the reset mail once the answer is out, so the answer does not wait for it.

    The answer to a reset request must take as long for an unknown address as for a known
    one (issue 13: 133 vs 55 ms); rendering and sending the mail was the difference. The
    link is committed before this is called, so the mail goes out even if the answer
    turns into an error page: the link exists and is the person's only way back in.
    """
    after_response(partial(_send_reset, user.id, token))


def _send_reset(user_id: int, token: str) -> None:
    user = db.session.get(User, user_id)
    if user is not None and try_send_password_reset(user, token):
        db.session.commit()  # the outbox row, when no mail server is configured


def try_send_password_reset(user, token: str) -> bool:
    """Send the reset mail after its link is committed; False (and logged) if it failed."""
    try:
        send_password_reset(user, token)
    except OSError:
        log.exception("Password reset mail to user %s could not be sent", user.id)
        return False
    return True
