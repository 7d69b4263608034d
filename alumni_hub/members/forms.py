"""Forms for the own profile and for the topic and cohort lists."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, Form, SearchField, SelectField, SelectMultipleField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, Length, ValidationError

from alumni_hub.core.text import split_tags
from alumni_hub.members.choices import bundesland_choices, network_type_choices
from alumni_hub.members.models import BUNDESLAENDER, NETWORK_TYPES

MAX_TAGS = 10
MAX_TAG_LENGTH = 30


def max_length(limit: int) -> Length:
    return Length(max=limit, message=_l("Bitte höchstens %(max)d Zeichen."))


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Anzeigename"), validators=[
        DataRequired(_l("Bitte gib einen Namen an.")), max_length(80)])
    organisation = StringField(_l("Organisation"), validators=[max_length(120)])
    network_name = StringField(_l("Name des Netzwerks"), validators=[max_length(120)])
    network_type = SelectField(_l("Art des Netzwerks"), choices=network_type_choices,
                               validate_choice=False)
    bundesland = SelectField(_l("Bundesland"), choices=bundesland_choices, validate_choice=False)
    city = StringField(_l("Ort"), validators=[max_length(80)])
    cohort = SelectField(_l("Kursdurchgang"), validate_choice=False)
    topics = SelectMultipleField(_l("Themen"), validate_choice=False)
    free_tags = StringField(_l("Eigene Schlagwörter"))
    can_help_with = TextAreaField(_l("Ich kann helfen bei"), validators=[max_length(1000)])
    seeks_help_with = TextAreaField(_l("Ich suche Unterstützung bei"),
                                    validators=[max_length(1000)])
    bio = TextAreaField(_l("Über mich"), validators=[max_length(5000)])
    listed_in_directory = BooleanField(_l("Im Mitgliederverzeichnis anzeigen"))
    show_email = BooleanField(_l("E-Mail-Adresse für Mitglieder sichtbar"))
    preview = SubmitField(_l("Vorschau"))
    submit = SubmitField(_l("Profil speichern"))

    def set_options(self, *, cohorts, topics) -> None:
        """Cohorts and topics come from the database, so the route fills them in."""
        self.cohort.choices = [("", str(_l("keine Angabe")))] + [
            (str(c.id), c.name) for c in cohorts]
        self.topics.choices = [(str(t.id), t.name) for t in topics]

    def validate_network_type(self, field):
        if field.data and field.data not in NETWORK_TYPES:
            raise ValidationError(_l("Bitte wähle eine Art aus der Liste."))

    def validate_bundesland(self, field):
        if field.data and field.data not in BUNDESLAENDER:
            raise ValidationError(_l("Bitte wähle ein Bundesland aus der Liste."))

    def validate_cohort(self, field):
        if field.data and field.data not in {value for value, _ in field.choices}:
            raise ValidationError(_l("Bitte wähle einen Kursdurchgang aus der Liste."))

    def validate_topics(self, field):
        known = {value for value, _ in field.choices}
        if any(value not in known for value in field.data or []):
            raise ValidationError(_l("Bitte wähle nur Themen aus der Liste."))

    def validate_free_tags(self, field):
        tags = split_tags(field.data)
        if len(tags) > MAX_TAGS:
            raise ValidationError(_l("Bitte höchstens %(max)d Schlagwörter.", max=MAX_TAGS))
        if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
            raise ValidationError(_l("Ein Schlagwort darf höchstens %(max)d Zeichen haben.",
                                     max=MAX_TAG_LENGTH))


class NameForm(FlaskForm):
    """Adding or renaming a topic or a cohort: just a name."""

    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Bitte gib einen Namen an.")), max_length(60)])
    submit = SubmitField(_l("Speichern"))


class DirectoryForm(Form):
    """The directory's search and filters (GET, so no CSRF token)."""

    q = SearchField(_l("Suche"))
    bundesland = SelectField(_l("Bundesland"), validate_choice=False,
                             choices=lambda: bundesland_choices(_l("Alle Bundesländer")))
    network_type = SelectField(_l("Art des Netzwerks"), validate_choice=False,
                               choices=lambda: network_type_choices(_l("Alle Arten")))
    cohort = SelectField(_l("Kursdurchgang"), validate_choice=False)
    topic = SelectField(_l("Thema"), validate_choice=False)

    def set_options(self, *, cohorts, topics) -> None:
        self.cohort.choices = [("", str(_l("Alle Kursdurchgänge")))] + [
            (str(c.id), c.name) for c in cohorts]
        self.topic.choices = [("", str(_l("Alle Themen")))] + [(t.slug, t.name) for t in topics]


class PhotoForm(FlaskForm):
    """One picture file; what it really is, is checked by members.photos, not by its name."""
    photo = FileField(_l("Foto"), validators=[FileRequired(_l("Bitte wähle ein Foto aus."))])
    submit = SubmitField(_l("Foto hochladen"))
