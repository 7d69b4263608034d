"""Splitting German compound words into known parts ("Experimentierkisten" → experimentier, kisten)."""
import re
from functools import lru_cache

# A part must be a common German word: wordfreq's Zipf scale, 3.0 = once per million words.
MIN_ZIPF = 3.0
MIN_HEAD = 4
MIN_WORD = 7
# Linking elements (Fugen) between a modifier and the next part: Praktikum-s-woche.
LINKS = ("es", "en", "er", "s", "n", "e")
# Endings that are words on their own but, at the end of a word, are suffixes: splitting
# "Schülerinnen" into "schüler" + "innen" would let "innen" find every feminine plural.
_VOWEL = re.compile("[aeiouyäöü]")
NOT_HEADS = frozenset({"innen", "ungen", "schaft", "schaften", "heit", "keit", "lich", "isch",
                       "chen", "lein", "ling", "nisse", "tion", "tionen", "haft", "igkeit"})


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Common German words (lower case, umlauts kept), loaded once per process (~0.3 s)."""
    from wordfreq import get_frequency_dict  # noqa: PLC0415 - 40k words, only when needed

    threshold = 10 ** (MIN_ZIPF - 9)
    return frozenset(w for w, f in get_frequency_dict("de", wordlist="large").items()
                     if f >= threshold and len(w) >= MIN_HEAD and w.isalpha())


def _strip_link(part: str) -> list[str]:
    return [part] + [part[:-len(link)] for link in LINKS
                     if part.endswith(link) and len(part) - len(link) >= 3]


def split(word: str) -> tuple[str, ...]:
    """split() on the word as wordfreq spells it: case-folded, so "ß" is "ss"."""
    return _split(word.replace("ß", "ss"))


@lru_cache(maxsize=300_000)
def _split(word: str) -> tuple[str, ...]:
    """The parts of a compound (at least two, head last), or () when it is not one.

    The head (last part) is the longest known word the compound ends in; the modifier
    before it may be any stem ("schwimm", "experimentier"), but is split further only into
    parts that are all known words, so that "experimentier" does not yield "tier".
    """
    if len(word) < MIN_WORD:
        return ()
    known = vocabulary()
    for start in range(3, len(word) - MIN_HEAD + 1):
        head = word[start:]
        if head in known and head not in NOT_HEADS and _VOWEL.search(word[:start]):
            return (*_modifier_parts(word[:start]), head)
    return ()


def _modifier_parts(modifier: str) -> tuple[str, ...]:
    known = vocabulary()
    for candidate in _strip_link(modifier):
        parts = _split(candidate)
        if parts and all(p in known for p in parts[:-1]):
            # The modifier itself too: "Fachkräfte" finds "Fachkräftesicherung".
            return (candidate, *parts)
    return (modifier,)
