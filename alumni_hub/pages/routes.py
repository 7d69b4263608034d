"""Start page and the legal pages, which are public."""
from flask import current_app, render_template
from flask_login import current_user, login_required

from alumni_hub.pages import bp
from alumni_hub.pages.cards import cards_for


@bp.route("/")
@login_required
def home():
    # Everything on the start page is a card some feature registered (pages/cards.py).
    return render_template("pages/home.html", cards=cards_for(current_user))


@bp.route("/impressum")
def imprint():
    return render_template("pages/imprint.html", operator=_operator())


@bp.route("/datenschutz")
def privacy():
    return render_template("pages/privacy.html", operator=_operator())


def _operator() -> dict:
    c = current_app.config
    return {"name": c["OPERATOR_NAME"], "address": c["OPERATOR_ADDRESS"],
            "email": c["OPERATOR_EMAIL"], "representative": c["OPERATOR_REPRESENTATIVE"]}
