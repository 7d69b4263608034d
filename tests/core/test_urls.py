"""safe_next only lets redirects go to paths on this site."""
import pytest

from alumni_hub.core.urls import safe_next
from tests.conftest import TEST_PASSWORD


@pytest.mark.parametrize("target", [
    "/", "/foren/", "/wiki/foerderprogramme?version=3#abschnitt", "  /mitglieder/  ",
])
def test_local_paths_are_kept(target):
    assert safe_next(target, "/start") == target.strip()


@pytest.mark.parametrize("target", [
    None, "", "https://evil.example/", "http://evil.example", "//evil.example/path",
    "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example/path",
    "foren/", "/\t/evil.example", "/\n/evil.example", "data:text/html,x",
])
def test_foreign_or_odd_targets_fall_back_to_default(target):
    assert safe_next(target, "/start") == "/start"


@pytest.mark.parametrize("target", ["/\r\nSet-Cookie:pwn=1", "/foren\nx", "/a\tb", "/x\x00",
                                    "/ok\x7f"])
def test_next_with_control_characters_goes_to_the_default(target):
    assert safe_next(target, "/start") == "/start"


def test_login_with_crlf_in_next_redirects_home_instead_of_failing(client, make_user):
    user = make_user()
    response = client.post("/konto/anmelden?next=/%0D%0ASet-Cookie:pwn=1", data={
        "email": user.email, "password": TEST_PASSWORD,
        "next": "/\r\nSet-Cookie:pwn=1"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "pwn" not in response.headers.get("Set-Cookie", "")
