"""Chat pages: a room on its own page, posting without JavaScript, the transcript download,
reporting a message."""
from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from alumni_hub.accounts.models import User
from alumni_hub.chat import bp, live
from alumni_hub.chat.access import check_join, check_moderate, find_room, get_message
from alumni_hub.chat.forms import MessageForm
from alumni_hub.chat.panel import load_room_panel, until_label
from alumni_hub.chat.queries import author_name, payloads, transcript_messages
from alumni_hub.chat.reporting import message_path
from alumni_hub.chat.services import moderating
from alumni_hub.chat.services.messages import (get_or_create_room, send_message, store_failed,
                                               stored_message, valid_client_id)
from alumni_hub.chat.transcript import Line, render_transcript
from alumni_hub.core.errors import AlumniHubError, PermissionDenied
from alumni_hub.core.forms import show_error
from alumni_hub.core.timeutil import datetime_filter
from alumni_hub.extensions import db
from alumni_hub.moderation.report_form import ReportForm, handle_report_form


def _page(kind: str, ref_id: int, form=None):
    panel = load_room_panel(kind, ref_id, current_user)
    panel.form = form or panel.form
    return render_template("chat/room.html", panel=panel)


@bp.route("/<kind>/<int:ref_id>")
@login_required
def view_room(kind: str, ref_id: int):
    """The room on its own page (meetings and pairs show the same panel on theirs)."""
    return _page(kind, ref_id)


@bp.route("/<kind>/<int:ref_id>/senden", methods=["POST"])
@login_required
def post_message(kind: str, ref_id: int):
    """Without JavaScript: the form posts here; a reload of the POST stores nothing twice."""
    room_kind = check_join(current_user, kind, ref_id)
    form = MessageForm()
    if not form.validate_on_submit():
        return _page(kind, ref_id, form)
    room = get_or_create_room(kind_name=kind, ref_id=ref_id)
    try:
        message, created = send_message(user=current_user, room=room, kind=room_kind,
                                        client_id=form.client_id.data, body=form.body.data,
                                        question=form.question.data)
        db.session.commit()
    except AlumniHubError as error:
        db.session.rollback()
        show_error(form, error, field="body")
        return _page(kind, ref_id, form)
    except IntegrityError:  # as in events.on_send: a resend that raced, or a broken rule
        db.session.rollback()
        message, created = stored_message(room.id, valid_client_id(form.client_id.data)), False
        if message is None:
            show_error(form, store_failed(), field="body")
            return _page(kind, ref_id, form)
    if created:
        live.message(payloads([message])[0])
    return redirect(url_for("chat.view_room", kind=kind, ref_id=ref_id,
                            _anchor=f"chat-msg-{message.seq}"))


@bp.route("/<kind>/<int:ref_id>/protokoll.md")
@login_required
def download_transcript(kind: str, ref_id: int):
    """The room's messages as Markdown, for the people the kind allows."""
    room_kind = check_join(current_user, kind, ref_id)
    if not room_kind.transcript_allowed(current_user, ref_id):
        raise PermissionDenied(_("Das Protokoll dieses Chats kannst du nicht herunterladen."))
    room = find_room(kind, ref_id)
    lines = [Line(time=datetime_filter(m.created_at, "short"), author=author_name(m),
                  text_md=m.body_md, question=m.is_question, answered=m.answered_at is not None,
                  reply_to=author_name(m.reply_to) if m.reply_to else "")
             for m in (transcript_messages(room.id) if room else [])]
    text = render_transcript(
        title=_("Chat-Protokoll: %(title)s", title=room_kind.title(ref_id)),
        subtitle=_("Heruntergeladen von %(name)s.", name=current_user.display_name),
        lines=lines, labels={"question": _("Frage"), "answered": _("Frage, beantwortet"),
                             "reply_to": _("Antwort an %(name)s"),
                             "empty": _("Noch keine Nachrichten.")})
    return Response(text, mimetype="text/markdown", headers={
        "Content-Disposition": f'attachment; filename="chat-{kind}-{ref_id}.md"'})


