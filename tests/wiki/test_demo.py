"""The demo data seeds linked wiki pages, including one that needs re-confirming."""
from sqlalchemy import func, select

from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page, PageLink, Revision


def test_seed_demo_creates_linked_pages_with_revisions(app, runner, client, auth):
    with app.app_context():  # the test runner, unlike `flask`, pushes no app context
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        db.session.remove()
    with app.app_context():
        assert db.session.scalar(select(func.count(Page.id))) >= 10
        assert db.session.scalar(select(func.count(Revision.id))) > 10
        assert db.session.scalar(select(func.count(PageLink.id))) >= 10
    auth.login()
    assert "Workshop-Zyklus" in client.get("/wiki/veraltet").get_data(as_text=True)
    html = client.get("/wiki/experimentierkisten").get_data(as_text=True)
    assert 'href="/wiki/foerderprogramme"' in html


def test_wiki_seed_tags_pages_with_known_topics_and_works_with_few_users(app, make_user):
    import random

    from alumni_hub.accounts.models import User
    from alumni_hub.members.models import Topic
    from alumni_hub.wiki import demo

    users = [make_user() for _ in range(3)]
    with app.app_context():
        topic = Topic(name="Fördermittel", slug="foerdermittel")
        db.session.add(topic)
        db.session.flush()
        ctx = {"rng": random.Random(1), "users": [db.session.get(User, u.id) for u in users],
               "topics": [topic]}
        demo.seed(ctx)
        db.session.commit()
        page = db.session.scalar(select(Page).where(Page.slug == "foerderprogramme"))
        assert [t.name for t in page.topics] == ["Fördermittel"]
