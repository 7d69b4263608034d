"""Every write of the chat: messages (messages.py), moderation (moderating.py), presence."""
