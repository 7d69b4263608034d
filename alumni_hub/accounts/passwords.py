"""The password policy: long enough, not a common password, not the email's local part."""
from functools import cache
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import ValidationError

_COMMON_FILE = Path(__file__).with_name("common_passwords.txt")


@cache
def common_passwords() -> frozenset[str]:
    lines = _COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines
                     if line.strip() and not line.startswith("#"))


def check_password(password: str, *, email: str = "", field: str = "password") -> None:
    """Raise ValidationError (for `field`) if the password breaks the policy."""
    password = password or ""
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        raise ValidationError(_l("Das Passwort muss mindestens %(n)s Zeichen lang sein.",
                                 n=minimum), field=field)
    folded = password.casefold()
    if folded in common_passwords():
        raise ValidationError(_l("Dieses Passwort ist zu verbreitet und leicht zu erraten. "
                                 "Bitte wähle ein anderes."), field=field)
    local_part = (email or "").split("@", 1)[0].casefold()
    if local_part and folded == local_part:
        raise ValidationError(_l("Das Passwort darf nicht deiner E-Mail-Adresse entsprechen."),
                              field=field)
