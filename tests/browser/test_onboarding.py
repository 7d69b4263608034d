"""The foundation's whole path in a real browser: invited by the admin, registered, profile
filled in, and found on the Germany map and in the directory."""
from tests.browser.test_accounts import _emailed_path


def test_admin_invites_newcomer_who_registers_and_appears_on_map(app, new_page, make_user,
                                                                 login_as):
    admin_page = new_page()
    login_as(admin_page, make_user(role="admin", display_name="Anke Admin"))
    admin_page.goto("/konto/einladen")
    admin_page.fill("textarea[name=emails]", "henrike@example.org")
    admin_page.click("input[type=submit]")
    assert "1 Einladung verschickt." in admin_page.content()

    page = new_page()
    page.goto(_emailed_path(app))
    page.fill("input[name=display_name]", "Henrike Hansen")
    page.fill("input[name=password]", "Kutter-Husum-2025")
    page.fill("input[name=password_confirm]", "Kutter-Husum-2025")
    page.check("input[name=listed_in_directory][value=ja]")
    page.click("input[type=submit]")
    page.wait_for_url("**/mitglieder/profil")

    page.fill("input[name=organisation]", "Wirtschaftsförderung Kreis Nordfriesland")
    page.select_option("select[name=bundesland]", "SH")
    page.fill("input[name=city]", "Husum")
    page.click("input[type=submit][value='Profil speichern']")
    page.wait_for_selector("text=Dein Profil ist gespeichert.")

    page.goto("/mitglieder/karte")
    tile = page.locator("svg a[href$='bundesland=SH']")
    assert tile.get_attribute("aria-label") == "Schleswig-Holstein: 1 Mitglied"
    tile.click()
    page.wait_for_url("**/mitglieder/?bundesland=SH")
    assert "Henrike Hansen" in page.content()
    assert "Wirtschaftsförderung Kreis Nordfriesland" in page.content()
