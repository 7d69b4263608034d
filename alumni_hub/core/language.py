"""Which language a page is shown in: the member's choice, else the remembered or asked one."""
from flask import has_request_context, request
from flask_login import current_user

LANGUAGES = ("de", "en")
LANGUAGE_COOKIE = "lang"


def select_locale() -> str:
    """Members get their account's language; visitors the one they picked in the header
    (cookie), else the best match for their browser's Accept-Language, German when unsure."""
    if not has_request_context():  # CLI commands and mails choose their language themselves
        return "de"
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default="de")
