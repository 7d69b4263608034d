"""No lost work: two edits from the same base are merged or shown side by side."""
import html as html_lib
import re

from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page, Revision
from tests.wiki.conftest import current_text, revision_count

BASE = ("## Material\n\nBecherlupen, Pipetten, Schutzbrillen.\n\n"
        "## Ablauf\n\nZuerst die Sicherheitsregeln besprechen.\n\n"
        "## Kosten\n\nEtwa 150 Euro pro Kiste.")


def _edit(client, slug, base_id, body, summary=""):
    return client.post(f"/wiki/{slug}/bearbeiten", data={
        "body": body, "base_revision_id": str(base_id), "summary": summary, "save": "Speichern"})


def _box(html: str) -> str:
    """What the edit box (textarea name=body) holds, as the browser would submit it."""
    match = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', html, re.S)
    return html_lib.unescape(match.group(1)).lstrip("\r\n")


def _base_id(html: str) -> str:
    return re.search(r'name="base_revision_id"[^>]*value="(\d+)"', html).group(1)


def test_plain_edit_creates_new_revision(client, auth, make_page, wiki_db):
    page = make_page(body=BASE)
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE + "\n\nNeu.", "Ergänzt")
    assert response.status_code == 302
    assert "Die Seite wurde gespeichert." in client.get(response.location).get_data(as_text=True)
    assert wiki_db(lambda: current_text(page.slug)).endswith("Neu.")
    assert wiki_db(lambda: revision_count(page.slug)) == 2


def test_non_overlapping_edits_from_same_base_are_merged(app, client, auth, make_page, make_user,
                                                         wiki_db):
    page = make_page(body=BASE)
    first = make_user(display_name="Frieda Erste")
    auth.login(first)
    _edit(client, page.slug, page.revision_id, BASE.replace("Becherlupen", "Lupen"))
    auth.logout()
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE.replace("150 Euro", "180 Euro"))
    assert response.status_code == 302
    shown = client.get(response.location).get_data(as_text=True)
    assert "Deine Änderungen wurden mit denen von Frieda Erste zusammengeführt." in shown
    text = wiki_db(lambda: current_text(page.slug))
    assert "Lupen, Pipetten" in text and "180 Euro" in text and "Becherlupen" not in text
    assert wiki_db(lambda: revision_count(page.slug)) == 3


def test_overlapping_edits_show_conflict_and_lose_no_text(client, auth, make_page, make_user,
                                                          wiki_db):
    page = make_page(body=BASE)
    auth.login(make_user(display_name="Frieda Erste"))
    _edit(client, page.slug, page.revision_id, BASE.replace("150 Euro", "200 Euro (Stand 2025)"))
    auth.logout()
    auth.login()
    mine = BASE.replace("150 Euro", "120 Euro mit Sponsoring").replace("\n", "\r\n")
    response = _edit(client, page.slug, page.revision_id, mine)
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Frieda Erste" in html and "an denselben Stellen wie du" in html
    assert "120 Euro mit Sponsoring" in _box(html)      # my text, in the textarea
    assert "Diese Stelle habt ihr beide geändert" in html
    assert "<ins>200</ins>" in html or "200 Euro (Stand 2025)" in html  # their change
    assert wiki_db(lambda: "200 Euro (Stand 2025)" in current_text(page.slug))  # theirs kept
    assert wiki_db(lambda: revision_count(page.slug)) == 2  # nothing overwritten


def test_saving_again_after_conflict_resolves_it(client, auth, make_page, make_user, wiki_db):
    page = make_page(body=BASE)
    auth.login(make_user())
    _edit(client, page.slug, page.revision_id, BASE.replace("150 Euro", "200 Euro"))
    auth.logout()
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE.replace("150 Euro", "120 Euro"))
    current_id = wiki_db(lambda: db.session.scalar(
        select(Page.current_revision_id).where(Page.slug == page.slug)))
    assert f'value="{current_id}"' in response.get_data(as_text=True)
    resolved = BASE.replace("150 Euro", "120 bis 200 Euro")
    assert _edit(client, page.slug, current_id, resolved).status_code == 302
    assert wiki_db(lambda: current_text(page.slug)) == resolved


