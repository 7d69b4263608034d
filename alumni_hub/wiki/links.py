"""Links of the wiki: a revision's diff, and the hint on links to pages not written yet."""
import re

from flask import url_for
from flask_babel import gettext as _
from markupsafe import Markup

from alumni_hub.wiki import bp
from alumni_hub.wiki.models import Page


def diff_url(page: Page, number: int) -> str:
    """The change made by revision `number`, as a comparison with the one before."""
    return url_for("wiki.compare_revisions", slug=page.slug, von=max(number - 1, 1), bis=number)


# Stored HTML marks a missing page only by its link to the create form (language-neutral);
# the hint is added when shown, in the reader's language.
_MISSING_LINK = re.compile(r'(<a href="/wiki/neu\?[^"]*"[^>]*>.*?)(</a>)', re.S)


@bp.app_template_filter("wiki_body")
def wiki_body(stored_html: str | None) -> Markup:
    """A page's stored, sanitized HTML, ready to show, with hints on links to missing pages."""
    hint = str(Markup('<span class="wiki-missing-mark"> (%s)</span>') % _("Seite fehlt noch"))
    return Markup(_MISSING_LINK.sub(lambda m: m.group(1) + hint + m.group(2), stored_html or ""))
