"""Reading the boards: categories, thread lists, a thread as a tree; starting and replying."""
from flask import abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf
from wtforms.fields.choices import SelectChoice

from alumni_hub.boards import access, bp, post_formatting
from alumni_hub.boards import queries
from alumni_hub.boards.forms import ReplyForm, ThreadForm
from alumni_hub.boards.links import post_anchor, thread_url
from alumni_hub.boards.services import categories, posts, threads
from alumni_hub.boards.services.watching import watches_category
from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.core.markup import render
from alumni_hub.core.urls import plain_query_args
from alumni_hub.extensions import db
from alumni_hub.members.queries import active_topics


@bp.route("/")
@login_required
def index():
    return render_template("boards/index.html", categories=categories.list_categories(),
                           stats=categories.category_stats())


def _page_arg() -> int:
    return max(request.args.get("page", 1, type=int) or 1, 1)


@bp.route("/<slug>")
@login_required
def view_category(slug):
    category = categories.get_category(slug)
    only_open = request.args.get("filter") == "offen"
    pagination, unread = queries.thread_list(
        stmt=queries.category_threads(category, only_open=only_open), page=_page_arg(),
        per_page=current_app.config["PER_PAGE"], user=current_user)
    return render_template("boards/category.html", category=category, page=pagination,
                           unread=unread, only_open=only_open,
                           watching=watches_category(user=current_user, category_id=category.id))


@bp.route("/offene-fragen")
@login_required
def unanswered():
    pagination, unread = queries.thread_list(
        stmt=queries.unanswered_questions(), page=_page_arg(),
        per_page=current_app.config["PER_PAGE"], user=current_user)
    return render_template("boards/unanswered.html", page=pagination, unread=unread)


@bp.route("/<slug>/neu", methods=["GET", "POST"])
@login_required
def new_thread(slug):
    category = categories.get_category(slug)
    form = ThreadForm()
    if request.method == "GET" and request.args.get("titel"):
        # Prefilled from a search that found nothing: "Frag im Forum nach".
        form.title.data = request.args["titel"][:200]
    form.topics.choices = [SelectChoice(t.id, t.name) for t in active_topics()]
    # The pressed button decides: a preview never publishes, even if it renders empty.
    preview = render(form.body.data or "") if form.preview.data else None
    if preview is None and form.validate_on_submit():
        try:
            thread = threads.create_thread(
                author=current_user, category=category, title=form.title.data,
                kind=form.kind.data, body_md=form.body.data, topic_ids=form.topics.data)
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="body")
        else:
            db.session.commit()
            flash(_("Dein Beitrag ist veröffentlicht."), "success")
            return redirect(thread_url(thread))
    return render_template("boards/new_thread.html", form=form, category=category,
                           preview=preview)


@bp.route("/thema/<int:thread_id>")
@bp.route("/thema/<int:thread_id>-<slug>")
@login_required
def view_thread(thread_id, slug=None):
    form = ReplyForm(parent_id=request.args.get("reply_to", ""))
    return _render_thread(thread_id, form, slug=slug)


def _render_thread(thread_id: int, form, preview: str | None = None, slug: str | None = None):
    flat = request.args.get("ansicht") == "chronologisch"
    page = queries.thread_page(thread_id=thread_id, user=current_user._get_current_object(),
                             flat=flat)
    if page is None:
        abort(404)
    if slug is not None and slug != page.thread.slug:
        # An old or mistyped title in the address: one canonical URL per thread.
        return redirect(thread_url(page.thread,
                                   **plain_query_args(request.args, request.view_args)), 301)
    parent = page.by_id.get(_int_or_none(form.parent_id.data) or 0)
    if parent is not None and (parent.deleted_at or parent.id in page.hidden_ids):
        parent = None
    if parent is None:
        # No reply to an unknown or removed post: the form shown answers the thread (an
        # invalid target was refused with a message, so nothing lands there silently).
        form.parent_id.data = ""
    html = render_template("boards/thread.html", thread_page=page, thread=page.thread, form=form,
                           flat=flat, preview=preview, reply_parent=parent,
                           **_thread_context(page))
    # Commit after rendering: committing expires the loaded posts, and re-loading them
    # one by one in the template would cost a query per post.
    db.session.commit()
    return html


def _int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _thread_context(page) -> dict:
    """Per-reader flags and values the post template uses hundreds of times; computed once."""
    thread, is_mod = page.thread, access.is_moderator(current_user)
    posts_ = list(page.by_id.values())
    page.times = dict(zip(page.by_id, post_formatting.short_times([p.created_at for p in posts_])))
    return {
        "is_mod": is_mod, "can_accept": access.can_accept(current_user, thread),
        "can_reply": is_mod or not thread.locked, "csrf": generate_csrf(),
        "current_user_id": current_user.id, "accepted_id": thread.accepted_post_id,
        "labels": post_formatting.post_labels(), "post_urls": post_formatting.PostUrls(),
        "profile_url": post_formatting.IdUrl("members.view_profile", "user_id"),
        "photo_url": post_formatting.IdUrl("members.photo", "user_id", size="klein"),
        "no_reactions": {}, "no_reaction": (0, False),
    }


@bp.route("/thema/<int:thread_id>/antworten", methods=["GET", "POST"])
@login_required
def reply(thread_id):
    thread = access.get_thread(thread_id)
    if request.method == "GET":
        # Reloading the page a failed reply left in the address bar: back to the thread.
        return redirect(thread_url(thread, _anchor="reply-form"))
    form = ReplyForm()
    if form.preview.data:
        return _render_thread(thread_id, form, preview=render(form.body.data or ""))
    if form.validate_on_submit():
        try:
            post = posts.add_reply(thread=thread, author=current_user, body_md=form.body.data,
                                   parent_id=form.parent_post_id())
        except AlumniHubError as error:
            db.session.rollback()
            show_error(form, error, field="body")
        else:
            db.session.commit()
            flash(_("Deine Antwort ist veröffentlicht."), "success")
            return redirect(post_anchor(post))
    return _render_thread(thread_id, form)


@bp.route("/beitrag/<int:post_id>")
@login_required
def view_post(post_id):
    return redirect(post_anchor(access.get_post(post_id, user=current_user)))


@bp.route("/neu")
@login_required
def choose_category():
    return render_template("boards/choose_category.html",
                           categories=categories.list_categories(),
                           title=request.args.get("titel", "")[:200])

