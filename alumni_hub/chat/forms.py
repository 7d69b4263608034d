"""The message form: what browsers without JavaScript post (static/js/chat/ uses Socket.IO)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from alumni_hub.chat.models import MAX_LENGTH


class MessageForm(FlaskForm):
    body = TextAreaField(_l("Nachricht"), validators=[
        DataRequired(_l("Die Nachricht ist leer.")),
        Length(max=MAX_LENGTH, message=_l("Eine Nachricht darf höchstens %(max)d Zeichen "
                                          "lang sein."))])
    # Generated with the page: posting the same form twice stores the message once.
    client_id = HiddenField()
    question = BooleanField(_l("Als Frage an die Vortragenden markieren"))
    submit = SubmitField(_l("Senden"))
