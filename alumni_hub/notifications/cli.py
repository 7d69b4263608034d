"""`flask send-pending` (every few minutes) and `flask send-digests` (daily), for cron/systemd."""
import click
from flask_babel import gettext as _

from alumni_hub.notifications import bp
from alumni_hub.notifications.digest import send_digests
from alumni_hub.notifications.followups import send_followups


def _report_followups() -> bool:
    outcomes = send_followups()
    click.echo(_("Sammel-E-Mails: %(sent)s gesendet, %(failed)s fehlgeschlagen.",
                 sent=outcomes.get("sent", 0), failed=outcomes.get("failed", 0)))
    return bool(outcomes.get("failed"))


@bp.cli.command("send-pending")
def send_pending_command() -> None:
    """Mail grouped follow-ups whose window has passed and retry failed mails (safe to rerun)."""
    if _report_followups():
        raise SystemExit(1)


@bp.cli.command("send-digests")
def send_digests_command() -> None:
    """Send today's digest to every user who has something in it (safe to run again)."""
    # Follow-ups first, so a site that runs only the daily timer still sends them.
    failed = _report_followups()
    outcomes = send_digests()
    click.echo(_("Tages-Überblick: %(sent)s gesendet, %(empty)s ohne Inhalt, "
                 "%(skipped)s schon erledigt, %(failed)s fehlgeschlagen.",
                 sent=outcomes.get("sent", 0), empty=outcomes.get("empty", 0),
                 skipped=outcomes.get("skipped", 0), failed=outcomes.get("failed", 0)))
    if failed or outcomes.get("failed"):
        raise SystemExit(1)
