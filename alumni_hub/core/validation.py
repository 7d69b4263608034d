"""Shared input rules: required text of limited length, integers a database column can hold."""
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.text import visible_text

# The largest value a signed 64-bit database integer holds (SQLite INTEGER, PostgreSQL
# bigint): the bound for ids that are only looked up.
MAX_DB_INT = 2**63 - 1
# What an `Integer` column holds on PostgreSQL (`integer`): the bound for numbers we store.
MAX_COLUMN_INT = 2**31 - 1


def required_text(value: str | None, *, field: str, max_length: int, empty, too_long,
                  single_line: bool = False) -> str:
    """Stripped `value` (spaces collapsed if single_line); ValidationError(field=...) if it is
    empty (also: only zero-width or other invisible characters) or longer than max_length. `empty`/`too_long` are the (lazy) German messages."""
    text = " ".join((value or "").split()) if single_line else (value or "").strip()
    if not visible_text(text):
        raise ValidationError(empty, field=field)
    if len(text) > max_length:
        raise ValidationError(too_long, field=field)
    return text


def bounded_int(value, *, minimum: int = 1, maximum: int = MAX_DB_INT) -> int | None:
    """`value` (an int, or plain ASCII digits with an optional leading "-") as an int from
    minimum to maximum, else None.

    A larger number reaching a query raises OverflowError (SQLite) or DataError
    (PostgreSQL); "²" and "١٢" pass str.isdigit() but are no input anyone typed on purpose.
    """
    if isinstance(value, bool):
        return None
    if not isinstance(value, int):
        if not isinstance(value, str):
            return None
        digits = value.removeprefix("-")
        if not digits or len(digits) > 20 or not digits.isascii() or not digits.isdigit():
            return None
        value = int(value)
    return value if minimum <= value <= maximum else None
