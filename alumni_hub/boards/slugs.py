"""A local slug helper (core.text.slugify is being written on another branch)."""
import re
import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue",
                          "ß": "ss"})


def slugify(text: str, max_length: int = 80) -> str:
    """'Fragen & Antworten' -> 'fragen-antworten'; German umlauts are spelled out."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_UMLAUTS))
    text = text.encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:max_length].rstrip("-")
