"""The ONE place where user Markdown becomes safe HTML: Python-Markdown, then nh3."""
import html as html_lib
import re
import xml.etree.ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# Bare URLs in text become links. This runs on Markdown's element tree, after code spans,
# code blocks, links and raw HTML are already elements or stashed away, so a URL inside
# code, inside a link or inside an HTML attribute is never touched.
_BARE_URL = re.compile(r"https?://[^\s<>\"'`\x02\x03]+")
_TRAILING = ".,;:!?*'\""
_NO_AUTOLINK = {"a", "code", "pre"}


def _trim(url: str) -> str:
    """Drop trailing punctuation, and a closing bracket that the URL did not open."""
    while url:
        if url[-1] in _TRAILING:
            url = url[:-1]
        elif url[-1] == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            return url
    return url


def _split_urls(text: str) -> tuple[str, list[tuple[str, str]]]:
    """'a https://x b' -> ('a ', [('https://x', ' b')])."""
    pieces, position = [], 0
    for match in _BARE_URL.finditer(text):
        url = _trim(match.group())
        if not url.partition("://")[2]:
            continue
        pieces += [text[position:match.start()], url]
        position = match.start() + len(url)
    pieces.append(text[position:])
    return pieces[0], list(zip(pieces[1::2], pieces[2::2]))


def _anchors(links):
    for url, tail in links:
        anchor = etree.Element("a", {"href": url})
        anchor.text, anchor.tail = url, tail
        yield anchor


class _AutolinkTreeprocessor(Treeprocessor):
    def run(self, root):
        self._linkify(root)

    def _linkify(self, element) -> None:
        if element.tag in _NO_AUTOLINK:
            return
        for child in list(element):
            self._linkify(child)
            if child.tail:
                child.tail, links = _split_urls(child.tail)
                index = list(element).index(child) + 1
                for offset, anchor in enumerate(_anchors(links)):
                    element.insert(index + offset, anchor)
        if element.text:
            element.text, links = _split_urls(element.text)
            for offset, anchor in enumerate(_anchors(links)):
                element.insert(offset, anchor)


class _AutolinkExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (priority 20) have built links and code spans.
        md.treeprocessors.register(_AutolinkTreeprocessor(md), "alumni_hub_autolink", 15)


_MD_EXTENSIONS = ["extra", "sane_lists", _AutolinkExtension()]


def render(text: str | None) -> str:
    """Turn Markdown into HTML that is safe to store and show as is.

    Raw HTML in the input is escaped by the sanitizer's allowlist: no scripts, no
    styles, no class/id, no data:/javascript: links; links get rel="nofollow noopener".
    """
    if not text:
        return ""
    html = markdown.markdown(text, extensions=_MD_EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    )


def shows_text(safe_html: str) -> bool:
    """Whether rendered HTML shows any text: Markdown of only a comment, a script or a rule
    renders to nothing a reader could see (images are not allowed, so they count as none)."""
    return bool(html_lib.unescape(nh3.clean(safe_html or "", tags=set())).strip())


def render_inline_plain(text: str | None, limit: int = 200) -> str:
    """A plain-text excerpt of Markdown, for previews in lists and emails."""
    if not text:
        return ""
    plain = html_lib.unescape(nh3.clean(markdown.markdown(text), tags=set()))
    plain = re.sub(r"\s+", " ", plain).strip()
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"
