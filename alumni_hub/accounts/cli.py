"""`flask create-admin EMAIL`: the first administrator, before anyone can be invited."""
import click
from flask import current_app

from alumni_hub.accounts import bp
from alumni_hub.accounts.services import users as services
from alumni_hub.core import signals
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.permissions import Role
from alumni_hub.extensions import db


@bp.cli.command("create-admin")
@click.argument("email")
@click.option("--name", prompt="Anzeigename", help="Anzeigename der Administratorin/des Administrators.")
@click.option("--password", prompt="Passwort", hide_input=True, confirmation_prompt=True,
              help="Passwort (ohne diese Option wird verdeckt nachgefragt).")
def create_admin(email: str, name: str, password: str) -> None:
    """Create an administrator account (checked like a registration)."""
    try:
        user = services.create_user(email=email, display_name=name, password=password,
                                    role=Role.ADMIN.value)
    except ValidationError as error:
        raise click.ClickException(str(error.message)) from error
    signals.user_registered.send(current_app._get_current_object(), user=user, choices={})
    db.session.commit()
    click.echo(f"Administrator-Konto für {user.email} angelegt.")
