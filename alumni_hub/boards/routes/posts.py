"""Acting on single posts: edit, delete, earlier versions, reactions, reports, accepted answer."""
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.boards import access, bp
from alumni_hub.boards.services import moderation as moderating
from alumni_hub.boards.services import posts
from alumni_hub.boards.services import reactions
from alumni_hub.boards.services import threads
from alumni_hub.boards.forms import EditPostForm
from alumni_hub.boards.links import post_anchor, thread_url
from alumni_hub.boards.models import Category
from alumni_hub.boards.services.watching import set_category_watch, set_thread_watch
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.markup import render
from alumni_hub.core.urls import parse_db_int
from alumni_hub.extensions import db
from alumni_hub.moderation.report_form import ReportForm, handle_report_form


def _save_edit(post, form) -> None:
    title = form.title.data if post.parent_id is None else None
    if post.author_id != current_user.id:
        moderating.moderator_edit(post=post, actor=current_user, body_md=form.body.data,
                                  title=title)
        return
    posts.edit_post(post=post, editor=current_user, body_md=form.body.data)
    if title:
        threads.rename_thread(post.thread, title)


@bp.route("/beitrag/<int:post_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_post(post_id):
    post = access.get_post(post_id, user=current_user, check_author=True)
    form = EditPostForm(body=post.body_md, title=post.thread.title)
    # The pressed button decides: a preview never saves, even if it renders empty.
    preview = render(form.body.data or "") if form.preview.data else None
    if preview is None and form.validate_on_submit():
        try:
            _save_edit(post, form)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="body")
        else:
            db.session.commit()
            flash(_("Deine Änderungen sind gespeichert."), "success")
            return redirect(post_anchor(post))
    return render_template("boards/edit_post.html", form=form, post=post, preview=preview)


@bp.route("/beitrag/<int:post_id>/loeschen", methods=["POST"])
@login_required
def delete_post(post_id):
    post = access.get_post(post_id, user=current_user)
    if not access.can_delete(current_user, post):
        abort(403)
    if post.author_id == current_user.id:
        posts.delete_post(post=post, actor=current_user)
    else:
        moderating.moderator_delete(post=post, actor=current_user)
    db.session.commit()
    flash(_("Der Beitrag wurde gelöscht."), "success")
    return redirect(post_anchor(post))


@bp.route("/beitrag/<int:post_id>/versionen")
@login_required
def post_revisions(post_id):
    post = access.get_post(post_id, user=current_user)
    if not access.can_see_revisions(current_user, post):
        abort(403)
    return render_template("boards/revisions.html", post=post, revisions=posts.revisions(post))


@bp.route("/beitrag/<int:post_id>/reaktion/<kind>", methods=["POST"])
@login_required
def react(post_id, kind):
    post = access.get_post(post_id, user=current_user)
    try:
        reactions.toggle_reaction(user=current_user, post=post, kind=kind)
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        db.session.commit()
    return redirect(post_anchor(post))


@bp.route("/beitrag/<int:post_id>/melden", methods=["GET", "POST"])
@login_required
def report_post(post_id):
    post = access.get_post(post_id, user=current_user)
    form = ReportForm(label=_("Was stimmt mit dem Beitrag nicht?"),
                      required=_("Bitte beschreibe kurz, was an dem Beitrag nicht stimmt."))
    back = post_anchor(post)
    done = handle_report_form(form, reporter=current_user, target_type="post", target_id=post.id,
                              back=back,
                              thanks=_("Danke! Die Moderation sieht sich den Beitrag an."))
    if done is not None:
        return done
    return render_template("boards/report_post.html", form=form, post=post, back=back)


@bp.route("/beitrag/<int:post_id>/als-antwort", methods=["POST"])
@login_required
def accept_answer(post_id):
    post = access.get_post(post_id, user=current_user)
    try:
        threads.accept_answer(thread=post.thread, post=post, actor=current_user)
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(post_anchor(post))
    db.session.commit()
    flash(_("Die Antwort ist als Lösung markiert."), "success")
    return redirect(post_anchor(post))


@bp.route("/thema/<int:thread_id>/antwort-aufheben", methods=["POST"])
@login_required
def unaccept_answer(thread_id):
    thread = access.get_thread(thread_id)
    try:
        threads.unaccept_answer(thread=thread, actor=current_user)
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        db.session.commit()
    return redirect(thread_url(thread))


@bp.route("/thema/<int:thread_id>/beobachten", methods=["POST"])
@login_required
def watch_thread(thread_id):
    thread = access.get_thread(thread_id)
    on = request.form.get("on") == "1"
    set_thread_watch(user=current_user, thread_id=thread.id, on=on)
    db.session.commit()
    flash(_("Du beobachtest diese Diskussion.") if on else
          _("Du beobachtest diese Diskussion nicht mehr."), "success")
    return redirect(thread_url(thread))


@bp.route("/kategorie/<int:category_id>/beobachten", methods=["POST"])
@login_required
def watch_category(category_id):
    category = db.get_or_404(Category, category_id)
    on = request.form.get("on") == "1"
    set_category_watch(user=current_user, category_id=category.id, on=on)
    db.session.commit()
    flash(_("Du beobachtest diese Kategorie.") if on else
          _("Du beobachtest diese Kategorie nicht mehr."), "success")
    return redirect(url_for("boards.view_category", slug=category.slug))


@bp.route("/mitglieder-suche")
@login_required
def search_members():
    """Display names starting with ?q= (for writing @mentions), as JSON: members listed in
    the directory, and (with ?thread=) those who wrote in that thread."""
    q = (request.args.get("q") or "").strip()
    if len(q) < 2:
        return jsonify([])
    names = posts.mention_candidates(q, thread_id=parse_db_int(request.args.get("thread")))
    return jsonify([{"name": n, "mention": f"@[{n}]"} for n in names])
