"""Editing the own profile: stored values, Markdown, validation messages that keep input."""
import pytest

from tests.members.builders import profile_form_data as form_data


def test_member_without_profile_gets_empty_form(client, auth):
    auth.login()
    page = client.get("/mitglieder/profil").get_data(as_text=True)
    assert "Mein Profil" in page and "MINT-Region" in page and "Thüringen" in page


def test_saving_profile_stores_fields_renders_bio_and_creates_row(client, auth, make_topic,
                                                                   make_cohort, load_profile):
    topic = make_topic("Mädchen für MINT")
    cohort = make_cohort("Herbstkurs 2023")
    user = auth.login()
    assert load_profile(user.id) is None
    response = client.post("/mitglieder/profil", data=form_data(
        cohort=str(cohort.id), topics=[str(topic.id)]))
    assert response.status_code == 302
    stored = load_profile(user.id)
    assert stored["display_name"] == "Jana Kröger"
    assert stored["bundesland"] == "NW" and stored["network_type"] == "zdi"
    assert stored["cohort_id"] == cohort.id and stored["topics"] == ["Mädchen für MINT"]
    assert stored["free_tags"] == "Robotik, Calliope"
    assert "<strong>Netzwerkerin</strong>" in stored["bio_html"]
    assert "<script>" not in stored["bio_html"]
    assert stored["listed_in_directory"] is True and stored["show_email"] is False


def test_edit_form_shows_saved_values(client, auth, make_topic):
    topic = make_topic("Fördermittel")
    auth.login()
    client.post("/mitglieder/profil", data=form_data(topics=[str(topic.id)]))
    page = client.get("/mitglieder/profil").get_data(as_text=True)
    assert 'value="zdi-Zentrum Kreis Lippe"' in page
    assert f'value="{topic.id}" checked' in page
    assert '<option selected value="NW">' in page


@pytest.mark.parametrize("overrides, message", [
    ({"bundesland": "XX"}, "Bitte wähle ein Bundesland aus der Liste."),
    ({"organisation": "O" * 121}, "Bitte höchstens 120 Zeichen."),
    ({"network_type": "geheim"}, "Bitte wähle eine Art aus der Liste."),
    ({"cohort": "999"}, "Bitte wähle einen Kursdurchgang aus der Liste."),
    ({"topics": ["999"]}, "Bitte wähle nur Themen aus der Liste."),
    ({"free_tags": ",".join(f"t{i}" for i in range(11))}, "Bitte höchstens 10 Schlagwörter."),
    ({"free_tags": "x" * 31}, "Ein Schlagwort darf höchstens 30 Zeichen haben."),
    ({"display_name": " "}, "Bitte gib einen Namen an."),
])
def test_bad_value_shows_german_message_and_keeps_other_input(client, auth, load_profile,
                                                             overrides, message):
    user = auth.login()
    response = client.post("/mitglieder/profil", data=form_data(**overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert 'class="field-error"' in page
    assert "MINT-Mobil planen" in page and 'value="Detmold"' in page
    assert load_profile(user.id) is None


def test_message_stands_next_to_the_bad_field(client, auth):
    auth.login()
    page = client.post("/mitglieder/profil", data=form_data(bundesland="XX")).get_data(
        as_text=True)
    select_end = page.index("</select>", page.index('id="bundesland"'))
    error_at = page.index("Bitte wähle ein Bundesland aus der Liste.", select_end)
    assert 0 < error_at - select_end < 200
    # …and once more in the summary above the form, linking to the field.
    assert page.index('href="#bundesland"') < select_end
    assert 'value="zdi-Zentrum Kreis Lippe"' in page


def test_archived_topic_is_not_offered_but_kept_on_profile(app, client, auth, make_topic,
                                                           load_profile):
    old = make_topic("Alte Initiative", archived=True)
    new = make_topic("Praktikumswoche")
    user = auth.login()
    from alumni_hub.extensions import db
    from alumni_hub.members.models import Profile, Topic
    with app.app_context():
        db.session.add(Profile(user_id=user.id, topics=[db.session.get(Topic, old.id)]))
        db.session.commit()
    assert "Alte Initiative" not in client.get("/mitglieder/profil").get_data(as_text=True)
    client.post("/mitglieder/profil", data=form_data(topics=[str(new.id)]))
    assert load_profile(user.id)["topics"] == ["Alte Initiative", "Praktikumswoche"]
    response = client.post("/mitglieder/profil", data=form_data(topics=[str(old.id)]))
    assert "Bitte wähle nur Themen aus der Liste." in response.get_data(as_text=True)


def test_bio_preview_renders_markdown_without_saving(client, auth, load_profile):
    user = auth.login()
    page = client.post("/mitglieder/profil", data=form_data(
        bio="Hallo *Welt*<script>x</script>", preview="Vorschau")).get_data(as_text=True)
    assert "Vorschau – noch nicht gespeichert:" in page
    assert "<p>Hallo <em>Welt</em>" in page and "<script>x" not in page
    assert 'value="zdi-Zentrum Kreis Lippe"' in page
    assert load_profile(user.id) is None
