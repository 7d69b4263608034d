"""Routes added for issue 14 (language switch, favicon, profile photos) in the route matrix.

A11Y_PAGES is the list tests/browser/test_accessibility.py checks; see its docstring.
"""
PUBLIC, MEMBER = "public", "member"

ACCESS = {
    "accounts.set_language": PUBLIC,
    "favicon": PUBLIC,
}
