"""Member profiles, course cohorts, and the topic list shared by all features."""
from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from alumni_hub.accounts.models import User
from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db

BUNDESLAENDER = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

# Network types are stored as keys; their labels are translated where shown (members.choices).
NETWORK_TYPES = ("mint_region", "zdi", "mint_cluster", "fachkraefte", "bildungskommune", "other")

profile_topics = Table(
    "profile_topics",
    db.metadata,
    Column("profile_id", ForeignKey("profiles.user_id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class Cohort(db.Model):
    """A run of the IHK course, e.g. "Frühjahrskurs 2022"; managed by admins."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Topic(db.Model):
    """A curated topic (moderators maintain the list); boards and wiki tag with these too."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Profile(db.Model):
    """What a member tells colleagues about themself. One per user."""

    __tablename__ = "profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    organisation: Mapped[str] = mapped_column(String(120), default="")
    network_name: Mapped[str] = mapped_column(String(120), default="")
    network_type: Mapped[str | None] = mapped_column(String(30))
    bundesland: Mapped[str | None] = mapped_column(String(2), index=True)
    city: Mapped[str] = mapped_column(String(80), default="")
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"), index=True)
    free_tags: Mapped[str] = mapped_column(String(330), default="")  # 10 tags × 30 + ", "
    can_help_with: Mapped[str] = mapped_column(Text, default="")
    seeks_help_with: Mapped[str] = mapped_column(Text, default="")
    bio_md: Mapped[str] = mapped_column(Text, default="")
    bio_html: Mapped[str] = mapped_column(Text, default="")
    listed_in_directory: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    show_email: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(backref=db.backref("profile", uselist=False))
    cohort: Mapped[Cohort | None] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=profile_topics, order_by=Topic.slug)
