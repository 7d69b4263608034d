"""Checks of meeting input shared by series, meetings and date polls (no database)."""
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import ValidationError
from alumni_hub.meetings.models import FORMATS, ONLINE

TITLE_MAX = 200
TEXT_MAX = 5000
DURATION_MIN, DURATION_MAX = 15, 12 * 60
URL_MAX = 500        # the column's length: longer links would not fit (PostgreSQL refuses)
CAPACITY_MAX = 10000  # beyond any venue; also keeps numbers inside the INTEGER column


@dataclass(frozen=True)
class Place:
    format: str = ONLINE
    video_url: str = ""
    venue: str = ""
    address: str = ""
    capacity: int | None = None
    description_md: str = ""


def clean_title(title: str | None, *, field: str = "title") -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(_l("Bitte gib einen Titel ein."), field=field)
    if len(title) > TITLE_MAX:
        raise ValidationError(_l("Der Titel darf höchstens %(max)s Zeichen lang sein.",
                                 max=TITLE_MAX), field=field)
    return title


def clean_text(text: str | None, *, field: str) -> str:
    text = (text or "").strip()
    if len(text) > TEXT_MAX:
        raise ValidationError(_l("Der Text darf höchstens %(max)s Zeichen lang sein.",
                                 max=TEXT_MAX), field=field)
    return text


def clean_duration(minutes: int | None) -> int:
    if minutes is None or not DURATION_MIN <= minutes <= DURATION_MAX:
        raise ValidationError(_l("Die Dauer muss zwischen %(low)s und %(high)s Minuten liegen.",
                                 low=DURATION_MIN, high=DURATION_MAX), field="duration_minutes")
    return minutes


def is_web_link(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def clean_place(place: Place) -> Place:
    """The place with whitespace trimmed; a clear message for each field that does not fit."""
    if place.format not in FORMATS:
        raise ValidationError(_l("Bitte wähle, ob das Treffen online, vor Ort oder hybrid "
                                 "stattfindet."), field="format")
    video_url = (place.video_url or "").strip()
    if len(video_url) > URL_MAX:
        raise ValidationError(_l("Der Videolink darf höchstens %(max)s Zeichen lang sein.",
                                 max=URL_MAX), field="video_url")
    if video_url and not is_web_link(video_url):
        raise ValidationError(_l("Der Videolink muss eine Webadresse sein, die mit http:// "
                                 "oder https:// beginnt."), field="video_url")
    venue, address = (place.venue or "").strip(), (place.address or "").strip()
    if place.format != ONLINE and not (venue or address):
        raise ValidationError(_l("Bitte gib an, wo das Treffen stattfindet."), field="venue")
    if place.capacity is not None and not 1 <= place.capacity <= CAPACITY_MAX:
        raise ValidationError(_l("Die Zahl der Plätze muss zwischen 1 und %(max)s liegen – "
                                 "oder leer bleiben, wenn es keine Grenze gibt.",
                                 max=CAPACITY_MAX), field="capacity")
    return Place(format=place.format, video_url=video_url, venue=venue[:200],
                 address=address[:300], capacity=place.capacity,
                 description_md=clean_text(place.description_md, field="description"))
