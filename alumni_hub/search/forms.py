"""The search form: read from the query string (a GET form, so no CSRF token)."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from wtforms import Form, SelectField, StringField
from wtforms.fields.choices import SelectChoice

from alumni_hub.core.db import utcnow
from alumni_hub.core.urls import page_number, parse_db_int
from alumni_hub.search.queries import SearchParams
from alumni_hub.search.syntax import MAX_QUERY

PERIODS = {"woche": timedelta(days=7), "monat": timedelta(days=31),
           "jahr": timedelta(days=366)}


class SearchForm(Form):
    FIELDS = ("q", "art", "kategorie", "autor", "zeit", "seite")
    q = StringField(_l("Suchbegriffe"))
    art = StringField()
    kategorie = SelectField(_l("Kategorie"), choices=[], validate_choice=False)
    autor = StringField()
    zeit = SelectField(_l("Zeitraum"), validate_choice=False, choices=[
        SelectChoice("", _l("Jederzeit")), SelectChoice("woche", _l("Letzte 7 Tage")),
        SelectChoice("monat", _l("Letzte 31 Tage")), SelectChoice("jahr", _l("Letztes Jahr"))])
    seite = StringField()

    def text(self) -> str:
        return (self.q.data or "").strip()

    def check(self) -> None:
        """Messages next to the field; the search still runs on what can be used."""
        text = self.text()
        if not text and self.q.raw_data:  # an empty search sent, not the first visit
            self.q.errors = [_l("Gib ein oder mehrere Suchwörter ein.")]
        elif len(text) > MAX_QUERY:
            self.q.errors = [_l("Die Suche berücksichtigt nur die ersten %(max)s Zeichen.",
                                max=MAX_QUERY)]

    def params(self, kinds: set[str]) -> SearchParams:
        """Unknown kinds, periods and ids are ignored, never an error page."""
        period = PERIODS.get(self.zeit.data or "")
        return SearchParams(
            text=self.text()[:MAX_QUERY], kind=self.art.data if self.art.data in kinds else "",
            category=(self.kategorie.data or "")[:120], author_id=parse_db_int(self.autor.data),
            since=utcnow() - period if period else None,
            page=page_number(self.seite.data))
