"""Members in a real browser: fill in the profile, find it via the map and the filters."""


def test_member_fills_profile_and_finds_self_via_map_and_filter(page, make_user, login_as,
                                                                  app):
    from alumni_hub.extensions import db
    from alumni_hub.members.models import Topic

    with app.app_context():
        db.session.add(Topic(name="MINT-Mobil", slug="mint-mobil", archived=False))
        db.session.commit()
    user = make_user(display_name="Bettina Browser")
    login_as(page, user)
    page.goto("/mitglieder/profil")
    page.fill("input[name=organisation]", "zdi-Zentrum Kreis Lippe")
    page.select_option("select[name=bundesland]", "NW")
    page.select_option("select[name=network_type]", "zdi")
    page.check("text=MINT-Mobil")
    page.check("input[name=listed_in_directory]")
    page.fill("textarea[name=bio]", "Ich baue ein **MINT-Mobil**.")
    page.click("input[type=submit][value='Profil speichern']")
    page.wait_for_selector("text=Dein Profil ist gespeichert.")
    assert page.inner_html(".prose").strip() == "<p>Ich baue ein <strong>MINT-Mobil</strong>.</p>"

    page.goto("/mitglieder/karte")
    page.click("svg a[href$='bundesland=NW']")
    page.wait_for_url("**/mitglieder/?bundesland=NW")
    assert "Bettina Browser" in page.content()

    page.goto("/mitglieder/")
    page.select_option("select[name=bundesland]", "BY")  # members.js submits on change
    page.wait_for_url("**bundesland=BY**")
    assert "0 Mitglieder gefunden" in page.content()
