"""In a real browser: a moderator invites someone, who registers from the emailed link."""
import re

from sqlalchemy import select

from alumni_hub.core.mail import OutboxEmail
from alumni_hub.extensions import db


def _emailed_path(app) -> str:
    with app.app_context():
        text = db.session.scalar(select(OutboxEmail.text_body).order_by(OutboxEmail.id.desc()))
    return re.search(r"https?://[^/\s]+(/\S+)", text).group(1)


def test_invited_person_registers_from_the_emailed_link(app, new_page, make_user, login_as):
    moderator_page = new_page()
    login_as(moderator_page, make_user(role="moderator", display_name="Mo Moderatorin"))
    moderator_page.goto("/konto/einladen")
    moderator_page.fill("textarea[name=emails]", "neu@example.org")
    moderator_page.click("input[type=submit]")
    assert "1 Einladung verschickt." in moderator_page.content()

    page = new_page()
    page.goto(_emailed_path(app))
    assert page.input_value("#invited-email") == "neu@example.org"
    page.fill("input[name=display_name]", "Nele Neu")
    page.fill("input[name=password]", "zu-kurz")
    page.fill("input[name=password_confirm]", "zu-kurz")
    page.click("input[type=submit]")
    assert "mindestens 10 Zeichen" in page.content()
    assert "Bitte wähle, ob du im Verzeichnis erscheinen möchtest." in page.content()
    assert page.input_value("input[name=display_name]") == "Nele Neu"
    page.check("input[name=listed_in_directory][value=nein]")
    page.fill("input[name=password]", "Leuchtturm-Emden-77")
    page.fill("input[name=password_confirm]", "Leuchtturm-Emden-77")
    page.click("input[type=submit]")
    page.wait_for_url(lambda url: "/konto/einladung/" not in url)
    assert "Willkommen im Alumni Hub, Nele Neu!" in page.content()
