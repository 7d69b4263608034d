"""German text to index terms: folding, stop words, Snowball stems, compound parts.

The same analysis runs on documents and on queries, in Python, so that SQLite FTS5 and
PostgreSQL full-text search only ever compare ready-made ASCII terms and find the same.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from alumni_hub.search import compounds

SOFT_HYPHEN = "\u00ad"
# Hyphen-like characters that join the parts of one word ("MINT-Mobil", "Berufs‐orientierung").
_HYPHENS = "-\u2010\u2011\u2012\u2013"
WORD = re.compile(rf"\w+(?:[{_HYPHENS}]\w+)*")
_SPLIT_HYPHENS = re.compile(rf"[{_HYPHENS}]")
MAX_WORD = 60

# Snowball's German stop word list, shortened to words that never carry a search.
STOP_WORDS = frozenset("""
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
anderes anderm andern anders auch auf aus bei bin bis bist da damit dann das dass dasselbe
dazu dein deine deinem deinen deiner dem demselben den denn denselben der derer derselbe
derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser
dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigem einigen
einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures für gegen gewesen
hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt
kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen
mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht
nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie
sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere
unserem unseren unser unseres unter viel vom von vor während war waren warst was weg weil
weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst
wo wollen wollte würde würden zu zum zur zwar zwischen
""".split())

_stemmer = Stemmer.Stemmer("german")
_stemmer.maxCacheSize = 100_000


@dataclass
class Analysis:
    """Terms of one text: `words` in order (phrases match on them), `extra` compound parts
    and hyphen-joined forms (found, but ranked below a match of the word itself)."""

    words: list[str]
    extra: list[str]


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace(SOFT_HYPHEN, "")).lower()


def fold(term: str) -> str:
    """ASCII letters only: "café" → "cafe" (the stemmer already maps ä → a, ß → ss)."""
    decomposed = unicodedata.normalize("NFKD", term.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one normalized word ("Feuerwehren" → "feuerwehr")."""
    return fold(_stemmer.stemWord(word))


def words_of(text: str) -> list[list[str]]:
    """Normalized words, each as its hyphen-separated parts (stop words kept)."""
    return [[p for p in _SPLIT_HYPHENS.split(m.group()) if p][:8]
            for m in WORD.finditer(normalize(text))]


def analyze(text: str) -> Analysis:
    result = Analysis([], [])
    for parts in words_of(text):
        joined = "".join(parts)
        if len(joined) > MAX_WORD:
            continue
        kept = [p for p in parts if p not in STOP_WORDS]
        result.words.extend(stem(p) for p in kept)
        if len(parts) > 1:
            result.extra.append(stem(joined))
        for part in (parts if len(parts) > 1 else kept):
            result.extra.extend(stem(c) for c in compounds.split(part))
    return result


def terms(text: str) -> tuple[str, str]:
    """The two indexed strings of a text: its words, and its compound parts."""
    analysis = analyze(text)
    return " ".join(analysis.words), " ".join(analysis.extra)
