"""Forms of the wiki: create/edit with preview, rename, and turning a post into a tip."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (HiddenField, RadioField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional
from wtforms.validators import ValidationError as FieldError
from wtforms.widgets import CheckboxInput, ListWidget

from alumni_hub.core.forms import db_id, optional_db_id
from alumni_hub.wiki.services.creation import MAX_TITLE_LENGTH
from alumni_hub.wiki.slugs import normalize_title


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EditPageForm(FlaskForm):
    # Empty titles and bodies are checked by the services, which give the German message.
    body = TextAreaField(_l("Text (Markdown)"))
    summary = StringField(_l("Zusammenfassung der Änderung"), validators=[
        Optional(), Length(max=200, message=_l("Höchstens 200 Zeichen."))])
    topics = MultiCheckboxField(_l("Themen"), coerce=db_id, validators=[Optional()])
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


def promote_title(thread_title: str | None) -> str:
    """A page title from a thread title, which may be longer (200) than a page title allows."""
    title = normalize_title(thread_title)
    if len(title) <= MAX_TITLE_LENGTH:
        return title
    cut = title[:MAX_TITLE_LENGTH - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-") + "…"


class PromoteForm(FlaskForm):
    mode = RadioField(_l("Ziel"), choices=[SelectChoice("new", _l("Neue Wiki-Seite anlegen")),
                                           SelectChoice("append",
                                                        _l("An bestehende Seite anhängen"))],
                      default="new")
    # No Length validator: when appending, the (ignored) title must never block the form.
    title = StringField(_l("Titel der neuen Seite"))
    page_id = SelectField(_l("Bestehende Seite"), coerce=optional_db_id, validate_choice=False)
    body = TextAreaField(_l("Text für das Wiki (Markdown)"))
    submit = SubmitField(_l("Ins Wiki übernehmen"))

    def validate_title(self, field) -> None:
        if self.mode.data == "new" and len(normalize_title(field.data)) > MAX_TITLE_LENGTH:
            raise FieldError(_l("Der Titel ist zu lang (höchstens %(n)s Zeichen).",
                                n=MAX_TITLE_LENGTH))
