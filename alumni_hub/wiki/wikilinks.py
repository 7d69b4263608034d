"""Wiki links [[Seitentitel]] and [[Seitentitel|Linktext]]: find, check, make Markdown links."""
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

# Code spans and fenced blocks are left alone: [[x]] there is meant literally.
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)
_LINK = re.compile(r"\[\[(.*?)\]\]")
MAX_TARGET_LENGTH = 150


@dataclass(frozen=True)
class WikiLink:
    target: str
    label: str


class LinkSyntaxError(ValueError):
    """A malformed wiki link; `message` is German text for the user, `line` is 1-based."""

    def __init__(self, message, line: int):
        super().__init__(str(message))
        self.message = message
        self.line = line


def _outside_code(text: str) -> list[tuple[int, str]]:
    """(offset, chunk) pairs of the text outside code spans."""
    chunks, pos = [], 0
    for match in _CODE.finditer(text):
        chunks.append((pos, text[pos:match.start()]))
        pos = match.end()
    chunks.append((pos, text[pos:]))
    return chunks


def _parse_inner(inner: str) -> WikiLink | None:
    target, sep, label = inner.partition("|")
    target = " ".join(target.split())
    label = " ".join(label.split()) if sep else target
    if not target or not label or "[" in inner or "]" in inner or len(target) > MAX_TARGET_LENGTH:
        return None
    return WikiLink(target=target, label=label)


def _check_chunk(text: str, chunk: str, offset: int) -> None:
    def line_at(index: int) -> int:
        return text.count("\n", 0, offset + index) + 1

    for match in _LINK.finditer(chunk):
        if "\n" in match.group(1) or _parse_inner(match.group(1)) is None:
            raise LinkSyntaxError(
                _l("Ungültiger Wiki-Link in Zeile %(line)s: „%(link)s“. Schreib [[Seitentitel]] "
                   "oder [[Seitentitel|Linktext]] – Titel und Linktext dürfen nicht leer sein.",
                   line=line_at(match.start()), link=match.group(0)[:60]),
                line_at(match.start()))
    rest = _LINK.sub(lambda m: " " * len(m.group(0)), chunk)
    for marker in ("[[", "]]"):
        index = rest.find(marker)
        if index >= 0:
            raise LinkSyntaxError(
                _l("Wiki-Link in Zeile %(line)s ist nicht geschlossen: zu jedem „[[“ gehört "
                   "ein „]]“.", line=line_at(index)), line_at(index))


def find_links(text: str) -> list[WikiLink]:
    """All wiki links in order; raises LinkSyntaxError for the first malformed one."""
    links = []
    for offset, chunk in _outside_code(text or ""):
        _check_chunk(text, chunk, offset)
        links.extend(_parse_inner(m.group(1)) for m in _LINK.finditer(chunk))
    return links


def _escape_label(label: str) -> str:
    return re.sub(r"([\\\[\]*_`<>])", r"\\\1", label)


def to_markdown(text: str, href_for: Callable[[str], tuple[str, str | None]]) -> str:
    """Replace each [[…]] by a Markdown link; href_for(target) gives (url, title-or-None).

    Run before core.markup.render(); the text must have passed find_links().
    """
    def replace(match: re.Match) -> str:
        link = _parse_inner(match.group(1))
        url, title = href_for(link.target)
        suffix = f' "{title}"' if title else ""
        return f"[{_escape_label(link.label)}](<{url}>{suffix})"

    pieces, pos = [], 0
    for match in _CODE.finditer(text or ""):
        pieces += [_LINK.sub(replace, text[pos:match.start()]), match.group(0)]
        pos = match.end()
    pieces.append(_LINK.sub(replace, (text or "")[pos:]))
    return "".join(pieces)
