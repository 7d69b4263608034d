"""Small helpers the wiki routes share: loading a page for a request, errors into forms."""
import re

from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from alumni_hub.core.errors import AlumniHubError, NotFound
from alumni_hub.core.permissions import Role, has_role
from alumni_hub.core.urls import plain_query_args
from alumni_hub.wiki import bp
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import creation as pages


def load_page(slug: str) -> Page:
    """The page for the URL; old slugs redirect permanently, deleted pages only for moderators."""
    try:
        return pages.find_page(slug, include_deleted=has_role(current_user, Role.MODERATOR))
    except NotFound:
        new_slug = pages.current_slug_for(
            slug, include_deleted=has_role(current_user, Role.MODERATOR))
        if new_slug is None:
            abort(404)
        args = {**plain_query_args(request.args, request.view_args), **request.view_args,
                "slug": new_slug}
        code = 301 if request.method == "GET" else 308
        abort(redirect(url_for(request.endpoint, **args), code))


def apply_error(form, error: AlumniHubError) -> None:
    """Show a service error next to its field (or above the form); the typed text stays."""
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = list(field.errors) + [str(error.message)]
    else:
        form.form_errors.append(str(error.message))


def diff_url(page: Page, number: int) -> str:
    """The change made by revision `number`, as a comparison with the one before."""
    return url_for("wiki.compare_revisions", slug=page.slug, von=max(number - 1, 1), bis=number)


def saved_message(merged_with: list[str]) -> str:
    if merged_with:
        return _("Deine Änderungen wurden mit denen von %(name)s zusammengeführt.",
                 name=", ".join(merged_with))
    return _("Die Seite wurde gespeichert.")


# Stored HTML marks a missing page only by its link to the create form (language-neutral);
# the hint is added when shown, in the reader's language.
_MISSING_LINK = re.compile(r'(<a href="/wiki/neu\?[^"]*"[^>]*>.*?)(</a>)', re.S)


@bp.app_template_filter("wiki_body")
def wiki_body(stored_html: str | None) -> Markup:
    """A page's stored, sanitized HTML, ready to show, with hints on links to missing pages."""
    hint = str(Markup('<span class="wiki-missing-mark"> (%s)</span>') % _("Seite fehlt noch"))
    return Markup(_MISSING_LINK.sub(lambda m: m.group(1) + hint + m.group(2), stored_html or ""))
