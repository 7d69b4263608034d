"""The demo data: two buddies, an active pair, a newcomer with suggestions, an ask to answer."""
from sqlalchemy import func, select

from alumni_hub.buddies.models import BuddyOffer, BuddyPair, BuddyRequest
from alumni_hub.extensions import db


def test_seed_demo_creates_buddies_a_pair_and_a_newcomer_with_suggestions(app, runner, client,
                                                                           buddies_db):
    with app.app_context():
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        db.session.remove()
    assert buddies_db(lambda: db.session.scalar(select(func.count(BuddyOffer.id)))) == 2
    assert buddies_db(lambda: db.session.scalar(select(func.count(BuddyPair.id)))) == 1
    assert buddies_db(lambda: db.session.scalar(select(func.count(BuddyRequest.id)).where(
        BuddyRequest.status == "open"))) == 3
    client.post("/konto/anmelden", data={"email": "mitglied@example.org",
                                         "password": "alumni-demo"})
    html = client.get("/buddys/").get_data(as_text=True)
    assert "Dein Buddy-Paar" in html and "Anfragen an dich" in html
    newcomer_email = buddies_db(lambda: db.session.scalar(
        select(BuddyRequest).where(BuddyRequest.status == "open").order_by(BuddyRequest.id))
        .user.email)
    client.post("/konto/abmelden")
    client.post("/konto/anmelden", data={"email": newcomer_email, "password": "alumni-demo"})
    html = client.get("/buddys/").get_data(as_text=True)
    assert "Passende Buddys für dich" in html and "gemeinsame" in html
