"""Right-away notification mail leaves after the answer: the writer never waits for SMTP."""
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def test_mention_mail_is_sent_once_after_the_answer_while_the_badge_is_live(
        app, client, auth, make_thread, make_user, outbox):
    greta = make_user(display_name="Greta Gefragt")
    thread = make_thread(author=greta)
    auth.login()
    response = client.post(f"/foren/thema/{thread.id}/antworten",
                           data={"body": "Danke @[greta gefragt]!"}, buffered=False)
    assert response.status_code == 302
    with app.app_context():
        [note] = db.session.query(Notification).filter_by(user_id=greta.id).all()
        assert note.kind == "mention" and note.email_status == "pending"
    assert outbox(to=greta.email) == []  # the answer is complete without the mail
    response.close()  # what the WSGI server does once the answer is sent
    response.close()
    [mail] = outbox(to=greta.email)
    assert "Greta Gefragt" in mail.text_body
    with app.app_context():
        assert db.session.get(Notification, note.id).email_status == "sent"
