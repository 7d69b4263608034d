"""What the boards register elsewhere: navigation, posts as wiki-tip sources and reportable
things, start-page cards."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.boards import queries
from alumni_hub.boards.models import Post
from alumni_hub.boards.services.reports import (check_post_reportable, delete_reported_post,
                                                hide_reported_post, load_reported_posts)
from alumni_hub.core.errors import NotFound
from alumni_hub.core.navigation import register_nav_item
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.moderation.targets import ReportTarget, register_report_target
from alumni_hub.pages.cards import register_card
from alumni_hub.wiki.sources import TipSource, register_tip_source

register_nav_item("boards.index", _l("Foren"), order=10)


def post_tip_source(post_id: int, user) -> TipSource:
    """A visible post as the text of a wiki tip; hidden and deleted posts are not offered.
    The link back goes through the post's own address, which survives thread renames."""
    post = db.session.get(Post, post_id)
    if post is None or not post.visible:
        raise NotFound(_l("Diesen Beitrag gibt es nicht."))
    return TipSource(text_md=post.body_md, url=site_path("boards.view_post", post_id=post.id),
                     author_name=post.author.display_name if post.author
                     else _("Ehemaliges Mitglied"),
                     title=post.thread.title, origin=_l("im Forum"))


register_tip_source("post", post_tip_source)

register_report_target(ReportTarget(
    type="post", label=_l("Beitrag"), load=load_reported_posts, hide=hide_reported_post,
    delete=delete_reported_post, can_report=check_post_reportable,
    already_reported=_l("Du hast diesen Beitrag schon gemeldet. Die Moderation sieht "
                        "ihn sich an.")))


def latest_threads_card(user) -> dict:
    threads = queries.latest_threads()
    return {"threads": threads,
            "unread_ids": queries.unread_thread_ids(user_id=user.id, threads=threads)}


def open_questions_card(user) -> dict:
    return {"questions": queries.open_questions()}


# After cards of features without a fixed place (default order 50), as on the start page so far.
register_card("boards.latest_threads", template="boards/_home_latest_threads.html", order=60,
              load=latest_threads_card)
register_card("boards.open_questions", template="boards/_home_open_questions.html", order=65,
              load=open_questions_card)

from alumni_hub.boards import searchable  # noqa: E402,F401 - registers the search provider
