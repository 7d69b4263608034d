"""Pure text helpers shared by features: URL slugs and free-tag lists."""
import re
import unicodedata

# German letters get their conventional ASCII spelling before anything else is stripped.
_TRANSLITERATION = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
    "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "Ss",
})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 80) -> str:
    """'Mädchen für MINT' -> 'maedchen-fuer-mint'. Empty input gives ''."""
    text = (text or "").translate(_TRANSLITERATION)
    # Other accents (é, ñ …) lose their marks instead of disappearing.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def split_tags(raw: str | None) -> list[str]:
    """Split a comma-separated tag list; trims, collapses spaces, drops '#' and duplicates.

    Duplicates are compared case-insensitively; the first spelling wins.
    """
    tags: list[str] = []
    seen: set[str] = set()
    for part in (raw or "").split(","):
        tag = " ".join(part.strip().lstrip("#").split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


def german_sort_key(text: str | None) -> tuple[str, str]:
    """Sort key for German lists (DIN 5007-1): case ignored, umlauts as their base letter,
    ß as ss – "Mädchen" before "MINT-Mobil", "Öffentlichkeitsarbeit" among the O's.

    Databases sort by bytes or by a server-dependent collation; sorting in Python with this
    key gives the same order on SQLite and PostgreSQL. The original text breaks ties.
    """
    text = text or ""
    base = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in base if not unicodedata.combining(c)), text


def initials(name: str | None) -> str:
    """'Anna-Lena Schmidt' -> 'AS', 'Mia' -> 'M': the stand-in for a missing photo."""
    words = [w for w in (name or "").replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
