"""Form helpers: a service's refusal shown on its form, and integer fields a database can hold."""
from flask import flash
from wtforms.validators import NumberRange

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.validation import MAX_COLUMN_INT, MAX_DB_INT, bounded_int


def show_error(form, error: AlumniHubError, *, field: str | None = None) -> None:
    """Put `error.message` next to its form field, keeping everything that was typed.

    The field is the one the service named (`error.field`), else `field`; when the form
    has neither, the message is flashed above the form instead of being lost.
    """
    target = None
    for name in (error.field, field):
        if name and getattr(form, name, None) is not None:
            target = getattr(form, name)
            break
    if target is None:
        flash(str(error.message), "error")
        return
    target.errors = [*(target.errors or []), error.message]


def int_in_range(minimum: int, maximum: int, message) -> NumberRange:
    """Validator for an IntegerField whose number is stored: WTForms' IntegerField takes 30
    digits, which the database refuses with an error page, not a message by the field.
    `message` is the field's (lazy) German text; it may use %(min)s and %(max)s."""
    if not -MAX_COLUMN_INT - 1 <= minimum <= maximum <= MAX_COLUMN_INT:
        raise ValueError(f"{minimum}..{maximum} does not fit an Integer column")
    return NumberRange(minimum, maximum, message)


def db_id(value) -> int:
    """coerce= for select fields of ids: the id, or ValueError (the field then shows WTForms'
    German "invalid choice" message) for anything no query could take."""
    number = bounded_int(value, minimum=0, maximum=MAX_DB_INT)
    if number is None:
        raise ValueError(value)
    return number


def optional_db_id(value) -> int | None:
    """coerce= for a select field of ids whose route names a missing choice itself: the id,
    or None for empty, unreadable and out-of-range input."""
    return bounded_int(value, minimum=0, maximum=MAX_DB_INT)
