"""The Germany tile map: counts per Land, links into the directory, CSS shading, one query."""
import re

from alumni_hub.members.choices import MAP_TILES, map_tiles, shade_class


def test_shade_class_splits_counts_into_thirds_of_the_highest():
    assert [shade_class(n, 9) for n in (0, 1, 3, 4, 6, 7, 9)] == [
        "count-0", "count-low", "count-low", "count-mid", "count-mid", "count-high",
        "count-high"]
    assert shade_class(0, 0) == "count-0"


def test_tile_layout_puts_sh_on_top_and_bw_by_at_the_bottom():
    rows = {code: row for code, (col, row) in MAP_TILES.items()}
    assert rows["SH"] == min(rows.values())
    assert rows["BW"] == rows["BY"] == max(rows.values())
    assert len(set(MAP_TILES.values())) == 16  # no two tiles overlap
    assert {t["code"]: t["count"] for t in map_tiles({"NI": 2})}["NI"] == 2


def test_map_shows_every_land_with_listed_member_counts_and_directory_links(
        client, auth, make_member):
    for _ in range(3):
        make_member(bundesland="NI")
    make_member(bundesland="BY")
    make_member(bundesland="BY", listed_in_directory=False)
    make_member(bundesland=None)
    auth.login()
    page = client.get("/mitglieder/karte").get_data(as_text=True)
    svg = page[page.index("<svg"):page.index("</svg>")]
    tiles = re.findall(r'<a href="/mitglieder/\?bundesland=(\w\w)" class="tile ([\w-]+)"'
                       r'.*?class="tile-count">(\d+)</text>', svg, re.S)
    assert len(tiles) == 16
    by_code = {code: (shade, int(count)) for code, shade, count in tiles}
    assert by_code["NI"] == ("count-high", 3)
    assert by_code["BY"] == ("count-low", 1)
    assert by_code["SH"] == ("count-0", 0)
    assert ">SH</text>" in svg and ">BW</text>" in svg
    assert "4 Mitglieder zeigen sich im Verzeichnis" in page


def test_map_has_accessible_table_and_no_inline_styles(client, auth, make_member):
    make_member(bundesland="SL")
    auth.login()
    page = client.get("/mitglieder/karte").get_data(as_text=True)
    assert "<caption>Mitglieder je Bundesland</caption>" in page
    assert '<a href="/mitglieder/?bundesland=SL">Saarland</a></th>\n          <td>1</td>' in page
    assert "style=" not in page and "<style" not in page
    assert "css/members.css" in page


def test_map_counts_with_one_grouped_query(client, auth, make_member, count_queries):
    for land in ("NI", "NW", "NW", "HE"):
        make_member(bundesland=land)
    auth.login()
    with count_queries() as queries:
        client.get("/mitglieder/karte")
    counting = [q for q in queries if "count(" in q.lower() and "profiles" in q]
    assert len(counting) == 1 and "GROUP BY" in counting[0]
    assert len(queries) <= 4  # session user, login session, counts, unread badge


def test_map_tile_link_leads_to_filtered_directory(client, auth, make_member):
    make_member(display_name="Nora Nord", bundesland="SH")
    make_member(display_name="Sepp Süd", bundesland="BY")
    auth.login()
    page = client.get("/mitglieder/?bundesland=SH").get_data(as_text=True)
    assert "Nora Nord" in page and "Sepp Süd" not in page
