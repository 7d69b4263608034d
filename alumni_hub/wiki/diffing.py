"""Word-by-word differences between two texts, as plain (op, text) segments for templates."""
import difflib
import re

# Words, runs of whitespace and single punctuation marks are the units compared.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

EQUAL, INSERT, DELETE = "equal", "ins", "del"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall((text or "").replace("\r\n", "\n"))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text), …] with op in equal/ins/del; consecutive segments of one op are joined."""
    a, b = _tokens(old), _tokens(new)
    segments: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == op:
            segments[-1] = (op, segments[-1][1] + text)
        else:
            segments.append((op, text))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(EQUAL, "".join(a[i1:i2]))
        else:
            # A replacement shows the removed words first, then the new ones.
            add(DELETE, "".join(a[i1:i2]))
            add(INSERT, "".join(b[j1:j2]))
    return segments


def has_changes(segments: list[tuple[str, str]]) -> bool:
    return any(op != EQUAL for op, _ in segments)
