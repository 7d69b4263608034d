"""Wiki page slugs: the shared slugify() plus the wiki's reserved paths and title rules."""
import re

from alumni_hub.core.text import slugify as _slugify

MAX_SLUG_LENGTH = 120

# Fixed paths of the wiki blueprint; a page may not take one of them as its slug.
RESERVED = {"neu", "aenderungen", "veraltet", "geloescht", "aus-beitrag", "vorschau",
            "gewuenscht"}


def slugify(title: str) -> str:
    """'Förderprogramme für Straße & Schule' → 'foerderprogramme-fuer-strasse-schule'."""
    return _slugify(title, max_length=MAX_SLUG_LENGTH)


def page_slug(title: str) -> str:
    """The slug for a page title; titles that clash with a fixed path get a suffix."""
    slug = slugify(title)
    return f"{slug}-seite" if slug in RESERVED else slug


def normalize_title(title: str | None) -> str:
    """Trim and collapse whitespace, so 'Praktikums  woche ' and 'Praktikums woche' are one."""
    return re.sub(r"\s+", " ", title or "").strip()
