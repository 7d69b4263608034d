"""@mentions: the pure parser, linking, and matching display names in the database."""
from alumni_hub.boards.mentions import extract_mentions, link_mentions


def test_bracket_and_underscore_forms_are_found_case_insensitively():
    text = "Frag doch @[Jürgen Groß] oder @mia_MITGLIED und @Anna."
    assert extract_mentions(text) == ["jürgen groß", "mia mitglied", "anna"]


def test_mentions_in_code_and_email_addresses_do_not_count():
    text = "Schreib an info@example.org, `@[Niemand Hier]` und\n```\n@Code\n```"
    assert extract_mentions(text) == []


def test_each_name_is_reported_once():
    assert extract_mentions("@[Mia Mitglied] @Mia_Mitglied @[mia  mitglied]") == ["mia mitglied"]


def test_known_mentions_become_links_or_bold_unknown_stay():
    text = "Hallo @[Mia Mitglied], @Moritz_Moderator und @[Unbekannt]"
    out = link_mentions(text, {"mia mitglied": "/mitglieder/3", "moritz moderator": None})
    assert out == "Hallo [@Mia Mitglied](/mitglieder/3), **@Moritz Moderator** und @[Unbekannt]"


def test_mention_is_matched_against_display_names_and_rendered(app, client, auth, make_user,
                                                               make_thread, add_reply):
    from alumni_hub.boards.services.posts import find_mentioned  # noqa: PLC0415

    make_user(display_name="Mia Mitglied")
    make_user(display_name="Mia Andere")
    with app.app_context():
        found = find_mentioned("Was meinst du, @[mia mitglied]? Und @Niemand?")
        assert [u.display_name for u in found] == ["Mia Mitglied"]
