"""The choropleth map of the 16 Länder: outlines from static/maps, shades by member count.

The outlines are Natural Earth data converted once by scripts/build_germany_map.py; this
module only reads them (pure: no Flask, no database).
"""
import json
from functools import cache
from pathlib import Path

from alumni_hub.members.models import BUNDESLAENDER

OUTLINES = Path(__file__).resolve().parents[2] / "static" / "maps" / "germany-states.json"

# Where the count sits when the centre of the outline would collide with a neighbour's
# (Berlin lies inside Brandenburg; Hamburg borders Schleswig-Holstein).
LABEL_NUDGE = {"BB": (38, 62), "HH": (6, -6)}


@cache
def outlines() -> dict:
    with open(OUTLINES, encoding="utf-8") as source:
        return json.load(source)


def shade_class(count: int, highest: int) -> str:
    """CSS class for a Land: count-0, or low/mid/high in thirds of the highest count."""
    if count <= 0 or highest <= 0:
        return "count-0"
    share = count / highest
    if share <= 1 / 3:
        return "count-low"
    if share <= 2 / 3:
        return "count-mid"
    return "count-high"


def map_states(counts: dict[str, int]) -> list[dict]:
    """Everything the map template draws per Land: outline, label point, name, count, shade.

    The city states come last, so they are drawn on top of the Land around them.
    """
    data, highest = outlines(), max(counts.values(), default=0)
    states = []
    for code, name in BUNDESLAENDER.items():
        x, y = data["labels"][code]
        dx, dy = LABEL_NUDGE.get(code, (0, 0))
        states.append({"code": code, "name": name, "path": data["states"][code],
                       "x": round(x + dx, 1), "y": round(y + dy, 1),
                       "count": counts.get(code, 0),
                       "shade": shade_class(counts.get(code, 0), highest)})
    return sorted(states, key=lambda s: s["code"] in ("BE", "HB", "HH"))


def view_box() -> str:
    return outlines()["viewBox"]
