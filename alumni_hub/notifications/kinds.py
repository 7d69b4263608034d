"""The kinds of notification, each with its default delivery and its German text."""
import enum

from flask_babel import lazy_gettext as _l


class Kind(str, enum.Enum):
    REPLY = "reply"                          # a reply to my post
    MENTION = "mention"                      # someone wrote @me
    WATCHED_THREAD = "watched_thread"        # new post in a thread I watch
    WATCHED_CATEGORY = "watched_category"    # new thread/post in a category I watch
    WIKI_CHANGED = "wiki_changed"            # a wiki page I watch was edited
    BUDDY_REQUEST = "buddy_request"
    BUDDY_PROPOSAL = "buddy_proposal"
    BUDDY_ACCEPTED = "buddy_accepted"
    BUDDY_CHECKIN = "buddy_checkin"
    BUDDY_DECLINED = "buddy_declined"        # the asked buddy said no
    BUDDY_EXPIRED = "buddy_expired"          # my ask went unanswered for 7 days
    MEETING_SCHEDULED = "meeting_scheduled"
    MEETING_CHANGED = "meeting_changed"
    MEETING_REMINDER = "meeting_reminder"
    AGENDA_ACCEPTED = "agenda_accepted"
    RECAP_PUBLISHED = "recap_published"
    MEETING_WAITLIST = "meeting_waitlist"    # a place became free: moved up from the waiting list
    CHAT_MENTION = "chat_mention"            # someone wrote @me in a chat room


class Delivery(str, enum.Enum):
    APP = "app"          # only in the inbox
    IMMEDIATE = "immediate"  # inbox + email right away
    DIGEST = "digest"    # inbox + the daily digest
    OFF = "off"          # nothing at all


_IMMEDIATE = {Kind.MENTION, Kind.CHAT_MENTION, Kind.BUDDY_REQUEST, Kind.BUDDY_PROPOSAL,
              Kind.BUDDY_ACCEPTED, Kind.BUDDY_CHECKIN, Kind.BUDDY_DECLINED, Kind.BUDDY_EXPIRED,
              Kind.MEETING_WAITLIST}


# The blueprint whose feature sends each kind. A kind whose feature is not installed yet is
# kept out of the preferences page: nobody should tune mail for something that cannot happen.
FEATURE = {
    **{kind: "boards" for kind in (Kind.REPLY, Kind.MENTION, Kind.WATCHED_THREAD,
                                   Kind.WATCHED_CATEGORY)},
    Kind.WIKI_CHANGED: "wiki",
    **{kind: "buddies" for kind in (Kind.BUDDY_REQUEST, Kind.BUDDY_PROPOSAL,
                                    Kind.BUDDY_ACCEPTED, Kind.BUDDY_CHECKIN,
                                    Kind.BUDDY_DECLINED, Kind.BUDDY_EXPIRED)},
    **{kind: "meetings" for kind in (Kind.MEETING_SCHEDULED, Kind.MEETING_CHANGED,
                                     Kind.MEETING_REMINDER, Kind.AGENDA_ACCEPTED,
                                     Kind.RECAP_PUBLISHED, Kind.MEETING_WAITLIST)},
    Kind.CHAT_MENTION: "chat",
}

FEATURE_LABELS = {
    "boards": _l("Foren"),
    "wiki": _l("Wiki"),
    "buddies": _l("Buddys"),
    "meetings": _l("Treffen"),
    "chat": _l("Chat"),
}


def available_kinds(installed_features) -> list[Kind]:
    """The kinds whose feature is installed, in the order of the Kind enum."""
    return [kind for kind in Kind if FEATURE[kind] in installed_features]


def default_delivery(kind: Kind) -> Delivery:
    """Mentions and buddy events by email right away, the rest in the digest."""
    return Delivery.IMMEDIATE if kind in _IMMEDIATE else Delivery.DIGEST


