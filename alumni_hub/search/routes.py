"""The results page: tabs by kind, filters, ranked hits, hints when nothing is found."""
from flask import render_template, request, url_for
from flask_babel import format_number
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.search import bp, queries, suggestions
from alumni_hub.search.forms import SearchForm
from alumni_hub.search.providers import kinds, providers


def _category_choices(kind: str) -> list[SelectChoice]:
    for provider in providers():
        if provider.kind == kind and provider.categories is not None:
            return [SelectChoice("", _("Alle Kategorien")),
                    *(SelectChoice(key, label) for key, label in provider.categories())]
    return []


@bp.route("/")
@login_required
def results():
    form = SearchForm(request.args)
    tabs = kinds()
    params = form.params({kind for kind, _label in tabs})
    form.kategorie.choices = _category_choices(params.kind)
    form.check()
    user = current_user._get_current_object()
    found = queries.search(user, params)
    suggestion = None
    if params.text and not found.total:
        suggestion = suggestions.suggest(user, params.text)
    author = db.session.get(User, params.author_id) if params.author_id else None
    return render_template("search/results.html", form=form, params=params, found=found,
                           tabs=tabs, labels=dict(tabs), suggestion=suggestion, author=author,
                           cap=format_number(queries.WINDOW))


@bp.app_template_global()
def search_url(**changes) -> str:
    """The results page with the current search, some filters changed (None drops one);
    any change but the page number starts again on page 1."""
    args = {k: v for k, v in request.args.items() if k in SearchForm.FIELDS and v}
    if "seite" not in changes:
        args.pop("seite", None)
    args.update(changes)
    return url_for("search.results", **{k: v for k, v in args.items() if v not in (None, "")})
