"""Shared building blocks: database types, Markdown rendering, permissions, errors, mail."""