# Shown in the inbox and emails; params come from the notify() call.
TEXTS = {
    Kind.REPLY: _l("%(actor)s hat auf deinen Beitrag in „%(title)s“ geantwortet"),
    Kind.MENTION: _l("%(actor)s hat dich in „%(title)s“ erwähnt"),
    Kind.WATCHED_THREAD: _l("Neuer Beitrag von %(actor)s in „%(title)s“"),
    Kind.WATCHED_CATEGORY: _l("Neues in der Kategorie „%(category)s“: „%(title)s“"),
    Kind.WIKI_CHANGED: _l("%(actor)s hat die Wiki-Seite „%(title)s“ geändert"),
    Kind.BUDDY_REQUEST: _l("%(actor)s möchte dein Buddy werden"),
    Kind.BUDDY_PROPOSAL: _l("Buddy-Vorschlag: %(title)s"),
    Kind.BUDDY_ACCEPTED: _l("%(actor)s hat die Buddy-Anfrage angenommen"),
    Kind.BUDDY_CHECKIN: _l("Zeit für ein kurzes Buddy-Treffen mit %(title)s"),
    Kind.BUDDY_DECLINED: _l("%(actor)s kann gerade nicht dein Buddy sein"),
    Kind.BUDDY_EXPIRED: _l("Deine Buddy-Anfrage an %(title)s ist abgelaufen"),
    Kind.MEETING_SCHEDULED: _l("Neues Alumni-Treffen: %(title)s"),
    Kind.MEETING_CHANGED: _l("Das Treffen „%(title)s“ wurde geändert"),
    Kind.MEETING_REMINDER: _l("Erinnerung: „%(title)s“ beginnt bald"),
    Kind.AGENDA_ACCEPTED: _l("Dein Thema „%(title)s“ steht auf der Tagesordnung"),
    Kind.RECAP_PUBLISHED: _l("Das Protokoll zu „%(title)s“ ist online"),
    Kind.MEETING_WAITLIST: _l("Ein Platz ist frei geworden: Du bist bei „%(title)s“ dabei"),
    Kind.CHAT_MENTION: _l("%(actor)s hat dich im Chat „%(title)s“ erwähnt"),
}

LABELS = {
    Kind.REPLY: _l("Antworten auf meine Beiträge"),
    Kind.MENTION: _l("Erwähnungen"),
    Kind.WATCHED_THREAD: _l("Neue Beiträge in beobachteten Diskussionen"),
    Kind.WATCHED_CATEGORY: _l("Neues in beobachteten Kategorien"),
    Kind.WIKI_CHANGED: _l("Änderungen an beobachteten Wiki-Seiten"),
    Kind.BUDDY_REQUEST: _l("Buddy-Anfragen"),
    Kind.BUDDY_PROPOSAL: _l("Buddy-Vorschläge"),
    Kind.BUDDY_ACCEPTED: _l("Angenommene Buddy-Anfragen"),
    Kind.BUDDY_CHECKIN: _l("Buddy-Erinnerungen"),
    Kind.BUDDY_DECLINED: _l("Abgelehnte Buddy-Anfragen"),
    Kind.BUDDY_EXPIRED: _l("Abgelaufene Buddy-Anfragen"),
    Kind.MEETING_SCHEDULED: _l("Neue Treffen"),
    Kind.MEETING_CHANGED: _l("Geänderte Treffen"),
    Kind.MEETING_REMINDER: _l("Erinnerungen an Treffen"),
    Kind.AGENDA_ACCEPTED: _l("Angenommene Tagesordnungspunkte"),
    Kind.RECAP_PUBLISHED: _l("Veröffentlichte Protokolle"),
    Kind.MEETING_WAITLIST: _l("Nachrücken von der Warteliste"),
    Kind.CHAT_MENTION: _l("Erwähnungen im Chat"),
}

DELIVERY_LABELS = {
    Delivery.APP: _l("Nur in der App"),
    Delivery.IMMEDIATE: _l("Sofort per E-Mail"),
    Delivery.DIGEST: _l("Im täglichen Überblick per E-Mail"),
    Delivery.OFF: _l("Aus (auch nicht in der App)"),
}


class _Params(dict):
    # A feature that forgets a parameter gets "…" in the sentence instead of a 500.
    def __missing__(self, key):
        return "…"


def render_text(kind: str, params: dict | None) -> str:
    """The notification's sentence in the current locale, e.g. for the inbox or a mail."""
    try:
        template = TEXTS[Kind(kind)]
    except ValueError:
        return str(kind)
    return str(template) % _Params(params or {})
