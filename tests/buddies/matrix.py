"""Buddy routes in the route matrix: the pair space is the two members' only (the "member"
of the world is the pair's newcomer); asks are answered by the asked buddy only."""
from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyRequest, CheckIn, PairGoal
from alumni_hub.buddies.services import asks, offers, pairs
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic

MEMBER, OWNER, MODERATOR = "member", "owner", "moderator"

ACCESS = {
    "buddies.index": MEMBER, "buddies.edit_offer": MEMBER, "buddies.edit_request": MEMBER,
    "buddies.withdraw_request": MEMBER, "buddies.ask_buddy": MEMBER,
    "buddies.answer_ask": OWNER,
    "buddies.view_pair": OWNER, "buddies.add_goal": OWNER, "buddies.toggle_goal": OWNER,
    "buddies.share_contact": OWNER, "buddies.answer_checkin": OWNER, "buddies.end_pair": OWNER,
    "buddies.moderate": MODERATOR, "buddies.matching_round": MODERATOR,
}

ARG_KEYS = {"buddies.ask_buddy": {"buddy_id": "buddy_user_id"}}


def build(users, values) -> dict:
    """The world's member is a newcomer paired with a buddy, and the buddy of a pending ask."""
    member = db.session.get(User, users["member"].id)
    topic = db.session.get(Topic, values["topic_id"])
    buddy = User(email="bea.buddy@example.org", display_name="Bea Buddy", password_hash="x")
    asker = User(email="nele.neu@example.org", display_name="Nele Neu", password_hash="x")
    db.session.add_all([buddy, asker])
    db.session.flush()
    offers.save_offer(user=buddy, capacity=3, topic_ids=[topic.id])
    request = offers.save_request(user=member, topic_ids=[topic.id], bundesland="NI",
                                  network_type=None)
    pair = pairs.start_pair(buddy_id=buddy.id, request=db.session.get(BuddyRequest, request.id))
    goal = PairGoal(pair_id=pair.id, text="Erste Pressemitteilung", created_by_id=member.id)
    checkin = CheckIn(pair_id=pair.id, user_id=member.id, occasion="30d")
    offers.save_offer(user=member, capacity=2, topic_ids=[topic.id])
    offers.save_request(user=asker, topic_ids=[topic.id], bundesland="NI", network_type=None)
    ask = asks.ask_buddy(newcomer=asker, buddy_id=member.id)
    db.session.add_all([goal, checkin])
    db.session.flush()
    return {"pair_id": pair.id, "goal_id": goal.id, "checkin_id": checkin.id, "ask_id": ask.id,
            "buddy_user_id": buddy.id}


# The accessibility gate (tests/browser/test_accessibility.py), on the demo data: the demo
# login "mitglied" has an active pair (buddies/demo.py).
A11Y_PAGES = [
    ("member", "/buddys/"), ("member", "/buddys/angebot"), ("member", "/buddys/anfrage"),
    ("member", "/buddys/paar/{a11y_pair_id}"), ("member", "/buddys/paar/{a11y_pair_id}/beenden"),
    ("moderator", "/buddys/moderation"), ("moderator", "/buddys/moderation/runde"),
]


def a11y_values() -> dict:
    from sqlalchemy import or_, select  # noqa: PLC0415 - only the gate needs it

    from alumni_hub.buddies.models import BuddyPair  # noqa: PLC0415

    member = db.session.scalar(select(User).where(User.email == "mitglied@example.org"))
    return {"a11y_pair_id": db.session.scalar(select(BuddyPair.id).where(
        or_(BuddyPair.buddy_id == member.id, BuddyPair.newcomer_id == member.id))
        .order_by(BuddyPair.id).limit(1))}
