"""The audit log speaks German: every action the code records has a label, details read well."""
import ast
from pathlib import Path

import alumni_hub
from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.members.services.curation import _KINDS as CURATED_LISTS
from alumni_hub.moderation.audit_labels import ACTION_LABELS, describe_details
from alumni_hub.moderation.models import REPORT_STATUSES
from alumni_hub.moderation.services import record

PACKAGE = Path(alumni_hub.__file__).parent

# Actions built with an f-string, and the values the code allows in them.
DYNAMIC = {
    "report.{action}": {f"report.{s}" for s in REPORT_STATUSES if s != "open"},
    "{target_type}.created": {f"{kind}.created" for kind, *_ in CURATED_LISTS.values()},
    "{target_type}.renamed": {f"{kind}.renamed" for kind, *_ in CURATED_LISTS.values()},
}


def _parsed_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield ast.parse(path.read_text(encoding="utf-8"))


def _calls_by_function():
    """[(function name, function node, call node)] for every call inside a function."""
    found = []
    for tree in _parsed_modules():
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [(function.name, function, call) for call in ast.walk(function)
                          if isinstance(call, ast.Call)]
    return found


def _name(call: ast.Call) -> str:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", "")


def _actions(expr, function, calls) -> set[str]:
    """The action strings `expr` can be, following plain parameters to their callers."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return _actions(expr.body, function, calls) | _actions(expr.orelse, function, calls)
    if isinstance(expr, ast.JoinedStr):
        pattern = "".join(part.value if isinstance(part, ast.Constant)
                          else "{" + ast.unparse(part.value) + "}" for part in expr.values)
        assert pattern in DYNAMIC, f"list the values of {pattern!r} in DYNAMIC"
        return DYNAMIC[pattern]
    if isinstance(expr, ast.Name):
        params = [a.arg for a in function.args.args + function.args.kwonlyargs]
        assert expr.id in params, f"cannot follow action {expr.id!r} in {function.name}()"
        index = params.index(expr.id)
        found = set()
        for _caller_name, caller, call in calls:
            if _name(call) != function.name:
                continue
            passed = [k.value for k in call.keywords if k.arg == expr.id]
            if not passed and index < len(call.args):
                passed = [call.args[index]]
            for value in passed:
                found |= _actions(value, caller, calls)
        return found
    raise AssertionError(f"unreadable action in {function.name}(): {ast.unparse(expr)}")


def recorded_actions() -> set[str]:
    calls = _calls_by_function()
    actions = set()
    for _function_name, function, call in calls:
        if _name(call) == "record" and function.name != "record":
            for keyword in call.keywords:
                if keyword.arg == "action":
                    actions |= _actions(keyword.value, function, calls)
    return actions


def test_scan_finds_the_actions_of_every_feature():
    actions = recorded_actions()
    assert {"thread.pinned", "post.hidden", "wiki.page_protected", "topic.created",
            "report.dismissed", "thread.answer_accepted", "user.role_changed"} <= actions


def test_every_recorded_action_has_a_german_label():
    missing = sorted(recorded_actions() - ACTION_LABELS.keys())
    assert missing == [], f"add labels to moderation/audit.py: {missing}"


def test_role_change_details_read_old_and_new_role():
    lines = describe_details("user.role_changed",
                             {"from": "member", "to": "moderator", "name": "Ida"})
    assert lines == ["Alt: Mitglied → Neu: Moderator:in", "Name: Ida"]


def test_category_update_lists_only_what_changed():
    lines = describe_details("category.updated", {
        "before": {"name": "Tipps", "position": 1, "archived": False},
        "after": {"name": "Tipps & Tricks", "position": 1, "archived": True}})
    assert lines == ["Archiviert: nein → ja", "Name: Tipps → Tipps & Tricks"]


def test_audit_log_page_shows_labels_and_readable_details(app, client, auth, make_user):
    moderator = make_user(role="moderator", display_name="Mona Moderatorin")
    with app.app_context():
        actor = db.session.get(User, moderator.id)
        record(actor=actor, action="thread.pinned", target_type="thread", target_id=7,
               details={"title": "MINT-Mobil"})
        record(actor=actor, action="post.hidden", target_type="post", target_id=9,
               details={"thread_id": 7, "reason": "Werbung"})
        record(actor=actor, action="wiki.page_renamed", target_type="wiki_page", target_id=3,
               details={"from": "Kisten", "to": "Experimentierkisten"})
        db.session.commit()
    auth.login(moderator)
    page = client.get("/moderation/protokoll").get_data(as_text=True)
    for text in ("Diskussion angeheftet", "Beitrag ausgeblendet", "Wiki-Seite umbenannt",
                 "Diskussion #7", "Wiki-Seite #3", "Titel: MINT-Mobil", "Grund: Werbung",
                 "Alt: Kisten → Neu: Experimentierkisten"):
        assert text in page
    for raw in ("thread.pinned", "post.hidden", "wiki_page", "{", "thread_id"):
        assert raw not in page
