"""Reading the wiki: index by topic and A–Z, recent changes, a page with its author trail."""
from flask import current_app, render_template
from flask_login import current_user, login_required

from alumni_hub.core.errors import NotFound
from alumni_hub.extensions import db
from alumni_hub.wiki import bp, queries
from alumni_hub.wiki.access import load_page
from alumni_hub.wiki.services import freshness, watching
from alumni_hub.wiki.services import creation


def per_page() -> int:
    return current_app.config["PER_PAGE"]


@bp.route("/")
@login_required
def index():
    by_topic, by_letter, untagged = queries.index_groups()
    return render_template("wiki/index.html", by_topic=by_topic, by_letter=by_letter,
                           untagged=untagged, wanted=queries.wanted_pages())


@bp.route("/aenderungen")
@login_required
def recent_changes():
    changes = db.paginate(queries.recent_changes_query(), per_page=per_page(), error_out=False)
    return render_template("wiki/recent.html", changes=changes)


@bp.route("/<slug>")
@login_required
def view_page(slug: str):
    try:
        page = load_page(slug)
    except NotFound:
        if _slug_ever_used(slug):
            raise  # a deleted page: members learn nothing about it, not even its title
        # Still a 404, but a useful one: a wiki offers to write the page that is missing.
        title = slug.replace("-", " ").replace("_", " ").strip().capitalize()
        return render_template("wiki/missing.html", title=title), 404
    return render_template(
        "wiki/page.html", page=page, revision=page.current_revision,
        backlinks=queries.backlinks(page), contributors=queries.contributors(page),
        watching=watching.is_watching(page=page, user=current_user),
        can_edit=creation.can_edit(current_user, page), stale=freshness.is_stale(page))


def _slug_ever_used(slug: str) -> bool:
    try:
        creation.find_page(slug, include_deleted=True)
    except NotFound:
        return creation.current_slug_for(slug, include_deleted=True) is not None
    return True


@bp.route("/veraltet")
@login_required
def stale_pages():
    stale = db.paginate(freshness.stale_pages_query(), per_page=per_page(), error_out=False)
    return render_template("wiki/stale.html", stale=stale)
