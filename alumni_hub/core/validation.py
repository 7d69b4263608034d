"""One rule for required text of limited length, with the German messages of each field."""
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.text import visible_text


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
