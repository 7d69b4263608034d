"""A member never finds what they cannot open: hidden posts, deleted pages, unlisted or
deactivated members, other people's private documents."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.members.models import Profile
from alumni_hub.search import indexing, providers
from alumni_hub.search.models import SearchDocument
from alumni_hub.search.providers import Document, SearchProvider
from alumni_hub.wiki.models import Page
from alumni_hub.wiki.services import moderation


def test_deleted_wiki_page_is_found_by_moderators_only(app, auth, make_user, search_page,
                                                      search_titles):
    page_id = search_page("Zeppelinbau", "Ein Luftschiff aus Pappe.")
    moderator = make_user(role="moderator")
    with app.app_context():
        moderation.delete_page(page=db.session.get(Page, page_id),
                               actor=db.session.get(User, moderator.id))
        db.session.commit()
    auth.login()
    assert search_titles("Luftschiff") == []
    auth.logout()
    auth.login(moderator)
    assert search_titles("Luftschiff") == ["Zeppelinbau"]


def test_restored_wiki_page_is_found_again(app, auth, make_user, search_page, search_titles):
    page_id = search_page("Zeppelinbau", "Ein Luftschiff aus Pappe.")
    moderator = make_user(role="moderator")
    with app.app_context():
        page, actor = db.session.get(Page, page_id), db.session.get(User, moderator.id)
        moderation.delete_page(page=page, actor=actor)
        db.session.commit()
        moderation.restore_page(page=page, actor=actor)
        db.session.commit()
    auth.login()
    assert search_titles("Luftschiff") == ["Zeppelinbau"]


def test_unlisted_member_is_never_found(auth, make_user, search_member, search_titles):
    search_member("Grace Hopper", listed=False, can_help_with="Compilerbau")
    auth.login()
    assert search_titles("Compilerbau") == []
    assert search_titles("Grace Hopper") == []
    auth.logout()
    auth.login(make_user(role="admin"))
    assert search_titles("Compilerbau") == []


def test_member_who_unlists_themself_disappears_at_once(app, auth, search_member,
                                                       search_titles):
    user = search_member("Ada Lovelace", can_help_with="Robotik")
    auth.login()
    assert search_titles("Robotik") == ["Ada Lovelace"]
    with app.app_context():
        db.session.get(Profile, user.id).listed_in_directory = False
        db.session.commit()
    assert search_titles("Robotik") == []


def test_deactivated_member_is_not_found(app, auth, search_member, search_titles):
    user = search_member("Ada Lovelace", can_help_with="Robotik")
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    auth.login()
    assert search_titles("Robotik") == []


def test_renamed_member_is_found_by_new_name(app, auth, search_member, search_titles):
    user = search_member("Ada Byron", can_help_with="Robotik")
    with app.app_context():
        db.session.get(User, user.id).display_name = "Ada Lovelace"
        db.session.commit()
    auth.login()
    assert search_titles("Lovelace") == ["Ada Lovelace"]


def _private_notes_provider():
    """A stand-in for chat rooms and buddy pairs: each note readable by its owner only."""
    return SearchProvider(
        source="test-note", kind="notes", label=_l("Notizen"), model=Profile,
        load=lambda ids: db.session.scalars(select(Profile).where(Profile.user_id.in_(ids))),
        document=lambda p: Document(title=f"Notiz {p.user_id}", body=p.seeks_help_with,
                                    url="/", created_at=p.updated_at,
                                    audience=f"note:{p.user_id}"),
        dated_ids=lambda: select(Profile.user_id, Profile.updated_at),
        audiences=lambda user: [f"note:{user.id}"])


def test_private_documents_are_found_by_their_audience_only(app, auth, make_user,
                                                           search_titles):
    owner, other = make_user(), make_user()
    provider = _private_notes_provider()
    providers.register_search_provider(provider)
    try:
        with app.app_context():
            db.session.add(Profile(user_id=owner.id, seeks_help_with="Geheimtipp Tiefbau"))
            db.session.commit()
            assert db.session.scalar(select(SearchDocument.audience).where(
                SearchDocument.source == "test-note")) == f"note:{owner.id}"
        auth.login(other)
        assert search_titles("Tiefbau") == []
        auth.logout()
        auth.login(owner)
        assert search_titles("Tiefbau") == [f"Notiz {owner.id}"]
    finally:
        providers._providers.pop(provider.source)
        with app.app_context():
            indexing.reindex_all(db.session)
            db.session.commit()


def test_deleted_account_leaves_neither_profile_nor_name_in_results(
        app, auth, search_member, search_thread, search_titles, client):
    ada = search_member("Ada Lovelace", can_help_with="Robotik")
    search_thread("Roboter-AG", "Robotik am Nachmittag.", author=ada)
    with app.app_context():
        db.session.delete(db.session.get(Profile, ada.id))
        db.session.delete(db.session.get(User, ada.id))
        db.session.commit()
    auth.login()
    assert search_titles("Robotik") == ["Roboter-AG"]
    assert "Ada Lovelace" not in client.get("/suche/?q=Robotik").get_data(as_text=True)
