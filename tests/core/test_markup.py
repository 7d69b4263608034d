"""core.markup.render turns hostile Markdown and HTML into safe HTML, and ordinary Markdown into HTML."""
import pytest

from alumni_hub.core.markup import render, render_inline_plain, shows_text


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "Hallo <script src='https://evil.example/x.js'></script>",
    "<img src=x onerror=alert(1)>",
    '<a href="#" onclick="alert(1)">klick</a>',
    "<iframe src='https://evil.example'></iframe>",
    "<svg onload=alert(1)>",
    '<form action="https://evil.example"><input name="p"></form>',
])
def test_scripts_event_handlers_and_active_elements_are_removed(hostile):
    html = render(hostile).lower()
    for needle in ("<script", "onerror", "onclick", "onload", "<iframe", "<svg", "<form",
                   "<input", "<img"):
        assert needle not in html


@pytest.mark.parametrize("source", [
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">klick</a>',
    '<a href="data:text/html,<script>alert(1)</script>">klick</a>',
    "![bild](javascript:alert(1))",
])
def test_javascript_and_data_links_lose_their_target(source):
    html = render(source).lower()
    assert "javascript:" not in html
    assert "data:" not in html


def test_style_class_and_id_attributes_are_stripped():
    html = render('<p style="color:red" class="x" id="login">Text</p>')
    assert "Text" in html
    for attribute in ("style=", "class=", "id="):
        assert attribute not in html


def test_links_get_nofollow_noopener():
    html = render("[MINT-Region](https://www.mint-regionen.de)")
    assert 'href="https://www.mint-regionen.de"' in html
    assert 'rel="nofollow noopener"' in html


def test_bare_urls_become_links():
    html = render("Siehe https://www.zdi-portal.de/netzwerke für die Liste.")
    assert '<a href="https://www.zdi-portal.de/netzwerke" rel="nofollow noopener">' in html
    assert "Liste." in html


@pytest.mark.parametrize("source", [
    "`https://example.org/code`",
    "```\nhttps://example.org/block\n```",
    "    https://example.org/indented",
])
def test_bare_urls_inside_code_stay_unlinked(source):
    html = render(source)
    assert "<code>" in html
    assert "<a " not in html
    assert "https://example.org/" in html


def test_markdown_links_are_not_linked_twice():
    html = render("[Portal](https://www.zdi-portal.de)")
    assert html.count("<a ") == 1


def test_headings_lists_emphasis_quotes_and_tables_render():
    source = ("## Förderprogramme\n\n- Erstens\n- **Zweitens**\n\n1. eins\n2. zwei\n\n"
              "> Zitat\n\n| Land | Netzwerke |\n| --- | ---: |\n| Niedersachsen | 12 |\n")
    html = render(source)
    for tag in ("<h2>", "<ul>", "<ol>", "<li>", "<strong>", "<blockquote>", "<table>",
                "<th", "<td"):
        assert tag in html
    assert "Förderprogramme" in html and "Niedersachsen" in html


def test_raw_html_text_survives_as_escaped_text():
    html = render("Nutze <b>fett</b> und 3 < 5 & 7 > 2")
    assert "<b>fett</b>" in html
    assert "3 &lt; 5 &amp; 7 &gt; 2" in html


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_input_gives_empty_html(empty):
    assert render(empty) == ""


def test_plain_excerpt_has_no_markup_and_is_shortened():
    text = render_inline_plain("# Titel\n\n**fett** <script>x</script> " + "wort " * 100,
                               limit=50)
    assert "<" not in text and "*" not in text
    assert len(text) <= 50 and text.endswith("…")


@pytest.mark.parametrize("source", [
    "~~~\nhttps://example.org/tilde\n~~~", "``https://example.org/double``",
    "    https://example.org/indented",
])
def test_urls_in_code_are_shown_exactly_as_typed(source):
    html = render(source)
    assert "&lt;https" not in html and "https://example.org/" in html


def test_url_in_link_text_does_not_nest_links():
    html = render("[siehe https://a.example/x](https://b.example)")
    assert html.count("<a ") == 1 and 'href="https://b.example"' in html


def test_url_in_html_attribute_is_left_alone():
    html = render('<abbr title="siehe https://a.example">MINT</abbr>')
    assert html == '<p><abbr title="siehe https://a.example">MINT</abbr></p>'


@pytest.mark.parametrize(("source", "href"), [
    ("Text (https://a.example/x) weiter.", "https://a.example/x"),
    ("Siehe https://de.wikipedia.org/wiki/MINT_(Bildung).",
     "https://de.wikipedia.org/wiki/MINT_(Bildung)"),
    ("Zwei: https://c.example, danach", "https://c.example"),
    ("**https://b.example**", "https://b.example"),
    ("| Link |\n| --- |\n| https://t.example |", "https://t.example"),
])
def test_bare_url_ends_where_a_reader_would_end_it(source, href):
    assert f'<a href="{href}" rel="nofollow noopener">{href}</a>' in render(source)


@pytest.mark.parametrize(("text", "visible"), [
    ("Hallo", True), ("**fett**", True), ("<!-- nur ein Kommentar -->", False),
    ("<script>alert(1)</script>", False), ("---", False), ("&nbsp;", False),
])
def test_shows_text_tells_whether_rendered_markdown_shows_anything(text, visible):
    assert shows_text(render(text)) is visible
