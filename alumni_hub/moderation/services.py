"""Moderation's services: the audit log's record() (the name features call) and reports."""
from alumni_hub.core.audit import record  # noqa: F401 - features log through moderation.services
