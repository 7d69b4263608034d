"""Hostile Markdown in the profile text: preview and save answer, nothing typed is lost."""
import pytest

from tests.members.builders import profile_form_data as form_data

DEEP_LIST = "- " * 500 + "x"


@pytest.mark.parametrize("button", ["preview", "save"])
def test_deeply_nested_bio_is_shown_not_a_server_error(client, auth, load_profile, button):
    user = auth.login()
    response = client.post("/mitglieder/profil", data=form_data(bio=DEEP_LIST, **{button: "1"}),
                           follow_redirects=True)
    assert response.status_code == 200
    if button == "save":
        assert load_profile(user.id)["bio_md"] == DEEP_LIST
    else:
        assert "- - x" in response.get_data(as_text=True)
