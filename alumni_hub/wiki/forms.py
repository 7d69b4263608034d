"""Forms of the wiki: create/edit with preview, rename, and turning a post into a tip."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (HiddenField, RadioField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EditPageForm(FlaskForm):
    # Empty titles and bodies are checked by the services, which give the German message.
    body = TextAreaField(_l("Text (Markdown)"))
    summary = StringField(_l("Zusammenfassung der Änderung"), validators=[
        Optional(), Length(max=200, message=_l("Höchstens 200 Zeichen."))])
    topics = MultiCheckboxField(_l("Themen"), coerce=int, validators=[Optional()])
    # The revision the text was loaded from: a newer current revision means someone else saved.
    base_revision_id = HiddenField()
    preview = SubmitField(_l("Vorschau"))
    save = SubmitField(_l("Speichern"))


class CreatePageForm(EditPageForm):
    title = StringField(_l("Titel"), validators=[Length(max=150, message=_l(
        "Der Titel ist zu lang (höchstens 150 Zeichen)."))])


class RenameForm(FlaskForm):
    title = StringField(_l("Neuer Titel"), validators=[Length(max=150, message=_l(
        "Der Titel ist zu lang (höchstens 150 Zeichen)."))])
    submit = SubmitField(_l("Umbenennen"))


class PromoteForm(FlaskForm):
    mode = RadioField(_l("Ziel"), choices=[("new", _l("Neue Wiki-Seite anlegen")),
                                           ("append", _l("An bestehende Seite anhängen"))],
                      default="new")
    title = StringField(_l("Titel der neuen Seite"), validators=[Length(max=150)])
    page_id = SelectField(_l("Bestehende Seite"), coerce=int, validate_choice=False)
    body = TextAreaField(_l("Text für das Wiki (Markdown)"))
    submit = SubmitField(_l("Ins Wiki übernehmen"))
