"""Routes of the members blueprint: own profile, profile pages, directory and map."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.core.markup import render
from alumni_hub.core.urls import parse_db_int
from alumni_hub.extensions import db
from alumni_hub.members import access, bp
from alumni_hub.members.choices import NETWORK_TYPE_LABELS, network_type_label
from alumni_hub.members.germany_map import map_states, view_box
from alumni_hub.members.services import profiles as services
from alumni_hub.members.forms import DirectoryForm, ProfileForm
from alumni_hub.members.models import BUNDESLAENDER
from alumni_hub.members.queries import (DirectoryFilter, active_topics, all_cohorts,
                                        bundesland_counts, search_directory)


@bp.route("/profil", methods=["GET", "POST"])
@login_required
def edit_profile():
    user = current_user._get_current_object()
    profile = services.get_or_create_profile(user)
    form = ProfileForm(data=None if request.method == "POST" else _form_data(user, profile))
    form.set_options(cohorts=all_cohorts(), topics=active_topics())
    if form.preview.data:  # shown, not stored: the member is still writing
        return render_template("members/edit_profile.html", form=form, profile=profile,
                               preview_html=render(form.bio.data))
    if form.validate_on_submit():
        try:
            services.update_profile(user=user, data=_profile_input(form))
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error, field="display_name")
        else:
            db.session.commit()
            flash(_("Dein Profil ist gespeichert."), "success")
            return redirect(url_for("members.view_profile", user_id=user.id))
    return render_template("members/edit_profile.html", form=form, profile=profile)


def _form_data(user, profile) -> dict:
    return {
        "display_name": user.display_name, "organisation": profile.organisation,
        "network_name": profile.network_name, "network_type": profile.network_type or "",
        "bundesland": profile.bundesland or "", "city": profile.city,
        "cohort": str(profile.cohort_id or ""), "free_tags": profile.free_tags,
        "topics": [str(topic.id) for topic in profile.topics],
        "can_help_with": profile.can_help_with, "seeks_help_with": profile.seeks_help_with,
        "bio": profile.bio_md, "listed_in_directory": profile.listed_in_directory,
        "show_email": profile.show_email,
    }


def _profile_input(form: ProfileForm) -> services.ProfileInput:
    return services.ProfileInput(
        display_name=form.display_name.data or "", organisation=form.organisation.data or "",
        network_name=form.network_name.data or "", network_type=form.network_type.data or None,
        bundesland=form.bundesland.data or None, city=form.city.data or "",
        cohort_id=int(form.cohort.data) if form.cohort.data else None,
        topic_ids=tuple(int(value) for value in form.topics.data or []),
        free_tags=form.free_tags.data or "", can_help_with=form.can_help_with.data or "",
        seeks_help_with=form.seeks_help_with.data or "", bio_md=form.bio.data or "",
        listed_in_directory=form.listed_in_directory.data, show_email=form.show_email.data,
    )


@bp.route("/<int:user_id>")
@login_required
def view_profile(user_id: int):
    member = access.get_member(user_id=user_id, viewer=current_user)
    return render_template("members/view_profile.html", member=member, profile=member.profile,
                           network_type_label=network_type_label, bundeslaender=BUNDESLAENDER)


@bp.route("/")
@login_required
def directory():
    form = DirectoryForm(request.args)
    form.set_options(cohorts=all_cohorts(), topics=active_topics())
    filters = DirectoryFilter(
        q=form.q.data or "", bundesland=form.bundesland.data or "",
        network_type=form.network_type.data or "",
        cohort_id=parse_db_int(form.cohort.data),
        topic_slug=form.topic.data or "")
    page = search_directory(filters=filters, page=request.args.get("page", 1, type=int),
                            per_page=current_app.config["PER_PAGE"])
    filtered = any(value for value in (filters.q, filters.bundesland, filters.network_type,
                                       filters.cohort_id, filters.topic_slug))
    return render_template("members/directory.html", form=form, page=page, filtered=filtered,
                           network_types=NETWORK_TYPE_LABELS, bundeslaender=BUNDESLAENDER)


@bp.route("/karte")
@login_required
def map():  # noqa: A001 - the endpoint name members.map is agreed with the other branches
    counts = bundesland_counts()
    return render_template("members/map.html", states=map_states(counts), view_box=view_box(),
                           total=sum(counts.values()))
