"""What buddies registers elsewhere (navigation, start-page card, digest section) and its
reactions to meetings ending and to chat messages in a pair's room (core.signals), without
importing meetings or chat."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from alumni_hub.buddies import queries
from alumni_hub.buddies.services.checkins import checkins_after_meeting
from alumni_hub.buddies.services.pairs import record_activity
from alumni_hub.core import signals
from alumni_hub.core.navigation import register_nav_item
from alumni_hub.core.urls import site_path
from alumni_hub.notifications.sections import DigestItem, register_digest_section
from alumni_hub.pages.cards import register_card

register_nav_item("buddies.index", _l("Buddys"), order=35)


def buddy_card(user) -> dict | None:
    """'Dein Buddy …' for a pair, else 'Offene Buddy-Anfrage', plus asks waiting for an answer.

    One statement for most members (three counts), a second only for those with a pair.
    """
    pairs, has_request, waiting = queries.buddy_status_counts(user.id)
    if not (pairs or has_request or waiting):
        return None
    active = queries.active_pairs_of(user) if pairs else []
    return {"pairs": [(p, p.partner_of(user.id)) for p in active],
            "request": has_request and not active, "waiting": waiting}


register_card("buddies.status", template="buddies/_home_card.html", load=buddy_card, order=20)


def _digest_data(now) -> dict:
    return {"requests": queries.open_request_count(), "flagged": queries.flagged_pairs(now)}


@register_digest_section(title=_l("Buddy-Programm"), prepare=_digest_data)
def buddies_for_moderators(user, since, data):
    """Moderators only: how many requests wait, and which pairs need a look."""
    if not user.is_moderator:
        return []
    items = []
    if data["requests"]:
        items.append(DigestItem(
            title=ngettext("%(num)d offene Buddy-Anfrage", "%(num)d offene Buddy-Anfragen",
                           data["requests"]),
            url=site_path("buddies.matching_round"), key="buddies:requests"))
    for pair in data["flagged"]:
        items.append(DigestItem(
            title=str(_l("Buddy-Paar %(buddy)s & %(newcomer)s braucht einen Blick",
                         buddy=pair.buddy.display_name, newcomer=pair.newcomer.display_name)),
            text=str(_l("braucht Hilfe") if pair.needs_help
                     else _l("seit 60 Tagen ohne Aktivität")),
            url=site_path("buddies.moderate"), key=f"buddies:pair:{pair.id}"))
    return items


@signals.meeting_ended.connect
def ask_pairs_after_meeting(sender, meeting_id: int, **extra) -> None:
    """Every active pair is asked how it goes; the sender (meetings' cron) commits."""
    if "buddies" not in current_app.blueprints:
        return
    checkins_after_meeting(meeting_id=meeting_id)


@signals.chat_message_stored.connect_via("pair")
def chat_counts_as_activity(sender, *, ref_id: int, user_id: int, **extra) -> None:
    """A message in the pair's room: the pair is not inactive (the chat commits)."""
    pair = queries.get_pair(ref_id)
    if pair is not None:
        record_activity(pair)
