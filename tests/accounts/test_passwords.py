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
