"""Every write of the meetings feature: flush, raise core.errors, never commit."""
from alumni_hub.meetings.services.recap import append_to_recap_draft  # noqa: F401
