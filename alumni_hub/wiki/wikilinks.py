"""Wiki links [[Seitentitel]] and [[Seitentitel|Linktext]]: find, check, make Markdown links."""
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

# Code is left alone: [[x]] there is meant literally. The patterns follow CommonMark
# (cmark-gfm renders the text): fences of ``` or ~~~ at line start closed by the same fence,
# indented blocks after a blank line, and code spans of any number of backticks.
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?(?<=\n)(?P=fence)[ \t]*$", re.M | re.S)
_SPAN = re.compile(r"(?<![\\`])(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)",
                   re.S)
_INDENTED = re.compile(r"(?: {4}|\t)[ \t]*\S")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d+[.)])[ \t]")
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


def _indented_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of indented code blocks in text[start:end]; indented lines in a list
    or right after a paragraph line are continued text, not code."""
    blocks, pos, previous_blank, in_list, block_start = [], start, True, False, None
    for line in text[start:end].splitlines(keepends=True):
        blank = not line.strip()
        if block_start is not None and not blank and not _INDENTED.match(line):
            blocks.append((block_start, pos))
            block_start = None
        if block_start is None and not blank:
            if _INDENTED.match(line):
                if previous_blank and not in_list:
                    block_start = pos
            elif _LIST_ITEM.match(line):
                in_list = True
            elif previous_blank:
                in_list = False
        previous_blank = blank
        pos += len(line)
    if block_start is not None:
        blocks.append((block_start, end))
    return blocks


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every piece of code in the text, in order."""
    blocks, pos = [], 0
    for fence in _FENCE.finditer(text):
        blocks += _indented_blocks(text, pos, fence.start()) + [fence.span()]
        pos = fence.end()
    blocks += _indented_blocks(text, pos, len(text))
    ranges, pos = [], 0
    for block_start, block_end in blocks + [(len(text), len(text))]:
        ranges += [span.span() for span in _SPAN.finditer(text, pos, block_start)]
        ranges.append((block_start, block_end))
        pos = block_end
    return [r for r in ranges if r[0] < r[1]]


def _split_code(text: str) -> list[tuple[bool, int, str]]:
    """(is_code, offset, chunk) pieces that together make up the text."""
    pieces, pos = [], 0
    for start, end in _code_ranges(text):
        pieces += [(False, pos, text[pos:start]), (True, start, text[start:end])]
        pos = end
    pieces.append((False, pos, text[pos:]))
    return pieces


def _outside_code(text: str) -> list[tuple[int, str]]:
    """(offset, chunk) pairs of the text outside code."""
    return [(offset, chunk) for is_code, offset, chunk in _split_code(text) if not is_code]


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

    return "".join(chunk if is_code else _LINK.sub(replace, chunk)
                   for is_code, _offset, chunk in _split_code(text or ""))
