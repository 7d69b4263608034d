"""`flask expire-buddy-requests` and `flask send-buddy-checkins`, for cron or the systemd timer."""
import click
from flask_babel import ngettext

from alumni_hub.buddies import bp
from alumni_hub.buddies.services.asks import expire_asks
from alumni_hub.buddies.services.checkins import send_first_checkins
from alumni_hub.extensions import db


@bp.cli.command("expire-buddy-requests")
def expire_buddy_requests_command() -> None:
    """Close buddy asks unanswered for 7 days and tell the newcomers (safe to rerun)."""
    expired = expire_asks()
    db.session.commit()
    click.echo(ngettext("%(num)d Buddy-Anfrage abgelaufen.", "%(num)d Buddy-Anfragen abgelaufen.",
                        expired))


@bp.cli.command("send-buddy-checkins")
def send_buddy_checkins_command() -> None:
    """Ask pairs 30 days after their start how it is going (safe to rerun)."""
    asked = send_first_checkins()
    db.session.commit()
    click.echo(ngettext("%(num)d Check-in-Frage verschickt.", "%(num)d Check-in-Fragen verschickt.",
                        asked))
