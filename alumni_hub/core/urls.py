"""Safe redirects: only to paths on this site."""
from urllib.parse import urlsplit


def safe_next(target: str | None, default: str) -> str:
    """Return `target` if it is a local path ("/foo?x"), else `default`.

    Rejects absolute URLs, scheme-relative "//host" and backslash tricks.
    """
    if not target:
        return default
    target = target.strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
