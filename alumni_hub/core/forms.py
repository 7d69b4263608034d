"""Showing a service's refusal on a form: the one way routes turn AlumniHubError into a message."""
from flask import flash

from alumni_hub.core.errors import AlumniHubError


def show_error(form, error: AlumniHubError, *, field: str | None = None) -> None:
    """Put `error.message` next to its form field, keeping everything that was typed.

    The field is the one the service named (`error.field`), else `field`; when the form
    has neither, the message is flashed above the form instead of being lost.
    """
    target = None
    for name in (error.field, field):
        if name and getattr(form, name, None) is not None:
            target = getattr(form, name)
            break
    if target is None:
        flash(str(error.message), "error")
        return
    target.errors = [*(target.errors or []), error.message]
