"""The promote route needs boards (built in parallel); the integrator runs this after merging."""
import html as html_lib
import re

import pytest

boards_models = pytest.importorskip("alumni_hub.boards.models")

from alumni_hub.accounts.models import User  # noqa: E402
from alumni_hub.extensions import db  # noqa: E402
from alumni_hub.wiki.models import Page  # noqa: E402
from alumni_hub.wiki.services import promote, revisions  # noqa: E402
from alumni_hub.wiki.services import creation as pages
from tests.wiki.builders import current_text  # noqa: E402

LONG_TITLE = ("Wie motiviert man Jugendliche für Berufsorientierung außerhalb der Schulzeit, "
              "wenn Ferienangebote, Sportvereine und Jugendzentren schon voll sind und die "
              "Betriebe kaum Plätze haben?")


@pytest.fixture
def make_post(app, make_user):
    """make_post(title=) → id of a board post by Paula Praxis in a thread with that title."""
    def build(title="Was gehört in ein MINT-Mobil?"):
        author = make_user(display_name="Paula Praxis")
        with app.app_context():
            category = boards_models.Category(name="Tipps", slug=f"tipps-{author.id}")
            db.session.add(category)
            db.session.flush()
            thread = boards_models.Thread(category_id=category.id, kind="discussion",
                                          title=title, author_id=author.id)
            db.session.add(thread)
            db.session.flush()
            post = boards_models.Post(thread_id=thread.id, author_id=author.id,
                                      body_md="Ein Mikroskop pro Gruppe.", body_html="")
            db.session.add(post)
            db.session.commit()
            return post.id

    return build


@pytest.fixture
def post(make_post):
    return make_post()


# The boards' own address and the generic one every registered tip source has.
@pytest.mark.parametrize("address", ["/wiki/aus-beitrag/{post}", "/wiki/uebernehmen/post/{post}"])
def test_member_turns_post_into_new_wiki_page(client, auth, post, address):
    auth.login()
    url = address.format(post=post)
    form = client.get(url).get_data(as_text=True)
    assert 'value="Was gehört in ein MINT-Mobil?"' in form
    response = client.post(url, data={
        "mode": "new", "title": "MINT-Mobil-Ausstattung", "body": "Ein Mikroskop pro Gruppe."})
    html = client.get(response.location).get_data(as_text=True)
    assert "Ursprünglich von Paula Praxis im Forum" in html
    assert f'href="/foren/beitrag/{post}"' in html


def test_member_appends_post_to_existing_page(client, auth, post, make_page):
    page = make_page(title="MINT-Mobil-Ausstattung", body="Liste.")
    auth.login()
    client.post(f"/wiki/aus-beitrag/{post}", data={"mode": "append", "page_id": page.id,
                                                   "body": "Mikroskope."})
    html = client.get(f"/wiki/{page.slug}").get_data(as_text=True)
    assert "Liste." in html and "Mikroskope." in html and "Paula Praxis" in html


def test_missing_post_is_404(client, auth):
    auth.login()
    assert client.get("/wiki/aus-beitrag/99999").status_code == 404


def test_long_thread_title_is_trimmed_for_new_page_and_can_be_saved(client, auth, make_post,
                                                                    wiki_db):
    assert 150 < len(LONG_TITLE) <= 200
    post_id = make_post(title=LONG_TITLE)
    auth.login()
    form = client.get(f"/wiki/aus-beitrag/{post_id}").get_data(as_text=True)
    prefilled = re.search(r'name="title"[^>]*value="([^"]*)"', form).group(1)
    prefilled = html_lib.unescape(prefilled)
    assert len(prefilled) <= 150 and prefilled.endswith("…")
    assert LONG_TITLE.startswith(prefilled[:-1])
    response = client.post(f"/wiki/aus-beitrag/{post_id}", data={
        "mode": "new", "title": prefilled, "body": "Ferienangebote mit Verpflegung."})
    assert response.status_code == 302
    assert prefilled in client.get(response.location).get_data(as_text=True)


