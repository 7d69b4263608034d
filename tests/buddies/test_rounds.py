"""Matching rounds: only moderators; proposals with scores and reasons; swap, drop, confirm."""
import re

from sqlalchemy import select, update

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyOffer, BuddyPair, BuddyRequest
from alumni_hub.buddies.services import pairs
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def test_only_moderators_run_and_confirm_rounds(client, auth, make_user, make_buddy_offer,
                                                make_buddy_request, buddies_db):
    make_buddy_offer()
    newcomer = make_buddy_request()
    auth.login(make_user())
    assert client.get("/buddys/moderation/runde").status_code == 403
    refused = client.post("/buddys/moderation/runde", data={
        "rows-0-request_id": newcomer.request_id, "rows-0-buddy_id": "1"})
    assert refused.status_code == 403
    assert buddies_db(lambda: db.session.scalar(select(BuddyPair.id))) is None


def test_round_proposes_with_scores_and_reasons_and_lists_unmatched(
        client, auth, make_user, make_buddy_offer, make_buddy_request):
    make_buddy_offer(display_name="Bea Buddy", topics=["Öffentlichkeitsarbeit"], bundesland="NI")
    make_buddy_request(display_name="Nele Neu", topics=["Öffentlichkeitsarbeit"], bundesland="NI")
    make_buddy_request(display_name="Otto Ohne", topics=["Robotik"], bundesland="BY")
    auth.login(make_user(role="moderator"))
    html = client.get("/buddys/moderation/runde").get_data(as_text=True)
    assert "1 gemeinsames Thema: Öffentlichkeitsarbeit; beide in Niedersachsen" in html
    assert "Otto Ohne" in html and "kein Buddy mit einem gemeinsamen Thema" in html


def test_moderator_swaps_and_drops_before_confirming_and_both_are_notified(
        client, auth, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    bea = make_buddy_offer(display_name="Bea Buddy", bundesland="NI")
    carl = make_buddy_offer(display_name="Carl Coach", bundesland="BY")
    nele = make_buddy_request(display_name="Nele Neu", bundesland="NI")
    otto = make_buddy_request(display_name="Otto Offen", bundesland="NI")
    auth.login(make_user(role="moderator"))
    html = client.get("/buddys/moderation/runde").get_data(as_text=True)
    assert html.count('class="proposal"') == 2
    ids = dict((r, int(v)) for r, v in re.findall(
        r'name="(rows-\d+)-request_id" type="hidden" value="(\d+)"', html))
    rows = {v: k for k, v in ids.items()}
    response = client.post("/buddys/moderation/runde", data={
        f"{rows[nele.request_id]}-request_id": nele.request_id,
        f"{rows[nele.request_id]}-buddy_id": carl.id,  # swapped to the buddy from Bayern
        f"{rows[otto.request_id]}-request_id": otto.request_id,
        f"{rows[otto.request_id]}-buddy_id": ""})   # dropped
    assert response.status_code == 302
    pairs = buddies_db(lambda: [(p.buddy_id, p.newcomer_id)
                                for p in db.session.scalars(select(BuddyPair))])
    assert pairs == [(carl.id, nele.id)]
    notified = buddies_db(lambda: sorted(db.session.scalars(select(Notification.user_id).where(
        Notification.kind == "buddy_proposal"))))
    assert notified == sorted([carl.id, nele.id])
    assert bea.id not in notified


def test_confirming_more_than_a_buddys_capacity_skips_the_rest_with_a_message(
        client, auth, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    bea = make_buddy_offer(capacity=1)
    first = make_buddy_request(display_name="Nele Neu")
    second = make_buddy_request(display_name="Otto Offen")
    auth.login(make_user(role="moderator"))
    response = client.post("/buddys/moderation/runde", data={
        "rows-0-request_id": first.request_id, "rows-0-buddy_id": bea.id,
        "rows-1-request_id": second.request_id, "rows-1-buddy_id": bea.id}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "1 Buddy-Paar bestätigt; beide Seiten sind benachrichtigt." in html
    assert "der Buddy hat keinen freien Platz mehr" in html
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair)).all())) == 1


def test_a_request_matched_meanwhile_is_skipped_without_taking_the_buddys_slot(
        app, client, auth, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    """The round page was loaded; meanwhile another buddy took the request. Confirming must
    leave the proposed buddy's free place free."""
    bea, carl = make_buddy_offer(display_name="Bea Buddy"), make_buddy_offer(display_name="Carl")
    nele = make_buddy_request(display_name="Nele Neu")
    with app.app_context():
        pairs.start_pair(buddy_id=carl.id, request=db.session.get(BuddyRequest, nele.request_id))
        db.session.commit()
    auth.login(make_user(role="moderator"))
    html = client.post("/buddys/moderation/runde", data={
        "rows-0-request_id": nele.request_id, "rows-0-buddy_id": bea.id},
        follow_redirects=True).get_data(as_text=True)
    assert "Nicht bestätigt: Nele Neu mit Bea Buddy" in html
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count).where(
        BuddyOffer.user_id == bea.id))) == 0
    auth.logout()
    auth.login(make_buddy_request(display_name="Otto Offen"))
    assert "Bea Buddy als Buddy anfragen" in client.get("/buddys/").get_data(as_text=True)


def test_a_tampered_round_cannot_pair_deactivated_buddies_or_newcomers(
        app, client, auth, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    bea, carl = make_buddy_offer(display_name="Bea Buddy"), make_buddy_offer(display_name="Carl")
    nele, otto = make_buddy_request(display_name="Nele Neu"), make_buddy_request(
        display_name="Otto Offen")
    with app.app_context():
        db.session.execute(update(User).where(User.id.in_([bea.id, otto.id]))
                           .values(active=False))
        db.session.commit()
    auth.login(make_user(role="moderator"))
    html = client.post("/buddys/moderation/runde", data={
        "rows-0-request_id": nele.request_id, "rows-0-buddy_id": bea.id,
        "rows-1-request_id": otto.request_id, "rows-1-buddy_id": carl.id},
        follow_redirects=True).get_data(as_text=True)
    assert "Nicht bestätigt: Nele Neu mit Bea Buddy – eines der beiden Konten ist deaktiviert" \
        in html
    assert "Nicht bestätigt: Otto Offen mit Carl – eines der beiden Konten ist deaktiviert" in html
    assert buddies_db(lambda: db.session.scalars(select(BuddyPair)).all()) == []
    assert buddies_db(lambda: sorted(db.session.scalars(select(BuddyOffer.active_count)))) \
        == [0, 0]
