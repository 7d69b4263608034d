"""Pure wiki logic: slugs, wiki-link parsing, word diffs and three-way merges."""
import pytest

from alumni_hub.wiki import wikilinks
from alumni_hub.wiki.diffing import has_changes, word_diff
from alumni_hub.wiki.merging import three_way_merge
from alumni_hub.wiki.slugs import page_slug, slugify


@pytest.mark.parametrize("title, slug", [
    ("Förderprogramme", "foerderprogramme"),
    ("Ansprache von Unternehmen", "ansprache-von-unternehmen"),
    ("Straße & Übergänge: MINT-Mobil!", "strasse-uebergaenge-mint-mobil"),
    ("  Öffentlichkeitsarbeit  ", "oeffentlichkeitsarbeit"),
    ("Café Élan 2024", "cafe-elan-2024"),
])
def test_slug_is_readable_ascii(title, slug):
    assert slugify(title) == slug


def test_slug_of_fixed_path_gets_suffix():
    assert page_slug("Neu") == "neu-seite"


def test_finds_plain_and_labelled_links_outside_code():
    text = "Siehe [[Förderprogramme]] und [[Praktikumswoche|die Woche]]. `[[kein Link]]`"
    links = wikilinks.find_links(text)
    assert [(l.target, l.label) for l in links] == [
        ("Förderprogramme", "Förderprogramme"), ("Praktikumswoche", "die Woche")]


@pytest.mark.parametrize("text, line", [
    ("Zeile eins\nhier [[offen", 2),
    ("leer [[ ]] hier", 1),
    ("ohne Text [[Seite|]]", 1),
    ("ohne Ziel [[|Text]]", 1),
    ("zu ]] viel", 1),
])
def test_link_syntax_errors_name_the_line(text, line):
    with pytest.raises(wikilinks.LinkSyntaxError) as info:
        wikilinks.find_links(text)
    assert info.value.line == line
    assert f"Zeile {line}" in str(info.value.message)


@pytest.mark.parametrize("text", [
    "Text\n\n    code mit [[offen und [[x]]\n\nNach [[Seite]]",
    "Text\n\n\tcode [[x]]\n\nNach [[Seite]]",
    "~~~\n[[offen\n~~~\nNach [[Seite]]",
    "````python\n```\n[[x]]\n````\nNach [[Seite]]",
    "``a `[[x` b`` und [[Seite]]",
    "```[[offen]``` und [[Seite]]",
])
def test_links_in_any_kind_of_code_are_literal(text):
    assert [link.target for link in wikilinks.find_links(text)] == ["Seite"]
    md = wikilinks.to_markdown(text, lambda target: ("/wiki/x", None))
    assert md.count("](</wiki/x>)") == 1 and md.count("[[") == text.count("[[") - 1


@pytest.mark.parametrize("text", [
    "- Punkt\n\n    Fortsetzung mit [[Seite]]",   # continued list item, not code
    "Absatz\n    noch der Absatz [[Seite]]",      # lazy continuation, not code
    "~~~\nnie geschlossen\n[[Seite]]",             # Markdown shows an unclosed fence as text
])
def test_indented_or_fenced_looking_text_that_is_not_code_keeps_links(text):
    assert [link.target for link in wikilinks.find_links(text)] == ["Seite"]


def test_links_become_markdown_links():
    text = "Mehr in [[Förderprogramme|Fördertöpfen]], `[[Code]]` bleibt."
    md = wikilinks.to_markdown(text, lambda target: ("/wiki/x", None))
    assert md == "Mehr in [Fördertöpfen](</wiki/x>), `[[Code]]` bleibt."


def test_word_diff_marks_changed_words_only():
    segments = word_diff("Die Kiste kostet 50 Euro.", "Die Kiste kostet 80 Euro.")
    assert ("del", "50") in segments and ("ins", "80") in segments
    assert "".join(t for op, t in segments if op != "ins") == "Die Kiste kostet 50 Euro."
    assert not has_changes(word_diff("gleich", "gleich"))


BASE = "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n"


def test_merge_of_edits_to_different_paragraphs_keeps_both():
    theirs = BASE.replace("Erster", "Allererster")
    mine = BASE.replace("Dritter", "Letzter")
    result = three_way_merge(BASE, theirs, mine)
    assert result.clean
    assert "Allererster Absatz." in result.text and "Letzter Absatz." in result.text


def test_merge_of_edits_to_the_same_line_reports_conflict_with_both_texts():
    result = three_way_merge(BASE, BASE.replace("Zweiter", "Ihr zweiter"),
                             BASE.replace("Zweiter", "Mein zweiter"))
    assert not result.clean
    region = result.conflicts[0]
    assert "Ihr zweiter" in region.theirs and "Mein zweiter" in region.mine
    assert "Zweiter Absatz." in region.base
    assert result.text == BASE.replace("Zweiter", "Mein zweiter")  # mine where they clash
    assert region.line == 3


def test_conflicting_merge_keeps_their_other_changes_and_all_of_mine():
    theirs = BASE.replace("Erster", "Ihr erster").replace("Dritter", "Ihr dritter")
    mine = BASE.replace("Dritter", "Mein dritter")
    result = three_way_merge(BASE, theirs, mine)
    assert not result.clean and len(result.conflicts) == 1
    assert result.text == "Ihr erster Absatz.\n\nZweiter Absatz.\n\nMein dritter Absatz.\n"
    assert result.conflicts[0].theirs == "Ihr dritter Absatz.\n"
    assert result.conflicts[0].line == 5
    # Saving the box (now based on their version) keeps their first paragraph.
    saved = three_way_merge(theirs, theirs, result.text)
    assert saved.clean and "Ihr erster Absatz." in saved.text and "Mein dritter" in saved.text


def test_merge_tolerates_windows_line_endings_and_missing_final_newline():
    result = three_way_merge("a\nb\nc", "A\nb\nc", "a\r\nb\r\nC")
    assert result.clean and result.text == "A\nb\nC\n"
