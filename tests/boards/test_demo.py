"""The demo seed fills the boards with categories, threads, nested replies and answers."""
from alumni_hub.boards.models import Category, Post, Reaction, Thread
from alumni_hub.extensions import db


def _seed(app, runner):
    # `flask seed-demo` runs inside the app context FlaskGroup pushes; the test runner does not.
    with app.app_context():
        result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output


def test_seed_demo_creates_board_content(app, runner):
    _seed(app, runner)
    with app.app_context():
        assert db.session.query(Category).count() == 7
        assert db.session.query(Thread).count() >= 25
        assert db.session.query(Thread).filter(Thread.accepted_post_id.is_not(None)).count() >= 3
        nested = db.session.query(Post).join(Post.thread).filter(
            Post.parent_id.is_not(None)).count()
        assert nested > 50 and db.session.query(Reaction).count() > 0
        title = "Feuerwehren und Schwimmvereine als außerschulische Lernorte"
        assert db.session.query(Thread).filter_by(title=title).one().reply_count == 4


def test_demo_pages_render(app, runner, client):
    _seed(app, runner)
    client.post("/konto/anmelden", data={"email": "mitglied@example.org",
                                          "password": "alumni-demo"})
    assert "MINT-Mobil &amp; Experimentierkisten" in client.get("/foren/").get_data(as_text=True)
    with app.app_context():
        thread_id = db.session.query(Thread.id).filter_by(
            title="Was gehört in ein MINT-Mobil?").scalar()
    page = client.get(f"/foren/thema/{thread_id}").get_data(as_text=True)
    assert "Akzeptierte Antwort" in page and "gelöst" in page