def test_long_thread_title_does_not_block_appending(client, auth, make_post, make_page,
                                                    wiki_db):
    page = make_page(title="Jugendliche erreichen", body="Liste.")
    post_id = make_post(title=LONG_TITLE)
    auth.login()
    response = client.post(f"/wiki/aus-beitrag/{post_id}", data={
        "mode": "append", "page_id": page.id, "title": LONG_TITLE, "body": "Mit Verpflegung."})
    assert response.status_code == 302
    assert "Mit Verpflegung." in wiki_db(lambda: current_text(page.slug))


def test_too_long_title_for_new_page_gets_german_message_and_keeps_text(client, auth, post):
    auth.login()
    html = client.post(f"/wiki/aus-beitrag/{post}", data={
        "mode": "new", "title": LONG_TITLE, "body": "Mein Tipp."}).get_data(as_text=True)
    assert "Der Titel ist zu lang (höchstens 150 Zeichen)." in html and "Mein Tipp." in html


def test_promote_to_title_taken_at_the_same_instant_gets_message_and_keeps_text(
        client, auth, post, make_page, monkeypatch, wiki_db):
    make_page(title="MINT-Mobil-Ausstattung", body="Erste Fassung")
    # As if the other page was committed right after the title check.
    monkeypatch.setattr(pages, "check_title",
                        lambda title, **kw: ("MINT-Mobil-Ausstattung", "mint-mobil-ausstattung"))
    auth.login()
    response = client.post(f"/wiki/aus-beitrag/{post}", data={
        "mode": "new", "title": "MINT-Mobil-Ausstattung", "body": "Mein Mikroskop-Tipp."})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "gleichzeitig gespeichert" in html and "Mein Mikroskop-Tipp." in html
    assert wiki_db(lambda: current_text("mint-mobil-ausstattung")) == "Erste Fassung"


def test_append_that_loses_a_race_gets_message_and_keeps_text(
        app, client, auth, post, make_page, make_user, monkeypatch, wiki_db):
    page = make_page(title="MINT-Mobil-Ausstattung", body="Liste.")
    rival = make_user()
    real_promote = promote.promote_text

    def promote_after_rival(**kwargs):
        with app.app_context():  # another request saves the page first
            revisions.add_revision(page=db.session.get(Page, page.id),
                                   actor=db.session.get(User, rival.id), body_md="Neue Liste.")
            db.session.commit()
        return real_promote(**kwargs)

    monkeypatch.setattr(promote, "promote_text", promote_after_rival)
    auth.login()
    response = client.post(f"/wiki/aus-beitrag/{post}", data={
        "mode": "append", "page_id": page.id, "body": "Mein Akku-Tipp."})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "gleichzeitig gespeichert" in html and "Mein Akku-Tipp." in html
    assert wiki_db(lambda: current_text(page.slug)) == "Neue Liste."


def test_post_of_former_member_is_credited_to_ehemaliges_mitglied(client, auth, post, app,
                                                                  wiki_db):
    with app.app_context():
        db.session.get(boards_models.Post, post).author_id = None
        db.session.commit()
    auth.login()
    form = client.get(f"/wiki/aus-beitrag/{post}").get_data(as_text=True)
    assert "Ehemaliges Mitglied" in form
    client.post(f"/wiki/aus-beitrag/{post}", data={"mode": "new", "title": "Mikroskope",
                                                   "body": "Eins pro Gruppe."})
    text = wiki_db(lambda: current_text("mikroskope"))
    assert "Ursprünglich von Ehemaliges Mitglied im Forum" in text


def test_unknown_tip_source_is_not_found(client, auth, post):
    auth.login()
    response = client.get(f"/wiki/uebernehmen/nirgendwo/{post}")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.get_data(as_text=True)
