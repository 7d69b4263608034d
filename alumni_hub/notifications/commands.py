"""`flask send-digests`: the daily digest, run by cron or a systemd timer."""
import click
from flask_babel import gettext as _

from alumni_hub.notifications import bp
from alumni_hub.notifications.digest import send_digests


@bp.cli.command("send-digests")
def send_digests_command() -> None:
    """Send today's digest to every user who has something in it (safe to run again)."""
    outcomes = send_digests()
    click.echo(_("Tages-Überblick: %(sent)s gesendet, %(empty)s ohne Inhalt, "
                 "%(skipped)s schon erledigt, %(failed)s fehlgeschlagen.",
                 sent=outcomes.get("sent", 0), empty=outcomes.get("empty", 0),
                 skipped=outcomes.get("skipped", 0), failed=outcomes.get("failed", 0)))
    if outcomes.get("failed"):
        raise SystemExit(1)
