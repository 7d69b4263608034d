"""Pure thread-tree building: plain rows (id, parent_id) in, nested nodes out; no database."""
from dataclasses import dataclass, field
from typing import Any

MAX_DEPTH = 6


@dataclass
class Node:
    """One post in the tree. `reply_to` is the parent item when the depth cap moved the node
    up (the page then says "Antwort auf NAME"), else None."""

    item: Any
    depth: int
    children: list["Node"] = field(default_factory=list)
    reply_to: Any = None

    @property
    def size(self) -> int:
        """Number of posts in this subtree below this node."""
        total, stack = 0, list(self.children)
        while stack:
            node = stack.pop()
            total += 1
            stack.extend(node.children)
        return total


def build_tree(rows, *, max_depth: int = MAX_DEPTH) -> list[Node]:
    """Nest rows (objects with .id and .parent_id) by parent; roots have depth 0.

    Rows are placed in id order (ids grow with time, so siblings are chronological).
    A node that would be deeper than `max_depth` stays at `max_depth`, placed after its
    parent in the same list, with `reply_to` set. Rows whose parent is missing become roots.
    Iterative, so a chain of thousands of replies does not hit the recursion limit.
    """
    ordered = sorted(rows, key=lambda r: r.id)
    nodes: dict[int, Node] = {}
    # The list each node lives in; a capped node joins its parent's list.
    home: dict[int, list[Node]] = {}
    roots: list[Node] = []
    for row in ordered:
        parent_node = nodes.get(row.parent_id) if row.parent_id is not None else None
        if parent_node is None:
            node, siblings = Node(row, 0), roots
        elif parent_node.depth < max_depth:
            node, siblings = Node(row, parent_node.depth + 1), parent_node.children
        else:
            node = Node(row, max_depth, reply_to=parent_node.item)
            siblings = home[parent_node.item.id]
        siblings.append(node)
        nodes[row.id] = node
        home[row.id] = siblings
    return roots


def flatten(roots: list[Node]) -> list[Node]:
    """Depth-first order (what the tree shows from top to bottom), iteratively."""
    result, stack = [], list(reversed(roots))
    while stack:
        node = stack.pop()
        result.append(node)
        stack.extend(reversed(node.children))
    return result


def chronological(rows) -> list[Node]:
    """Flat view: every row at depth 0 in id order, with reply_to naming the parent row."""
    ordered = sorted(rows, key=lambda r: r.id)
    by_id = {row.id: row for row in ordered}
    return [Node(row, 0, reply_to=by_id.get(row.parent_id)) for row in ordered]


def layout(roots: list[Node]) -> list[tuple[Node, int]]:
    """Pre-order (node, closes) pairs for rendering the tree in one flat loop.

    `closes` is how many subtrees end right after this node (always a leaf), so a template
    can open a subtree after a node with children and close it without recursion.
    """
    result: list[list] = []
    stack = [iter(roots)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if stack and result:
                result[-1][1] += 1
            continue
        result.append([node, 0])
        if node.children:
            stack.append(iter(node.children))
    return [(node, closes) for node, closes in result]
