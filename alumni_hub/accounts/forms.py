"""Forms for logging in, invitations, registration, password reset and account settings."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, EmailField, HiddenField, PasswordField, RadioField,
                     SelectChoice, SelectField, StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length
from wtforms.validators import ValidationError as FieldError

from alumni_hub.accounts import passwords

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.permissions import ROLE_LABELS, Role
LANGUAGE_CHOICES = [SelectChoice("de", "Deutsch"), SelectChoice("en", "English")]


def role_choices(roles) -> list[SelectChoice]:
    return [SelectChoice(role, ROLE_LABELS[role]) for role in roles]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class LoginForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), validators=[
        DataRequired(_l("Bitte gib deine E-Mail-Adresse ein.")),
        Email(_l("Das sieht nicht wie eine E-Mail-Adresse aus.")), Length(max=255)])
    password = PasswordField(_l("Passwort"), validators=[
        DataRequired(_l("Bitte gib dein Passwort ein."))])
    remember = BooleanField(_l("Angemeldet bleiben"))
    next = HiddenField()
    submit = SubmitField(_l("Anmelden"))


class NewPasswordForm(FlaskForm):
    """A new password typed twice; the policy itself is checked by passwords.check_password."""

    password = PasswordField(_l("Neues Passwort"), validators=[
        DataRequired(_l("Bitte gib ein Passwort ein."))])
    password_confirm = PasswordField(_l("Passwort wiederholen"), validators=[
        DataRequired(_l("Bitte wiederhole das Passwort.")),
        EqualTo("password", _l("Die beiden Passwörter stimmen nicht überein."))])
    # Whose address the password must not be; the route sets it where it is known.
    policy_email = ""

    def validate_password(self, field):
        """The policy is checked with the other fields, so a short password and a typo in
        the repetition are both shown at once (the service checks again on save)."""
        try:
            passwords.check_password(field.data, email=self.policy_email)
        except AlumniHubError as error:
            raise FieldError(str(error.message)) from None


class InviteForm(FlaskForm):
    emails = TextAreaField(_l("E-Mail-Adressen"), validators=[
        DataRequired(_l("Bitte gib mindestens eine E-Mail-Adresse ein."))])
    # The route offers the roles the inviter may give; the service enforces that rule.
    role = SelectField(_l("Rolle"), choices=role_choices([Role.MEMBER.value]),
                       validate_choice=False)
    submit = SubmitField(_l("Einladungen verschicken"))


class RegisterForm(NewPasswordForm):
    display_name = StringField(_l("Anzeigename"), filters=[_strip], validators=[
        DataRequired(_l("Bitte gib deinen Namen ein.")),
        Length(min=2, max=80, message=_l("Der Name muss 2 bis 80 Zeichen lang sein."))])
    # Asked as an explicit choice with nothing preselected: still opt-in, but nobody ends up
    # invisible just by keeping the defaults without having seen the question.
    listed_in_directory = RadioField(
        _l("Möchtest du im Mitgliederverzeichnis und auf der Karte erscheinen?"),
        choices=[SelectChoice("ja", _l("Ja, andere Mitglieder sollen mich finden können")),
                 SelectChoice("nein",
                              _l("Nein, vorerst nicht (kann ich jederzeit im Profil ändern)"))],
        validators=[InputRequired(_l("Bitte wähle, ob du im Verzeichnis erscheinen möchtest."))])
    show_email = BooleanField(_l("E-Mail-Adresse für Mitglieder sichtbar"))
    locale = SelectField(_l("Sprache"), choices=LANGUAGE_CHOICES, default="de")
    submit = SubmitField(_l("Konto anlegen"))


class RequestResetForm(FlaskForm):
    email = EmailField(_l("E-Mail-Adresse"), filters=[_strip], validators=[
        DataRequired(_l("Bitte gib deine E-Mail-Adresse ein.")),
        Email(_l("Das sieht nicht wie eine E-Mail-Adresse aus.")), Length(max=255)])
    submit = SubmitField(_l("Link zum Zurücksetzen senden"))


class ResetPasswordForm(NewPasswordForm):
    submit = SubmitField(_l("Passwort speichern"))


class LanguageForm(FlaskForm):
    locale = SelectField(_l("Sprache"), choices=LANGUAGE_CHOICES)
    submit_language = SubmitField(_l("Sprache speichern"))


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Aktuelles Passwort"), validators=[
        DataRequired(_l("Bitte gib dein aktuelles Passwort ein."))])
    submit_password = SubmitField(_l("Passwort ändern"))
