"""`flask purge-chat`: delete chat messages older than CHAT_RETENTION_DAYS (run daily)."""
import click
from flask import current_app

from alumni_hub.chat import bp
from alumni_hub.chat.services.moderating import purge_expired
from alumni_hub.extensions import db


@bp.cli.command("purge-chat")
@click.option("--days", type=click.IntRange(min=1), default=None,
              help="Aufbewahrungsdauer in Tagen (Standard: CHAT_RETENTION_DAYS).")
def purge_chat(days):
    """Chat-Nachrichten löschen, die älter als die Aufbewahrungsdauer sind."""
    days = days or current_app.config["CHAT_RETENTION_DAYS"]
    count = purge_expired(days=days)
    db.session.commit()
    click.echo(f"{count} Chat-Nachrichten gelöscht (älter als {days} Tage).")
