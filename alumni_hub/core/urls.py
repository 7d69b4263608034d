"""URL helpers: safe redirects, and integers in URLs that the database can hold."""
from urllib.parse import urlsplit

from flask import current_app
from werkzeug.routing import IntegerConverter

from alumni_hub.core.validation import MAX_DB_INT, bounded_int

# Far beyond any list here, and small enough that OFFSET = (page - 1) * per_page stays a
# database integer.
MAX_PAGE = 1_000_000


def safe_next(target: str | None, default: str) -> str:
    """Return `target` if it is a local path ("/foo?x"), else `default`.

    Rejects absolute URLs, scheme-relative "//host", backslash tricks and control
    characters (CR/LF in a Location header is header injection; Werkzeug refuses it with
    a 500).
    """
    if not target:
        return default
    target = target.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return default
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


class BoundedIntegerConverter(IntegerConverter):
    """The `int` URL converter, capped at MAX_DB_INT.

    A larger id can name no row, but reaching the database it raises OverflowError
    (SQLite) or DataError (PostgreSQL); capped, the URL simply does not match: 404.
    """

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min,
                         max=MAX_DB_INT if max is None else max, signed=signed)


def parse_db_int(value: str | None) -> int | None:
    """`value` as an int a database column can hold, or None (also for "²", which
    str.isdigit() accepts but int() does not)."""
    if not value or not value.isascii() or not value.isdigit():
        return None
    return bounded_int(value, minimum=0)


def page_number(value) -> int:
    """A page number from a query parameter (`?page=`, `?seite=`) or a route: 1 for anything
    unreadable, below 1 or beyond MAX_PAGE. A page that cannot exist is no reason for an
    error page; the list simply starts at the beginning."""
    return bounded_int(value, minimum=1, maximum=MAX_PAGE) or 1


def site_path(endpoint: str, **values) -> str:
    """The path of `endpoint` on this site, without a request (CLI, cron, service code)."""
    return current_app.url_map.bind("").build(endpoint, values)


def absolute_url(endpoint: str | None = None, *, path: str | None = None, **values) -> str:
    """A link for an email, built on BASE_URL: there is no request when cron sends mail."""
    base = urlsplit(current_app.config["BASE_URL"])
    if path is None:
        adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/",
                                           url_scheme=base.scheme or "https")
        return adapter.build(endpoint, values, force_external=True)
    if not path.startswith("/"):
        path = "/" + path
    return f"{base.scheme}://{base.netloc}{base.path.rstrip('/')}{path}"


def plain_query_args(args, view_args: dict | None) -> dict[str, list[str]]:
    """The query arguments that may be passed on to url_for() with the same endpoint.

    Dropped: url_for's own options (`_external`, `_method`, … and `endpoint`, its first
    parameter) and names that are also path arguments (`?slug=` on a /<slug> route), which
    would break or bend the link.
    """
    view_args = view_args or {}
    return {key: values for key, values in args.lists()
            if not key.startswith("_") and key != "endpoint" and key not in view_args}
