"""Pure text helpers shared by features: URL slugs, free-tag lists, visible text and names."""
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


# Characters that draw nothing: format characters (zero-width space and joiners, word
# joiner, BOM, bidi marks), plus the few that Unicode files elsewhere but fonts leave
# blank (Hangul fillers, braille blank, Mongolian vowel separator is Cf already).
_BLANK_OTHERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u034f"}
# Bidi embeddings, overrides and isolates, and the marks: they reorder the text around
# them, so a name with them can show as another string than it is.
_BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                     "\u2066\u2067\u2068\u2069")


def visible_text(text: str | None) -> str:
    """`text` without whitespace and characters that draw nothing; '' if nothing shows."""
    return "".join(ch for ch in (text or "") if not ch.isspace()
                   and unicodedata.category(ch) != "Cf" and ch not in _BLANK_OTHERS)


def name_problem(name: str) -> str | None:
    """Why `name` (already NFKC-normalised) cannot be a display name, or None.

    Returns "control" (control characters, line breaks, NUL), "bidi" (direction
    overrides) or "invisible" (nothing a reader would see).
    """
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return "control"
    if any(ch in _BIDI_CONTROLS for ch in name):
        return "bidi"
    if not visible_text(name):
        return "invisible"
    return None


def normalize_name(name: str | None) -> str:
    """NFKC form with runs of spaces collapsed: ｆｕｌｌ-width and ligature look-alikes
    become the plain letters they show, so two names that look the same compare equal."""
    return re.sub(" {2,}", " ", unicodedata.normalize("NFKC", name or "")).strip(" ")


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
