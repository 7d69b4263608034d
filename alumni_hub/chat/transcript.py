"""A room's transcript as Markdown, from plain rows (no Flask, no database)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    time: str          # already formatted, e.g. "18:04"
    author: str
    text_md: str
    question: bool = False
    answered: bool = False
    reply_to: str = ""  # the quoted author's name, if a reply


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


def render_transcript(*, title: str, subtitle: str, lines: list[Line],
                      labels: dict[str, str]) -> str:
    """labels: "question", "answered", "reply_to" (with %(name)s), "empty"."""
    out = [f"# {title}", "", subtitle, ""]
    if not lines:
        out += [labels["empty"], ""]
    for line in lines:
        marks = []
        if line.question:
            marks.append(labels["answered"] if line.answered else labels["question"])
        if line.reply_to:
            marks.append(labels["reply_to"] % {"name": line.reply_to})
        head = f"**{line.author}** ({line.time})" + (f" – {', '.join(marks)}" if marks else "")
        out += [head, "", _quote(line.text_md), ""]
    return "\n".join(out).rstrip() + "\n"
