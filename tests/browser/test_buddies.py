"""A newcomer requests a buddy, sees a suggestion with its reasons and asks; the buddy accepts;
both see the pair space; a moderator runs a round over three open requests and confirms it."""
from sqlalchemy import select

from alumni_hub.buddies.models import BuddyPair
from alumni_hub.extensions import db


def test_newcomer_finds_a_buddy_and_moderator_confirms_a_round(
        app, new_page, login_as, make_user, make_buddy_offer, make_buddy_request,
        buddy_topic_ids):
    buddy_topic_ids("Öffentlichkeitsarbeit", "Fördermittel", "Robotik")
    bea = make_buddy_offer(display_name="Bea Buddy", bundesland="HB",
                           topics=["Öffentlichkeitsarbeit", "Fördermittel"])
    nele = make_user(display_name="Nele Neu", bundesland="NI", network_type="zdi")

    newcomer = new_page()
    login_as(newcomer, nele)
    newcomer.goto("/buddys/")
    newcomer.click("text=Buddy finden")
    assert newcomer.input_value("select[name=bundesland]") == "NI"
    newcomer.check("input[name=topics] >> nth=0")
    newcomer.check("input[name=topics] >> nth=1")
    newcomer.click("input[name=submit]")
    suggestion = newcomer.locator(".buddy-suggestion").first
    assert "Bea Buddy" in suggestion.inner_text()
    assert "Nachbarland Bremen" in suggestion.locator(".reasons").inner_text()
    suggestion.locator("textarea[name=message]").fill("Hallo Bea, hilfst du mir?")
    suggestion.locator("button[type=submit]").click()
    assert "Deine Anfrage an Bea Buddy ist verschickt." in newcomer.content()

    buddy = new_page()
    login_as(buddy, bea)
    buddy.goto("/buddys/")
    ask = buddy.locator(".buddy-ask").first
    assert "Hallo Bea, hilfst du mir?" in ask.inner_text()
    ask.locator("textarea[name=answer]").fill("Sehr gern!")
    ask.locator("button[name=accept]").click()
    assert "Du und Nele Neu" in buddy.content()
    buddy.fill("input[name=text]", "Pressemitteilung schreiben")
    buddy.click("#ziele input[name=submit]")
    assert "Pressemitteilung schreiben" in buddy.content()

    newcomer.goto("/buddys/")
    newcomer.click("text=Zu eurem Bereich")
    assert "Du und Bea Buddy" in newcomer.content()
    assert "Pressemitteilung schreiben" in newcomer.content()

    for name in ("Rita Robotik", "Paul Presse", "Fiona Förder"):
        make_buddy_request(display_name=name, topics=["Öffentlichkeitsarbeit"])
    make_buddy_offer(display_name="Carl Coach", capacity=3, topics=["Öffentlichkeitsarbeit"])
    moderator = new_page()
    login_as(moderator, make_user(role="moderator", display_name="Moni Moderation"))
    moderator.goto("/buddys/moderation")
    moderator.click("text=Matching-Runde vorbereiten")
    assert moderator.locator("tr.proposal").count() == 3
    assert "Punkte" in moderator.locator("tr.proposal").first.inner_text()
    moderator.click("input[name=submit]")
    assert "3 Buddy-Paare bestätigt" in moderator.content()
    with app.app_context():
        assert len(db.session.scalars(select(BuddyPair)).all()) == 4  # Nele's and the round's
        db.session.remove()
