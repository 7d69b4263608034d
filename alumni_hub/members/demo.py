"""Demo content for members: the three demo logins, ~40 profiled members, cohorts and topics."""
from werkzeug.security import generate_password_hash

from alumni_hub.accounts.models import User
from alumni_hub.core.markup import render
from alumni_hub.core.text import slugify
from alumni_hub.extensions import db
from alumni_hub.members.demo_people import BIOS, CAN_HELP, COHORTS, PEOPLE, SEEKS_HELP, TOPICS
from alumni_hub.members.models import Cohort, Profile, Topic

DEMO_PASSWORD = "alumni-demo"
ROLES = {"admin": "admin", "moderator": "moderator"}
FREE_TAGS = ["Calliope", "Lego Education", "Girls' Day", "Robotik", "Schulkooperation",
             "ländlicher Raum", "Makerspace", "Zukunftstag", "Handwerk", "Klimaschutz"]
# A few members stay out of the directory and map, as real people sometimes choose.
UNLISTED = {"f.hoffmann", "a.krueger", "m.klein", "l.bauer"}


def seed(ctx: dict) -> None:
    rng = ctx["rng"]
    cohorts = [Cohort(name=name, position=i) for i, name in enumerate(COHORTS, start=1)]
    topics = [Topic(name=name, slug=slugify(name), archived=False) for name in TOPICS]
    db.session.add_all(cohorts + topics)
    password_hash = generate_password_hash(DEMO_PASSWORD)  # hashing is slow: once for all
    users = []
    for local, name, organisation, network, kind, land, city in PEOPLE:
        user = User(email=f"{local}@example.org", display_name=name,
                    role=ROLES.get(local, "member"), password_hash=password_hash)
        bio = rng.choice(BIOS).format(year=rng.randint(2015, 2024), network=network)
        user.profile = Profile(
            organisation=organisation, network_name=network, network_type=kind,
            bundesland=land, city=city, cohort=rng.choice(cohorts),
            topics=sorted(rng.sample(topics, rng.randint(2, 4)), key=lambda t: t.slug),
            free_tags=", ".join(rng.sample(FREE_TAGS, rng.randint(0, 3))),
            can_help_with=rng.choice(CAN_HELP), seeks_help_with=rng.choice(SEEKS_HELP),
            bio_md=bio, bio_html=render(bio), listed_in_directory=local not in UNLISTED,
            show_email=rng.random() < 0.6)
        users.append(user)
    db.session.add_all(users)
    ctx["users"], ctx["topics"], ctx["cohorts"] = users, topics, cohorts
