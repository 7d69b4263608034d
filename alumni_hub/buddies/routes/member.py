"""The member's side: own offer, request and pairs; offer/request forms; asking and answering."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from alumni_hub.buddies import bp, queries
from alumni_hub.buddies.access import get_ask_for_buddy
from alumni_hub.buddies.forms import AnswerForm, AskForm, OfferForm, RequestForm
from alumni_hub.buddies.labels import reasons_text
from alumni_hub.buddies.services import asks, offers
from alumni_hub.core.errors import AlumniHubError, Conflict
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic


def _render_index(*, ask_form=None, ask_buddy_id=None, answer_form=None, answer_ask_id=None):
    request = queries.open_request_of(current_user.id)
    pending = queries.pending_ask_of(request.id) if request else None
    suggestions = queries.suggestions_for(request) if request and not pending else []
    offer = queries.offer_of(current_user.id)
    incoming = queries.incoming_asks(current_user.id) if offer else []
    # Text typed into a form that is no longer on the page (the buddy is full, the ask was
    # answered meanwhile) is shown with the error rather than lost.
    kept = ""
    if ask_form and ask_buddy_id not in {o.user_id for o, _s in suggestions}:
        kept = ask_form.message.data
    if answer_form and answer_ask_id not in {a.id for a in incoming}:
        kept = answer_form.answer.data
    return render_template(
        "buddies/index.html", offer=offer, request_=request, pending=pending,
        suggestions=[(o, s, reasons_text(s)) for o, s in suggestions],
        pairs=queries.active_pairs_of(current_user), incoming=incoming, kept_text=kept,
        ask_form=ask_form or AskForm(), ask_buddy_id=ask_buddy_id,
        answer_form=answer_form or AnswerForm(), answer_ask_id=answer_ask_id)


@bp.route("/")
@login_required
def index():
    return _render_index()


def _topics():
    return db.session.scalars(select(Topic).where(Topic.archived.is_(False))
                              .order_by(Topic.name)).all()


@bp.route("/angebot", methods=["GET", "POST"])
@login_required
def edit_offer():
    offer = queries.offer_of(current_user.id)
    form = OfferForm(obj=offer) if offer else OfferForm(capacity=1)
    form.set_topics(_topics())
    if offer and not form.is_submitted():
        form.topics.data = [t.id for t in offer.topics]
    if form.validate_on_submit():
        try:
            offers.save_offer(user=current_user, capacity=form.capacity.data,
                              topic_ids=form.topics.data, note=form.note.data,
                              paused=form.paused.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        except IntegrityError:
            db.session.rollback()
            show_error(form, Conflict(_l("Dein Angebot wurde gerade gleichzeitig geändert – "
                                         "bitte lade die Seite neu und speichere noch einmal.")))
        else:
            db.session.commit()
            flash(_("Dein Buddy-Angebot ist gespeichert."), "success")
            return redirect(url_for("buddies.index"))
    return render_template("buddies/offer_form.html", form=form, offer=offer)


def _prefilled_request_form(request) -> RequestForm:
    if request is not None:
        form = RequestForm(obj=request)
        if not form.is_submitted():
            form.topics.data = [t.id for t in request.topics]
        return form
    profile = getattr(current_user, "profile", None)
    form = RequestForm(bundesland=profile.bundesland if profile else "",
                       network_type=profile.network_type if profile else "")
    if profile is not None and not form.is_submitted():
        form.topics.data = [t.id for t in profile.topics]
    return form


@bp.route("/anfrage", methods=["GET", "POST"])
@login_required
def edit_request():
    request = queries.open_request_of(current_user.id)
    form = _prefilled_request_form(request)
    form.set_topics(_topics())
    if form.validate_on_submit():
        try:
            offers.save_request(user=current_user, topic_ids=form.topics.data,
                                bundesland=form.bundesland.data, region=form.region.data,
                                network_type=form.network_type.data, note=form.note.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error)
        except IntegrityError:
            db.session.rollback()
            show_error(form, Conflict(_l("Du hast schon eine offene Buddy-Anfrage – bitte lade "
                                         "die Seite neu und ändere sie dort.")))
        else:
            db.session.commit()
            flash(_("Deine Buddy-Anfrage ist gespeichert. Unten siehst du passende Buddys."),
                  "success")
            return redirect(url_for("buddies.index"))
    return render_template("buddies/request_form.html", form=form, request_=request)


@bp.route("/anfrage/zurueckziehen", methods=["POST"])
@login_required
def withdraw_request():
    try:
        offers.withdraw_request(user=current_user)
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Deine Buddy-Anfrage ist zurückgezogen."), "success")
    return redirect(url_for("buddies.index"))


@bp.route("/fragen/<int:buddy_id>", methods=["POST"])
@login_required
def ask_buddy(buddy_id: int):
    form = AskForm()
    if form.validate_on_submit():
        try:
            ask = asks.ask_buddy(newcomer=current_user, buddy_id=buddy_id,
                                 message=form.message.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="message")
        else:
            name = ask.buddy.display_name
            db.session.commit()
            flash(_("Deine Anfrage an %(name)s ist verschickt.", name=name), "success")
            return redirect(url_for("buddies.index"))
    return _render_index(ask_form=form, ask_buddy_id=buddy_id)


@bp.route("/anfragen/<int:ask_id>/antworten", methods=["POST"])
@login_required
def answer_ask(ask_id: int):
    ask = get_ask_for_buddy(current_user, ask_id)
    form = AnswerForm()
    # Without one of the two buttons nothing is decided (a bare POST must not decline).
    if form.validate_on_submit() and (form.accept.data or form.decline.data):
        try:
            if form.accept.data:
                pair = asks.accept_ask(ask=ask, user=current_user, answer=form.answer.data)
            else:
                asks.decline_ask(ask=ask, user=current_user, answer=form.answer.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="answer")
        else:
            db.session.commit()
            if form.accept.data:
                flash(_("Ihr seid jetzt ein Buddy-Paar."), "success")
                return redirect(url_for("buddies.view_pair", pair_id=pair.id))
            flash(_("Du hast die Anfrage abgelehnt."), "success")
            return redirect(url_for("buddies.index"))
    return _render_index(answer_form=form, answer_ask_id=ask_id)
