"""After `flask seed-demo` the demo content is found."""
from tests.search.builders import result_titles


def test_demo_content_is_searchable(runner, auth, client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    auth.login()
    assert result_titles(client.get("/suche/?q=Feuerwehr"))
    assert result_titles(client.get("/suche/?q=Experimentierkisten"))
