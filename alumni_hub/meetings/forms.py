"""Forms of meetings: series, meetings, answers, topics, agenda, recap, polls."""
from datetime import datetime, timezone

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (DateField, HiddenField, IntegerField, RadioField, SelectField, StringField,
                     SubmitField, TextAreaField, TimeField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional
from wtforms.validators import ValidationError as WTFValidationError

from alumni_hub.meetings.models import FORMATS, HYBRID, IN_PERSON, ONLINE, TOPIC_STATES
from alumni_hub.meetings.recurrence import BERLIN, exists_in_berlin
from alumni_hub.meetings.validation import Place

NUMBER = _l("Bitte gib eine ganze Zahl ein.")
FORMAT_LABELS = {ONLINE: _l("Online (Videokonferenz)"), IN_PERSON: _l("Vor Ort"),
                 HYBRID: _l("Hybrid (vor Ort und online)")}
WEEKDAYS = [_l("Montag"), _l("Dienstag"), _l("Mittwoch"), _l("Donnerstag"), _l("Freitag"),
            _l("Samstag"), _l("Sonntag")]
WEEKS = [SelectChoice(n, label) for n, label in (
    (1, _l("ersten")), (2, _l("zweiten")), (3, _l("dritten")), (4, _l("vierten")),
    (5, _l("fünften")), (-1, _l("letzten")))]
STATE_LABELS = {"proposed": _l("vorgeschlagen"), "accepted": _l("angenommen"),
                "rejected": _l("abgelehnt"), "discussed": _l("besprochen"),
                "moved": _l("aufs nächste Treffen verschieben")}


class _GermanParse:
    """WTForms' own complaint about unreadable input replaced by our German sentence."""

    unreadable = NUMBER

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.unreadable)) from None


class NumberField(_GermanParse, IntegerField):
    pass


class DayField(_GermanParse, DateField):
    unreadable = _l("Bitte gib ein gültiges Datum an.")


class ClockField(_GermanParse, TimeField):
    unreadable = _l("Bitte gib eine Uhrzeit wie 19:00 an.")


def _date(label):
    return DayField(label, validators=[InputRequired(_l("Bitte gib ein Datum an."))])


def _time(label):
    return ClockField(label, validators=[InputRequired(_l("Bitte gib eine Uhrzeit an."))])


class PlaceFields:
    format = RadioField(_l("Format"), default=ONLINE,
                        choices=[SelectChoice(f, FORMAT_LABELS[f]) for f in FORMATS])
    video_url = StringField(_l("Videolink"), validators=[Optional()])
    venue = StringField(_l("Ort"), validators=[Optional()])
    address = StringField(_l("Adresse"), validators=[Optional()])
    capacity = NumberField(_l("Plätze vor Ort (leer: keine Grenze)"),
                            validators=[Optional()], render_kw={"inputmode": "numeric"})
    description = TextAreaField(_l("Beschreibung"), validators=[Optional()])

    def place(self) -> Place:
        return Place(format=self.format.data, video_url=self.video_url.data or "",
                     venue=self.venue.data or "", address=self.address.data or "",
                     capacity=self.capacity.data, description_md=self.description.data or "")


class SeriesForm(PlaceFields, FlaskForm):
    title = StringField(_l("Titel"), default="Alumni-Treffen")
    interval_months = NumberField(_l("Alle … Monate"), default=2,
                                   validators=[InputRequired(NUMBER)])
    day_rule = RadioField(_l("Tag"), default="weekday", choices=[
        SelectChoice("weekday", _l("Wochentag im Monat")),
        SelectChoice("day", _l("fester Tag im Monat"))])
    week_of_month = SelectField(_l("am"), coerce=int, default=2, choices=WEEKS)
    weekday = SelectField(_l("Wochentag"), coerce=int, default=1,
                          choices=[SelectChoice(n, day) for n, day in enumerate(WEEKDAYS)])
    day_of_month = NumberField(_l("Tag im Monat"), default=1, validators=[Optional()])
    start_time = _time(_l("Beginn (Berliner Zeit)"))
    duration_minutes = NumberField(_l("Dauer in Minuten"), default=90,
                                    validators=[InputRequired(NUMBER)])
    first_day = _date(_l("Erster möglicher Tag"))
    apply_to = RadioField(_l("Änderung gilt für"), default="all", choices=[
        SelectChoice("all", _l("alle künftigen Treffen der Reihe")),
        SelectChoice("new", _l("nur neu angelegte Treffen"))])
    submit = SubmitField(_l("Speichern"))


class MeetingForm(PlaceFields, FlaskForm):
    title = StringField(_l("Titel"))
    day = _date(_l("Datum"))
    start_time = _time(_l("Beginn (Berliner Zeit)"))
    end_time = _time(_l("Ende"))
    submit = SubmitField(_l("Speichern"))


class RsvpForm(FlaskForm):
    answer = HiddenField()


class EmptyForm(FlaskForm):
    """Buttons that only need CSRF protection: vote, cancel, renew, publish."""


class TopicForm(FlaskForm):
    title = StringField(_l("Thema"))
    description = TextAreaField(_l("Kurze Beschreibung"), validators=[Optional()])
    thread = HiddenField()
    submit = SubmitField(_l("Thema vorschlagen"))


class AgendaItemForm(FlaskForm):
    status = SelectField(_l("Status"), choices=[SelectChoice(s, STATE_LABELS[s])
                                                for s in (*TOPIC_STATES, "moved")])
    position = NumberField(_l("Reihenfolge"), validators=[Optional()])
    slot_minutes = NumberField(_l("Minuten"), validators=[Optional()])
    presenter_id = SelectField(_l("Stellt vor"), coerce=int, default=0)
    submit = SubmitField(_l("Übernehmen"))


class RecapForm(FlaskForm):
    attendees = TextAreaField(_l("Wer war dabei"), validators=[Optional()])
    body = TextAreaField(_l("Protokoll (Markdown)"), validators=[Optional()])
    submit = SubmitField(_l("Entwurf speichern"))


class PublishForm(FlaskForm):
    category_id = SelectField(_l("Diskussion im Forum eröffnen"), coerce=int, default=0)
    submit = SubmitField(_l("Protokoll veröffentlichen"))


def parse_options(text: str) -> list[datetime]:
    """One candidate per line, "14.03.2027 18:00" in Berlin time, as UTC datetimes."""
    moments = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            local = datetime.strptime(" ".join(line.split()), "%d.%m.%Y %H:%M")
        except ValueError:
            raise WTFValidationError(_l("Zeile %(n)s ist kein Termin wie „14.03.2027 18:00“.",
                                        n=number)) from None
        if not exists_in_berlin(local.date(), local.time()):
            raise WTFValidationError(_l("Zeile %(n)s: Diese Uhrzeit gibt es an diesem Tag wegen "
                                        "der Umstellung auf Sommerzeit nicht.", n=number))
        moments.append(local.replace(tzinfo=BERLIN).astimezone(timezone.utc))
    return moments


class PollForm(PlaceFields, FlaskForm):
    title = StringField(_l("Titel"))
    options = TextAreaField(_l("Termine zur Auswahl (einer pro Zeile, z. B. 14.03.2027 18:00)"))
    duration_minutes = NumberField(_l("Dauer in Minuten"), default=120,
                                    validators=[InputRequired(NUMBER)])
    submit = SubmitField(_l("Abstimmung starten"))

    def validate_options(self, field):
        parse_options(field.data)


class DecideForm(FlaskForm):
    option_id = NumberField(validators=[Optional()])
    submit = SubmitField(_l("Diesen Termin festlegen"))
