"""Three-way merge of two edits that started from the same text (line-based, via merge3)."""
from dataclasses import dataclass, field

import merge3


@dataclass(frozen=True)
class ConflictRegion:
    """Lines both sides changed: what the base had, what they made of it, what I made of it.

    `line` is where `mine` starts (1-based) in the merged text, so the user can find it.
    """

    base: str
    theirs: str
    mine: str
    line: int = 1


@dataclass(frozen=True)
class MergeResult:
    # Always the merged text: both sides' changes where they do not overlap, and "mine"
    # where they do — so every character the user typed is still there.
    text: str
    conflicts: list[ConflictRegion] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def normalize(text: str | None) -> str:
    """Browsers send \\r\\n; compare and store with \\n only."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def _lines(text: str) -> list[str]:
    # A missing final newline would make an edit of the last line clash with an append.
    text = normalize(text)
    if text and not text.endswith("\n"):
        text += "\n"
    return text.splitlines(keepends=True)


def three_way_merge(base: str, theirs: str, mine: str) -> MergeResult:
    """Merge `theirs` and `mine`, both edited from `base`.

    Clean when they changed different lines (with an unchanged line in between). Where
    both changed the same lines, the text keeps "mine" and the region is reported, so
    the user decides what to take over from "theirs".
    """
    b, t, m = _lines(base), _lines(theirs), _lines(mine)
    merged: list[str] = []
    conflicts: list[ConflictRegion] = []
    for region in merge3.Merge3(b, t, m).merge_regions():
        kind = region[0]
        if kind == "unchanged":
            merged += b[region[1]:region[2]]
        elif kind in ("a", "same"):
            merged += t[region[1]:region[2]]
        elif kind == "b":
            merged += m[region[1]:region[2]]
        else:
            z1, z2, a1, a2, b1, b2 = region[1:]
            conflicts.append(ConflictRegion("".join(b[z1:z2]), "".join(t[a1:a2]),
                                            "".join(m[b1:b2]), line=len(merged) + 1))
            merged += m[b1:b2]
    return MergeResult("".join(merged), conflicts)
