"""The account emails (invitation, password reset): text + simple HTML, absolute links."""
from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from alumni_hub.core.mail import send_mail


def _send(template: str, *, to: str, subject: str, **context) -> None:
    send_mail(to=to, subject=subject,
              text_body=render_template(f"email/{template}.txt", **context),
              html_body=render_template(f"email/{template}.html", **context))


def send_invitation(invitation, token: str, *, inviter) -> None:
    # The invitee has no language setting yet: the community's language.
    with force_locale("de"):
        _send("invitation", to=invitation.email,
              subject=_("Einladung in den Alumni Hub der Netzwerkkoordinator:innen"),
              link=url_for("accounts.register", token=token, _external=True),
              inviter=inviter.display_name, expires_at=invitation.expires_at,
              days=current_app.config["INVITATION_DAYS"])


def send_password_reset(user, token: str) -> None:
    with force_locale(user.locale or "de"):
        _send("password_reset", to=user.email, subject=_("Dein Passwort im Alumni Hub"),
              link=url_for("accounts.reset_password", token=token, _external=True),
              name=user.display_name, hours=current_app.config["PASSWORD_RESET_HOURS"])
