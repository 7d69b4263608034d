"""slugify() and split_tags() are pure functions other features rely on."""
import pytest

from alumni_hub.core.text import german_sort_key, slugify, split_tags


@pytest.mark.parametrize("text, slug", [
    ("Mädchen für MINT", "maedchen-fuer-mint"),
    ("Öffentlichkeitsarbeit", "oeffentlichkeitsarbeit"),
    ("außerschulische Lernorte", "ausserschulische-lernorte"),
    ("Über Größe & Maß", "ueber-groesse-mass"),
    ("  MINT-Mobil!! ", "mint-mobil"),
    ("Café Crème", "cafe-creme"),
    ("", ""),
    ("!!!", ""),
])
def test_slugify_transliterates_umlauts_and_strips_punctuation(text, slug):
    assert slugify(text) == slug


def test_slugify_respects_max_length_without_trailing_dash():
    assert slugify("abc def ghi", max_length=4) == "abc"


def test_split_tags_trims_dedupes_and_keeps_first_spelling():
    assert split_tags(" MINT ,  #Robotik, mint,, Schüler   Labor ") == [
        "MINT", "Robotik", "Schüler Labor"]


def test_split_tags_of_nothing_is_empty():
    assert split_tags(None) == [] and split_tags(" , ") == []


def test_german_sort_key_orders_umlauts_with_their_base_letter_and_ignores_case():
    names = ["Öffentlichkeitsarbeit", "MINT-Mobil", "Mädchen", "zdi", "Ausbildung", "Straße"]
    assert sorted(names, key=german_sort_key) == [
        "Ausbildung", "Mädchen", "MINT-Mobil", "Öffentlichkeitsarbeit", "Straße", "zdi"]
