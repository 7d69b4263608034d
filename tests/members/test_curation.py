"""Topics (moderators) and cohorts (admins): add, rename, archive, reorder — audit-logged."""
import pytest
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Topic
from alumni_hub.core.audit import AuditLogEntry


def stored(app, model, order=None):
    with app.app_context():
        stmt = select(model).order_by(order if order is not None else model.id)
        return [(row.name, getattr(row, "slug", None), getattr(row, "archived", None))
                for row in db.session.scalars(stmt)]


def audit_actions(app):
    with app.app_context():
        return list(db.session.scalars(select(AuditLogEntry.action).order_by(AuditLogEntry.id)))


@pytest.mark.parametrize("method, path", [
    ("get", "/mitglieder/themen"), ("post", "/mitglieder/themen"),
    ("post", "/mitglieder/themen/1/umbenennen"), ("post", "/mitglieder/themen/1/archivieren"),
    ("get", "/mitglieder/kursdurchgaenge"), ("post", "/mitglieder/kursdurchgaenge"),
    ("post", "/mitglieder/kursdurchgaenge/1/umbenennen"),
    ("post", "/mitglieder/kursdurchgaenge/1/verschieben"),
])
def test_member_may_not_manage_topics_or_cohorts(client, auth, make_topic, make_cohort,
                                                 method, path):
    make_topic("Fördermittel")
    make_cohort("Frühjahrskurs 2021")
    auth.login()
    response = getattr(client, method)(path, data={"name": "Neu", "archived": "1"})
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/mitglieder/kursdurchgaenge",
                                  "/mitglieder/kursdurchgaenge/1/verschieben"])
def test_moderator_may_not_manage_cohorts(client, auth, make_cohort, path):
    make_cohort("Frühjahrskurs 2021")
    auth.login(role="moderator")
    assert client.post(path, data={"name": "Herbstkurs 2030"}).status_code == 403


def test_moderator_adds_topic_with_transliterated_slug(app, client, auth):
    auth.login(role="moderator")
    response = client.post("/mitglieder/themen", data={"name": "  Öffentlichkeitsarbeit "})
    assert response.status_code == 302
    client.post("/mitglieder/themen", data={"name": "Öffentlichkeits-Arbeit"})
    assert stored(app, Topic) == [("Öffentlichkeitsarbeit", "oeffentlichkeitsarbeit", False),
                                  ("Öffentlichkeits-Arbeit", "oeffentlichkeits-arbeit", False)]
    assert "Öffentlichkeitsarbeit" in client.get("/mitglieder/themen").get_data(as_text=True)
    assert audit_actions(app) == ["topic.created", "topic.created"]


def test_duplicate_topic_is_refused_with_message_and_input_kept(app, client, auth, make_topic):
    make_topic("Fördermittel")
    auth.login(role="moderator")
    response = client.post("/mitglieder/themen", data={"name": "fördermittel"})
    page = response.get_data(as_text=True)
    assert "Dieses Thema gibt es schon." in page and 'value="fördermittel"' in page
    assert len(stored(app, Topic)) == 1


def test_moderator_renames_topic_and_slug_stays(app, client, auth, make_topic):
    topic = make_topic("Foerdermittel")
    auth.login(role="moderator")
    client.post(f"/mitglieder/themen/{topic.id}/umbenennen", data={"name": "Fördermittel"})
    assert stored(app, Topic) == [("Fördermittel", "foerdermittel", False)]
    assert audit_actions(app) == ["topic.renamed"]


def test_renaming_topic_to_empty_name_shows_message_next_to_it(app, client, auth, make_topic):
    topic = make_topic("Fördermittel")
    auth.login(role="moderator")
    page = client.post(f"/mitglieder/themen/{topic.id}/umbenennen",
                       data={"name": " "}).get_data(as_text=True)
    assert "Bitte gib einen Namen an." in page
    assert stored(app, Topic)[0][0] == "Fördermittel"


def test_moderator_archives_and_unarchives_topic(app, client, auth, make_topic):
    topic = make_topic("MINT-Mobil")
    auth.login(role="moderator")
    client.post(f"/mitglieder/themen/{topic.id}/archivieren", data={"archived": "1"})
    assert stored(app, Topic)[0][2] is True
    assert "MINT-Mobil" not in client.get("/mitglieder/profil").get_data(as_text=True)
    client.post(f"/mitglieder/themen/{topic.id}/archivieren", data={"archived": "0"})
    assert stored(app, Topic)[0][2] is False
    assert audit_actions(app) == ["topic.archived", "topic.unarchived"]


def test_unknown_topic_is_404(client, auth):
    auth.login(role="moderator")
    assert client.post("/mitglieder/themen/99/archivieren", data={"archived": "1"}
                       ).status_code == 404


def test_admin_adds_renames_and_reorders_cohorts(app, client, auth):
    auth.login(role="admin")
    for name in ("Frühjahrskurs 2021", "Herbstkurs 2021", "Frühjahrskurs 2022"):
        assert client.post("/mitglieder/kursdurchgaenge", data={"name": name}).status_code == 302
    with app.app_context():
        ids = list(db.session.scalars(select(Cohort.id).order_by(Cohort.id)))
    client.post(f"/mitglieder/kursdurchgaenge/{ids[2]}/verschieben", data={"direction": "up"})
    client.post(f"/mitglieder/kursdurchgaenge/{ids[0]}/umbenennen",
                data={"name": "Frühjahrskurs 2021 (Pilot)"})
    assert [row[0] for row in stored(app, Cohort, Cohort.position)] == [
        "Frühjahrskurs 2021 (Pilot)", "Frühjahrskurs 2022", "Herbstkurs 2021"]
    page = client.get("/mitglieder/profil").get_data(as_text=True)
    assert page.index("Frühjahrskurs 2022") < page.index("Herbstkurs 2021")
    assert audit_actions(app)[-2:] == ["cohort.moved", "cohort.renamed"]


def test_duplicate_cohort_name_is_refused(app, client, auth, make_cohort):
    first = make_cohort("Herbstkurs 2023", position=1)
    make_cohort("Frühjahrskurs 2024", position=2)
    auth.login(role="admin")
    page = client.post(f"/mitglieder/kursdurchgaenge/{first.id}/umbenennen",
                       data={"name": "Frühjahrskurs 2024"}).get_data(as_text=True)
    assert "Diesen Kursdurchgang gibt es schon." in page
    assert 'value="Frühjahrskurs 2024" aria-label="Name von Herbstkurs 2023"' in page


def test_adding_a_cohort_twice_is_refused_and_keeps_the_input(app, client, auth, make_cohort):
    make_cohort("Herbstkurs 2023")
    auth.login(role="admin")
    page = client.post("/mitglieder/kursdurchgaenge",
                       data={"name": "Herbstkurs 2023"}).get_data(as_text=True)
    assert "Diesen Kursdurchgang gibt es schon." in page
    assert 'value="Herbstkurs 2023"' in page and 'aria-invalid="true"' in page
    assert [row[0] for row in stored(app, Cohort)] == ["Herbstkurs 2023"]
