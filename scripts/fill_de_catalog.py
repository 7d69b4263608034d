"""After `make messages`: German msgids ARE the German text, so copy each into its msgstr."""
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CATALOG = Path(__file__).resolve().parents[1] / "translations/de/LC_MESSAGES/messages.po"


def fill(path: Path = CATALOG) -> int:
    """Set msgstr = msgid for every untranslated or fuzzy entry; return how many changed."""
    with open(path, "rb") as po:
        catalog = read_po(po, locale="de")
    changed = 0
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, (tuple, list)):
            wanted = tuple(message.id)
            done = all(message.string) if message.string else False
        else:
            wanted, done = message.id, bool(message.string)
        if not done or message.fuzzy:
            message.string = wanted
            message.flags.discard("fuzzy")
            changed += 1
    with open(path, "wb") as po:
        write_po(po, catalog, ignore_obsolete=True)
    return changed


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else CATALOG
    print(f"{fill(target)} German message(s) filled in {target}")
