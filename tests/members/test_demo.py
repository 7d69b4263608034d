"""Demo data: `flask seed-demo` fills an empty database and refuses a non-empty one."""
from sqlalchemy import func, select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Profile, Topic


def seed_demo(app, runner, *args):
    # The command is a plain click command: outside `flask` it needs an app context.
    with app.app_context():
        return runner.invoke(args=["seed-demo", *args])


def test_seed_demo_fills_empty_database_with_members_cohorts_and_topics(app, runner):
    result = seed_demo(app, runner)
    assert result.exit_code == 0, result.output
    with app.app_context():
        emails = list(db.session.scalars(select(User.email).order_by(User.id)))
        assert emails[:3] == ["admin@example.org", "moderator@example.org",
                              "mitglied@example.org"]
        assert len(emails) >= 40
        listed = db.session.scalar(select(func.count()).where(Profile.listed_in_directory))
        assert 30 <= listed < len(emails)
        lands = db.session.scalar(select(func.count(func.distinct(Profile.bundesland))))
        assert lands >= 8
        assert db.session.scalar(select(func.count(Cohort.id))) == 10
        assert "Mädchen für MINT" in db.session.scalars(select(Topic.name)).all()


def test_demo_logins_work_with_demo_password(app, client, runner):
    assert seed_demo(app, runner).exit_code == 0
    response = client.post("/konto/anmelden", data={"email": "mitglied@example.org",
                                                     "password": "alumni-demo"})
    assert response.status_code == 302
    assert "Miriam Schulte" in client.get("/mitglieder/").get_data(as_text=True)


def test_seed_demo_refuses_non_empty_database(app, runner, make_user):
    make_user()
    result = seed_demo(app, runner)
    assert result.exit_code != 0
    assert "nicht leer" in result.output


def test_seed_demo_if_empty_succeeds_quietly_on_non_empty_database(app, runner, make_user):
    make_user()
    result = seed_demo(app, runner, "--if-empty")
    assert result.exit_code == 0
    assert "keine Demo-Daten geladen" in result.output
    with app.app_context():
        # Nothing was added: still the one user, no demo profiles, topics or cohorts.
        assert db.session.scalar(select(func.count(User.id))) == 1
        assert db.session.scalar(select(func.count(Profile.user_id))) == 0
        assert db.session.scalar(select(func.count(Topic.id))) == 0
        assert db.session.scalar(select(func.count(Cohort.id))) == 0
