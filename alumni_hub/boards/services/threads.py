"""Starting threads and marking accepted answers."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.boards.access import can_accept, is_moderator
from alumni_hub.boards.models import KIND_DISCUSSION, KIND_QUESTION, Category, Post, Thread
from alumni_hub.boards.services.posts import clean_body, new_post
from alumni_hub.core.text import slugify
from alumni_hub.core.validation import required_text
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import PermissionDenied, ValidationError
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic
from alumni_hub.moderation.services import record

TITLE_MAX = 200


def clean_title(title: str | None) -> str:
    return required_text(title, field="title", max_length=TITLE_MAX, single_line=True,
                         empty=_l("Bitte gib einen Titel ein."),
                         too_long=_l("Der Titel darf höchstens %(max)s Zeichen lang sein.",
                                     max=TITLE_MAX))


def rename_thread(thread: Thread, title: str) -> None:
    """A new title (from editing the opening post); the slug follows, old links keep working."""
    thread.title = clean_title(title)
    thread.slug = slugify(thread.title, max_length=100)


def create_thread(*, author: User, category: Category, title: str, kind: str, body_md: str,
                  topic_ids=()) -> Thread:
    """A new question or discussion with its opening post; the author watches it."""
    title = clean_title(title)
    clean_body(body_md)
    if kind not in (KIND_QUESTION, KIND_DISCUSSION):
        raise ValidationError(_l("Bitte wähle, ob es eine Frage oder eine Diskussion ist."),
                              field="kind")
    if category.archived and not is_moderator(author):
        raise ValidationError(_l("Diese Kategorie ist archiviert."), field="title")
    now = utcnow()
    thread = Thread(category=category, title=title, slug=slugify(title, max_length=100),
                    kind=kind, author=author, created_at=now, last_post_at=now,
                    last_post_author=author)
    if topic_ids:
        thread.topics = list(db.session.scalars(select(Topic).where(Topic.id.in_(topic_ids))))
    db.session.add(thread)
    db.session.flush()
    new_post(thread=thread, author=author, body_md=body_md, parent=None)
    return thread


def accept_answer(*, thread: Thread, post: Post, actor: User) -> None:
    """The asker (or a moderator) marks one reply as the answer; the thread is then solved."""
    if not thread.is_question:
        raise ValidationError(_l("Nur bei Fragen kann eine Antwort markiert werden."))
    if not can_accept(actor, thread):
        raise PermissionDenied(_l("Nur wer die Frage gestellt hat, kann eine Antwort als "
                                  "Lösung markieren."))
    if post.thread_id != thread.id or post.parent_id is None or not post.visible:
        raise ValidationError(_l("Dieser Beitrag kann nicht als Antwort markiert werden."))
    thread.accepted_post_id = post.id
    _audit_if_moderator(actor, thread, "thread.answer_accepted", {"post_id": post.id})


def unaccept_answer(*, thread: Thread, actor: User) -> None:
    if not can_accept(actor, thread):
        raise PermissionDenied(_l("Nur wer die Frage gestellt hat, kann die Markierung "
                                  "aufheben."))
    thread.accepted_post_id = None
    _audit_if_moderator(actor, thread, "thread.answer_unaccepted", {})


def _audit_if_moderator(actor: User, thread: Thread, action: str, details: dict) -> None:
    # Acting on someone else's question is a moderator action and goes into the log.
    if thread.author_id != actor.id:
        record(actor=actor, action=action, target_type="thread", target_id=thread.id,
               details=details)
