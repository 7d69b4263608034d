"""Loading buddy objects for a user: only the two see their pair; only the asked buddy answers."""
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from alumni_hub.buddies import queries
from alumni_hub.buddies.models import BuddyAsk, BuddyPair, CheckIn, PairGoal
from alumni_hub.core.errors import NotFound, PermissionDenied
from alumni_hub.extensions import db


def get_pair_for(user, pair_id: int) -> BuddyPair:
    """The pair, if `user` is one of its two members; moderators see pairs only in their list."""
    pair = queries.get_pair(pair_id)
    if pair is None:
        raise NotFound(_l("Diese Buddy-Begleitung gibt es nicht."))
    if user.id not in pair.member_ids:
        raise PermissionDenied(_l("Diesen Bereich sehen nur die beiden Buddys."))
    return pair


def get_ask_for_buddy(user, ask_id: int) -> BuddyAsk:
    ask = db.session.get(BuddyAsk, ask_id, options=[joinedload(BuddyAsk.newcomer),
                                                    joinedload(BuddyAsk.request)])
    if ask is None:
        raise NotFound(_l("Diese Anfrage gibt es nicht."))
    if ask.buddy_id != user.id:
        raise PermissionDenied(_l("Diese Anfrage ist nicht an dich gerichtet."))
    return ask


def get_goal(pair: BuddyPair, goal_id: int) -> PairGoal:
    goal = db.session.get(PairGoal, goal_id)
    if goal is None or goal.pair_id != pair.id:
        raise NotFound(_l("Dieses Ziel gibt es nicht."))
    return goal


def get_checkin(pair: BuddyPair, user, checkin_id: int) -> CheckIn:
    checkin = db.session.get(CheckIn, checkin_id)
    if checkin is None or checkin.pair_id != pair.id or checkin.user_id != user.id:
        raise NotFound(_l("Diese Frage gibt es nicht."))
    return checkin
