"""Labels, times and URLs for pages with hundreds of posts, each computed once per request.

Calling gettext, Babel's date formatting or url_for per post dominated the thread page's
render time (see benchmarks/README.md), so the thread page gets its strings from here.
"""
from flask import url_for
from flask_babel import get_locale, get_timezone
from flask_babel import gettext as _
from flask_babel import format_datetime

# Stands in for the id while url_for builds a URL once; it fits the <int:> converter's range.
_PLACEHOLDER_ID = 2_000_000_001


class IdUrl:
    """url_for(endpoint, <id_arg>=id) for many ids: built once, then only the id is put in."""

    def __init__(self, endpoint: str, id_arg: str, **values):
        url = url_for(endpoint, **{id_arg: _PLACEHOLDER_ID}, **values)
        self._before, self._after = url.split(str(_PLACEHOLDER_ID), 1)

    def __call__(self, object_id: int) -> str:
        return f"{self._before}{object_id}{self._after}"


# Every link and form action a post shows, by the name the template uses.
_POST_ACTIONS = {
    "view": ("boards.view_post", {}),
    "edit": ("boards.edit_post", {}),
    "delete": ("boards.delete_post", {}),
    "revisions": ("boards.post_revisions", {}),
    "report": ("boards.report_post", {}),
    "accept": ("boards.accept_answer", {}),
    "helpful": ("boards.react", {"kind": "helpful"}),
    "thanks": ("boards.react", {"kind": "thanks"}),
    "hide": ("boards.hide_post", {"action": "ausblenden"}),
    "unhide": ("boards.hide_post", {"action": "einblenden"}),
    "promote": ("wiki.promote_post", {}),
}


class PostUrls:
    """post_urls(post.id).edit … : every action URL of a post, from url_for once per request."""

    def __init__(self):
        self._urls = {name: IdUrl(endpoint, "post_id", **values)
                      for name, (endpoint, values) in _POST_ACTIONS.items()}

    def __call__(self, post_id: int) -> dict[str, str]:
        return {name: url(post_id) for name, url in self._urls.items()}


def post_labels() -> dict[str, str]:
    return {
        "reply": _("Darauf antworten"), "edit": _("Bearbeiten"), "delete": _("Löschen"),
        "report": _("Melden"), "accept": _("Als Lösung markieren"), "edited": _("bearbeitet"),
        "deleted": _("Beitrag gelöscht"), "former": _("Ehemaliges Mitglied"),
        "hidden_text": _("Dieser Beitrag wurde von der Moderation ausgeblendet."),
        "hidden": _("Ausgeblendet"), "accepted": _("Akzeptierte Antwort"),
        "hide": _("Ausblenden"), "unhide": _("Einblenden"), "helpful": _("Hilfreich"),
        "thanks": _("Danke"), "reply_to": _("Antwort auf"),
        "reply_to_hidden": _("Antwort auf einen ausgeblendeten Beitrag"),
        "reply_to_deleted": _("Antwort auf einen gelöschten Beitrag"),
        "promote": _("Als Wiki-Tipp übernehmen"),
    }


def _short_de(local) -> str:
    return f"{local.day:02d}.{local.month:02d}.{local.year % 100:02d}, " \
           f"{local.hour:02d}:{local.minute:02d}"


def _short_en(local) -> str:
    hour = local.hour % 12 or 12
    suffix = "AM" if local.hour < 12 else "PM"
    # CLDR puts a narrow no-break space before AM/PM.
    return (f"{local.month}/{local.day}/{local.year % 100:02d}, "
            f"{hour}:{local.minute:02d}\u202f{suffix}")


# Babel's "short" datetime patterns for our two languages, written out: same output, ~10x faster.
_SHORT = {"de": _short_de, "en": _short_en}


def short_times(values) -> list[str]:
    """Format many datetimes like `|datetime('short')` in the reader's language and zone."""
    formatter = _SHORT.get(str(get_locale() or "de").split("_")[0])
    if formatter is None:
        return [format_datetime(v, "short") for v in values]
    tz = get_timezone()
    return [formatter(v.astimezone(tz)) for v in values]
