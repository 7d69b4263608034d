"""Convert the 16 German states from Natural Earth (TopoJSON) into the map's SVG paths, once.

    python scripts/build_germany_map.py path/to/de.topo.json > static/maps/germany-states.json

Input: Natural Earth 1:10m "Admin 1 – States, Provinces" (public domain), the 16 features
with ADM0_A3 = DEU as TopoJSON (quantized arcs; each state's German name in properties.name).
See static/maps/README.md for where the copy used came from.

Output: {"viewBox": ..., "states": {"BW": "M…Z", …}, "labels": {"BW": [x, y], …}} –
paths in an equirectangular projection scaled by cos(51°), so Germany keeps its shape,
simplified per shared arc (Douglas–Peucker) so neighbouring states still meet exactly.
"""
import json
import math
import sys

WIDTH = 480  # px of the viewBox; the SVG scales with the page
TOLERANCE = 0.9  # px: what the simplification may move a border
MIN_RING_AREA = 6.0  # px²: smaller islands vanish at this size anyway
COS_LAT = math.cos(math.radians(51.0))

CODES = {
    "Baden-Württemberg": "BW", "Bayern": "BY", "Berlin": "BE", "Brandenburg": "BB",
    "Bremen": "HB", "Hamburg": "HH", "Hessen": "HE", "Mecklenburg-Vorpommern": "MV",
    "Niedersachsen": "NI", "Nordrhein-Westfalen": "NW", "Rheinland-Pfalz": "RP",
    "Saarland": "SL", "Sachsen": "SN", "Sachsen-Anhalt": "ST", "Schleswig-Holstein": "SH",
    "Thüringen": "TH",
}


def decode_arcs(topology):
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas–Peucker; the end points (where arcs meet) always stay."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    if (x1, y1) == (x2, y2):
        # A closed ring (an island, Berlin): split at its farthest point, keep both halves.
        far = max(range(len(points)), key=lambda i: math.hypot(points[i][0] - x1,
                                                               points[i][1] - y1))
        return simplify(points[:far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)
    length = math.hypot(x2 - x1, y2 - y1) or 1e-12
    worst, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        distance = abs((x2 - x1) * (y1 - py) - (x1 - px) * (y2 - y1)) / length
        if distance > worst:
            worst, index = distance, i
    if worst <= tolerance:
        return [points[0], points[-1]]
    return simplify(points[:index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def build(topology):
    arcs = decode_arcs(topology)
    [objects] = topology["objects"].values()
    lons = [lon for arc in arcs for lon, _ in arc]
    lats = [lat for arc in arcs for _, lat in arc]
    west, north = min(lons), max(lats)
    scale = WIDTH / ((max(lons) - west) * COS_LAT)
    height = math.ceil((north - min(lats)) * scale)

    def project(lon, lat):
        return ((lon - west) * COS_LAT * scale, (north - lat) * scale)

    projected = [simplify([project(*p) for p in arc], TOLERANCE) for arc in arcs]
    states, labels = {}, {}
    for geometry in objects["geometries"]:
        code = CODES[geometry["properties"]["name"]]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts, biggest = [], (0.0, None)
        for polygon in polygons:
            for ring in polygon:
                points = ring_points(ring, projected)
                if len(points) < 4 or area(points) < MIN_RING_AREA:
                    continue
                biggest = max(biggest, (area(points), points), key=lambda item: item[0])
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points[:-1]) + "Z")
        states[code] = "".join(parts)
        ring = biggest[1]
        labels[code] = [round(sum(x for x, _ in ring) / len(ring), 1),
                        round(sum(y for _, y in ring) / len(ring), 1)]
    return {"viewBox": f"0 0 {WIDTH} {height}", "states": dict(sorted(states.items())),
            "labels": dict(sorted(labels.items()))}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        json.dump(build(json.load(source)), sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
