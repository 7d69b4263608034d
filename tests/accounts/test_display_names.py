"""Display names: one rule for registration, create-admin and the profile form."""
import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.accounts.services.names import clean_display_name
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from tests.accounts.builders import STRONG_PASSWORD


@pytest.mark.parametrize(("raw", "stored"), [
    ("  Jana   Kröger ", "Jana Kröger"),
    ("Ｊａｎａ Ｋｒöｇｅｒ", "Jana Kröger"),   # full-width letters look the same: NFKC
    ("ﬁona Weiß", "fiona Weiß"),             # the ligature becomes two letters
])
def test_names_are_nfkc_normalised_and_spaces_collapsed(app, raw, stored):
    with app.app_context():
        assert clean_display_name(raw) == stored


@pytest.mark.parametrize(("raw", "message"), [
    ("\u200b\u200b\u200b", "sichtbare Buchstaben"),
    ("\u2800\u3164", "sichtbare Buchstaben"),
    ("Jana\r\nBcc: alle@example.org", "Steuerzeichen"),
    ("Jana\x00Kröger", "Steuerzeichen"),
    ("Jana \u202egeröK", "Schreibrichtung"),
    ("Jana \u2066Kröger\u2069", "Schreibrichtung"),
])
def test_invisible_control_and_bidi_names_are_refused(app, raw, message):
    with app.app_context(), pytest.raises(ValidationError, match=message) as caught:
        clean_display_name(raw)
    assert caught.value.field == "display_name"


@pytest.mark.parametrize("twin", ["Jana Kröger", "JANA KRÖGER", "jana  kröger",
                                  "Ｊａｎａ Ｋｒöｇｅｒ"])
def test_another_members_name_is_refused_case_insensitively(app, make_user, twin):
    make_user(display_name="Jana Kröger")
    with app.app_context(), pytest.raises(ValidationError, match="anderes Mitglied"):
        clean_display_name(twin)


def test_keeping_the_own_name_is_no_clash(app, make_user):
    user = make_user(display_name="Jana Kröger")
    with app.app_context():
        assert clean_display_name("jana kröger", user_id=user.id) == "jana kröger"


def test_registration_refuses_a_taken_name_and_keeps_the_input(client, make_user,
                                                               make_invitation, app):
    make_user(display_name="Jana Kröger")
    token = make_invitation(email="neu@example.org")
    page = client.post(f"/konto/einladung/{token}", data={
        "display_name": "jana kröger", "password": STRONG_PASSWORD,
        "password_confirm": STRONG_PASSWORD, "locale": "de",
        "listed_in_directory": "nein"}).get_data(as_text=True)
    assert "Diesen Namen trägt schon ein anderes Mitglied" in page
    assert 'value="jana kröger"' in page
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "neu@example.org")) is None


def test_profile_edit_refuses_a_zero_width_name(client, auth, profile_form):
    auth.login()
    page = client.post("/mitglieder/profil", data=profile_form(
        display_name="\u200b\u200b")).get_data(as_text=True)
    assert "Der Name muss sichtbare Buchstaben enthalten." in page


def test_create_admin_refuses_a_name_with_a_line_break(runner, app):
    result = runner.invoke(args=["create-admin", "chef@example.org", "--name",
                                 "Chef\nin", "--password", STRONG_PASSWORD])
    assert result.exit_code != 0 and "Steuerzeichen" in result.output
