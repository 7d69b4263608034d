"""The password policy: long enough, not common, not built from the user's email or name."""
import re
from functools import cache
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.text import visible_text

_COMMON_FILE = Path(__file__).with_name("common_passwords.txt")
_WORDS_FILE = Path(__file__).with_name("common_password_words.txt")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s", "!": "i"})
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# zxcvbn's estimate, 0-4; 3 means about 10^8 guesses: far beyond what the login throttle
# lets anyone try online.
MIN_SCORE = 3
# zxcvbn's matching grows faster than linearly with length; the first 64 characters
# decide, and a longer password is not weaker for its tail.
_ESTIMATE_PREFIX = 64


def _read_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines
                     if line.strip() and not line.startswith("#"))


@cache
def common_passwords() -> frozenset[str]:
    return _read_list(_COMMON_FILE)


@cache
def common_words() -> frozenset[str]:
    return _read_list(_WORDS_FILE)


def _letters(text: str) -> str:
    """The letters of `text`, case-folded, with digits read as the letters they mimic."""
    return _NOT_LETTERS.sub("", (text or "").casefold().translate(_LEET))


_DRESSING = "0123456789!?.,;:#*+-_$%&@/()[]{} "


def _cores(password: str) -> set[str]:
    """The word a password is built on: "Sommer2024!" and "!!Sommer24" -> "sommer"."""
    return {_letters(password), _letters(password.rstrip(_DRESSING)),
            _letters(password.strip(_DRESSING))} - {""}


def _is_common(password: str) -> bool:
    # "Sommer2024!", "P4ssw0rt!": a common word dressed up with digits and symbols.
    return (password.casefold() in common_passwords()
            or not _cores(password).isdisjoint(common_words()))


def _personal(email: str, name: str) -> set[str]:
    local_part = (email or "").split("@", 1)[0]
    parts = {email, local_part, name, *(name or "").split()}
    return {_letters(part) for part in parts if len(_letters(part)) >= 3}


def check_password(password: str, *, email: str = "", name: str = "",
                   field: str = "password") -> None:
    """Raise ValidationError (for `field`) if the password breaks the policy."""
    password = (password or "").strip()
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    # Zero-width and other invisible characters do not count: ten of them are no password.
    if len(visible_text(password.replace(" ", "x"))) < minimum:
        raise ValidationError(_l("Das Passwort muss mindestens %(n)s Zeichen lang sein "
                                 "(Leerzeichen am Anfang und Ende und unsichtbare Zeichen "
                                 "zählen nicht).", n=minimum), field=field)
    if not _cores(password).isdisjoint(_personal(email, name)):
        raise ValidationError(_l("Das Passwort darf nicht deiner E-Mail-Adresse oder deinem "
                                 "Namen entsprechen."), field=field)
    if _is_common(password):
        raise ValidationError(_l("Dieses Passwort ist zu verbreitet und leicht zu erraten "
                                 "(ein bekanntes Wort mit Zahlen oder Zeichen). Bitte wähle "
                                 "ein anderes."), field=field)
    estimate = zxcvbn(password[:_ESTIMATE_PREFIX], user_inputs=[email, name])
    if estimate["score"] < MIN_SCORE:
        raise ValidationError(_l("Dieses Passwort ist zu leicht zu erraten. Länger ist "
                                 "besser: z. B. drei, vier Wörter, die nicht zusammengehören."),
                              field=field)
