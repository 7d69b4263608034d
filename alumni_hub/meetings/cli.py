"""`flask send-reminders`: reminders, the meeting_ended signal, series kept a year ahead."""
import click
from flask import current_app

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings import bp
from alumni_hub.meetings.services import reminders, schedule


@bp.cli.command("send-reminders")
def send_reminders_command() -> None:
    """Run every few minutes from cron or a systemd timer; safe to run twice at once."""
    now = utcnow()
    created = schedule.top_up_all_series(now=now)
    db.session.commit()
    sent = reminders.send_reminders(now=now)
    db.session.commit()
    claimed = reminders.claim_ended(now=now)
    db.session.commit()
    reminders.announce_ended(current_app._get_current_object(), claimed)
    click.echo(f"{sent} Erinnerungen verschickt, {len(claimed)} Treffen beendet, "
               f"{created} neue Termine aus Reihen angelegt.")
