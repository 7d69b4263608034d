""""Meintest du …?": the closest indexed words for a search that found nothing."""
import difflib
import re

from sqlalchemy import func, select

from alumni_hub.extensions import db
from alumni_hub.search import analysis, syntax
from alumni_hub.search.models import SearchWord
from alumni_hub.search.queries import count_matches

MAX_CANDIDATES = 5000
CUTOFF = 0.75


def _closest(word: str) -> str | None:
    # Typos rarely hit the first letter; the range keeps the candidate list small.
    first = word[0]
    candidates = db.session.scalars(
        select(SearchWord.word)
        .where(SearchWord.word >= first, SearchWord.word < first + "\uffff",
               func.length(SearchWord.word).between(len(word) - 2, len(word) + 2))
        .limit(MAX_CANDIDATES)).all()
    if word in candidates:
        return None
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=CUTOFF)
    return matches[0] if matches else None


def suggest(user, text: str) -> str | None:
    """The query with its misspelt words replaced, if that query finds something for `user`."""
    suggestion = text
    changed = False
    for parts in analysis.words_of(text):
        for word in parts:
            if len(word) < 4 or word in analysis.STOP_WORDS or not word.isalpha():
                continue
            better = _closest(word)
            if better:
                suggestion = re.sub(
                    rf"(?i)\b{re.escape(word)}\b",
                    lambda m, b=better: b.capitalize() if m.group()[:1].isupper() else b,
                    suggestion, count=1)
                changed = True
    if not changed:
        return None
    query = syntax.parse(suggestion)
    return suggestion if not query.empty and count_matches(user, query) else None
