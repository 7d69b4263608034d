"""Turning a board post into a wiki tip: a new page, or an addition to an existing one."""
import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import ValidationError
from alumni_hub.wiki.models import Page, Revision
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation


def _escape(text: str) -> str:
    return re.sub(r"([\\\[\]*_`])", r"\\\1", text)


def source_footer(*, source_url: str, source_author_name: str, source_title: str,
                  origin=None) -> str:
    """The credit line under promoted text, linking back to where it was said."""
    link = f"[{_escape(source_title)}](<{source_url}>)"
    return "\n\n---\n\n*" + _("Ursprünglich von %(name)s %(origin)s: %(link)s",
                              name=_escape(source_author_name), origin=origin or _("im Forum"),
                              link=link) + "*"


def promote_text(*, actor, text_md: str, source_url: str, source_author_name: str,
                 source_title: str, new_title: str | None = None,
                 append_to_page: Page | None = None, origin=None) -> tuple[Page, Revision]:
    """Create page `new_title` from the text, or append it to `append_to_page`; returns both."""
    footer = source_footer(source_url=source_url, source_author_name=source_author_name,
                           source_title=source_title, origin=origin)
    text = revisions.clean_body(text_md)
    if not text:
        raise ValidationError(_l("Der Beitrag hat keinen Text, der übernommen werden kann."))
    if append_to_page is not None:
        creation.require_edit(actor, append_to_page)
        body = append_to_page.current_revision.body_md + "\n\n" + text + footer
        revision = revisions.add_revision(
            page=append_to_page, actor=actor, body_md=body,
            summary=_("Tipp ergänzt aus „%(title)s“", title=source_title))
        return append_to_page, revision
    page = creation.create_page(actor=actor, title=new_title, body_md=text + footer,
                             summary=_("Tipp übernommen aus „%(title)s“", title=source_title))
    return page, page.current_revision
