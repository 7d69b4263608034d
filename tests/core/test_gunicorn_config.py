"""gunicorn.conf.py: what every production worker does before it answers requests."""
import runpy
from pathlib import Path

from gunicorn.config import Config

from alumni_hub.search import compounds

ROOT = Path(__file__).resolve().parents[2]


def test_gunicorn_started_in_the_project_folder_reads_the_file():
    assert Config().settings["config"].default == "./gunicorn.conf.py"
    assert (ROOT / "gunicorn.conf.py").is_file()


def test_worker_loads_the_search_word_list_before_the_first_request():
    hooks = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    compounds.vocabulary.cache_clear()
    hooks["post_worker_init"](worker=None)
    assert compounds.vocabulary.cache_info().currsize == 1
    assert "kiste" in compounds.vocabulary()
