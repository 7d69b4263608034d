"""The start page shows boards and wiki content, so it borrows their builders."""
from tests.boards.conftest import make_category, make_thread  # noqa: F401
from tests.wiki.conftest import make_page  # noqa: F401
