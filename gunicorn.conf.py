"""Settings gunicorn reads by itself from the directory it is started in (the README's
command runs in the project folder); the command line still says how many workers etc."""


def post_worker_init(worker):
    """Load search's German word list (~37,000 words, 1–2 s) before the worker takes
    requests, instead of in the first search or the first post of every process."""
    from alumni_hub.search import compounds  # noqa: PLC0415

    compounds.vocabulary()
