"""Meetings in search: every member finds a meeting by its title, description and published
recap; a recap draft is not found."""
from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from alumni_hub.meetings.services import append_to_recap_draft
from alumni_hub.meetings.services.recap import publish_recap


def test_every_member_finds_a_meeting_by_title_and_description(app, auth, make_meeting,
                                                               search_titles):
    meeting = make_meeting(title="Werkstattgespräch Lernorte")
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        stored.description_html = "<p>Mit Gästen aus dem Kompetenzzentrum</p>"
        db.session.commit()
    auth.login()
    assert search_titles("Werkstattgespräch") == ["Werkstattgespräch Lernorte"]
    assert search_titles("Kompetenzzentrum") == ["Werkstattgespräch Lernorte"]


def test_a_recap_is_found_once_published_not_as_a_draft(app, auth, make_user, make_meeting,
                                                       search_titles):
    moderator = make_user(role="moderator")
    meeting = make_meeting(title="Rückblicktreffen", days=-3)
    with app.app_context():
        append_to_recap_draft(meeting_id=meeting.id, text="Beschlossen: Ferienpasskooperation",
                              actor=db.session.get(User, moderator.id))
        db.session.commit()
    auth.login()
    assert search_titles("Ferienpasskooperation") == []
    with app.app_context():
        publish_recap(meeting=db.session.get(Meeting, meeting.id),
                      actor=db.session.get(User, moderator.id), now=utcnow())
        db.session.commit()
    assert search_titles("Ferienpasskooperation") == ["Rückblicktreffen"]
