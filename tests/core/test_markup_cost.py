"""Markdown costs time in proportion to its length, for every kind of hostile input.

Relative time, never a wall-clock threshold: rendering four times the text (two doublings)
may take about four times as long (linear), not sixteen times (quadratic). Measured in CPU time of this thread, so other
processes on a busy machine do not count. Absolute figures: benchmarks/markdown_bench.py.
"""
import time

import pytest

from alumni_hub.core.markup import render, render_inline_plain, shows_text
from benchmarks.markdown_corpus import HOSTILE

SMALL = 10_000
LARGE = 4 * SMALL  # twice the largest forum post; a mid-sized wiki page
# Linear: x4, quadratic: x16; the geometric middle leaves room for noise both ways.
MAX_RATIO = 8.0


def _seconds(text: str) -> float:
    start = time.thread_time()
    render(text)
    return time.thread_time() - start


def _best_times(small_text: str, large_text: str, runs: int = 11) -> tuple[float, float]:
    """Best of `runs` for each, alternating, so a busy moment on the (shared) machine
    slows one run of each rather than all runs of one."""
    small = large = float("inf")
    for _ in range(runs):
        small = min(small, _seconds(small_text))
        large = min(large, _seconds(large_text))
    return small, large


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_markdown_cost_stays_linear_as_input_doubles(kind):
    make = HOSTILE[kind]
    small, large = _best_times(make(SMALL), make(LARGE))
    # A floor keeps the ratio meaningful when both runs take only microseconds.
    floor = 0.0003
    small, large = max(small, floor), max(large, floor)
    assert large / small < MAX_RATIO, f"{kind}: {small:.4f}s -> {large:.4f}s"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_markdown_renders_and_excerpts_without_error(kind):
    text = HOSTILE[kind](20_000)
    html = render(text)
    assert isinstance(html, str)
    assert isinstance(render_inline_plain(text), str)


@pytest.mark.parametrize("text", ["- " * 500 + "x", "> " * 5000 + "x", "1. " * 2000 + "x",
                                  "<blockquote>" * 5000 + "x", "* " * 500 + "x"])
def test_deep_nesting_is_flattened_and_keeps_the_text(text):
    html = render(text)
    assert "x" in html and shows_text(html)
    assert html.count("<blockquote>") <= 40 and html.count("<ul>") <= 40


def test_ordinary_nesting_is_kept():
    html = render("> Zitat\n>\n> - Punkt\n>   - Unterpunkt\n>     > innen")
    assert html.count("<blockquote>") == 2 and html.count("<ul>") == 2
    assert "innen" in html