@bp.route("/nachricht/<int:message_id>/loeschen", methods=["POST"])
@login_required
def delete_message(message_id: int):
    """Moderators without JavaScript; with it, static/js/chat/ sends "chat:delete" instead."""
    message = get_message(message_id, user=current_user)
    check_moderate(current_user, message.room)
    moderating.delete_message(actor=current_user, message=message)
    db.session.commit()
    flash(_("Die Nachricht ist gelöscht."), "success")
    return redirect(url_for("chat.view_room", kind=message.room.kind,
                            ref_id=message.room.ref_id, _anchor=f"chat-msg-{message.seq}"))


@bp.route("/<kind>/<int:ref_id>/zustand", methods=["POST"])
@login_required
def set_room_state(kind: str, ref_id: int):
    """Moderators open or close the room early, or let it follow its times again."""
    room = _moderated_room(kind, ref_id)
    try:
        moderating.set_room_state(actor=current_user, room=room, state=request.form.get("state"))
        db.session.commit()
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        live.state(room)
    return redirect(url_for("chat.view_room", kind=kind, ref_id=ref_id))


def _moderated_room(kind: str, ref_id: int):
    check_join(current_user, kind, ref_id)
    room = get_or_create_room(kind_name=kind, ref_id=ref_id)
    check_moderate(current_user, room)
    return room


def _form_int(name: str):
    """A number from the posted form; None for anything else (the service says why)."""
    return request.form.get(name, type=int)


@bp.route("/<kind>/<int:ref_id>/stummschalten", methods=["POST"])
@login_required
def mute_member(kind: str, ref_id: int):
    """Moderators without JavaScript: mute the author of a message for the chosen time
    (0 minutes lifts the mute, as in chat:mute)."""
    room = _moderated_room(kind, ref_id)
    return _mute_done(room, _form_int("user_id"), lambda user_id: moderating.mute_member(
        actor=current_user, room=room, user_id=user_id, minutes=_form_int("minutes")))


@bp.route("/<kind>/<int:ref_id>/stummschaltung-aufheben", methods=["POST"])
@login_required
def unmute_member(kind: str, ref_id: int):
    """Moderators lift a mute before its time is up."""
    room = _moderated_room(kind, ref_id)
    return _mute_done(room, _form_int("user_id"), lambda user_id: moderating.unmute_member(
        actor=current_user, room=room, user_id=user_id))


def _mute_done(room, user_id, change):
    """Apply `change` (returns the Mute, or None when lifted), commit, tell the member and
    the moderators live, and go back to the room."""
    try:
        mute = change(user_id)
        db.session.commit()
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        name = db.session.get(User, user_id).display_name
        if mute is None:
            flash(_("Die Stummschaltung von %(name)s ist aufgehoben.", name=name), "success")
        else:
            flash(_("%(name)s ist stummgeschaltet bis %(time)s.", name=name,
                    time=until_label(mute.until)), "success")
        live.muted(room.id, user_id, mute.until if mute else None)
        live.mutes(room.id)
    return redirect(url_for("chat.view_room", kind=room.kind, ref_id=room.ref_id, _anchor="chat"))


@bp.route("/nachricht/<int:message_id>/melden", methods=["GET", "POST"])
@login_required
def report_message(message_id: int):
    """Anyone in the room reports someone else's message once; moderation decides."""
    message = get_message(message_id, user=current_user)
    form = ReportForm(label=_("Was stimmt mit der Nachricht nicht?"),
                      required=_("Bitte beschreibe kurz, was an der Nachricht nicht stimmt."))
    done = handle_report_form(form, reporter=current_user, target_type="chat_message",
                              target_id=message.id, back=message_path(message),
                              thanks=_("Danke! Die Moderation sieht sich die Nachricht an."))
    if done is not None:
        return done
    return render_template("chat/report_message.html", form=form, message=message,
                           author=author_name(message), back=message_path(message))
