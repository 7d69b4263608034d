"""The password policy on its own: length, common passwords, the email's local part."""
import pytest

from alumni_hub.accounts.passwords import check_password, common_passwords
from alumni_hub.core.errors import ValidationError


def test_common_password_list_is_large_and_includes_german_favourites():
    common = common_passwords()
    assert len(common) >= 200
    assert {"passwort123", "hallo12345", "1234567890", "qwertz123"} <= common


@pytest.mark.parametrize("password", ["PASSWORT123", "Hallo12345", "QwErTz1234"])
def test_common_passwords_are_refused_whatever_the_case(app, password):
    with app.app_context(), pytest.raises(ValidationError) as caught:
        check_password(password)
    assert caught.value.field == "password"


def test_password_equal_to_the_email_local_part_is_refused(app):
    with app.app_context(), pytest.raises(ValidationError, match="E-Mail-Adresse"):
        check_password("Karl.Kiebitz", email="karl.kiebitz@example.org")


def test_too_short_password_names_the_minimum(app):
    with app.app_context(), pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        check_password("ab1!ab1!a")


def test_long_uncommon_password_is_accepted(app):
    with app.app_context():
        check_password("Wattwurm-Sonnendeck-9", email="karl@example.org")


@pytest.mark.parametrize("password", ["Sommer2024!", "P4ssw0rt!!2024", "!!Dezember1990",
                                      "Winter2025#", "Qwertz12345"])
def test_common_word_with_digits_and_symbols_is_refused_saying_why(app, password):
    with app.app_context(), pytest.raises(ValidationError) as caught:
        check_password(password)
    assert "zu verbreitet" in str(caught.value.message) or "zu leicht" in str(
        caught.value.message)


def test_ten_zero_width_spaces_are_not_a_password(app):
    with app.app_context(), pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        check_password("\u200b" * 10)


def test_spaces_around_the_password_do_not_count(app):
    with app.app_context(), pytest.raises(ValidationError, match="mindestens 10 Zeichen"):
        check_password("   ab1!ab1!a   ")


@pytest.mark.parametrize(("password", "email", "name"), [
    ("jana.kroeger@example.org", "jana.kroeger@example.org", ""),
    ("Jana.Kroeger2024", "jana.kroeger@example.org", ""),
    ("JanaKröger!!", "x@example.org", "Jana Kröger"),
    ("Mustermann1975", "e@example.org", "Erika Mustermann"),
])
def test_password_built_from_the_email_or_the_name_is_refused(app, password, email, name):
    with app.app_context(), pytest.raises(ValidationError) as caught:
        check_password(password, email=email, name=name)
    assert "E-Mail-Adresse oder deinem Namen" in str(caught.value.message) or "leicht" in str(
        caught.value.message)


def test_registration_refuses_sommer2024_with_a_german_message(client, make_invitation):
    token = make_invitation(email="neu@example.org")
    page = client.post(f"/konto/einladung/{token}", data={
        "display_name": "Neu Mitglied", "password": "Sommer2024!",
        "password_confirm": "Sommer2024!", "locale": "de"}).get_data(as_text=True)
    assert "Dieses Passwort ist zu verbreitet" in page
