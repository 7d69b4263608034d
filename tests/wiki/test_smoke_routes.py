"""Quick walk through every wiki page as a member and a moderator."""


def test_walk(client, auth, make_page, make_user):
    mod = make_user(role="moderator")
    p = make_page(title="Förderprogramme", body="Siehe [[Experimentierkisten]] und [[Neu hier|x]].",
                  edits=["Zweite Fassung mit [[Praktikumswoche]]."])
    make_page(title="Experimentierkisten", body="Kisten. [[Förderprogramme]]")
    auth.login(mod)
    for url in ["/wiki/", "/wiki/aenderungen", "/wiki/veraltet", "/wiki/geloescht", "/wiki/neu",
                f"/wiki/{p.slug}", f"/wiki/{p.slug}/versionen", f"/wiki/{p.slug}/bearbeiten",
                f"/wiki/{p.slug}/vergleich?von=1&bis=2", f"/wiki/{p.slug}/version/1",
                f"/wiki/{p.slug}/umbenennen", "/wiki/experimentierkisten"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.get_data(as_text=True)[:3000])
