"""Watching threads and categories; starting or replying to a thread watches it."""
from sqlalchemy import select

from alumni_hub.boards.models import CategoryWatch, ThreadWatch
from alumni_hub.extensions import db


def watch_thread(*, user, thread_id: int) -> None:
    if db.session.get(ThreadWatch, (user.id, thread_id)) is None:
        db.session.add(ThreadWatch(user_id=user.id, thread_id=thread_id))


def set_thread_watch(*, user, thread_id: int, on: bool) -> None:
    if on:
        watch_thread(user=user, thread_id=thread_id)
    else:
        db.session.execute(db.delete(ThreadWatch).where(
            ThreadWatch.user_id == user.id, ThreadWatch.thread_id == thread_id))


def set_category_watch(*, user, category_id: int, on: bool) -> None:
    existing = db.session.get(CategoryWatch, (user.id, category_id))
    if on and existing is None:
        db.session.add(CategoryWatch(user_id=user.id, category_id=category_id))
    elif not on and existing is not None:
        db.session.delete(existing)


def watches_thread(*, user, thread_id: int) -> bool:
    return db.session.scalar(select(ThreadWatch.user_id).where(
        ThreadWatch.user_id == user.id, ThreadWatch.thread_id == thread_id)) is not None


def watches_category(*, user, category_id: int) -> bool:
    return db.session.scalar(select(CategoryWatch.user_id).where(
        CategoryWatch.user_id == user.id, CategoryWatch.category_id == category_id)) is not None
