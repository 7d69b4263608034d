"""The pure tree builder: nesting, the depth cap, chronological order, no recursion limit."""
from collections import namedtuple

from alumni_hub.boards.tree import build_tree, chronological, flatten, layout

Row = namedtuple("Row", "id parent_id")


def test_replies_nest_under_their_parents_in_chronological_order():
    rows = [Row(1, None), Row(2, 1), Row(3, 1), Row(4, 2), Row(5, None)]
    roots = build_tree(rows)
    assert [n.item.id for n in roots] == [1, 5]
    assert [n.item.id for n in roots[0].children] == [2, 3]
    assert [n.item.id for n in roots[0].children[0].children] == [4]
    assert roots[0].children[0].children[0].depth == 2


def test_input_order_does_not_matter():
    rows = [Row(4, 2), Row(2, 1), Row(1, None), Row(3, 1)]
    assert [(n.item.id, n.depth) for n in flatten(build_tree(rows))] == [
        (1, 0), (2, 1), (4, 2), (3, 1)]


def test_replies_deeper_than_the_cap_stay_at_the_cap_and_name_their_parent():
    rows = [Row(i, i - 1 if i > 1 else None) for i in range(1, 7)]  # a chain 1..6
    flat = flatten(build_tree(rows, max_depth=3))
    assert [(n.item.id, n.depth) for n in flat] == [(1, 0), (2, 1), (3, 2), (4, 3), (5, 3), (6, 3)]
    assert flat[3].reply_to is None
    assert flat[4].reply_to.id == 4 and flat[5].reply_to.id == 5


def test_a_reply_whose_parent_is_missing_becomes_a_root():
    roots = build_tree([Row(1, None), Row(7, 99)])
    assert [n.item.id for n in roots] == [1, 7]


def test_a_chain_of_thousands_of_replies_builds_without_recursion():
    rows = [Row(i, i - 1 if i > 1 else None) for i in range(1, 5001)]
    flat = flatten(build_tree(rows, max_depth=6))
    assert len(flat) == 5000 and max(n.depth for n in flat) == 6


def test_subtree_size_counts_all_descendants():
    roots = build_tree([Row(1, None), Row(2, 1), Row(3, 2), Row(4, 1)])
    assert roots[0].size == 3 and roots[0].children[0].size == 1


def test_chronological_view_is_flat_and_names_the_parent():
    nodes = chronological([Row(3, 1), Row(1, None), Row(2, 1)])
    assert [(n.item.id, n.depth) for n in nodes] == [(1, 0), (2, 0), (3, 0)]
    assert nodes[0].reply_to is None and nodes[2].reply_to.id == 1


def test_layout_closes_each_subtree_after_its_last_leaf():
    roots = build_tree([Row(1, None), Row(2, 1), Row(3, 2), Row(4, 1), Row(5, None)])
    assert [(n.item.id, closes) for n, closes in layout(roots)] == [
        (1, 0), (2, 0), (3, 1), (4, 1), (5, 0)]
