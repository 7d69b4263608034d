"""The one rule for display names, used by registration, create-admin and the profile form.

Names are unique case-insensitively (after NFKC): mentions resolve by name (`@[Jana
Kröger]`), and a second "Jana Kröger" could receive another's mentions or pose as her.
Resolving mentions by id instead would need a picker in every text box and leave the
look-alike problem on every page that shows a name.
"""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.text import name_problem, normalize_name
from alumni_hub.extensions import db

MIN_LENGTH, MAX_LENGTH = 2, 80

_PROBLEMS = {
    "control": _l("Der Name darf keine Steuerzeichen oder Zeilenumbrüche enthalten."),
    "bidi": _l("Der Name darf keine Zeichen enthalten, die die Schreibrichtung umkehren."),
    "invisible": _l("Der Name muss sichtbare Buchstaben enthalten."),
}


def clean_display_name(name: str | None, *, user_id: int | None = None,
                       field: str = "display_name") -> str:
    """The name as it will be stored, or ValidationError(field=...) saying what is wrong.

    `user_id` is the account being renamed: keeping one's own name is no clash.
    """
    name = normalize_name(name)
    problem = name_problem(name)
    if problem:
        raise ValidationError(_PROBLEMS[problem], field=field)
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise ValidationError(_l("Der Name muss 2 bis 80 Zeichen lang sein."), field=field)
    if _taken(name, user_id):
        raise ValidationError(_l("Diesen Namen trägt schon ein anderes Mitglied. Bitte "
                                 "ergänze ihn, z. B. um einen zweiten Vornamen oder den Ort."),
                              field=field)
    return name


def _taken(name: str, user_id: int | None) -> bool:
    # SQLite's lower() folds ASCII only, so the database narrows by length and Python
    # compares casefolded: "JANA KRÖGER" == "jana kröger" on both databases.
    wanted = name.casefold()
    stmt = select(User.display_name).where(func.length(User.display_name) == len(name))
    if user_id is not None:
        stmt = stmt.where(User.id != user_id)
    return any(normalize_name(other).casefold() == wanted
               for other in db.session.scalars(stmt))
