"""Quick walk through every wiki page as a member and a moderator."""


def test_walk(client, auth, make_page, make_user):
    mod = make_user(role="moderator")
    p = make_page(title="Förderprogramme", body="Siehe [[Experimentierkisten]] und [[Neu hier|x]].",
                  edits=["Zweite Fassung mit [[Praktikumswoche]]."])
    make_page(title="Experimentierkisten", body="Kisten. [[Förderprogramme]]")
    auth.login(mod)
    # What each page must show, so a page that renders but lost its content fails too.
    expected = {
        "/wiki/": ["Förderprogramme", "Experimentierkisten"],
        "/wiki/aenderungen": ["Förderprogramme", "Experimentierkisten"],
        "/wiki/veraltet": ["Lange nicht bestätigte Seiten"],
        "/wiki/geloescht": ["Gelöschte Wiki-Seiten"],
        "/wiki/neu": ['name="title"'],
        f"/wiki/{p.slug}": ["Zweite Fassung mit", 'href="/wiki/experimentierkisten"'],
        f"/wiki/{p.slug}/versionen": ["Versionen von „Förderprogramme“", "Ergänzt",
                                     f"/wiki/{p.slug}/version/2"],
        f"/wiki/{p.slug}/bearbeiten": ["Zweite Fassung mit [[Praktikumswoche]]."],
        f"/wiki/{p.slug}/vergleich?von=1&bis=2": ["Vergleich: „Förderprogramme“", "<ins>"],
        f"/wiki/{p.slug}/version/1": ["„Förderprogramme“, Version 1", "Siehe"],
        f"/wiki/{p.slug}/umbenennen": ["„Förderprogramme“ umbenennen"],
        "/wiki/experimentierkisten": ["Kisten.", f'href="/wiki/{p.slug}"'],
    }
    for url, texts in expected.items():
        r = client.get(url)
        page = r.get_data(as_text=True)
        assert r.status_code == 200, (url, page[:3000])
        for text in texts:
            assert text in page, (url, text)
