"""Turning a board post into a wiki tip, tested on the service with plain data."""
import pytest

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import PermissionDenied, ValidationError
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services.promote import promote_text

SOURCE = {"source_url": "/foren/beitrag/7", "source_author_name": "Paula Praxis",
          "source_title": "Was gehört in ein MINT-Mobil?"}


def test_promote_creates_new_page_crediting_author_and_thread(app, make_user):
    actor = make_user()
    with app.app_context():
        page, revision = promote_text(actor=db.session.get(User, actor.id),
                                      text_md="Ein Mikroskop pro Gruppe.",
                                      new_title="MINT-Mobil-Ausstattung", **SOURCE)
        assert page.slug == "mint-mobil-ausstattung" and revision.number == 1
        assert revision.body_md.startswith("Ein Mikroskop pro Gruppe.")
        assert "Ursprünglich von Paula Praxis im Forum" in revision.body_md
        assert '<a href="/foren/beitrag/7"' in revision.body_html
        assert "Was gehört in ein MINT-Mobil?</a>" in revision.body_html


def test_promote_appends_to_existing_page_as_new_revision(app, make_user, make_page):
    target = make_page(title="MINT-Mobil-Ausstattung", body="Bisherige Liste.")
    actor = make_user()
    with app.app_context():
        page = db.session.get(Page, target.id)
        _, revision = promote_text(actor=db.session.get(User, actor.id), text_md="Akkus!",
                                   append_to_page=page, **SOURCE)
        assert revision.number == 2
        assert revision.body_md.startswith("Bisherige Liste.\n\nAkkus!")
        assert "Paula Praxis" in revision.body_md and revision.author_id == actor.id


def test_promote_refuses_protected_page_for_member(app, make_user, make_page):
    target = make_page(protected=True)
    actor = make_user()
    with app.app_context():
        with pytest.raises(PermissionDenied):
            promote_text(actor=db.session.get(User, actor.id), text_md="x",
                         append_to_page=db.session.get(Page, target.id), **SOURCE)


@pytest.mark.parametrize("kwargs, field", [
    ({"text_md": "Text", "new_title": ""}, "title"),
    ({"text_md": "   ", "new_title": "Titel"}, None),
    ({"text_md": "Siehe [[offen", "new_title": "Titel"}, "body"),
])
def test_promote_bad_input_gets_german_message(app, make_user, kwargs, field):
    actor = make_user()
    with app.app_context():
        with pytest.raises(ValidationError) as info:
            promote_text(actor=db.session.get(User, actor.id), **kwargs, **SOURCE)
        assert info.value.field == field and str(info.value.message)


def test_promote_escapes_markdown_in_thread_title(app, make_user):
    actor = make_user()
    with app.app_context():
        _, revision = promote_text(actor=db.session.get(User, actor.id), text_md="Tipp",
                                   new_title="Klammern", source_url="/foren/beitrag/1",
                                   source_author_name="A_B", source_title="[Frage] *wichtig*")
        assert "[Frage] *wichtig*</a>" in revision.body_html
