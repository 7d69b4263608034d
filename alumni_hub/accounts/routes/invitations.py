"""Inviting people (moderators and admins) and registering from an invitation link."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import get_locale, ngettext
from flask_login import current_user, login_user

from alumni_hub.accounts import bp
from alumni_hub.accounts.services import invitations
from alumni_hub.accounts.services import mails
from alumni_hub.accounts.services import users as services
from alumni_hub.accounts.forms import InviteForm, RegisterForm, role_choices
from alumni_hub.accounts.services.links import LinkGone
from alumni_hub.accounts.routes.account import link_error, renew_csrf_token
from alumni_hub.accounts.routes.language import take_choice_before_login
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.core.permissions import ROLE_LABELS, moderator_required
from alumni_hub.extensions import db


@bp.route("/einladen", methods=["GET", "POST"])
@moderator_required
def invite():
    roles = invitations.allowed_roles(current_user)
    form = InviteForm()
    form.role.choices = role_choices(roles)
    if form.validate_on_submit():
        try:
            screened = invitations.screen_emails(invitations.parse_emails(form.emails.data))
            created = invitations.create_invitations(
                inviter=current_user, role=form.role.data,
                emails_text="\n".join(screened.good)) if screened.good else []
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()  # stored before any link leaves the house
            _send_invitations(created)
            if not screened.rejected:
                return redirect(url_for("accounts.invite"))
            # The good addresses are invited; only the refused ones stay in the box.
            form.emails.data = "\n".join(screened.rejected)
            form.emails.errors = [str(problem) for problem in screened.problems]
    page = db.paginate(invitations.open_invitations(), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    return render_template("accounts/invite.html", form=form, page=page,
                           role_labels=ROLE_LABELS, revocable=set(roles))


def _send_invitations(created) -> None:
    failed = mails.send_invitations(created, inviter=current_user)
    db.session.commit()  # the outbox rows, when no mail server is configured
    sent = len(created) - len(failed)
    if sent:
        flash(ngettext("%(num)s Einladung verschickt.", "%(num)s Einladungen verschickt.",
                       sent), "success")
    if failed:
        flash(ngettext(
            "Die Einladung an %(emails)s ist gespeichert, aber die E-Mail konnte nicht "
            "verschickt werden. Lade die Adresse später noch einmal ein (der alte Link wird "
            "dabei ungültig) oder ziehe die Einladung zurück.",
            "Die Einladungen an %(emails)s sind gespeichert, aber die E-Mails konnten nicht "
            "verschickt werden. Lade die Adressen später noch einmal ein (die alten Links "
            "werden dabei ungültig) oder ziehe die Einladungen zurück.",
            len(failed), emails=", ".join(failed)), "error")


@bp.route("/einladungen/<int:invitation_id>/zurueckziehen", methods=["POST"])
@moderator_required
def revoke_invitation(invitation_id: int):
    invitation = invitations.revoke_invitation(actor=current_user, invitation_id=invitation_id)
    db.session.commit()
    flash(_("Die Einladung an %(email)s ist zurückgezogen.", email=invitation.email), "success")
    return redirect(url_for("accounts.invite"))


@bp.route("/einladung/<token>", methods=["GET", "POST"])
def register(token: str):
    if current_user.is_authenticated:
        flash(_("Du bist bereits angemeldet. Um mit dieser Einladung ein neues Konto anzulegen, "
                "melde dich bitte zuerst ab."), "info")
        return redirect(url_for("pages.home"))
    try:
        invitation = invitations.find_invitation(token)
    except (NotFound, LinkGone) as error:
        db.session.rollback()
        return link_error(error)
    # The language the newcomer reads this page in (header switch, else browser) is
    # preselected; what the form sends is the choice, so the switch's is used up below.
    form = RegisterForm(locale=str(get_locale()))
    form.policy_email = invitation.email
    if form.validate_on_submit():
        try:
            user = invitations.register(
                invitation=invitation, display_name=form.display_name.data,
                password=form.password.data, listed_in_directory=form.listed_in_directory.data == "ja",
                show_email=form.show_email.data, locale=form.locale.data)
        except LinkGone as error:
            return link_error(error)
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            # Left in the session, the switch's choice would overrule a later change in
            # the settings at the next login (routes/account.py, _logged_in).
            take_choice_before_login()
            services.start_session(user, user_agent=request.user_agent.string)
            db.session.commit()
            renew_csrf_token()
            login_user(user)
            flash(_("Willkommen im Alumni Hub, %(name)s!", name=user.display_name), "success")
            return redirect(_after_registration())
    return render_template("accounts/register.html", form=form, invitation=invitation)


def _after_registration() -> str:
    return url_for("members.edit_profile")
