"""Sending email: SMTP when configured, otherwise the log plus an outbox admins can read."""
import logging
import smtplib
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app
from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db

log = logging.getLogger(__name__)


class OutboxEmail(db.Model):
    """A mail that was not sent because no SMTP server is configured."""

    __tablename__ = "outbox_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(255), index=True)
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


def build_message(*, to: str, subject: str, text_body: str, html_body: str | None = None,
                  headers: dict | None = None) -> EmailMessage:
    config = current_app.config
    msg = EmailMessage()
    msg["From"] = config["MAIL_DEFAULT_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="alumni-hub")
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(text_body)
    if html_body:
        msg.add_alternative(html_body, subtype="html")
    return msg


def send_mail(*, to: str, subject: str, text_body: str, html_body: str | None = None,
              headers: dict | None = None) -> None:
    """Send one mail now. Without MAIL_SERVER it is logged and kept in the outbox.

    The outbox row is added to the session; the caller commits as usual.
    """
    config = current_app.config
    if not config["MAIL_SERVER"]:
        log.info("Mail (no SMTP configured) to %s: %s\n%s", to, subject, text_body)
        db.session.add(OutboxEmail(recipient=to, subject=subject, text_body=text_body,
                                   html_body=html_body, headers=dict(headers or {})))
        return
    msg = build_message(to=to, subject=subject, text_body=text_body, html_body=html_body,
                        headers=headers)
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"] and not config["MAIL_USE_SSL"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(msg)
