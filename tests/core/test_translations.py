"""Both catalogs are complete, and a user who chose English gets English pages."""
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_babel import get_babel
from markupsafe import escape

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
# The same keywords as `make messages` (pybabel extract -k _l -k lazy_gettext).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


def _extracted_messages() -> set[tuple[str, str | None]]:
    """(msgid, context) of every translatable string in the code and the templates."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    for pattern, method in method_map:
        if method == "jinja2":
            # A template the extractor cannot parse must fail here, not vanish silently.
            options_map.setdefault(pattern, {})["silent"] = "false"
    found = set()
    for _filename, _lineno, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        msgid = message[0] if isinstance(message, (tuple, list)) else message
        if msgid:
            found.add((msgid, context))
    return found


def _catalog(lang: str):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=lang)


def _translated(entry) -> bool:
    strings = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
    return not entry.fuzzy and all(strings)


def test_extraction_finds_the_skeleton_strings():
    msgids = {msgid for msgid, _context in _extracted_messages()}
    assert {"Anmelden", "Seite nicht gefunden", "Angemeldet bleiben"} <= msgids


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_message_is_translated(lang):
    catalog = _catalog(lang)
    missing = sorted(msgid for msgid, context in _extracted_messages()
                     if (entry := catalog.get(msgid, context=context)) is None
                     or not _translated(entry))
    assert not missing, (f"{len(missing)} message(s) missing or untranslated in {lang}; run "
                         f"`make messages` and translate them. First ones:\n"
                         + "\n".join(missing[:20]))


def _compile_catalogs(app) -> None:
    """Write fresh .mo files (as `make translations` does) and drop cached translations."""
    for lang in app.config["LANGUAGES"]:
        po_path = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            with open(mo_path, "wb") as mo:
                write_mo(mo, _catalog(lang))
    with app.app_context():
        get_babel(app).instance.domain_instance.cache.clear()


def test_english_catalog_says_sign_in():
    entry = _catalog("en").get("Anmelden")
    assert entry is not None and entry.string == "Sign in"


def test_member_who_chose_english_sees_english_start_page(app, client, auth, make_user):
    _compile_catalogs(app)
    catalog = _catalog("en")
    welcome = catalog.get("Willkommen, %(name)s!").string
    logout = catalog.get("Abmelden").string
    assert welcome and welcome != "Willkommen, %(name)s!" and logout and logout != "Abmelden"
    user = auth.login(make_user(locale="en", display_name="Ada Lovelace"))
    page = client.get("/").get_data(as_text=True)
    assert str(escape(welcome % {"name": user.display_name})) in page
    assert str(escape(logout)) in page
    assert "Willkommen" not in page and ">Abmelden<" not in page
    assert '<html lang="en"' in page


def test_german_member_sees_german_page_marked_as_german(client, auth):
    auth.login()
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="de"' in page and "Willkommen" in page


def test_fill_de_catalog_copies_msgids_into_missing_and_fuzzy_entries(tmp_path):
    from babel.messages.catalog import Catalog  # noqa: PLC0415
    from babel.messages.pofile import write_po  # noqa: PLC0415

    from scripts.fill_de_catalog import fill  # noqa: PLC0415

    catalog = Catalog(locale="de")
    catalog.add("Leer")
    catalog.add("Unscharf", "Alt", flags=["fuzzy"])
    catalog.add("Fertig", "Fertig!")
    catalog.add(("Ein Beitrag", "%(num)d Beiträge"), ("", ""))
    path = tmp_path / "messages.po"
    with open(path, "wb") as po:
        write_po(po, catalog)
    assert fill(path) == 3
    with open(path, "rb") as po:
        filled = read_po(po, locale="de")
    assert filled.get("Leer").string == "Leer"
    assert filled.get("Unscharf").string == "Unscharf" and not filled.get("Unscharf").fuzzy
    assert filled.get("Fertig").string == "Fertig!"
    assert tuple(filled.get("Ein Beitrag").string) == ("Ein Beitrag", "%(num)d Beiträge")
