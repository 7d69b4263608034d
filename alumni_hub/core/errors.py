"""The project's one error hierarchy: services raise these, callers turn them into messages."""


class AlumniHubError(Exception):
    """Base of every error a service raises on purpose.

    `message` is already translated (lazy) German text fit to show the user;
    `field` names the form field it belongs to, if any.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class ValidationError(AlumniHubError):
    """The input does not fit the rules; the user can correct it."""


class PermissionDenied(AlumniHubError):
    """The acting user may not do this to this object."""


class NotFound(AlumniHubError):
    """The object does not exist, or is not visible to the acting user."""


class Conflict(AlumniHubError):
    """Someone else changed the object in between."""
