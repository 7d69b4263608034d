"""`flask search-reindex`: rebuild the search index from the features' data."""
import click

from alumni_hub.extensions import db
from alumni_hub.search import bp, indexing


@bp.cli.command("search-reindex")
def reindex_command():
    """Rebuild the whole search index (safe to run at any time, and again)."""
    counts = indexing.reindex_all(db.session)
    db.session.commit()
    for source, count in counts.items():
        click.echo(f"{source}: {count}")
