"""Pure @mention parsing: `@[Vorname Nachname]` for any display name, `@Vorname_Nachname` too."""
import re

# `@[...]` takes any name up to the closing bracket; the short form takes word characters
# and underscores (which stand for spaces), so "@Mia_Mitglied" means "Mia Mitglied".
_BRACKET = re.compile(r"(?<![\w@])@\[([^\]\n]{1,80})\]")
_SHORT = re.compile(r"(?<![\w@\[])@([^\W\d][\w\-]*(?:_[\w\-]+)*)")
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)


def _outside_code(text: str) -> str:
    return " ".join(_CODE.split(text or "")[::2])


def _norm(name: str) -> str:
    return " ".join(name.split()).lower()


def extract_mentions(text: str) -> list[str]:
    """Names mentioned in `text`, normalised (single spaces, lowercase), first mention first.

    Mentions inside code spans and code blocks do not count.
    """
    plain = _outside_code(text)
    found: list[str] = []
    for match in _BRACKET.finditer(plain):
        found.append(_norm(match.group(1)))
    for match in _SHORT.finditer(plain):
        found.append(_norm(match.group(1).replace("_", " ")))
    return list(dict.fromkeys(name for name in found if name))


def link_mentions(text: str, names_to_urls: dict[str, str]) -> str:
    """Mark mentions of known names (normalised keys) outside code: a Markdown link where
    the name maps to a URL, bold text where it maps to None. Unknown names stay as typed."""
    def replace(match):
        raw = match.group(1)
        label = raw.replace("_", " ") if match.re is _SHORT else raw
        key = _norm(label)
        if key not in names_to_urls:
            return match.group(0)
        url = names_to_urls[key]
        return f"[@{label}]({url})" if url else f"**@{label}**"

    parts = _CODE.split(text or "")
    for i in range(0, len(parts), 2):
        parts[i] = _SHORT.sub(replace, _BRACKET.sub(replace, parts[i]))
    return "".join(parts)


def normalise(name: str) -> str:
    return _norm(name)
