"""Two members edit the same wiki page in two browsers at once: nobody's text is lost."""

BASE = ("## Material\n\nBecherlupen, Pipetten, Schutzbrillen.\n\n"
        "## Ablauf\n\nZuerst die Sicherheitsregeln besprechen.\n\n"
        "## Kosten\n\nEtwa 150 Euro pro Kiste.")


def _open_editor(new_page, login_as, user, slug):
    page = new_page()
    login_as(page, user)
    page.goto(f"/wiki/{slug}/bearbeiten")
    return page


def _save(page, text):
    page.fill("textarea[name=body]", text)
    page.click("input[name=save]")
    page.wait_for_load_state()


def _anna_and_ben_edit(new_page, login_as, make_user, make_page):
    """A page open in two browsers' editors: Anna's first, Ben's second."""
    wiki = make_page(body=BASE)
    anna = make_user(display_name="Anna Anfang")
    ben = make_user(display_name="Ben Berger")
    return (wiki, _open_editor(new_page, login_as, anna, wiki.slug),
            _open_editor(new_page, login_as, ben, wiki.slug))


def test_overlapping_edits_in_two_browsers_show_conflict_and_keep_both_texts(
        wiki_text, new_page, login_as, make_user, make_page):
    wiki, first, second = _anna_and_ben_edit(new_page, login_as, make_user, make_page)
    anna_text = BASE.replace("150 Euro", "200 Euro (Stand 2025)")
    ben_text = BASE.replace("150 Euro", "120 Euro mit Sponsoring")
    _save(first, anna_text)
    assert "Die Seite wurde gespeichert." in first.content()
    _save(second, ben_text)
    assert "an denselben Stellen wie du" in second.content()
    assert "Anna Anfang" in second.locator(".wiki-theirs").inner_text()
    assert second.input_value("textarea[name=body]").replace("\r\n", "\n") == ben_text
    assert "200 Euro (Stand 2025)" in second.input_value("#wiki-current-text")
    assert wiki_text(wiki.slug) == anna_text
    resolved = BASE.replace("150 Euro", "120 bis 200 Euro (Stand 2025)")
    _save(second, resolved)
    assert "Die Seite wurde gespeichert." in second.content()
    assert wiki_text(wiki.slug) == resolved


def test_non_overlapping_edits_in_two_browsers_are_merged(wiki_text, new_page, login_as,
                                                          make_user, make_page):
    wiki, first, second = _anna_and_ben_edit(new_page, login_as, make_user, make_page)
    _save(first, BASE.replace("Becherlupen", "Lupen"))
    _save(second, BASE.replace("150 Euro", "180 Euro"))
    assert "Deine Änderungen wurden mit denen von Anna Anfang zusammengeführt." in second.content()
    body = second.locator(".prose").inner_text()
    assert "Lupen, Pipetten" in body and "180 Euro" in body and "Becherlupen" not in body
    text = wiki_text(wiki.slug)
    assert "Lupen, Pipetten" in text and "180 Euro" in text


def test_saving_after_conflict_keeps_the_other_persons_non_clashing_change(
        wiki_text, new_page, login_as, make_user, make_page):
    wiki, first, second = _anna_and_ben_edit(new_page, login_as, make_user, make_page)
    _save(first, BASE.replace("Becherlupen", "Lupen").replace("150 Euro", "200 Euro"))
    _save(second, BASE.replace("150 Euro", "120 Euro"))
    assert "Stelle 1" in second.locator(".wiki-conflict-regions").inner_text()
    box = second.input_value("textarea[name=body]")
    assert "Lupen, Pipetten" in box and "Becherlupen" not in box and "120 Euro" in box
    second.click("input[name=save]")  # save the box as it is
    second.wait_for_load_state()
    assert "Die Seite wurde gespeichert." in second.content()
    text = wiki_text(wiki.slug)
    assert "Lupen, Pipetten" in text and "120 Euro" in text and "Becherlupen" not in text
