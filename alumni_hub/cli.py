"""Command-line commands that span features: `flask seed-demo`."""
import importlib
import importlib.util
import random

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import func, select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db


def init_app(app: Flask) -> None:
    app.cli.add_command(seed_demo)


def demo_seeders():
    """seed(ctx) of every feature that has a demo.py, in the order of FEATURES."""
    from alumni_hub import FEATURES  # noqa: PLC0415 - the package imports this module

    seeders = []
    for name in FEATURES:
        if importlib.util.find_spec(f"alumni_hub.{name}.demo"):
            seeders.append(importlib.import_module(f"alumni_hub.{name}.demo").seed)
    return seeders


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing (and succeed) if there are users.")
@click.option("--seed", default=2021, help="Random seed, for reproducible demo data.")
@with_appcontext
def seed_demo(if_empty: bool, seed: int) -> None:
    """Fill an empty database with realistic German demo content and three demo logins."""
    if db.session.scalar(select(func.count(User.id))):
        if if_empty:
            click.echo("Datenbank enthält schon Daten – keine Demo-Daten geladen.")
            return
        raise click.ClickException("Die Datenbank ist nicht leer; Demo-Daten werden nur in "
                                   "eine leere Datenbank geladen.")
    ctx = {"rng": random.Random(seed)}
    for seeder in demo_seeders():
        seeder(ctx)
        db.session.flush()
    db.session.commit()
    click.echo("Demo-Daten geladen. Logins: admin@example.org, moderator@example.org, "
               "mitglied@example.org (Passwort: alumni-demo)")
