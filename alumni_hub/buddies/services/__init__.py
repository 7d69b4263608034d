"""Every write of the buddy programme: flush, raise core.errors subclasses, never commit."""
