"""Hostile Markdown generators: each takes a size n and returns text of about n characters.

Shared by tests/core/test_markup_cost.py (cost stays linear as n doubles) and
benchmarks/markdown_bench.py (absolute times at the largest sizes the forms accept).
"""


def _repeat(unit: str, n: int, tail: str = "x") -> str:
    return unit * max(1, n // len(unit)) + tail


HOSTILE = {
    "nested brackets": lambda n: "[" * (n // 2) + "x" + "]" * (n // 2),
    "open brackets": lambda n: _repeat("[a", n),
    "nested links": lambda n: "[a " * (n // 8) + "x" + "](/u)" * (n // 8),
    "image openers": lambda n: _repeat("![", n),
    "emphasis run": lambda n: _repeat("*a", n),
    "emphasis open/close": lambda n: "*" * (n // 2) + "a" + "_" * (n // 2),
    "strong in emphasis": lambda n: _repeat("*a **", n),
    "list nesting": lambda n: _repeat("- ", n),
    "ordered list nesting": lambda n: _repeat("1. ", n),
    "quote nesting": lambda n: _repeat("> ", n),
    "quote ladder": lambda n: "".join(">" * i + " x\n" for i in range(1, 2 * int(n ** 0.5))),
    "long link reference": lambda n: ("[r]: /" + "a" * (n // 2) + "\n\n"
                                      + "[r] " * (n // 8)),
    "many references": lambda n: "".join(f"[r{i}]: /u{i}\n" for i in range(n // 14))
                                 + "[r1]",
    "backtick runs": lambda n: "`" * (n // 4) + "a" + "``x" * (n // 4),
    "backtick ladder": lambda n: "".join("`" * i + "a" for i in range(1, int((2 * n) ** .5))),
    "html comment flood": lambda n: _repeat("<!--", n),
    "entity flood": lambda n: _repeat("&amp;", n),
    "numeric entity flood": lambda n: _repeat("&#x1F600;", n),
    "unclosed tags": lambda n: _repeat("<a", n),
    "nested html": lambda n: _repeat("<div>", n),
    "nested html with quoted <>": lambda n: _repeat('<b title="<>">', n),
    "nested blockquote html": lambda n: _repeat("<blockquote>", n),
    "wide table": lambda n: "|a" * (n // 40) + "\n" + "|-" * (n // 40) + "\n"
                            + ("|x" * (n // 40) + "\n") * 18,
    "autolink flood": lambda n: _repeat("http://a.b/(( ", n),
    "underscores in words": lambda n: _repeat("a_b_", n),
    "link destinations": lambda n: _repeat("[a](<b ", n),
}
