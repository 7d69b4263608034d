"""Time core.markup.render on hostile Markdown at the largest sizes the forms accept.

    .venv/bin/python benchmarks/markdown_bench.py

Prints, per input kind, the best of three runs at 5,000 (profile text), 20,000 (forum
post) and 200,000 characters (wiki page); targets: < 100 ms for forum and profile sizes,
< 1 s for the largest wiki page.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alumni_hub.core.markup import render  # noqa: E402
from benchmarks.markdown_corpus import HOSTILE  # noqa: E402

SIZES = (5_000, 20_000, 200_000)


def best_of(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        render(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print(f"{'input':32}" + "".join(f"{size:>12,}" for size in SIZES))
    worst = dict.fromkeys(SIZES, 0.0)
    for kind, make in sorted(HOSTILE.items()):
        times = {size: best_of(make(size)) for size in SIZES}
        for size, seconds in times.items():
            worst[size] = max(worst[size], seconds)
        print(f"{kind:32}" + "".join(f"{times[s] * 1000:>10.1f}ms" for s in SIZES))
    print(f"{'worst':32}" + "".join(f"{worst[s] * 1000:>10.1f}ms" for s in SIZES))


if __name__ == "__main__":
    main()
