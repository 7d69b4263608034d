"""Page view, history and recent changes cost a fixed number of queries, however big the wiki."""
import pytest


def _build(make_page, make_user, n):
    authors = [make_user() for _ in range(min(n, 8))]
    page = make_page(title=f"Ziel {n}", edits=[f"Fassung {i}" for i in range(n)],
                     author=authors[0])
    for i in range(n):
        make_page(title=f"Quelle {n}-{i}", body=f"Siehe [[Ziel {n}]].",
                  author=authors[i % len(authors)])
    return page


@pytest.mark.parametrize("path", ["/wiki/{slug}", "/wiki/{slug}/versionen", "/wiki/aenderungen",
                                  "/wiki/"])
def test_query_count_does_not_grow_with_revisions_and_backlinks(client, auth, make_page, make_user,
                                                                count_queries, path):
    small = _build(make_page, make_user, 3)
    big = _build(make_page, make_user, 50)
    auth.login()
    counts = []
    for page in (small, big):
        with count_queries() as queries:
            response = client.get(path.format(slug=page.slug))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 12
