"""Forms of the boards: threads, replies, edits, moving, categories."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, HiddenField, IntegerField, RadioField, SelectField,
                     SelectMultipleField, StringField, SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.validators import ValidationError as WTFValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from alumni_hub.boards.models import KIND_DISCUSSION, KIND_QUESTION
from alumni_hub.boards.services.posts import BODY_MAX
from alumni_hub.boards.services.threads import TITLE_MAX
from alumni_hub.core.forms import int_in_range

BODY_REQUIRED = _l("Bitte schreibe einen Text.")
BODY_TOO_LONG = _l("Der Text darf höchstens %(max)s Zeichen lang sein.", max=BODY_MAX)
MENTION_HINT = _l("Markdown ist erlaubt. Erwähne jemanden mit @[Vorname Nachname] oder "
                  "@Vorname_Nachname.")
_POST_ID = re.compile(r"[1-9][0-9]{0,17}")


def _body(label):
    return TextAreaField(label, validators=[DataRequired(BODY_REQUIRED),
                                            Length(max=BODY_MAX, message=BODY_TOO_LONG)])


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ThreadForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[
        DataRequired(_l("Bitte gib einen Titel ein.")),
        Length(max=TITLE_MAX, message=_l("Der Titel darf höchstens %(max)s Zeichen lang sein.",
                                         max=TITLE_MAX))])
    kind = RadioField(_l("Art"), default=KIND_QUESTION, choices=[
        SelectChoice(KIND_QUESTION, _l("Frage")),
        SelectChoice(KIND_DISCUSSION, _l("Diskussion/Tipp"))],
        validators=[InputRequired(_l("Bitte wähle, ob es eine Frage oder eine Diskussion ist."))])
    body = _body(_l("Text"))
    topics = MultiCheckboxField(_l("Themen"), coerce=int, validators=[Optional()])
    preview = SubmitField(_l("Vorschau"))
    submit = SubmitField(_l("Veröffentlichen"))


class ReplyForm(FlaskForm):
    body = _body(_l("Deine Antwort"))
    parent_id = HiddenField()
    preview = SubmitField(_l("Vorschau"))
    submit = SubmitField(_l("Antwort senden"))

    def validate_parent_id(self, field):
        # Empty means "reply to the thread"; anything else must be a post id, or the reply
        # would silently land somewhere the writer did not choose.
        if field.data and not _POST_ID.fullmatch(field.data):
            raise WTFValidationError(_l("Den Beitrag, auf den du antworten willst, gibt es "
                                        "nicht."))

    def parent_post_id(self) -> int | None:
        """The validated parent post id, None for a reply to the thread."""
        return int(self.parent_id.data) if self.parent_id.data else None


class EditPostForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[Optional(), Length(
        max=TITLE_MAX, message=_l("Der Titel darf höchstens %(max)s Zeichen lang sein.",
                                  max=TITLE_MAX))])
    body = _body(_l("Text"))
    preview = SubmitField(_l("Vorschau"))
    submit = SubmitField(_l("Speichern"))


class MoveForm(FlaskForm):
    category = SelectField(_l("Neue Kategorie"), coerce=int)
    submit = SubmitField(_l("Verschieben"))


class CategoryForm(FlaskForm):
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Bitte gib einen Namen ein.")),
        Length(max=80, message=_l("Der Name darf höchstens 80 Zeichen lang sein."))])
    description = StringField(_l("Beschreibung"), validators=[Optional(), Length(
        max=300, message=_l("Die Beschreibung darf höchstens 300 Zeichen lang sein."))])
    position = IntegerField(_l("Reihenfolge"), default=0, validators=[Optional(), int_in_range(
        0, 9999, _l("Die Reihenfolge muss eine Zahl zwischen 0 und %(max)s sein."))])
    archived = BooleanField(_l("Archiviert"))
    submit = SubmitField(_l("Speichern"))
