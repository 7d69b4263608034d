"""Forms of the buddy programme: offer, request, ask, answer, pair space, ending, rounds."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, Form, FieldList, FormField, HiddenField, IntegerField,
                     RadioField, SelectField, SelectMultipleField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from alumni_hub.buddies.models import MAX_CAPACITY, MIN_CAPACITY, REGION_ANY, REGION_NEAR
from alumni_hub.core.validation import bounded_int
from alumni_hub.members.choices import bundesland_choices, network_type_choices


def _int_or_none(value):
    """Empty means "none chosen"; anything unreadable becomes -1, which the service refuses
    with a German message (WTForms' own coercion error is English)."""
    if value in (None, ""):
        return None
    number = bounded_int(value, minimum=0)  # a larger id would overflow the query
    return -1 if number is None else number


def max_length(limit: int) -> Length:
    return Length(max=limit, message=_l("Bitte höchstens %(max)d Zeichen."))


def _topics_field(label):
    return SelectMultipleField(label, coerce=int, validators=[
        DataRequired(_l("Bitte wähle mindestens ein Thema."))])


class _TopicsForm(FlaskForm):
    def set_topics(self, topics) -> None:
        """Topics come from the database (members' curated list), so the route fills them in."""
        self.topics.choices = [(t.id, t.name) for t in topics]


class OfferForm(_TopicsForm):
    capacity = IntegerField(_l("Wie viele Neue kannst du gleichzeitig begleiten?"), validators=[
        InputRequired(_l("Bitte gib eine Zahl von 1 bis 5 an.")),
        NumberRange(MIN_CAPACITY, MAX_CAPACITY, _l("Bitte gib eine Zahl von 1 bis 5 an."))])
    topics = _topics_field(_l("Dabei kann ich helfen"))
    note = TextAreaField(_l("Kurze Notiz für Neue"), validators=[max_length(1000)])
    paused = BooleanField(_l("Pause – mich gerade nicht vorschlagen"))
    submit = SubmitField(_l("Angebot speichern"))


class RequestForm(_TopicsForm):
    topics = _topics_field(_l("Dabei brauche ich Unterstützung"))
    # Choices are checked by the service, whose messages are German and name the field.
    bundesland = SelectField(_l("Bundesland"), choices=bundesland_choices, validate_choice=False)
    network_type = SelectField(_l("Art des Netzwerks"), choices=network_type_choices,
                               validate_choice=False)
    region = RadioField(_l("Wo soll dein Buddy arbeiten?"), default=REGION_ANY, choices=[
        (REGION_ANY, _l("egal – Hauptsache, die Themen passen")),
        (REGION_NEAR, _l("im selben oder einem benachbarten Bundesland"))], validate_choice=False,
        validators=[InputRequired(_l("Bitte wähle eine der Möglichkeiten."))])
    note = TextAreaField(_l("Kurze Notiz"), validators=[max_length(1000)])
    submit = SubmitField(_l("Anfrage speichern"))


class AskForm(FlaskForm):
    message = TextAreaField(_l("Nachricht an den Buddy (optional)"), validators=[max_length(1000)])
    submit = SubmitField(_l("Als Buddy anfragen"))


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Antwort (optional)"), validators=[max_length(1000)])
    accept = SubmitField(_l("Annehmen"))
    decline = SubmitField(_l("Ablehnen"))


class GoalForm(FlaskForm):
    text = StringField(_l("Neues Ziel"), validators=[
        DataRequired(_l("Bitte schreib ein Ziel auf.")), max_length(200)])
    submit = SubmitField(_l("Hinzufügen"))


class GoalDoneForm(FlaskForm):
    done = HiddenField()  # "1" tick, "0" untick


class ContactForm(FlaskForm):
    details = TextAreaField(_l("Meine Kontaktdaten für meinen Buddy"), validators=[max_length(500)])
    submit = SubmitField(_l("Teilen"))


class CheckInForm(FlaskForm):
    answer = RadioField(_l("Wie läuft es?"), choices=[
        ("good", _l("läuft gut")), ("help", _l("brauchen Hilfe")), ("paused", _l("ruht"))],
        validate_choice=False,
        validators=[InputRequired(_l("Bitte wähle eine der drei Antworten."))])
    submit = SubmitField(_l("Antworten"))


class EndForm(FlaskForm):
    rating = SelectField(_l("Wie war die Begleitung? (optional)"), coerce=_int_or_none,
                         validate_choice=False, validators=[Optional()], choices=[
                             ("", _l("keine Angabe")), ("5", _l("5 – sehr hilfreich")),
                             ("4", "4"), ("3", "3"), ("2", "2"), ("1", _l("1 – gar nicht"))])
    comment = TextAreaField(_l("Rückmeldung an die Moderation (optional)"),
                            validators=[max_length(1000)])
    submit = SubmitField(_l("Begleitung beenden"))


class ProposalRowForm(Form):
    request_id = HiddenField()
    # Any buddy may be chosen by hand; confirm_round refuses paused, excluded, full and
    # deactivated ones.
    buddy_id = SelectField(_l("Buddy"), coerce=_int_or_none, validate_choice=False)


class RoundForm(FlaskForm):
    rows = FieldList(FormField(ProposalRowForm))
    submit = SubmitField(_l("Paare bestätigen"))
