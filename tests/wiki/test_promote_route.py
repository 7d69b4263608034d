"""The promote route needs boards (built in parallel); the integrator runs this after merging."""
import pytest

boards_models = pytest.importorskip("alumni_hub.boards.models")

from alumni_hub.extensions import db  # noqa: E402


@pytest.fixture
def post(app, make_user):
    author = make_user(display_name="Paula Praxis")
    with app.app_context():
        category = boards_models.Category(name="Tipps", slug="tipps")
        db.session.add(category)
        db.session.flush()
        thread = boards_models.Thread(category_id=category.id, kind="discussion",
                                      title="Was gehört in ein MINT-Mobil?", author_id=author.id)
        db.session.add(thread)
        db.session.flush()
        post = boards_models.Post(thread_id=thread.id, author_id=author.id,
                                  body_md="Ein Mikroskop pro Gruppe.", body_html="")
        db.session.add(post)
        db.session.commit()
        return post.id


def test_member_turns_post_into_new_wiki_page(client, auth, post):
    auth.login()
    form = client.get(f"/wiki/aus-beitrag/{post}").get_data(as_text=True)
    assert 'value="Was gehört in ein MINT-Mobil?"' in form
    response = client.post(f"/wiki/aus-beitrag/{post}", data={
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
