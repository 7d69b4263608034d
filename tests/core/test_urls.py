"""safe_next only lets redirects go to paths on this site."""
import pytest

from alumni_hub.core.urls import safe_next


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
