"""Snippets with highlighted matches: escaped text with <mark> around the matched words.

Pure: works on the stored plain text of a document (never its HTML), so a snippet can
only ever contain the markup added here.
"""
from functools import lru_cache

from markupsafe import Markup, escape

from alumni_hub.search import analysis, compounds
from alumni_hub.search.syntax import Query

WINDOW = 32
LEAD = 4


def _needles(query: Query) -> tuple[set[str], tuple[str, ...]]:
    exact, prefixes = set(), []
    for clause in query.required:
        if clause.prefix:
            prefixes.append(clause.tokens[0])
        else:
            exact.update(clause.tokens)
    return exact, tuple(prefixes)


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    return analysis.fold(analysis.normalize(word))


@lru_cache(maxsize=50_000)
def _forms(word: str) -> frozenset[str]:
    parts = [p for part in analysis.words_of(word) for p in part]
    forms = {analysis.stem(p) for p in parts} | {analysis.stem("".join(parts))}
    for part in parts:
        forms.update(analysis.stem(c) for c in compounds.split(part))
    return frozenset(forms)


def _matcher(query: Query):
    exact, prefixes = _needles(query)
    cheap = tuple(exact) + prefixes

    def matches(word: str) -> bool:
        folded = _folded(word)
        # Most words share no letters with a term: skip the stemming for them.
        if not any(n in folded for n in cheap):
            return False
        forms = _forms(word)
        return bool(forms & exact) or any(f.startswith(prefixes) for f in forms if prefixes)

    return matches


def _spans(text: str, query: Query) -> list[tuple[int, int, bool]]:
    matches = _matcher(query)
    return [(m.start(), m.end(), matches(m.group())) for m in analysis.WORD.finditer(text)]


def _marked(text: str, spans, start: int, end: int) -> Markup:
    out, cursor = [], start
    for begin, finish, hit in spans:
        if begin < start or finish > end or not hit:
            continue
        out.append(escape(text[cursor:begin]))
        out.append(Markup("<mark>%s</mark>") % text[begin:finish])
        cursor = finish
    out.append(escape(text[cursor:end]))
    return Markup("").join(out)


def highlight(text: str, query: Query) -> Markup:
    """The whole (short) text, matches marked: for titles."""
    return _marked(text, _spans(text, query), 0, len(text))


def snippet(text: str, query: Query, window: int = WINDOW) -> Markup:
    """About `window` words around the densest cluster of matches, with … where cut."""
    spans = _spans(text, query)
    if not spans:
        return Markup("")
    hits = [i for i, span in enumerate(spans) if span[2]]
    best = max(hits, key=lambda i: sum(1 for j in hits if i <= j < i + window), default=0)
    first = max(0, best - LEAD) if hits else 0
    last = min(len(spans), first + window) - 1
    start, end = spans[first][0], spans[last][1]
    body = _marked(text, spans, start, end)
    return (Markup("… ") if first else Markup("")) + body + \
        (Markup(" …") if last < len(spans) - 1 else Markup(""))
