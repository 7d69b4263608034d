"""Routes of the search feature for tests/test_route_matrix.py."""
ACCESS = {"search.results": "member"}
QUERY = {"search.results": {"q": "Feuerwehr"}}


# The accessibility gate (tests/browser/test_accessibility.py), on the demo data: the empty
# search, results with their filters, and a search that finds nothing.
A11Y_PAGES = [
    ("member", "/suche/"), ("member", "/suche/?q=Treffen"),
    ("member", "/suche/?q=Treffen&art=forum"), ("member", "/suche/?q=Xylophonquark"),
]
