"""Loading a page for a request: old slugs redirect, deleted pages only for moderators."""
from flask import abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from alumni_hub.core.errors import NotFound
from alumni_hub.core.permissions import Role, has_role
from alumni_hub.core.urls import plain_query_args
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import creation


def load_page(slug: str) -> Page:
    """The page for the URL; old slugs redirect permanently, deleted pages only for moderators."""
    try:
        return creation.find_page(slug, include_deleted=has_role(current_user, Role.MODERATOR))
    except NotFound:
        new_slug = creation.current_slug_for(
            slug, include_deleted=has_role(current_user, Role.MODERATOR))
        if new_slug is None:
            raise NotFound(_l("Diese Seite gibt es nicht.")) from None
        args = {**plain_query_args(request.args, request.view_args), **request.view_args,
                "slug": new_slug}
        code = 301 if request.method == "GET" else 308
        abort(redirect(url_for(request.endpoint, **args), code))
