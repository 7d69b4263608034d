"""The demo shows the feature alive: a past meeting with recap and wiki tip, the next with topics."""
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from alumni_hub.wiki.models import Page


def test_seed_demo_creates_series_with_recap_tip_and_next_meeting(app, runner, client, auth):
    with app.app_context():
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        db.session.remove()
    with app.app_context():
        past = db.session.scalar(select(Meeting).where(Meeting.recap_published_at.is_not(None)))
        page = db.session.scalar(select(Page).where(Page.title == "Praktikumswoche organisieren"))
        assert past is not None and page is not None
        past_id = past.id
    auth.login()
    overview = client.get("/treffen/").get_data(as_text=True)
    assert "Alumni-Treffen" in overview and "Zusage" in overview
    assert "Feuerwehren und Schwimmvereine als Lernorte" in client.get(
        "/treffen/" + overview.split('id="next-title"><a href="/treffen/')[1].split('"')[0]
    ).get_data(as_text=True)
    assert "Fünf Betriebe an fünf Tagen" in client.get(f"/treffen/{past_id}").get_data(
        as_text=True)
