"""Routes of the search feature for tests/test_route_matrix.py."""
ACCESS = {"search.results": "member"}
QUERY = {"search.results": {"q": "Feuerwehr"}}
