"""Work deferred until after the answer runs once, after the answer, whatever the answer was."""
import pytest
from flask import has_request_context, request

from alumni_hub.core.deferred import after_response
from tests.core.apps import config_like, isolated_app


@pytest.fixture
def deferring_app(app):
    """An app with one route that defers work, then answers as `?end=` says."""
    ran = []
    with isolated_app(config_like(app, PROPAGATE_EXCEPTIONS=False)) as other:
        @other.route("/_deferring")
        def deferring():
            after_response(lambda: ran.append(("ran", has_request_context())))
            if request.args.get("end") == "error":
                raise RuntimeError("the page broke after the work was deferred")
            return "fertig"

        yield other, ran


def test_work_waits_for_the_answer_and_runs_once(deferring_app):
    other, ran = deferring_app
    response = other.test_client().get("/_deferring", buffered=False)
    assert response.get_data(as_text=True) == "fertig"
    assert ran == []
    response.close()
    response.close()
    assert ran == [("ran", False)]


def test_work_runs_once_after_an_error_page(deferring_app):
    other, ran = deferring_app
    response = other.test_client().get("/_deferring?end=error", buffered=False)
    assert response.status_code == 500 and "Interner Fehler" in response.get_data(as_text=True)
    assert ran == []
    response.close()
    assert ran == [("ran", False)]


def test_work_runs_once_when_the_error_reaches_the_server(deferring_app):
    other, ran = deferring_app
    other.config["PROPAGATE_EXCEPTIONS"] = True
    with pytest.raises(RuntimeError):
        other.test_client().get("/_deferring?end=error")
    assert ran == [("ran", False)]


def test_work_outside_a_request_runs_when_the_context_ends(app):
    ran = []
    with app.app_context():
        after_response(lambda: ran.append("ran"))
        assert ran == []
    assert ran == ["ran"]