def test_saving_box_after_conflict_keeps_their_non_clashing_changes(client, auth, make_page,
                                                                    make_user, wiki_db):
    page = make_page(body=BASE)
    auth.login(make_user(display_name="Frieda Erste"))
    _edit(client, page.slug, page.revision_id,
          BASE.replace("Becherlupen", "Lupen").replace("150 Euro", "200 Euro"))
    auth.logout()
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE.replace("150 Euro", "120 Euro"))
    html = response.get_data(as_text=True)
    box = _box(html)
    assert "Lupen, Pipetten" in box and "Becherlupen" not in box  # their first paragraph
    assert "Etwa 120 Euro" in box and "200 Euro" not in box       # my clashing paragraph
    assert "Stelle 1 – im Textfeld ab Zeile 11" in html
    assert html.count("Etwa 200 Euro pro Kiste.") >= 2  # their version shown beside mine
    assert _edit(client, page.slug, _base_id(html), box).status_code == 302
    text = wiki_db(lambda: current_text(page.slug))
    assert "Lupen, Pipetten" in text and "Etwa 120 Euro" in text and "Becherlupen" not in text


def test_unknown_base_revision_never_overwrites(client, auth, make_page, wiki_db):
    page = make_page(body=BASE)
    auth.login()
    response = _edit(client, page.slug, "kaputt", "Ganz anderer Text.")
    assert response.status_code == 409
    assert "Ganz anderer Text." in response.get_data(as_text=True)
    assert wiki_db(lambda: current_text(page.slug)) == BASE


def test_unchanged_save_adds_no_revision(client, auth, make_page, wiki_db):
    page = make_page(body=BASE)
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE)
    shown = client.get(response.location).get_data(as_text=True)
    assert "Am Text hat sich nichts geändert." in shown
    assert wiki_db(lambda: revision_count(page.slug)) == 1


def test_merge_result_is_stored_as_a_revision_by_the_second_editor(client, auth, make_page,
                                                                   make_user, wiki_db):
    page = make_page(body=BASE)
    auth.login(make_user())
    _edit(client, page.slug, page.revision_id, BASE.replace("Becherlupen", "Lupen"))
    auth.logout()
    second = auth.login()
    _edit(client, page.slug, page.revision_id, BASE.replace("150", "180"))
    authors = wiki_db(lambda: [r.author_id for r in db.session.scalars(
        select(Revision).join(Page, Revision.page_id == Page.id)
        .where(Page.slug == page.slug).order_by(Revision.number))])
    assert authors[-1] == second.id


def test_save_that_loses_a_race_is_retried_and_merged(client, auth, make_page, make_user,
                                                      monkeypatch, app, wiki_db):
    """The other save commits between our check and our insert: the retry merges both."""
    from sqlalchemy.exc import IntegrityError

    from alumni_hub.accounts.models import User
    from alumni_hub.wiki.services import conflicts, revisions

    page = make_page(body=BASE)
    other = make_user(display_name="Otto Gleichzeitig")
    real_save = conflicts.save_edit
    calls = []

    def racing_save(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            with app.app_context():  # a second connection, like another request
                rival = db.session.get(Page, page.id)
                revisions.add_revision(page=rival, actor=db.session.get(User, other.id),
                                       body_md=BASE.replace("Becherlupen", "Lupen"))
                db.session.commit()
            raise IntegrityError("INSERT", {}, Exception("uq_revisions_page_number"))
        return real_save(**kwargs)

    monkeypatch.setattr(conflicts, "save_edit", racing_save)
    auth.login()
    response = _edit(client, page.slug, page.revision_id, BASE.replace("150", "180"))
    assert "Otto Gleichzeitig" in client.get(response.location).get_data(as_text=True)
    text = wiki_db(lambda: current_text(page.slug))
    assert "Lupen, Pipetten" in text and "180 Euro" in text
