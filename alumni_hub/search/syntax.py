"""What a member typed, as clauses: words, "quoted phrases", -excluded words, prefix*.

Pure: no Flask, no database. Every term is an analyzed ASCII token, so the compiled FTS5
and tsquery strings can never carry syntax a member typed (", NEAR(, AND, quotes …).
"""
import re
from dataclasses import dataclass, field

from alumni_hub.search.analysis import MAX_WORD, STOP_WORDS, stem, words_of

MAX_QUERY = 200
MAX_CLAUSES = 12
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Clause:
    """One or more tokens that must follow each other; `prefix` on a one-word clause."""

    tokens: tuple[str, ...]
    prefix: bool = False
    joined: str | None = None  # "MINT-Mobil": also the one word "mintmobil"


@dataclass
class Query:
    text: str
    required: list[Clause] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # normalized, for highlighting and hints

    @property
    def empty(self) -> bool:
        return not self.required


def _clause(raw: str, *, phrase: bool) -> tuple[Clause | None, list[str]]:
    # Shorter prefixes would merge thousands of terms (FTS5 keeps prefix indexes for 3–6).
    prefix = not phrase and raw.endswith("*") and len(raw.rstrip("*")) >= 3
    words = [w for parts in words_of(raw) for w in parts if len(w) <= MAX_WORD]
    kept = [w for w in words if w not in STOP_WORDS]
    if not kept:
        return None, []
    tokens = tuple(stem(w) for w in kept)
    joined = stem("".join(kept)) if not phrase and len(kept) > 1 else None
    return Clause(tokens, prefix and len(tokens) == 1, joined), kept


def parse(text: str) -> Query:
    """Quoted text is a phrase (an unclosed quote runs to the end), a hyphenated word is
    a phrase of its parts, "-" before a word or phrase excludes it, "*" ends a prefix."""
    text = (text or "").strip()[:MAX_QUERY]
    query = Query(text)
    for match in _TOKEN.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        clause, words = _clause(raw, phrase=match.group(2) is not None)
        if clause is None:
            continue
        target = query.excluded if negated else query.required
        if clause not in target and len(target) < MAX_CLAUSES:
            target.append(clause)
            if not negated:
                query.words.extend(words)
    return query


def to_fts5(query: Query) -> str:
    """An FTS5 MATCH expression; phrases only on the word columns, not the compound parts."""
    def term(clause: Clause) -> str:
        if len(clause.tokens) > 1:
            phrase = '{title_terms body_terms} : "' + " ".join(clause.tokens) + '"'
            return f'({phrase} OR "{clause.joined}")' if clause.joined else phrase
        return f'"{clause.tokens[0]}"' + ("*" if clause.prefix else "")

    expression = " AND ".join(term(c) for c in query.required)
    for clause in query.excluded:
        expression = f"({expression}) NOT {term(clause)}"
    return expression


def to_tsquery(query: Query) -> str:
    """The same query for PostgreSQL's to_tsquery('simple', …)."""
    def term(clause: Clause) -> str:
        if len(clause.tokens) > 1:
            phrase = " <-> ".join(f"'{t}'" for t in clause.tokens)
            return f"({phrase} | '{clause.joined}')" if clause.joined else f"({phrase})"
        return f"'{clause.tokens[0]}'" + (":*" if clause.prefix else "")

    parts = [term(c) for c in query.required] + ["!" + term(c) for c in query.excluded]
    return " & ".join(parts)
