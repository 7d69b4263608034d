"""What the boards register elsewhere: navigation entries, posts as wiki-tip sources."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.boards.models import Post
from alumni_hub.core.errors import NotFound
from alumni_hub.core.navigation import register_nav_item
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
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
from alumni_hub.boards import searchable  # noqa: E402,F401 - registers the search provider
