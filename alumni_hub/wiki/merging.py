"""Three-way merge of two edits that started from the same text (line-based, via merge3)."""
from dataclasses import dataclass, field

import merge3


@dataclass(frozen=True)
class ConflictRegion:
    """Lines both sides changed: what the base had, what they made of it, what I made of it."""

    base: str
    theirs: str
    mine: str


@dataclass(frozen=True)
class MergeResult:
    text: str | None  # the merged text when clean, else None
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

    Clean when they changed different lines (with an unchanged line in between);
    otherwise the overlapping regions are returned and nothing is decided for the user.
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
                                            "".join(m[b1:b2])))
    if conflicts:
        return MergeResult(None, conflicts)
    return MergeResult("".join(merged))
