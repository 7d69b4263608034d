"""The ONE place where user Markdown becomes safe HTML: cmark-gfm, bounded nesting, then nh3.

Why cmark-gfm (through cmarkgfm) and not Python-Markdown: Python-Markdown's inline
patterns are regular expressions that rescan the rest of the text at every bracket, so
`"[" * 10000` cost minutes, and its block parser recurses per list level (RecursionError at
~500). Limits on top cannot make that linear. cmark-gfm is the CommonMark reference parser
in C, written to run in linear time on the spec's pathological inputs, with GitHub's
tables, strikethrough and autolinks. What it cannot bound is HTML nesting depth, and the
sanitizer's HTML5 tree builder is quadratic in depth, so tags nested deeper than
MAX_DEPTH are flattened (their text stays) before nh3 sees them.
"""
import html as html_lib
import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

from alumni_hub.core.text import visible_text

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

# The longest text any form accepts (a wiki page). Longer input (a preview of an
# oversized form, which the form refuses anyway) is cut here, so no caller can hand the
# parser more work than the largest page.
MAX_SOURCE = 200_000
# Deeper nesting than any real text needs (lists in quotes in tables …).
MAX_DEPTH = 40

# Raw HTML is passed on (UNSAFE) because nh3 removes everything outside the allowlist;
# tagfilter is left out for the same reason.
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE
_EXTENSIONS = ["table", "strikethrough", "autolink"]

# A tag as the HTML parser sees it, quoted values may hold "<" and ">". No unbounded [^>]*:
# an unclosed "<a<a<a…" must not rescan to the end from every "<". A tag with a longer
# quoted value is not counted, but each such tag costs the writer 300 characters, so
# MAX_SOURCE still bounds the depth the sanitizer can be given.
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^<>"']|"[^"]{0,300}"|'[^']{0,300}')*>""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}


def _flatten_deep_tags(html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop opening tags deeper than max_depth and as many closing tags; text is kept.

    One pass over the tags. The HTML may be malformed (it holds the user's raw HTML); the
    result only needs to be shallow, since nh3 sanitizes it afterwards.
    """
    depth = dropped = 0

    def keep_or_drop(match):
        nonlocal depth, dropped
        closing, name, tag = match.group(1), match.group(2).lower(), match.group(0)
        if name in _VOID or tag.endswith("/>"):
            return tag
        if not closing:
            if depth >= max_depth:
                dropped += 1
                return ""
            depth += 1
        elif dropped:
            dropped -= 1
            return ""
        elif depth:
            depth -= 1
        return tag

    return _TAG.sub(keep_or_drop, html)


def _to_html(text: str) -> str:
    html = cmarkgfm.markdown_to_html_with_extensions(
        text[:MAX_SOURCE], options=_CMARK_OPTIONS, extensions=_EXTENSIONS)
    return _flatten_deep_tags(html)


def render(text: str | None) -> str:
    """Turn Markdown into HTML that is safe to store and show as is.

    Raw HTML in the input is escaped by the sanitizer's allowlist: no scripts, no
    styles, no class/id, no data:/javascript: links; links get rel="nofollow noopener".
    Bare URLs outside code become links.
    """
    if not text:
        return ""
    return nh3.clean(
        _to_html(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="nofollow noopener",
        strip_comments=True,
    ).rstrip("\n")


def _plain(safe_html: str) -> str:
    return html_lib.unescape(nh3.clean(safe_html or "", tags=set()))


def shows_text(safe_html: str) -> bool:
    """Whether rendered HTML shows any text: Markdown of only a comment, a script, a rule or
    invisible characters (zero-width spaces) renders to nothing a reader could see (images
    are not allowed, so they count as none)."""
    return bool(visible_text(_plain(safe_html)))


def render_inline_plain(text: str | None, limit: int = 200) -> str:
    """A plain-text excerpt of Markdown, for previews in lists and emails."""
    if not text:
        return ""
    plain = re.sub(r"\s+", " ", _plain(_to_html(text))).strip()
    return plain if len(plain) <= limit else plain[: limit - 1].rstrip() + "…"
