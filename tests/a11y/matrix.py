"""Routes added for issue 14 (language switch, favicon, profile photos) in the route matrix.

A11Y_PAGES is the list tests/browser/test_accessibility.py checks; see its docstring.
"""
PUBLIC, MEMBER = "public", "member"

ACCESS = {
    "accounts.set_language": PUBLIC,
    "favicon": PUBLIC,
}
ACCESS.update({
    "members.upload_photo": MEMBER, "members.remove_photo": MEMBER, "members.photo": MEMBER,
})


def build(users, values) -> dict:
    """The member of the world gets a profile photo, so members.photo has a file to serve."""
    import io  # noqa: PLC0415

    from flask import current_app  # noqa: PLC0415
    from PIL import Image  # noqa: PLC0415

    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415
    from alumni_hub.members import photos  # noqa: PLC0415

    picture = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(picture, "PNG")
    photos.store_photo(user=db.session.get(User, users["member"].id), data=picture.getvalue(),
                       folder=current_app.config["UPLOAD_FOLDER"])
    return {}
