"""Profile photos: checked by content, two sizes without EXIF, served safely, removable,
shown beside posts, in the directory and on the profile, and gone with the account."""
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db


@pytest.fixture(autouse=True)
def _empty_upload_folder(app):
    """User ids start at 1 in every test; files of an earlier test must not count."""
    shutil.rmtree(Path(app.config["UPLOAD_FOLDER"]) / "photos", ignore_errors=True)


def _picture(fmt="JPEG", size=(800, 600), exif_gps=False) -> bytes:
    image = Image.new("RGB", size, "teal")
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "Kamera GmbH"  # Make
        exif.get_ifd(0x8825)[2] = (52.0, 31.0, 12.0)  # GPSLatitude: where the picture was taken
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


def _upload(client, data: bytes, filename="foto.jpg"):
    return client.post("/mitglieder/profil/foto", data={"photo": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def _photo_key(app, user):
    with app.app_context():
        return db.session.get(User, user.id).photo_key


def _files(app, user) -> list[Path]:
    return sorted((Path(app.config["UPLOAD_FOLDER"]) / "photos").glob(f"{user.id}-*"))


def test_uploaded_photo_is_stored_in_two_sizes_without_exif(app, client, auth):
    user = auth.login()
    response = _upload(client, _picture(exif_gps=True))
    assert response.status_code == 302
    files = _files(app, user)
    assert len(files) == 2
    sizes = sorted(Image.open(f).size for f in files)
    assert sizes == [(96, 96), (320, 320)]
    for path in files:
        image = Image.open(path)
        assert image.format == "JPEG" and not image.getexif() and "exif" not in image.info


def test_photo_is_served_as_jpeg_that_can_run_nothing(app, client, auth, make_user):
    owner = make_user()
    auth.login(owner)
    _upload(client, _picture("PNG"), filename="ich.png")
    auth.logout()
    auth.login()  # another member
    response = client.get(f"/mitglieder/{owner.id}/foto/gross")
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(response.data)).size == (320, 320)


@pytest.mark.parametrize(("data", "filename", "message"), [
    (b"<script>alert(1)</script>", "foto.jpg", "kein lesbares Foto"),
    (_picture("GIF"), "foto.gif", "JPEG, PNG oder WebP"),
    (b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), "riesig.jpg", "größer als 5 MB"),
])
def test_not_a_photo_is_refused_by_content_next_to_the_field(app, client, auth, data, filename,
                                                             message):
    user = auth.login()
    response = _upload(client, data, filename)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and 'class="field-error"' in page
    assert _photo_key(app, user) is None and _files(app, user) == []


def test_webp_by_content_is_accepted_whatever_its_name(app, client, auth):
    user = auth.login()
    _upload(client, _picture("WEBP"), filename="bild.txt")
    assert _photo_key(app, user) is not None


def test_new_photo_replaces_the_old_files(app, client, auth):
    user = auth.login()
    _upload(client, _picture())
    first = _files(app, user)
    _upload(client, _picture("PNG"))
    assert len(_files(app, user)) == 2 and not set(first) & set(_files(app, user))


def test_photo_is_shown_on_profile_in_directory_and_beside_posts(app, client, auth, make_member):
    user = make_member(display_name="Paula Porträt")
    auth.login(user)
    _upload(client, _picture())
    key = _photo_key(app, user)
    small = f'/mitglieder/{user.id}/foto/klein?v={key}'
    assert f'/mitglieder/{user.id}/foto/gross?v={key}' in client.get(
        f"/mitglieder/{user.id}").get_data(as_text=True)
    assert small in client.get("/mitglieder/").get_data(as_text=True)
    from alumni_hub.boards.services import categories, threads
    with app.app_context():
        author = db.session.get(User, user.id)
        category = categories.create_category(actor=author, name="Allgemein")
        thread = threads.create_thread(author=author, category=category, kind="discussion",
                                       title="Hallo zusammen", body_md="Ich bin neu.")
        db.session.commit()
        url = f"/foren/thema/{thread.id}-{thread.slug}"
    assert small in client.get(url).get_data(as_text=True)


def test_without_photo_the_initials_stand_in_a_coloured_circle(client, auth, make_member):
    user = make_member(display_name="Anna-Lena Schmidt")
    auth.login(user)
    page = client.get(f"/mitglieder/{user.id}").get_data(as_text=True)
    assert f'<span class="avatar avatar-large avatar-c{user.id % 6}" aria-hidden="true">AS</span>' in page


def test_removing_the_photo_deletes_the_files(app, client, auth):
    user = auth.login()
    _upload(client, _picture())
    client.post("/mitglieder/profil/foto/entfernen")
    assert _photo_key(app, user) is None and _files(app, user) == []
    assert "Foto hochladen" in client.get("/mitglieder/profil").get_data(as_text=True)


def test_photo_files_go_with_the_account(app, client, auth):
    user = auth.login()
    _upload(client, _picture())
    with app.app_context():
        db.session.delete(db.session.get(User, user.id))
        db.session.rollback()  # a deletion that did not happen keeps the photo
    assert len(_files(app, user)) == 2
    with app.app_context():
        db.session.delete(db.session.get(User, user.id))
        db.session.commit()
    assert _files(app, user) == []


def test_reloading_a_failed_upload_shows_the_form_again(client, auth):
    auth.login()
    page = client.get("/mitglieder/profil/foto").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'accept="image/jpeg,image/png,image/webp"' in page
